//! Speech mode in a headless bevy app (MinimalPlugins, injected keyboard messages and jack
//! events): keys and headphones reach the speech state and the flow, the screen is spoken
//! through the speech thread (real engines, a recording output), and a flow reset from
//! outside speech mode ends it.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyCode, KeyboardInput};
use bevy::prelude::*;
use madoguchi_kiosk::flow::{KioskEvent, KioskState};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::speech::audio::SpeechAudio;
use madoguchi_kiosk::speech::jack::Jack;
use madoguchi_kiosk::speech::output::Output;
use madoguchi_kiosk::speech::pcm::Pcm;
use madoguchi_kiosk::speech::synth::Key as PhraseKey;
use madoguchi_kiosk::speech::voice::{self, SpeechPaths};
use madoguchi_kiosk::speech::{SpeechKey, bench};
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::ui::app::Kiosk;
use madoguchi_kiosk::ui::speech::{self, Speech};
use madoguchi_kiosk::{sample, view};
use madoguchi_protocol::Lang;

#[derive(Clone, Default)]
struct Heard(Arc<Mutex<Vec<String>>>);

impl Output for Heard {
    fn append(&mut self, text: &str, _pcm: &Pcm) {
        if let Ok(mut h) = self.0.lock() {
            h.push(text.to_owned());
        }
    }
    fn stop(&mut self) {
        if let Ok(mut h) = self.0.lock() {
            h.push("<stop>".into());
        }
    }
    fn set_volume(&mut self, _gain: f32) {}
}

impl Heard {
    fn all(&self) -> Vec<String> {
        self.0.lock().map(|h| h.clone()).unwrap_or_default()
    }
    fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while !self.all().iter().any(|t| t == what) {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "never heard {what:?}: {:?}",
                self.all()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

struct Setup {
    app: App,
    heard: Heard,
    jack: mpsc::Sender<Jack>,
    i18n: Arc<Localizer>,
    tree: Arc<TriageTree>,
}

fn setup() -> Option<Setup> {
    let engines = voice::check_at_start(&SpeechPaths::default());
    if engines.len() < 2 {
        eprintln!("SKIPPED: a speech engine is missing (scripts/setup.sh installs both)");
        return None;
    }
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let mut state = KioskState::new(tree.clone());
    state.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site())),
        Duration::ZERO,
    );
    let heard = Heard::default();
    let out = heard.clone();
    let audio = SpeechAudio::spawn_with(
        SpeechPaths::default(),
        engines,
        Box::new(move || Box::new(out) as Box<dyn Output>),
    )
    .expect("speech thread");
    let (jack, rx) = mpsc::channel();
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_message::<KeyboardInput>()
        .insert_resource(Kiosk {
            state,
            i18n: i18n.clone(),
            start: Instant::now(),
            net: None,
            effects: Vec::new(),
            fixed_now: Some(Duration::from_secs(1)),
        })
        .insert_resource(Speech::new(i18n.clone(), Some(audio), Some(rx)))
        .add_plugins(speech::plugin);
    app.update();
    Some(Setup {
        app,
        heard,
        jack,
        i18n,
        tree,
    })
}

fn code(key: SpeechKey) -> (KeyCode, Key) {
    let digit = |d: u8| {
        let codes = [
            KeyCode::Numpad0,
            KeyCode::Numpad1,
            KeyCode::Numpad2,
            KeyCode::Numpad3,
            KeyCode::Numpad4,
            KeyCode::Numpad5,
            KeyCode::Numpad6,
            KeyCode::Numpad7,
            KeyCode::Numpad8,
            KeyCode::Numpad9,
        ];
        (codes[usize::from(d)], Key::Character(d.to_string().into()))
    };
    match key {
        SpeechKey::Digit(d) => digit(d),
        SpeechKey::Enter => (KeyCode::NumpadEnter, Key::Enter),
        SpeechKey::Down => (KeyCode::ArrowDown, Key::ArrowDown),
        SpeechKey::Up => (KeyCode::ArrowUp, Key::ArrowUp),
        other => panic!("no key code for {other:?} in this test"),
    }
}

fn press(app: &mut App, key: SpeechKey) {
    let (key_code, logical_key) = code(key);
    app.world_mut().write_message(KeyboardInput {
        key_code,
        logical_key,
        state: ButtonState::Pressed,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
    app.update();
}

fn heard_text(lang: Lang, text: &str) -> String {
    PhraseKey::new(lang, 100, text).text
}

fn active(app: &App) -> bool {
    app.world().resource::<Speech>().state.active()
}

#[test]
fn plugging_in_headphones_starts_speech_mode_and_it_is_heard() {
    let Some(mut s) = setup() else { return };
    assert!(!active(&s.app));
    s.jack.send(Jack::Plugged).expect("jack");
    s.app.update();
    assert!(active(&s.app), "headphones start speech mode");
    let start = Instant::now();
    while s.heard.all().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "nothing was said"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn keys_alone_choose_english_and_the_purpose_screen_is_spoken() {
    let Some(mut s) = setup() else { return };
    // Any key starts speech mode.
    press(&mut s.app, SpeechKey::Enter);
    assert!(active(&s.app));
    let keys = bench::keys_to_choose(&s.tree, &s.i18n, Lang::En).expect("a way to choose English");
    for key in keys {
        press(&mut s.app, key);
    }
    let kiosk = s.app.world().resource::<Kiosk>();
    assert_eq!(kiosk.state.lang, Lang::En);
    let v = view::build(&kiosk.state, &kiosk.i18n, kiosk.now());
    assert_eq!(v.name, "purpose");
    s.heard
        .wait_for(&heard_text(Lang::En, &s.i18n.t(Lang::En, "purpose-title")));
}

#[test]
fn a_reset_from_outside_speech_mode_ends_it_and_silences_it() {
    let Some(mut s) = setup() else { return };
    press(&mut s.app, SpeechKey::Enter);
    for key in bench::keys_to_choose(&s.tree, &s.i18n, Lang::Vi).expect("a way to choose vi") {
        press(&mut s.app, key);
    }
    assert!(active(&s.app));
    s.heard
        .wait_for(&heard_text(Lang::Vi, &s.i18n.t(Lang::Vi, "purpose-title")));
    let before = s.heard.all().len();
    // A tap on Finish, or the idle timeout: the flow goes home without speech mode.
    s.app
        .world_mut()
        .resource_mut::<Kiosk>()
        .apply(KioskEvent::Finish);
    s.app.update();
    assert!(
        !active(&s.app),
        "the next visitor does not inherit speech mode"
    );
    let start = Instant::now();
    while !s.heard.all()[before..].contains(&"<stop>".to_owned()) {
        assert!(start.elapsed() < Duration::from_secs(5), "speech went on");
        std::thread::sleep(Duration::from_millis(5));
    }
}

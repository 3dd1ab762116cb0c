//! Speech mode in the window: keys and the headphone jack go to the speech state, its events
//! to the flow, and what it says to the speech thread; each frame's view is observed, so a
//! screen that changed (by a key, a tap, the network or the idle timer) is spoken. The flow's
//! reset (Finish, the idle timeout) ends speech mode and silences it.
//!
//! At start the thread synthesizes ahead the first seconds of speech: what starting it says on
//! the home screen, and the first phrases of the purpose screen in every language.

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;
use madoguchi_protocol::Lang;

use super::app::{Kiosk, frame};
use super::{keys, typing};
use crate::flow::KioskEvent;
use crate::i18n::Localizer;
use crate::speech::audio::SpeechAudio;
use crate::speech::jack::{self, Jack};
use crate::speech::voice::SpeechPaths;
use crate::speech::{Phrase, SpeechOut, SpeechState, SpeechStep};
use crate::view::{self, ScreenView};

/// Speech mode's state, the speech thread and the headphone jack.
#[derive(Resource)]
pub struct Speech {
    pub state: SpeechState,
    audio: Option<SpeechAudio>,
    jack: Option<Mutex<Receiver<Jack>>>,
    warmed: bool,
}

pub fn plugin(app: &mut App) {
    let on = resource_exists::<Speech>.and_then(resource_exists::<Kiosk>);
    app.add_systems(Update, (input, observe).chain().run_if(on.clone()))
        // What a tap or the network changed is spoken in the same frame.
        .add_systems(EguiPrimaryContextPass, observe.after(frame).run_if(on));
}

impl Speech {
    /// Checks the engines (logging what is missing), starts the speech thread and the jack
    /// watcher. The kiosk runs on without any of them.
    pub fn start(paths: SpeechPaths, i18n: Arc<Localizer>) -> Speech {
        let jack = jack::spawn(paths.jack_device.clone());
        let audio = SpeechAudio::spawn(paths)
            .inspect_err(|e| tracing::error!(cause = %e, "speech mode has no speech thread"))
            .ok();
        Speech::new(i18n, audio, jack)
    }

    /// Speech mode with this thread and jack (tests give a recording output and a channel).
    pub fn new(
        i18n: Arc<Localizer>,
        audio: Option<SpeechAudio>,
        jack: Option<Receiver<Jack>>,
    ) -> Speech {
        Speech {
            state: SpeechState::with_texts(i18n),
            audio,
            jack: jack.map(Mutex::new),
            warmed: false,
        }
    }

    fn send(&self, out: Vec<SpeechOut>) {
        if let Some(audio) = &self.audio {
            out.into_iter().for_each(|o| audio.send(o));
        }
    }

    fn step(&self, kiosk: &mut Kiosk, step: SpeechStep) {
        for ev in step.events {
            kiosk.apply(ev);
        }
        self.send(step.out);
    }

    /// Ends speech mode, and what it is saying, when the flow's reset ended it.
    fn follow_reset(&mut self, kiosk: &Kiosk) {
        if self.state.active() && !kiosk.state.speech {
            self.send(vec![SpeechOut::Stop]);
            self.state.reset();
        }
    }

    fn plugged(&self) -> bool {
        let Some(rx) = &self.jack else {
            return false;
        };
        rx.lock()
            .map(|rx| rx.try_iter().filter(|j| *j == Jack::Plugged).count() > 0)
            .unwrap_or(false)
    }

    /// Synthesizes ahead the start on the home screen and the purpose screen's first phrases.
    fn warm_up(&self, kiosk: &Kiosk) {
        let Some(audio) = &self.audio else {
            return;
        };
        let now = kiosk.now();
        let fresh = || SpeechState::with_texts(kiosk.i18n.clone());
        let mut phrases = said(&fresh().start(&view_of(kiosk)).out);
        for lang in Lang::ALL {
            let mut k = kiosk.state.clone();
            k.apply(KioskEvent::ChooseLang(lang), now);
            let v = view::build(&k, &kiosk.i18n, now);
            let mut s = fresh();
            let mut out = s.start(&v).out;
            out.extend(s.observe(&v));
            phrases.extend(said(&out).into_iter().take(2));
        }
        audio.prefetch(phrases);
    }
}

fn view_of(kiosk: &Kiosk) -> ScreenView {
    view::build(&kiosk.state, &kiosk.i18n, kiosk.now())
}

/// Keys, the jack, and the end of speech mode when the flow was reset under it.
fn input(
    mut kiosk: ResMut<Kiosk>,
    mut speech: ResMut<Speech>,
    mut keyboard: MessageReader<KeyboardInput>,
) {
    let (kiosk, speech) = (&mut *kiosk, &mut *speech);
    if !speech.warmed {
        speech.warmed = true;
        speech.warm_up(kiosk);
    }
    speech.follow_reset(kiosk);
    let pressed: Vec<&KeyboardInput> = keyboard
        .read()
        .filter(|k| k.state == ButtonState::Pressed && !k.repeat)
        .collect();
    for k in pressed {
        let key = keys::speech_key(k.key_code, &k.logical_key);
        // The reservation pad: keys type (speech mode, once on, takes the keypad's own).
        if typing::on_pad(kiosk)
            && (!speech.state.active() || key.is_none())
            && let Some(ev) = typing::entry_event(k.key_code, &k.logical_key)
        {
            kiosk.apply(ev);
            continue;
        }
        if let Some(key) = key {
            let step = speech.state.key(key, &view_of(kiosk));
            speech.step(kiosk, step);
        }
    }
    if speech.plugged() {
        let step = speech.state.start(&view_of(kiosk));
        speech.step(kiosk, step);
    }
}

/// Speaks the screen when it changed.
fn observe(kiosk: Res<Kiosk>, mut speech: ResMut<Speech>) {
    speech.follow_reset(&kiosk);
    let out = speech.state.observe(&view_of(&kiosk));
    speech.send(out);
}

/// The phrases of the `Say`s among `out`.
pub fn said(out: &[SpeechOut]) -> Vec<Phrase> {
    out.iter()
        .filter_map(|o| match o {
            SpeechOut::Say(p) => Some(p.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

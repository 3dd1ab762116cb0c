//! The kiosk window: a bevy app with egui that, every frame, feeds the network's answers and
//! the clock into the flow, builds the view, draws it, and hands the effects to the network.
//! Speech mode (`speech`) runs beside it when the window has a [`Speech`].

use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass};

use super::speech::{self, Speech};
use super::{draw, fonts};
use crate::flow::{Effect, KioskEvent, KioskState};
use crate::i18n::Localizer;
use crate::net::NetHandle;
use crate::speech::voice::SpeechPaths;
use crate::view;

/// The kiosk's state in the bevy world.
#[derive(Resource)]
pub struct Kiosk {
    pub state: KioskState,
    pub i18n: Arc<Localizer>,
    pub start: Instant,
    pub net: Option<NetHandle>,
    /// Effects when there is no network worker (the screenshot tour keeps them).
    pub effects: Vec<Effect>,
    /// A fixed clock (the tour); `None` uses the real one.
    pub fixed_now: Option<Duration>,
}

impl Kiosk {
    pub fn now(&self) -> Duration {
        self.fixed_now.unwrap_or_else(|| self.start.elapsed())
    }

    /// Applies an event now and routes its effects.
    pub fn apply(&mut self, event: KioskEvent) {
        let now = self.now();
        let effects = self.state.apply(event, now);
        match &self.net {
            Some(net) => effects.into_iter().for_each(|e| net.send(e)),
            None => self.effects.extend(effects),
        }
    }
}

/// A bevy app with one window of `size` (1080×1920 portrait by default) and egui.
pub fn base_app(size: Option<(u32, u32)>, title: &str) -> App {
    let (w, h) = size.unwrap_or((1080, 1920));
    let mut app = App::new();
    app.insert_resource(ClearColor(Color::WHITE))
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(Window {
                        title: title.to_owned(),
                        resolution: WindowResolution::new(w, h).with_scale_factor_override(1.0),
                        ..default()
                    }),
                    ..default()
                })
                // Speech plays through its own thread (`speech::audio`), not bevy_audio.
                .disable::<bevy::audio::AudioPlugin>(),
        )
        .add_plugins(EguiPlugin::default())
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, frame)
        .add_plugins(speech::plugin)
        .add_plugins(super::typing::plugin);
    app
}

/// Runs the kiosk window, with speech mode, until it is closed.
pub fn run(kiosk: Kiosk, size: Option<(u32, u32)>, speech: SpeechPaths) {
    let mut app = base_app(size, "madoguchi kiosk");
    // After the app's log plugin, so what speech is missing is logged.
    let speech = Speech::start(speech, kiosk.i18n.clone());
    // A kiosk idles most of the day: redraw on input, and 5 times a second for the clock
    // (idle countdown, network answers) instead of as fast as the GPU allows.
    let mode = UpdateMode::reactive(Duration::from_millis(200));
    app.insert_resource(WinitSettings {
        focused_mode: mode,
        unfocused_mode: mode,
    });
    app.insert_resource(kiosk);
    app.insert_resource(speech);
    app.run();
}

pub(super) fn frame(
    mut contexts: EguiContexts,
    mut kiosk: ResMut<Kiosk>,
    mut ready: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*ready {
        // The fonts take effect from the next frame; drawing now would name unbound families.
        fonts::install(ctx);
        *ready = true;
        return Ok(());
    }
    let kiosk = &mut *kiosk;
    let incoming = kiosk.net.as_ref().map(NetHandle::drain).unwrap_or_default();
    for ev in incoming {
        kiosk.apply(ev);
    }
    kiosk.apply(KioskEvent::Tick);
    let view = view::build(&kiosk.state, &kiosk.i18n, kiosk.now());
    for ev in draw::screen(ctx, &view) {
        kiosk.apply(ev);
    }
    Ok(())
}

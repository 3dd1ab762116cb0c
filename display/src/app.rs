//! Builds the bevy app for each mode: the live board, and the one-shot screenshot.

use bevy::log::{DEFAULT_FILTER, LogPlugin};
use bevy::prelude::*;
use bevy::window::{WindowMode, WindowResolution};

use crate::board::BoardView;
use crate::config::{DisplayArgs, ScreenshotArgs};
use crate::i18n::Texts;
use crate::ui::{self, BoardState, Captions, Clock};
use crate::{audio, demo};

/// The window, assets and board drawing every mode shares.
fn base_app(args: &DisplayArgs, title: &str) -> App {
    let (w, h) = args.window;
    let mut app = App::new();
    let window = Window {
        title: title.into(),
        resolution: WindowResolution::new(w, h).with_scale_factor_override(1.0),
        mode: if args.fullscreen {
            WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        },
        ..default()
    };
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(window),
                ..default()
            })
            .set(AssetPlugin {
                file_path: args.assets_dir().to_string_lossy().into_owned(),
                ..default()
            })
            .set(LogPlugin {
                filter: log_filter(),
                ..default()
            }),
    );
    app.insert_resource(Captions(Texts::load(&args.locales_dir())));
    app.add_plugins(ui::plugin);
    app
}

/// Bevy's log filter, plus silence for ICU4X's per-layout warning about Japanese.
///
/// Bevy's text (parley 0.9) builds its line segmenter with `new_for_non_complex_scripts`, so
/// no cargo feature can give it the CJ dictionary, and ICU4X logs "No segmentation model for
/// complex script: Chinese/Japanese" every time it lays out Japanese. Without the dictionary
/// Japanese breaks between any two characters (UAX #14), which the board avoids: its numbers,
/// counter and area names never wrap (`LineBreak::NoWrap`), and only the notice line wraps.
/// `RUST_LOG` still overrides this.
fn log_filter() -> String {
    format!("{DEFAULT_FILTER}icu_provider=error,icu_segmenter=error")
}

/// The live board of a site.
pub fn run(args: &DisplayArgs) -> AppExit {
    let mut app = base_app(args, "madoguchi display");
    app.insert_resource(BoardState {
        status: format!(
            "{} に接続しています… / Connecting to {}",
            args.server, args.server
        ),
        ..default()
    });
    // One list for the board and the staff alert, so both talk to the server that answers.
    let servers = crate::net::Servers::new(args.server.clone());
    let alerts = crate::staff_alert::AlertSender::for_display(args, &servers);
    app.add_plugins((
        ui::live::plugin(args, servers),
        audio::plugin(args.sound(), alerts),
    ));
    if let Some(path) = &args.shot {
        app.insert_resource(ui::screenshot::ScreenshotTarget {
            path: path.clone(),
            after: std::time::Duration::from_secs_f32(args.shot_after.max(0.0)),
        });
        app.add_plugins(ui::screenshot::plugin);
    }
    app.run()
}

/// One picture of a demo board, then quit.
pub fn screenshot(args: &DisplayArgs, shot: &ScreenshotArgs) -> AppExit {
    let mut app = base_app(args, "madoguchi display screenshot");
    let (board, now) = match shot.scene.as_str() {
        "closed" => {
            let b = demo::closed_board();
            let now = b.now;
            (b, now)
        }
        "city-desk" => demo::city_desk_board(),
        _ => (demo::busy_board(), demo::demo_now()),
    };
    let mut view = BoardView::from_board(&board, args.filter(), now);
    if shot.scene == "offline" {
        view.last_update = now - chrono::TimeDelta::seconds(200);
        view.set_offline(now - chrono::TimeDelta::seconds(185));
    }
    app.insert_resource(BoardState {
        view: Some(view),
        version: 1,
        status: String::new(),
    });
    app.insert_resource(Clock {
        fixed: Some(now),
        caption: Some(shot.lang),
    });
    app.insert_resource(ui::screenshot::ScreenshotTarget {
        path: shot.out.clone(),
        after: std::time::Duration::ZERO,
    });
    app.add_plugins(ui::screenshot::plugin);
    app.run()
}

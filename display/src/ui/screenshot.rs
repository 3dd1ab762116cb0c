//! Screenshot mode: wait until the fonts are loaded and the board has been laid out, save
//! one PNG of the window, and quit.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use super::Fonts;

/// Where to save the picture, and how long to run before taking it.
#[derive(Resource, Clone)]
pub struct ScreenshotTarget {
    pub path: PathBuf,
    pub after: std::time::Duration,
}

/// Frames to wait after the fonts are in, so text is laid out and drawn.
const SETTLE_FRAMES: u32 = 20;
/// Give up after this many frames (fonts that never load).
const MAX_FRAMES: u32 = 1200;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, take);
}

#[expect(
    clippy::too_many_arguments,
    reason = "a bevy system takes what it reads as parameters"
)]
fn take(
    mut commands: Commands,
    target: Res<ScreenshotTarget>,
    fonts: Res<Fonts>,
    assets: Res<AssetServer>,
    mut frames: Local<u32>,
    mut loaded_at: Local<Option<u32>>,
    mut taken: Local<bool>,
    time: Res<Time<Real>>,
    mut exit: MessageWriter<AppExit>,
) {
    *frames += 1;
    if *taken {
        return;
    }
    let all = [
        &fonts.ja,
        &fonts.ja_bold,
        &fonts.latin,
        &fonts.latin_bold,
        &fonts.deva,
        &fonts.ko,
        &fonts.sc,
        &fonts.tc,
    ];
    if loaded_at.is_none() && all.iter().all(|h| assets.is_loaded_with_dependencies(*h)) {
        *loaded_at = Some(*frames);
    }
    if *frames > MAX_FRAMES && loaded_at.is_none() {
        error!("fonts did not load; no screenshot taken");
        exit.write(AppExit::error());
        return;
    }
    if loaded_at.is_some_and(|at| *frames >= at + SETTLE_FRAMES) && time.elapsed() >= target.after {
        *taken = true;
        let path = target.path.clone();
        let mut save = save_to_disk(path.clone());
        commands.spawn(Screenshot::primary_window()).observe(
            move |captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
                save(captured);
                info!(path = %path.display(), "screenshot saved");
                exit.write(AppExit::Success);
            },
        );
    }
}

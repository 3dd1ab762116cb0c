//! The bevy shell: window, fonts, and the board drawn from the view model.
//!
//! Nothing here decides what the board shows: `crate::board` does; these plugins draw a
//! `BoardView` and redraw it when it, the caption language or the minute changes.

mod calls;
mod draw;
mod fonts;
pub mod live;
mod parts;
mod queues;
pub mod screenshot;
mod sections;
#[cfg(test)]
mod test_draw;

use bevy::prelude::*;
use madoguchi_protocol::Timestamp;

use crate::board::BoardView;
use crate::i18n::Texts;

pub use fonts::Fonts;

/// The board being shown, with a version bumped on every change.
#[derive(Resource, Default)]
pub struct BoardState {
    pub view: Option<BoardView>,
    pub version: u64,
    /// A sentence shown before the first snapshot arrives (e.g. "connecting to …").
    pub status: String,
}

impl BoardState {
    pub fn changed(&mut self) {
        self.version = self.version.wrapping_add(1);
    }
}

/// The captions.
#[derive(Resource)]
pub struct Captions(pub Texts);

/// The display's clock: the wall clock in JST, or a fixed time (screenshots, tests).
#[derive(Resource, Default, Clone, Copy)]
pub struct Clock {
    pub fixed: Option<Timestamp>,
    /// Fixed caption language (screenshots).
    pub caption: Option<madoguchi_protocol::Lang>,
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        self.fixed
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&crate::demo::jst()))
    }
}

/// Draws the board: add after the window plugins, with `BoardState`, `Captions` and `Clock`.
pub fn plugin(app: &mut App) {
    app.init_resource::<BoardState>()
        .init_resource::<Clock>()
        .insert_resource(ClearColor(parts::BG))
        .add_plugins((fonts::plugin, draw::plugin));
}

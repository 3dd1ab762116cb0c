//! Redraws the whole board when the view, the caption language or the minute changes.
//! A board changes a few times a minute, so rebuilding the tree is simpler and cheap.

use bevy::prelude::*;

use super::sections::{self, Ctx};
use super::{BoardState, Captions, Clock, Fonts, parts};
use crate::board::{Space, caption_lang};

/// The root of the drawn board.
#[derive(Component)]
struct BoardRoot;

#[derive(Default, PartialEq, Clone)]
struct DrawnKey {
    version: u64,
    caption: Option<madoguchi_protocol::Lang>,
    minute: i64,
    lit: Vec<String>,
    /// The window size in pixels (rounded): the layout depends on it.
    window: (u32, u32),
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera)
        .add_systems(Update, (tick, redraw).chain());
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn tick(mut state: ResMut<BoardState>, clock: Res<Clock>) {
    let now = clock.now();
    let changed = state.view.as_mut().is_some_and(|v| v.tick(now));
    if changed {
        state.changed();
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a bevy system takes what it reads as parameters"
)]
fn redraw(
    mut commands: Commands,
    state: Res<BoardState>,
    clock: Res<Clock>,
    fonts: Res<Fonts>,
    captions: Res<Captions>,
    roots: Query<Entity, With<BoardRoot>>,
    windows: Query<&Window>,
    mut drawn: Local<Option<DrawnKey>>,
) {
    let now = clock.now();
    let lang = match (&state.view, clock.caption) {
        (_, Some(fixed)) => fixed,
        (Some(view), None) => caption_lang(&view.caption_langs(), now),
        (None, None) => caption_lang(
            &[madoguchi_protocol::Lang::Ja, madoguchi_protocol::Lang::En],
            now,
        ),
    };
    let (w, h) = windows
        .iter()
        .next()
        .map_or((1920.0, 1080.0), |w| (w.width(), w.height()));
    let key = DrawnKey {
        window: (w.round() as u32, h.round() as u32),
        version: state.version,
        caption: Some(lang),
        minute: now.timestamp().div_euclid(60),
        lit: state
            .view
            .iter()
            .flat_map(|v| v.calls.iter().filter(|c| c.highlighted(now)))
            .map(|c| c.number.clone())
            .collect(),
    };
    if drawn.as_ref() == Some(&key) {
        return;
    }
    *drawn = Some(key);
    for root in &roots {
        commands.entity(root).despawn();
    }
    let ctx = Ctx {
        fonts: &fonts,
        texts: &captions.0,
        lang,
        now,
        space: Space::window(w, h),
    };
    let root = commands
        .spawn((
            BoardRoot,
            Node {
                width: Val::Percent(100.0),
                height: Val::Percent(100.0),
                flex_direction: FlexDirection::Column,
                ..default()
            },
            BackgroundColor(parts::BG),
        ))
        .id();
    match &state.view {
        Some(view) => sections::board(&mut commands, root, &ctx, view),
        None => sections::waiting(&mut commands, root, &ctx, &state.status),
    }
}

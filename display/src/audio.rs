//! The sound shell: plays the announcer's clips one at a time with bevy_audio.
//!
//! A clip's entity despawns when it ends, and only then is the next one started, so
//! announcements never overlap. Without a sound card bevy plays nothing and the entity never
//! gets a sink: after a short wait the clip is dropped and the queue moves on, so a silent
//! machine neither stalls nor crashes.

use std::time::Duration;

use bevy::audio::Volume;
use bevy::prelude::*;

use crate::announce::{Announcer, SoundSettings};

/// The announcement queue.
#[derive(Resource)]
pub struct Voice(pub Announcer);

/// The clip playing now, and since when.
#[derive(Component)]
struct Playing {
    started: Duration,
}

/// A clip that has not started playing after this long is skipped (no audio device).
const START_LIMIT: Duration = Duration::from_secs(3);
/// No clip is longer than this.
const CLIP_LIMIT: Duration = Duration::from_secs(8);

pub fn plugin(settings: SoundSettings) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(Voice(Announcer::new(settings)))
            .add_systems(Update, play_next);
    }
}

fn play_next(
    mut commands: Commands,
    mut voice: ResMut<Voice>,
    assets: Res<AssetServer>,
    time: Res<Time<Real>>,
    playing: Query<(Entity, &Playing, Has<AudioSink>)>,
    mut warned: Local<bool>,
) {
    let now = time.elapsed();
    if let Some((entity, p, has_sink)) = playing.iter().next() {
        let age = now.saturating_sub(p.started);
        let stuck = (!has_sink && age > START_LIMIT) || age > CLIP_LIMIT;
        if !stuck {
            return;
        }
        if !has_sink && !*warned {
            warn!("no sound output: announcements are shown but not heard");
            *warned = true;
        }
        commands.entity(entity).despawn();
    }
    let Some(clip) = voice.0.next_clip() else {
        return;
    };
    if *warned {
        // No sound output on this machine: drop the rest of the queue without waiting.
        while voice.0.next_clip().is_some() {}
        return;
    }
    let volume = voice.0.volume();
    commands.spawn((
        AudioPlayer::new(assets.load::<AudioSource>(clip)),
        PlaybackSettings::DESPAWN.with_volume(Volume::Linear(volume)),
        Playing { started: now },
    ));
}

//! The sound shell: plays the announcer's clips one at a time with bevy_audio, and tells the
//! announcer how each clip ended; the announcer (pure, tested in `announce`) decides what to
//! retry, skip and report.
//!
//! A clip's entity despawns when it ends, and only then is the next one started, so
//! announcements never overlap. A clip that fails to load, never gets a sink (no sound card)
//! within a few seconds, or plays far longer than any clip is a failed clip. What the
//! announcer reports is logged, and a failing sound or a counter the voice cannot name is sent
//! to the server as a staff alert, so staff learn that the waiting room no longer hears calls.

use std::time::Duration;

use bevy::asset::LoadState;
use bevy::audio::Volume;
use bevy::prelude::*;

use crate::announce::{Announcer, Report, SoundSettings};
use crate::staff_alert::AlertSender;

/// The announcement queue.
#[derive(Resource)]
pub struct Voice(pub Announcer);

/// Where the display's own problems go (none without a token).
#[derive(Resource)]
struct Alerts(Option<AlertSender>);

/// The clip playing now, and since when.
#[derive(Component)]
struct Playing {
    started: Duration,
}

/// A clip that has not started playing after this long failed (no audio device).
const START_LIMIT: Duration = Duration::from_secs(3);
/// No clip is longer than this.
const CLIP_LIMIT: Duration = Duration::from_secs(8);

pub fn plugin(settings: SoundSettings, alerts: Option<AlertSender>) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(Voice(Announcer::new(settings)))
            .insert_resource(Alerts(alerts.clone()))
            .add_systems(Update, (play_next, report).chain());
    }
}

fn play_next(
    mut commands: Commands,
    mut voice: ResMut<Voice>,
    assets: Res<AssetServer>,
    time: Res<Time<Real>>,
    playing: Query<(Entity, &Playing, &AudioPlayer, Has<AudioSink>)>,
) {
    let now = time.elapsed();
    match playing.iter().next() {
        Some((entity, p, player, has_sink)) => {
            let age = now.saturating_sub(p.started);
            let load_failed = matches!(
                assets.get_load_state(player.0.id()),
                Some(LoadState::Failed(_))
            );
            let no_start = !has_sink && (load_failed || age > START_LIMIT);
            if !no_start && age <= CLIP_LIMIT {
                return;
            }
            commands.entity(entity).despawn();
            voice.0.failed();
        }
        // The clip's entity despawned itself: it played to its end.
        None if voice.0.is_playing() => voice.0.played(),
        None => {}
    }
    let Some(clip) = voice.0.next_clip() else {
        return;
    };
    let volume = voice.0.volume();
    commands.spawn((
        AudioPlayer::new(assets.load::<AudioSource>(clip)),
        PlaybackSettings::DESPAWN.with_volume(Volume::Linear(volume)),
        Playing { started: now },
    ));
}

fn report(mut voice: ResMut<Voice>, alerts: Res<Alerts>) {
    for r in voice.0.take_reports() {
        let detail = match r {
            Report::SoundFailing { failures, clip } => {
                error!(failures, clip = %clip, "the display's sound is failing: calls are shown but not heard");
                format!(
                    "The waiting-room display's sound is failing ({failures} clips in a row did not play, the last {clip}): visitors see calls but do not hear them. Check the speaker, its cable and the PC's sound output, and call numbers aloud meanwhile."
                )
            }
            Report::SoundBack => {
                info!("the display's sound works again");
                continue;
            }
            Report::Unsayable(err) => {
                error!(cause = %err, "a call was shown but not announced");
                format!("A call was shown but not announced: {err}")
            }
        };
        if let Some(sender) = &alerts.0 {
            sender.send(detail);
        }
    }
}

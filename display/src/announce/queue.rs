//! The announcement queue: clips play one after another, and a clip that fails is retried
//! once or skipped, so one bad clip never silences the display. After
//! [`FAILURE_LIMIT`] failures in a row the queue reports that the sound is failing (the shell
//! tells staff) and, until a clip plays again, gives up on the rest of each announcement after
//! its first failure, so a dead sound card costs one try per call instead of a growing backlog.

use std::collections::VecDeque;

use madoguchi_protocol::Call;

use super::{SoundSettings, VoiceError, announcement};

/// Failed clips in a row after which the display reports its sound as failing.
pub const FAILURE_LIMIT: u32 = 3;

/// What the queue tells the shell (drained with [`Announcer::take_reports`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// `failures` clips in a row did not play, the last one `clip`: staff must know.
    SoundFailing { failures: u32, clip: String },
    /// A clip played again after [`Report::SoundFailing`].
    SoundBack,
    /// A call whose counter the voice cannot name; it was not announced.
    Unsayable(VoiceError),
}

#[derive(Debug, Clone)]
struct Queued {
    clip: String,
    /// Which announcement the clip belongs to.
    announcement: u64,
    retried: bool,
}

/// A queue of clips: calls are appended as whole announcements; the player asks for the
/// next clip only when the previous one has ended, and says how it ended.
#[derive(Debug, Default)]
pub struct Announcer {
    queue: VecDeque<Queued>,
    current: Option<Queued>,
    announcements: u64,
    settings: SoundSettings,
    failures: u32,
    failing: bool,
    reports: Vec<Report>,
}

impl Announcer {
    pub fn new(settings: SoundSettings) -> Announcer {
        Announcer {
            settings,
            ..Announcer::default()
        }
    }

    /// Queues a call's announcement (a recall is simply queued again). Muted: nothing. A call
    /// the voice cannot name is reported instead of being half said.
    pub fn enqueue(&mut self, call: &Call) {
        if self.settings.mute || self.settings.volume <= 0.0 {
            return;
        }
        match announcement(call) {
            Ok(clips) => {
                self.announcements += 1;
                let id = self.announcements;
                self.queue.extend(clips.into_iter().map(|clip| Queued {
                    clip,
                    announcement: id,
                    retried: false,
                }));
            }
            Err(err) => self.reports.push(Report::Unsayable(err)),
        }
    }

    /// The next clip to play, once the previous one has ended. Asking again without
    /// [`Announcer::failed`] counts the previous clip as played.
    pub fn next_clip(&mut self) -> Option<String> {
        if self.current.is_some() {
            self.played();
        }
        self.current = self.queue.pop_front();
        self.current.as_ref().map(|q| q.clip.clone())
    }

    /// Whether a clip was handed out and has not ended yet.
    pub fn is_playing(&self) -> bool {
        self.current.is_some()
    }

    /// The current clip played to its end.
    pub fn played(&mut self) {
        self.current = None;
        self.failures = 0;
        if self.failing {
            self.failing = false;
            self.reports.push(Report::SoundBack);
        }
    }

    /// The current clip did not play (did not load, no output, stuck): retry it once, else
    /// skip it; after too many failures in a row, report and drop the rest of its announcement.
    pub fn failed(&mut self) {
        let Some(clip) = self.current.take() else {
            return;
        };
        self.failures += 1;
        if self.failures >= FAILURE_LIMIT && !self.failing {
            self.failing = true;
            self.reports.push(Report::SoundFailing {
                failures: self.failures,
                clip: clip.clip.clone(),
            });
        }
        if self.failing {
            self.queue.retain(|q| q.announcement != clip.announcement);
        } else if !clip.retried {
            self.queue.push_front(Queued {
                retried: true,
                ..clip
            });
        }
    }

    /// Whether the sound is reported failing now.
    pub fn is_failing(&self) -> bool {
        self.failing
    }

    /// What the shell must log or tell staff, oldest first.
    pub fn take_reports(&mut self) -> Vec<Report> {
        std::mem::take(&mut self.reports)
    }

    /// Clips still waiting.
    pub fn pending(&self) -> usize {
        self.queue.len()
    }

    /// Nothing playing and nothing waiting.
    pub fn is_idle(&self) -> bool {
        self.queue.is_empty() && self.current.is_none()
    }

    /// The playback volume, 0.0 to 1.0.
    pub fn volume(&self) -> f32 {
        if self.settings.mute {
            0.0
        } else {
            self.settings.volume.clamp(0.0, 1.0)
        }
    }
}

//! The board as the waiting room sees it: a plain view model built from a server `Board`
//! snapshot and kept current by `SiteEvent`s, with no bevy, network or clock inside.
//!
//! The drawing code (`crate::ui`) reads a [`BoardView`] and nothing else, so everything a
//! visitor can see (calls, highlights, queues and their wait bands, closed and offline states,
//! the caption language) is tested here as data.

mod apply;
mod caption;
mod dates;
mod filter;
pub mod layout;
mod names;
pub mod queues;
mod wait;

#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod tests_queues;
#[cfg(test)]
mod tests_shipped;

use madoguchi_protocol::{Board, Lang, ServiceId, SiteId, Timestamp};

pub use apply::Outcome;
pub use caption::{CAPTION_SECONDS, caption_lang};
pub use dates::date_line;
pub use filter::Filter;
pub use layout::{CallGrid, Chips, GridColumn, GridSection, Screen, Space};
pub use names::{AreaName, CallLine, STAFF_MARK_KEY, STAFF_MARK_SYMBOL, StaffMark};
pub use queues::{QueuePanel, QueueRow};
pub use wait::WaitBand;

/// How long a new call (or a recall) stays highlighted.
pub const HIGHLIGHT_SECONDS: i64 = 12;
/// A call older than this when it reaches the display (a replay after an outage) is shown
/// but neither highlighted nor announced: the visitor has long been told.
pub const ANNOUNCE_MAX_AGE_SECONDS: i64 = 60;
/// How many finished or missed calls the board keeps; calls still at a counter are always
/// kept, however many later calls there were.
pub const HISTORY_LEN: usize = 40;

/// Where a called number stands, as far as the waiting room cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallState {
    /// Called or being served at its counter now.
    Current,
    /// Finished (or replaced at its counter by a later call).
    Past,
    /// Did not come when called: the visitor should ask at the counter.
    Missed,
}

/// One called number on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct CallView {
    pub number: String,
    pub service: ServiceId,
    /// The counter's id: for matching events, never shown.
    pub counter: String,
    /// The counter's Japanese written name from the configuration (`市職員窓口1`).
    pub counter_name: String,
    pub counter_number: Option<u32>,
    /// Locale key of a named desk (`desk-city`), `None` for "N番窓口".
    pub desk_key: Option<String>,
    /// The area's Japanese name and its locale key (`area-handover`).
    pub area: String,
    pub area_key: String,
    pub lang: Lang,
    pub at: Timestamp,
    pub recalls: u32,
    /// Staff go to the visitor (braille-signature form): the row says so.
    pub staff_to_visitor: bool,
    pub state: CallState,
    /// Highlighted until then (a new call or a recall).
    pub highlight_until: Option<Timestamp>,
}

impl CallView {
    pub fn highlighted(&self, now: Timestamp) -> bool {
        self.highlight_until.is_some_and(|t| now < t)
    }
}

/// Waiting count and estimated wait of one service.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueView {
    pub service: ServiceId,
    pub prefix: String,
    pub name_key: String,
    pub name_ja: String,
    pub waiting: u32,
    /// The point estimate: the colour band.
    pub eta_min: u32,
    /// What the board writes: "about 10–20 min".
    pub eta_range: madoguchi_protocol::WaitRange,
    pub band: WaitBand,
    /// No counter serving this service is open now.
    pub no_counter_open: bool,
}

/// Whether the site takes visitors now, and if not, when it does.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    Open,
    Closed {
        /// Today's hours, `None` on a closed day.
        hours_today: Option<(String, String)>,
        next_opening: Option<Timestamp>,
    },
}

/// One area of the site's counters: its Japanese name and locale key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub name: String,
    pub key: String,
}

/// Everything the display draws.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardView {
    pub site: SiteId,
    pub site_name: String,
    pub site_name_en: String,
    pub notice: String,
    pub opening: Opening,
    /// Newest first; one entry per number.
    pub calls: Vec<CallView>,
    pub queues: Vec<QueueView>,
    /// Every area of the site's counters that this display shows, in the site's order.
    pub areas: Vec<Area>,
    pub last_event_id: u64,
    /// Set while the stream is down: the board keeps its last state and says so.
    pub offline_since: Option<Timestamp>,
    /// When the board last changed from what the server sent (snapshot or event).
    pub last_update: Timestamp,
    /// Languages of the site's recent tickets (calls and issues seen), in `Lang::ALL` order.
    pub recent_langs: Vec<Lang>,
    pub filter: Filter,
    /// Counter id → (name, area, services), for filters and for queue lookups.
    counters: Vec<madoguchi_protocol::CounterStatus>,
}

impl BoardView {
    /// Builds the view from a snapshot. The snapshot's calls are newest first; a call is
    /// current when its counter still shows that number.
    pub fn from_board(board: &Board, filter: Filter, now: Timestamp) -> BoardView {
        let mut calls: Vec<CallView> = Vec::new();
        for call in &board.calls {
            if calls.iter().any(|c| c.number == call.number) {
                continue;
            }
            let current = board
                .counters
                .iter()
                .any(|c| c.id == call.counter && c.current.as_deref() == Some(&call.number));
            let mut view = apply::call_view(call, now);
            view.state = if current {
                CallState::Current
            } else {
                CallState::Past
            };
            calls.push(view);
        }
        let opening = if board.open {
            Opening::Open
        } else {
            Opening::Closed {
                hours_today: board.hours_today.clone(),
                next_opening: board.next_opening,
            }
        };
        let mut view = BoardView {
            site: board.site.clone(),
            site_name: board.site_name.clone(),
            site_name_en: board.site_name_en.clone(),
            notice: board.notice.clone(),
            opening,
            calls,
            queues: Vec::new(),
            areas: Vec::new(),
            last_event_id: board.last_event_id,
            offline_since: None,
            last_update: now,
            recent_langs: Vec::new(),
            filter,
            counters: board.counters.clone(),
        };
        view.calls
            .retain(|c| view.filter.shows_call(c, &view.counters));
        view.trim_history();
        for call in &board.calls {
            view.note_lang(call.lang);
        }
        view.set_queues(&board.queues);
        view.areas = view.compute_areas();
        view
    }

    pub fn is_open(&self) -> bool {
        self.opening == Opening::Open
    }

    /// The numbers being called or served now, newest first.
    pub fn now_calling(&self) -> impl Iterator<Item = &CallView> {
        self.calls.iter().filter(|c| c.state == CallState::Current)
    }

    /// The current calls of one area, newest first.
    pub fn now_calling_in<'a>(&'a self, area: &'a str) -> impl Iterator<Item = &'a CallView> {
        self.now_calling().filter(move |c| c.area == area)
    }

    /// Finished calls, newest first, at most `n`.
    pub fn recent(&self, n: usize) -> impl Iterator<Item = &CallView> {
        self.calls
            .iter()
            .filter(|c| c.state == CallState::Past)
            .take(n)
    }

    /// Numbers that did not come when called, newest first.
    pub fn missed(&self) -> impl Iterator<Item = &CallView> {
        self.calls.iter().filter(|c| c.state == CallState::Missed)
    }

    /// Expires highlights; returns whether anything visible changed.
    pub fn tick(&mut self, now: Timestamp) -> bool {
        let mut changed = false;
        for call in &mut self.calls {
            if call.highlight_until.is_some_and(|t| now >= t) {
                call.highlight_until = None;
                changed = true;
            }
        }
        changed
    }

    /// The stream went down: keep everything, remember since when.
    pub fn set_offline(&mut self, now: Timestamp) {
        if self.offline_since.is_none() {
            self.offline_since = Some(now);
        }
    }

    /// The stream is up again.
    pub fn set_online(&mut self) {
        self.offline_since = None;
    }

    /// The languages the captions rotate through: Japanese, English, then the languages of
    /// the site's recent tickets.
    pub fn caption_langs(&self) -> Vec<Lang> {
        caption::caption_langs(&self.recent_langs)
    }

    fn note_lang(&mut self, lang: Lang) {
        if !self.recent_langs.contains(&lang) {
            self.recent_langs.push(lang);
            self.recent_langs
                .sort_by_key(|l| Lang::ALL.iter().position(|x| x == l));
        }
    }

    fn set_queues(&mut self, queues: &[madoguchi_protocol::QueueStatus]) {
        let services = self.filter.queue_services(&self.counters);
        self.queues = queues
            .iter()
            .filter(|q| services.as_ref().is_none_or(|s| s.contains(&q.service)))
            .map(|q| QueueView {
                service: q.service.clone(),
                prefix: q.prefix.clone(),
                name_key: q.name_key.clone(),
                name_ja: q.name_ja.clone(),
                waiting: q.waiting,
                eta_min: q.eta_min,
                eta_range: q.eta_range,
                band: WaitBand::of(q.eta_min),
                no_counter_open: q.counters_open == 0,
            })
            .collect();
    }

    fn compute_areas(&self) -> Vec<Area> {
        let mut areas: Vec<Area> = Vec::new();
        for c in &self.counters {
            if self.filter.shows_counter(&c.id) && !areas.iter().any(|a| a.name == c.area) {
                areas.push(Area {
                    name: c.area.clone(),
                    key: c.area_key.clone(),
                });
            }
        }
        areas
    }

    /// Keeps every current call and the newest finished or missed ones, `HISTORY_LEN` in all
    /// at most: a visitor still on their way to a counter never drops off the board.
    pub(crate) fn trim_history(&mut self) {
        let mut kept = 0;
        self.calls.retain(|c| {
            if c.state == CallState::Current {
                return true;
            }
            kept += 1;
            kept <= HISTORY_LEN
        });
    }
}

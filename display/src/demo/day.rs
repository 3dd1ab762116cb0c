//! A scripted morning at a shipped site, played on the real engine with the shipped
//! configuration: tickets in several languages from 08:30, every counter calling, serving
//! and finishing at its own pace, one visitor who does not come. The screenshots and the
//! board tests read the boards and events it produces, so they show what a real day shows.

use chrono::TimeDelta;
use madoguchi_engine::{Command, Config, SiteQueue};
use madoguchi_protocol::{Board, EventBody, Lang, Needs, SiteEvent, TicketState, Timestamp};

use super::{at, jst};

/// Services of the arriving visitors, in turn (pickups and renewals most, as in 2025).
/// Every counter of 八幡西 has visitors for it: the city desks get `city` and `overseas`.
const SERVICES: [&str; 16] = [
    "pickup", "ecert", "city", "pickup", "apply", "ecert", "express", "city", "pickup", "online",
    "face", "ecert", "assist", "inquiry", "city", "overseas",
];
/// Languages of the arriving visitors, in turn.
const LANGS: [Lang; 13] = [
    Lang::Ja,
    Lang::Vi,
    Lang::Ja,
    Lang::Ne,
    Lang::ZhHans,
    Lang::Ja,
    Lang::En,
    Lang::Ko,
    Lang::Tl,
    Lang::Ja,
    Lang::Pt,
    Lang::Id,
    Lang::ZhHant,
];

/// One site's day on the engine, with every event numbered as the server would.
pub struct Day {
    pub queue: SiteQueue,
    pub events: Vec<SiteEvent>,
    pub now: Timestamp,
    next_id: i64,
    /// Per counter: when it calls its next visitor.
    next_call: Vec<Timestamp>,
    counters: Vec<String>,
    step: u32,
    no_show_done: bool,
}

impl Day {
    /// The site's counters open at 08:30 on the demo day with empty queues.
    pub fn new(site: &str) -> Option<Day> {
        let config = Config::shipped();
        let start = at(8, 30, 0);
        let queue = SiteQueue::new(&config, site, start.with_timezone(&jst()).date_naive()).ok()?;
        let counters: Vec<String> = queue.counters().into_iter().map(|c| c.id).collect();
        // Counters start a minute apart, so their calls do not all fall on the same moment.
        let next_call = (0..counters.len())
            .map(|i| start + TimeDelta::minutes(5 + i64::try_from(i).unwrap_or(0)))
            .collect();
        Some(Day {
            queue,
            events: Vec::new(),
            now: start,
            next_id: 1,
            next_call,
            counters,
            step: 0,
            no_show_done: false,
        })
    }

    /// Runs the morning until `until`, 15 seconds a step; `each` sees every event as it is
    /// made, with the engine's state right after it.
    pub fn run_until(&mut self, until: Timestamp, mut each: impl FnMut(&SiteEvent, &SiteQueue)) {
        while self.now < until {
            self.now += TimeDelta::seconds(15);
            self.step += 1;
            // A visitor every 30 seconds: a busy morning, the queues grow.
            if self.step.is_multiple_of(2) {
                let k = (self.step / 2) as usize;
                let cmd = Command::Issue {
                    id: self.next_id,
                    service: SERVICES[k % SERVICES.len()].into(),
                    lang: LANGS[k % LANGS.len()],
                    needs: Needs::default(),
                    kiosk: None,
                };
                self.next_id += 1;
                self.apply(&cmd, &mut each);
            }
            for i in 0..self.counters.len() {
                if self.now >= self.next_call[i] {
                    self.counter_turn(i, &mut each);
                }
            }
        }
    }

    /// A counter finishes its visitor (or marks a no-show) and calls the next one.
    fn counter_turn(&mut self, i: usize, each: &mut impl FnMut(&SiteEvent, &SiteQueue)) {
        let counter = self.counters[i].clone();
        let turn = self.step as usize + i;
        // Once, after 09:45, a visitor called to counter 4 does not come.
        let called_only = self.queue.tickets().iter().any(|t| {
            t.counter.as_deref() == Some(counter.as_str()) && t.state == TicketState::Called
        });
        if counter == "4" && called_only && !self.no_show_done && self.now >= at(9, 45, 0) {
            self.no_show_done = true;
            let cmd = Command::NoShow {
                counter: counter.clone(),
            };
            self.apply(&cmd, each);
        }
        self.apply(
            &Command::CallNext {
                counter: counter.clone(),
            },
            each,
        );
        // Odd turns: the visitor is at the counter at once (Serving); the others are still
        // on their way to it (Called).
        // Counter 4's visitors wait to be marked absent until its no-show is done.
        let waits_for_no_show = counter == "4" && !self.no_show_done;
        if turn % 2 == 1 && !waits_for_no_show {
            self.apply(&Command::Start { counter }, each);
        }
        let minutes = 6 + i64::try_from(turn % 7).unwrap_or(0);
        self.next_call[i] = self.now + TimeDelta::minutes(minutes);
    }

    fn apply(&mut self, cmd: &Command, each: &mut impl FnMut(&SiteEvent, &SiteQueue)) {
        let Ok(outcome) = self.queue.apply(cmd, self.now) else {
            return;
        };
        if let Some(body) = outcome.event {
            let event = SiteEvent {
                id: self.events.len() as u64 + 1,
                site: self.queue.site().to_string(),
                at: self.now,
                body,
            };
            each(&event, &self.queue);
            self.events.push(event);
        }
    }

    /// The board the server would send now.
    pub fn board(&self, notice: &str) -> Board {
        self.queue.board(self.now, notice, self.events.len() as u64)
    }

    /// The newest `Called` event's call, if any.
    pub fn last_call(&self) -> Option<&madoguchi_protocol::Call> {
        self.events.iter().rev().find_map(|e| match &e.body {
            EventBody::Called { call, .. } => Some(call),
            _ => None,
        })
    }
}

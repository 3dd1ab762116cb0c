//! One site's queues for one day: tickets, counters, and the commands that change them.

use std::collections::HashMap;

use chrono::NaiveDate;
use madoguchi_protocol::{
    Board, Call, CounterId, CounterInfo, CounterStatus, EventBody, Lang, Needs, QueueStatus,
    ServiceId, Ticket, TicketId, TicketState, Timestamp,
};
use serde::{Deserialize, Serialize};

use crate::calendar::to_jst;
use crate::config::{ServiceConfig, SiteConfig};
use crate::{Calendar, Config, EngineError, EtaModel, Policy};

/// Everything that can change a site's queues. Persisted as JSON by the server and applied
/// again, in order and with the same `now`, to rebuild the state after a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Command {
    /// `id` is chosen by the caller (the server's database id), unique across days and sites.
    Issue {
        id: TicketId,
        service: ServiceId,
        lang: Lang,
        needs: Needs,
        kiosk: Option<String>,
    },
    /// Check a booking in (交付予約): a ticket of the booked service numbered from the booking
    /// range (`R-001`), carrying its slot, called from its `call_from` ahead of walk-ins within
    /// the cap (see the `bookings` and `policy` modules). The server checked the reference.
    CheckIn {
        id: TicketId,
        /// The booking reference, normalised (upper case, no spaces or hyphens): checked in
        /// once a day (`booking_used`). Not personal data.
        #[serde(default)]
        reference: String,
        service: ServiceId,
        lang: Lang,
        needs: Needs,
        kiosk: Option<String>,
        slot_start: Timestamp,
        slot_end: Timestamp,
    },
    /// Call the next ticket by the policy. A Called or Serving ticket still at the counter is
    /// finished (Done) first. A paused counter is refused (`CounterPaused`).
    CallNext {
        counter: CounterId,
    },
    /// Call the counter's current ticket again (or `ticket`, e.g. a skipped one).
    Recall {
        counter: CounterId,
        ticket: Option<TicketId>,
    },
    /// The visitor arrived: the counter's Called ticket is now Serving.
    Start {
        counter: CounterId,
    },
    /// The counter's Called or Serving ticket is finished.
    Done {
        counter: CounterId,
    },
    /// The counter's Called ticket did not come; `Requeue` can put it back within the grace.
    NoShow {
        counter: CounterId,
    },
    /// Put the counter's called ticket back in its queue, keeping its place.
    Skip {
        counter: CounterId,
    },
    /// Put a no-show back in its queue during the grace period.
    Requeue {
        ticket: TicketId,
    },
    /// A Waiting or Called ticket is given up (e.g. the visitor left).
    Cancel {
        ticket: TicketId,
    },
    /// Same ticket and number to another service's queue and/or a named counter, ahead of
    /// every ticket that was not transferred (see the `policy` module).
    Transfer {
        ticket: TicketId,
        to_service: Option<ServiceId>,
        to_counter: Option<CounterId>,
    },
    /// The counter takes no new tickets until `Reopen`; its current ticket can be finished.
    Pause {
        counter: CounterId,
    },
    Reopen {
        counter: CounterId,
    },
    /// The counter's weights for today (a supervisor's move, see the `advice` module): each
    /// named service must be one it serves, weight 1–10; the others keep theirs. The next day
    /// starts from the configuration again.
    SetWeights {
        counter: CounterId,
        weights: std::collections::BTreeMap<ServiceId, u32>,
    },
    /// What the kiosk reported about printing the paper ticket (no event).
    MarkPrinted {
        ticket: TicketId,
        printed: bool,
    },
    /// Lend numbers `from..=to` of `service` to `kiosk` for today, to issue while the server
    /// is unreachable (see the `lease` module). No event.
    Lease {
        service: ServiceId,
        kiosk: String,
        from: u32,
        to: u32,
    },
    /// A ticket a kiosk issued offline from its lease, uploaded once the server answered again:
    /// it joins its queue at the place its issue time earns.
    IssueOffline {
        id: TicketId,
        service: ServiceId,
        number: u32,
        lang: Lang,
        needs: Needs,
        kiosk: String,
        issued_at: Timestamp,
    },
}

/// What a command did: the ticket it touched and the event to broadcast.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ticket: Option<Ticket>,
    /// `None` for a command that changes nothing visible (e.g. `CallNext` on empty queues).
    pub event: Option<EventBody>,
}

/// A waiting ticket's place: transfers (class 0) before new arrivals (class 1), then by the
/// time the ticket entered the queue, then by id. A skipped or requeued ticket keeps its key,
/// so it goes back to its original place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct QueueKey {
    pub(crate) class: u8,
    /// Microseconds since the epoch when the ticket entered the queue.
    pub(crate) entered: i64,
    pub(crate) id: TicketId,
}

/// Engine-only facts about a ticket.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) key: QueueKey,
    /// A transfer to a named counter: only that counter calls it (unless it is paused).
    pub(crate) reserved: Option<CounterId>,
}

#[derive(Debug, Clone)]
pub(crate) struct CounterState {
    pub(crate) id: CounterId,
    /// Names, number, desk and area as boards and voices need them.
    pub(crate) info: CounterInfo,
    /// Served services and weights, in the configuration's order.
    pub(crate) weights: Vec<(ServiceId, u32)>,
    pub(crate) open: bool,
    /// Index of the ticket called or served there.
    pub(crate) current: Option<usize>,
}

impl CounterState {
    pub(crate) fn weight(&self, service: &str) -> u32 {
        self.weights
            .iter()
            .find(|(s, _)| s == service)
            .map_or(0, |(_, w)| *w)
    }

    /// The share of this counter's time that goes to `service`.
    fn share(&self, service: &str) -> f64 {
        let total: u32 = self.weights.iter().map(|(_, w)| *w).sum();
        if total == 0 {
            0.0
        } else {
            f64::from(self.weight(service)) / f64::from(total)
        }
    }
}

/// The queues of one site on one day.
#[derive(Debug, Clone)]
pub struct SiteQueue {
    pub(crate) site: SiteConfig,
    /// The site's services, in the site's order.
    pub(crate) services: Vec<ServiceConfig>,
    pub(crate) calendar: Calendar,
    pub(crate) grace_min: u32,
    pub(crate) date: NaiveDate,
    pub(crate) policy: Policy,
    pub(crate) tickets: Vec<Ticket>,
    pub(crate) meta: Vec<Meta>,
    pub(crate) index: HashMap<TicketId, usize>,
    /// The next number per service.
    pub(crate) next_number: HashMap<ServiceId, u32>,
    /// Waiting tickets per service, sorted by `QueueKey`.
    pub(crate) waiting: HashMap<ServiceId, Vec<QueueKey>>,
    pub(crate) counters: Vec<CounterState>,
    /// Every call of the day, oldest first.
    pub(crate) call_log: Vec<Call>,
    pub(crate) eta: EtaModel,
    /// Today's leases of numbers to kiosks, and the leased numbers already uploaded.
    pub(crate) leases: Vec<crate::lease::Lease>,
    /// How booked tickets are numbered and called.
    pub(crate) bookings: crate::bookings::BookingsConfig,
    /// The next number of the booking range (`R-001` is 1).
    pub(crate) next_booked: u32,
    /// Booked calls in a row per service (the cap of the `bookings` module).
    pub(crate) booked_in_row: HashMap<ServiceId, u32>,
    /// References checked in today and their tickets.
    pub(crate) checked_in: HashMap<String, TicketId>,
}

/// How many calls a board shows.
const BOARD_CALLS: usize = 12;

impl SiteQueue {
    /// An empty day at `site` on `date`, with the madoguchi policy.
    pub fn new(config: &Config, site: &str, date: NaiveDate) -> Result<SiteQueue, EngineError> {
        let site_cfg = config
            .site(site)
            .ok_or_else(|| EngineError::UnknownSite(site.to_string()))?
            .clone();
        let services = config.site_services(&site_cfg);
        let counters = site_cfg
            .counters
            .iter()
            .map(|c| CounterState {
                id: c.id.clone(),
                info: config.counter_info(c),
                weights: c.services.iter().map(|(s, w)| (s.clone(), *w)).collect(),
                open: true,
                current: None,
            })
            .collect();
        let eta = EtaModel::new(services.iter().map(|s| (s.id.clone(), s.mean_service_min)));
        Ok(SiteQueue {
            next_number: services.iter().map(|s| (s.id.clone(), s.first)).collect(),
            waiting: services
                .iter()
                .map(|s| (s.id.clone(), Vec::new()))
                .collect(),
            site: site_cfg,
            services,
            calendar: config.calendar(),
            grace_min: config.no_show_grace_min,
            date,
            policy: Policy::default(),
            tickets: Vec::new(),
            meta: Vec::new(),
            index: HashMap::new(),
            counters,
            call_log: Vec::new(),
            eta,
            leases: Vec::new(),
            bookings: config.bookings.clone(),
            next_booked: 1,
            booked_in_row: HashMap::new(),
            checked_in: HashMap::new(),
        })
    }

    /// The same with another call-next policy (the simulator compares them).
    pub fn with_policy(mut self, policy: Policy) -> SiteQueue {
        self.policy = policy;
        self
    }

    pub fn policy(&self) -> Policy {
        self.policy
    }

    pub fn site(&self) -> &str {
        &self.site.id
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }

    pub(crate) fn service_cfg(&self, id: &str) -> Option<&ServiceConfig> {
        self.services.iter().find(|s| s.id == id)
    }

    pub(crate) fn counter_idx(&self, id: &str) -> Result<usize, EngineError> {
        self.counters
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| EngineError::UnknownCounter(id.to_string()))
    }

    pub(crate) fn ticket_idx(&self, id: TicketId) -> Result<usize, EngineError> {
        self.index
            .get(&id)
            .copied()
            .ok_or(EngineError::UnknownTicket(id))
    }

    /// Whether tickets can be issued at `now`; `Err(next_opening)` when closed.
    pub fn check_open(&self, now: Timestamp) -> Result<(), Option<Timestamp>> {
        if self.calendar.is_open(&self.site.id, now) {
            Ok(())
        } else {
            Err(self.calendar.next_opening(&self.site.id, now))
        }
    }

    pub fn ticket(&self, id: TicketId) -> Option<&Ticket> {
        self.index.get(&id).map(|&i| &self.tickets[i])
    }

    /// Every ticket of the day, in issue order.
    pub fn tickets(&self) -> &[Ticket] {
        &self.tickets
    }

    /// The effective number of open counters for `service`: each open counter counts with the
    /// share of its weights that goes to the service. With none open, all its counters count.
    pub(crate) fn effective_counters(&self, service: &str) -> f64 {
        let open: f64 = self
            .counters
            .iter()
            .filter(|c| c.open)
            .map(|c| c.share(service))
            .sum();
        if open > 0.0 {
            open
        } else {
            self.counters.iter().map(|c| c.share(service)).sum()
        }
    }

    /// `(people_ahead, eta_min)` of a waiting ticket; `(0, 0)` once called or finished.
    ///
    /// People ahead are the tickets before it in its service's queue order (transfers first,
    /// then by queue-entry time). The estimate is [`SiteQueue::estimate`]: a binary search per
    /// service of the site (O(services × log waiting)) per call.
    pub fn position(&self, id: TicketId, _now: Timestamp) -> Option<(u32, u32)> {
        let i = *self.index.get(&id)?;
        let t = &self.tickets[i];
        if t.state != TicketState::Waiting {
            return Some((0, 0));
        }
        let queue = self.waiting.get(&t.service)?;
        let key = self.meta[i].key;
        let ahead = queue.partition_point(|k| *k < key);
        let ahead = u32::try_from(ahead).unwrap_or(u32::MAX);
        Some((ahead, self.estimate(&t.service, ahead, key)))
    }

    /// Waiting count and estimated wait per service, in the site's service order.
    pub fn queues(&self, now: Timestamp) -> Vec<QueueStatus> {
        self.services
            .iter()
            .map(|s| {
                let waiting = self.waiting.get(&s.id).map_or(0, Vec::len);
                let waiting = u32::try_from(waiting).unwrap_or(u32::MAX);
                // The estimate for a ticket issued now, behind everyone waiting.
                let eta_min = self.estimate(
                    &s.id,
                    waiting,
                    QueueKey {
                        class: 1,
                        entered: now.timestamp_micros(),
                        id: TicketId::MAX,
                    },
                );
                QueueStatus {
                    service: s.id.clone(),
                    prefix: s.prefix.clone(),
                    name_key: s.name_key.clone(),
                    name_ja: s.name_ja.clone(),
                    waiting,
                    eta_min,
                    eta_range: self.wait_range(&s.id, waiting, eta_min),
                    target_min: s.target_wait_min,
                    counters_open: u32::try_from(
                        self.counters
                            .iter()
                            .filter(|c| c.open && c.weight(&s.id) > 0)
                            .count(),
                    )
                    .unwrap_or(u32::MAX),
                }
            })
            .collect()
    }

    pub fn counters(&self) -> Vec<CounterStatus> {
        self.counters
            .iter()
            .map(|c| CounterStatus {
                id: c.id.clone(),
                name: c.info.name.clone(),
                name_en: c.info.name_en.clone(),
                number: c.info.number,
                desk_key: c.info.desk_key.clone(),
                area: c.info.area.clone(),
                area_key: c.info.area_key.clone(),
                services: c.weights.iter().map(|(s, _)| s.clone()).collect(),
                open: c.open,
                current: c.current.map(|i| self.tickets[i].number.clone()),
            })
            .collect()
    }

    /// The latest calls, newest first, at most `limit`.
    pub fn calls(&self, limit: usize) -> Vec<Call> {
        self.call_log.iter().rev().take(limit).cloned().collect()
    }

    /// The display's board at `now`: calls of tickets still at a counter first (newest
    /// first), then older calls, one line per ticket.
    pub fn board(&self, now: Timestamp, notice: &str, last_event_id: u64) -> Board {
        let local = to_jst(now);
        let hours = self.calendar.hours(&self.site.id, local.date_naive());
        let open = self.check_open(now);
        let current: Vec<&str> = self
            .counters
            .iter()
            .filter_map(|c| c.current.map(|i| self.tickets[i].number.as_str()))
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for call in self.call_log.iter().rev() {
            if seen.contains(&call.number.as_str()) {
                continue;
            }
            seen.push(&call.number);
            if current.contains(&call.number.as_str()) {
                first.push(call.clone());
            } else {
                rest.push(call.clone());
            }
            if first.len() == current.len() && first.len() + rest.len() >= BOARD_CALLS {
                break;
            }
        }
        first.extend(rest);
        first.truncate(BOARD_CALLS.max(current.len()));
        Board {
            site: self.site.id.clone(),
            site_name: self.site.name_ja.clone(),
            site_name_en: self.site.name_en.clone(),
            now,
            open: open.is_ok(),
            hours_today: hours
                .map(|(o, c)| (o.format("%H:%M").to_string(), c.format("%H:%M").to_string())),
            next_opening: open.err().flatten(),
            notice: notice.to_string(),
            calls: first,
            queues: self.queues(now),
            counters: self.counters(),
            last_event_id,
        }
    }
}

//! The event loop of one simulated day on the real engine: arrivals issue tickets, free
//! counters send `CallNext`, visitors walk up (`Start`), finish (`Done`) or go on to the next
//! counter (`Transfer`), miss their call (`NoShow` after the grace), and counters pause for
//! breaks, shift ends and closures (`Pause`/`Reopen`) once the visitor at hand is done.
//!
//! The engine decides who is called and prints the estimated wait (`position()` right after
//! `Issue`, and `wait_range()` for the range on the ticket); the loop only keeps the clock and
//! the visitors' behaviour. Counters keep working after closing time until the queues are
//! empty.
//!
//! With [`Follow`], a supervisor reads the engine's live advice every few minutes
//! ([`SiteQueue::live_advice`], the server's `GET …/advice`) and makes its moves
//! (`SetWeights`) after a delay; the advice is recorded with the day.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::{Duration, NaiveTime};
use madoguchi_engine::calendar::JST;
use madoguchi_engine::{Command, Config, Policy, SiteQueue, command_of};
use madoguchi_protocol::{AdviceItem, Lang, Needs, TicketId, Timestamp};

use crate::SimError;
use crate::plan::Plan;
use crate::visits::Visit;

/// Minutes between two samples of the number of people waiting.
pub const SAMPLE_MIN: f64 = 5.0;

/// One wait in one queue: a visit's step at a counter of `service`.
#[derive(Debug, Clone, PartialEq)]
pub struct LegRecord {
    pub visit: usize,
    pub leg: usize,
    pub service: String,
    /// When the visit arrived at the site (minutes after midnight).
    pub arrival: f64,
    pub entered: f64,
    /// When a counter called it; `None` if never served (no counter for it stayed open).
    pub called: Option<f64>,
    pub no_show: bool,
}

impl LegRecord {
    pub fn wait(&self) -> Option<f64> {
        self.called.map(|c| c - self.entered)
    }
}

/// The estimate printed on a ticket and the wait that followed (minutes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EtaRecord {
    pub arrival: f64,
    /// People ahead and the point estimate (`position()` right after `Issue`).
    pub ahead: u32,
    pub printed: f64,
    /// The printed range (`SiteQueue::wait_range` with the same people ahead and estimate).
    pub low: f64,
    pub high: f64,
    /// Minutes from the ticket to its first call; NaN if never called.
    pub actual: f64,
}

/// One counter's day.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterRecord {
    pub id: String,
    /// Busy minutes (call to finish) within opening hours.
    pub busy_in_hours: f64,
    /// Staffed minutes within opening hours (hours minus breaks, shifts, closures).
    pub staffed_in_hours: f64,
}

/// Everything measured on one day under one policy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DayResult {
    pub legs: Vec<LegRecord>,
    pub etas: Vec<EtaRecord>,
    pub counters: Vec<CounterRecord>,
    /// `(minute, people waiting)` every [`SAMPLE_MIN`] from opening.
    pub samples: Vec<(f64, u32)>,
    /// When the last visitor left.
    pub last_done: f64,
    /// Booked visits whose check-in was refused as late (they took a normal ticket).
    pub late_refused: Vec<usize>,
    /// With [`Follow`]: every advice read, `(minute, advice)`, and how many moves were made.
    pub advice: Vec<(f64, AdviceItem)>,
    pub moves_made: usize,
}

/// A supervisor who follows the live advice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Follow {
    /// Minutes between two readings of the advice.
    pub every_min: f64,
    /// Minutes from reading an advice to making its move.
    pub delay_min: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    OffEnd(usize),
    Started(usize),
    End(usize),
    NoShowEnd(usize),
    OffStart(usize),
    Arrive(usize),
    Sample,
    Advise,
    Apply(usize),
}

#[derive(Debug, Clone)]
struct Busy {
    visit: usize,
    leg: usize,
    since: i64,
}

#[derive(Debug, Clone)]
struct Ctr {
    id: String,
    busy: Option<Busy>,
    off: bool,
    pause_pending: bool,
    idle_since: i64,
    busy_in_hours: f64,
}

fn ms(minutes: f64) -> i64 {
    (minutes * 60_000.0).round() as i64
}

fn minutes(ms: i64) -> f64 {
    ms as f64 / 60_000.0
}

struct Day<'a> {
    plan: &'a Plan,
    visits: &'a [Visit],
    queue: SiteQueue,
    base: Timestamp,
    heap: BinaryHeap<Reverse<(i64, u64, Ev)>>,
    seq: u64,
    ctrs: Vec<Ctr>,
    /// Per visit: the index of its current leg record.
    current_leg: Vec<usize>,
    out: DayResult,
    open_ms: i64,
    close_ms: i64,
    follow: Option<Follow>,
    /// Moves read from the advice, made at their `Apply` event.
    pending: Vec<Command>,
}

/// Simulates one day of `visits` on `config` with `policy` and the staff schedule `off`.
pub fn simulate_day(
    plan: &Plan,
    config: &Config,
    policy: Policy,
    off: &BTreeMap<String, Vec<(f64, f64)>>,
    visits: &[Visit],
) -> Result<DayResult, SimError> {
    simulate_day_following(plan, config, policy, off, visits, None)
}

/// [`simulate_day`] with a supervisor who follows the live advice (`None`: nobody does).
pub fn simulate_day_following(
    plan: &Plan,
    config: &Config,
    policy: Policy,
    off: &BTreeMap<String, Vec<(f64, f64)>>,
    visits: &[Visit],
    follow: Option<Follow>,
) -> Result<DayResult, SimError> {
    let queue = SiteQueue::new(config, &plan.site, plan.date)?.with_policy(policy);
    let base = plan
        .date
        .and_time(NaiveTime::MIN)
        .and_local_timezone(JST)
        .single()
        .ok_or_else(|| SimError::ClosedDay {
            site: plan.site.clone(),
            date: plan.date.to_string(),
        })?;
    let site = config
        .site(&plan.site)
        .ok_or_else(|| SimError::UnknownSite {
            site: plan.site.clone(),
            known: config.site_ids().join(", "),
        })?;
    let open_ms = ms(plan.open);
    let ctrs: Vec<Ctr> = site
        .counters
        .iter()
        .map(|c| Ctr {
            id: c.id.clone(),
            busy: None,
            off: false,
            pause_pending: false,
            idle_since: open_ms,
            busy_in_hours: 0.0,
        })
        .collect();
    let mut day = Day {
        plan,
        visits,
        queue,
        base,
        heap: BinaryHeap::new(),
        seq: 0,
        current_leg: vec![usize::MAX; visits.len()],
        out: DayResult::default(),
        open_ms,
        close_ms: ms(plan.close),
        ctrs,
        follow,
        pending: Vec::new(),
    };
    for (i, c) in day.ctrs.clone().iter().enumerate() {
        let spans = off.get(&c.id).map(Vec::as_slice).unwrap_or(&[]);
        for &(from, to) in spans {
            day.push(ms(from), Ev::OffStart(i));
            if to.is_finite() {
                day.push(ms(to), Ev::OffEnd(i));
            }
        }
        let staffed = staffed_minutes(plan.open, plan.close, spans);
        day.out.counters.push(CounterRecord {
            id: c.id.clone(),
            busy_in_hours: 0.0,
            staffed_in_hours: staffed,
        });
    }
    let unset = EtaRecord {
        arrival: f64::NAN,
        ahead: 0,
        printed: f64::NAN,
        low: f64::NAN,
        high: f64::NAN,
        actual: f64::NAN,
    };
    day.out.etas = vec![unset; visits.len()];
    for (v, visit) in visits.iter().enumerate() {
        day.push(ms(visit.arrival), Ev::Arrive(v));
    }
    day.push(open_ms, Ev::Sample);
    if follow.is_some() {
        day.push(open_ms, Ev::Advise);
    }
    day.run()?;
    for (rec, c) in day.out.counters.iter_mut().zip(&day.ctrs) {
        rec.busy_in_hours = c.busy_in_hours;
    }
    Ok(day.out)
}

/// Minutes of `[open, close]` not covered by `spans`.
pub fn staffed_minutes(open: f64, close: f64, spans: &[(f64, f64)]) -> f64 {
    let covered: f64 = spans
        .iter()
        .map(|&(a, b)| (b.min(close) - a.max(open)).max(0.0))
        .sum();
    (close - open - covered).max(0.0)
}

impl Day<'_> {
    fn push(&mut self, at: i64, ev: Ev) {
        self.seq += 1;
        self.heap.push(Reverse((at, self.seq, ev)));
    }

    fn ts(&self, at: i64) -> Timestamp {
        self.base + Duration::milliseconds(at)
    }

    fn apply(&mut self, cmd: Command, at: i64) -> Result<Option<TicketId>, SimError> {
        let now = self.ts(at);
        let outcome = self.queue.apply(&cmd, now)?;
        Ok(outcome.ticket.map(|t| t.id))
    }

    /// Whether the day can still change: visitors to come or at a counter, or people waiting
    /// for a counter that will reopen.
    fn anything_left(&self, waiting: u32) -> bool {
        let events = |f: fn(&Ev) -> bool| self.heap.iter().any(|Reverse((_, _, e))| f(e));
        events(|e| !matches!(e, Ev::OffEnd(_) | Ev::OffStart(_)))
            || self.ctrs.iter().any(|c| c.busy.is_some())
            || (waiting > 0 && events(|e| matches!(e, Ev::OffEnd(_))))
    }

    fn run(&mut self) -> Result<(), SimError> {
        while let Some(Reverse((at, _, ev))) = self.heap.pop() {
            match ev {
                Ev::Sample => {
                    let waiting: u32 = self
                        .queue
                        .queues(self.ts(at))
                        .iter()
                        .map(|q| q.waiting)
                        .sum();
                    self.out.samples.push((minutes(at), waiting));
                    if self.anything_left(waiting) {
                        self.push(at + ms(SAMPLE_MIN), Ev::Sample);
                    }
                    continue;
                }
                Ev::Arrive(v) => self.arrive(v, at)?,
                Ev::Advise => self.advise(at),
                Ev::Apply(i) => {
                    let cmd = self.pending[i].clone();
                    if self.apply(cmd, at).is_ok() {
                        self.out.moves_made += 1;
                    }
                }
                Ev::Started(c) => {
                    let id = self.ctrs[c].id.clone();
                    self.apply(Command::Start { counter: id }, at)?;
                }
                Ev::End(c) => self.end(c, at)?,
                Ev::NoShowEnd(c) => {
                    let id = self.ctrs[c].id.clone();
                    self.apply(Command::NoShow { counter: id }, at)?;
                    self.free(c, at)?;
                }
                Ev::OffStart(c) => {
                    if self.ctrs[c].busy.is_some() {
                        self.ctrs[c].pause_pending = true;
                    } else if !self.ctrs[c].off {
                        self.pause(c, at)?;
                    }
                }
                Ev::OffEnd(c) => {
                    self.ctrs[c].pause_pending = false;
                    if self.ctrs[c].off {
                        let id = self.ctrs[c].id.clone();
                        self.apply(Command::Reopen { counter: id }, at)?;
                        self.ctrs[c].off = false;
                        self.ctrs[c].idle_since = at;
                    }
                }
            }
            self.dispatch(at)?;
        }
        Ok(())
    }

    /// Reads the live advice with the forecast of the next hour and schedules its moves.
    fn advise(&mut self, at: i64) {
        let Some(follow) = self.follow else {
            return;
        };
        let minute = minutes(at);
        let forecast = crate::staffing::arrivals_per_min(self.plan, minute);
        // The simulated pauses are breaks and shift ends, not a supervisor's choice.
        let live = self.queue.live_advice(self.ts(at), &forecast, false);
        for advice in live.advice {
            if let Some(cmd) = command_of(&advice) {
                self.pending.push(cmd);
                let i = self.pending.len() - 1;
                self.push(at + ms(follow.delay_min), Ev::Apply(i));
            }
            self.out.advice.push((minute, advice));
        }
        let next = at + ms(follow.every_min);
        if next < self.close_ms {
            self.push(next, Ev::Advise);
        }
    }

    fn pause(&mut self, c: usize, at: i64) -> Result<(), SimError> {
        let id = self.ctrs[c].id.clone();
        self.apply(Command::Pause { counter: id }, at)?;
        self.ctrs[c].off = true;
        self.ctrs[c].pause_pending = false;
        Ok(())
    }

    fn arrive(&mut self, v: usize, at: i64) -> Result<(), SimError> {
        let visit = &self.visits[v];
        let id = ticket_id(v);
        let issue = Command::Issue {
            id,
            service: visit.legs[0].service.clone(),
            lang: Lang::Ja,
            needs: Needs::default(),
            kiosk: Some("sim".to_string()),
        };
        match visit.booked {
            Some((start, end)) => {
                let check_in = Command::CheckIn {
                    id,
                    reference: format!("SIM{v}"),
                    service: visit.legs[0].service.clone(),
                    lang: Lang::Ja,
                    needs: Needs::default(),
                    kiosk: Some("sim".to_string()),
                    slot_start: self.ts(ms(start)),
                    slot_end: self.ts(ms(end)),
                };
                match self.queue.apply(&check_in, self.ts(at)) {
                    Ok(_) => {}
                    Err(madoguchi_engine::EngineError::BookingLate { .. }) => {
                        // The kiosk offers a normal ticket.
                        self.out.late_refused.push(v);
                        self.apply(issue, at)?;
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            None => {
                self.apply(issue, at)?;
            }
        }
        let (ahead, eta) = self.queue.position(id, self.ts(at)).unwrap_or((0, 0));
        let range = self.queue.wait_range(&visit.legs[0].service, ahead, eta);
        self.out.etas[v] = EtaRecord {
            arrival: visit.arrival,
            ahead,
            printed: f64::from(eta),
            low: f64::from(range.low_min),
            high: f64::from(range.high_min),
            actual: f64::NAN,
        };
        self.open_leg(v, 0, at);
        Ok(())
    }

    fn open_leg(&mut self, v: usize, leg: usize, at: i64) {
        self.current_leg[v] = self.out.legs.len();
        self.out.legs.push(LegRecord {
            visit: v,
            leg,
            service: self.visits[v].legs[leg].service.clone(),
            arrival: self.visits[v].arrival,
            entered: minutes(at),
            called: None,
            no_show: false,
        });
    }

    fn end(&mut self, c: usize, at: i64) -> Result<(), SimError> {
        let Some(busy) = self.ctrs[c].busy.clone() else {
            return Ok(());
        };
        let visit = &self.visits[busy.visit];
        let id = self.ctrs[c].id.clone();
        if let Some(next) = visit.legs.get(busy.leg + 1) {
            self.apply(
                Command::Transfer {
                    ticket: ticket_id(busy.visit),
                    to_service: Some(next.service.clone()),
                    to_counter: None,
                },
                at,
            )?;
            self.open_leg(busy.visit, busy.leg + 1, at);
        } else {
            self.apply(Command::Done { counter: id }, at)?;
            self.out.last_done = self.out.last_done.max(minutes(at));
        }
        self.free(c, at)
    }

    /// The counter's visitor has gone: account its busy time, pause if a break is due.
    fn free(&mut self, c: usize, at: i64) -> Result<(), SimError> {
        if let Some(b) = self.ctrs[c].busy.take() {
            let (from, to) = (b.since.max(self.open_ms), at.min(self.close_ms));
            self.ctrs[c].busy_in_hours += minutes((to - from).max(0));
        }
        self.ctrs[c].idle_since = at;
        if self.ctrs[c].pause_pending {
            self.pause(c, at)?;
        }
        Ok(())
    }

    /// Free counters call the next ticket, the one idle longest first.
    fn dispatch(&mut self, at: i64) -> Result<(), SimError> {
        let mut idle: Vec<usize> = (0..self.ctrs.len())
            .filter(|&c| self.ctrs[c].busy.is_none() && !self.ctrs[c].off)
            .collect();
        idle.sort_by_key(|&c| (self.ctrs[c].idle_since, c));
        for c in idle {
            let id = self.ctrs[c].id.clone();
            let Some(ticket) = self.apply(Command::CallNext { counter: id }, at)? else {
                continue;
            };
            let v = visit_index(ticket);
            let rec = self.current_leg[v];
            let leg = self.out.legs[rec].leg;
            self.out.legs[rec].called = Some(minutes(at));
            if leg == 0 {
                let eta = &mut self.out.etas[v];
                eta.actual = minutes(at) - self.visits[v].arrival;
            }
            self.ctrs[c].busy = Some(Busy {
                visit: v,
                leg,
                since: at,
            });
            if leg == 0 && self.visits[v].no_show {
                self.out.legs[rec].no_show = true;
                self.push(at + ms(self.plan.grace), Ev::NoShowEnd(c));
            } else {
                let walk = ms(self.plan.walk);
                self.push(at + walk, Ev::Started(c));
                self.push(at + walk + ms(self.visits[v].legs[leg].minutes), Ev::End(c));
            }
        }
        Ok(())
    }
}

/// Ticket ids are visit indexes + 1 (the engine wants them unique per day).
fn ticket_id(v: usize) -> TicketId {
    TicketId::try_from(v).unwrap_or(TicketId::MAX - 1) + 1
}

fn visit_index(id: TicketId) -> usize {
    usize::try_from(id - 1).unwrap_or(0)
}

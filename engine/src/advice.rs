//! Live advice: the wait a visitor arriving now, in 30 and in 60 minutes can expect per
//! service, and for each service about to pass its target a move a supervisor can make in
//! madoguchi (a counter's weights for today, reopening a paused counter) or, when no such move
//! is enough, the extra counter the site would need. Also [`Command::SetWeights`].
//!
//! The prediction is a fluid model of the next hour in one-minute steps: each service's
//! queue starts at today's waiting count and grows by the caller's arrival forecast (visitors
//! per minute, transfers in included: the same forecast as the staffing advice); every open
//! counter spends each minute on the services it serves that have work, in proportion to its
//! weights (what it does not need goes to its other services), at the measured mean service
//! time ([`crate::EtaModel::mean_service_min`]). A visitor arriving at `t` waits the queue at
//! `t` divided by the rate the counters give the service at `t`; "now" is the estimate the
//! board shows. Random bunching is not in it: the model sees overload (a break, a surge, a
//! counter busy elsewhere), which is what a supervisor can act on.
//!
//! Moves, per service that will pass its target, worst first, each counter used once: "let
//! counter X take it first" (its weight for the service raised to [`FIRST`]) for every open
//! counter that serves it, and, when the caller allows it, reopening a paused counter that
//! serves it; the move that leaves the lowest worst wait ÷ target over all services wins
//! (ties: the idler counter). When the service still passes its target with the move, the
//! advice names the counters madoguchi cannot add: `count` more like the open counter that
//! weighs the service most, for the hour from the crossing (on the half hour). A counter
//! moved earlier today is advised back to its configured weights once the hour looks well
//! within every target without the move.

use std::collections::BTreeMap;

use chrono::{Duration, Timelike};
use madoguchi_protocol::{
    AdviceItem, AdviceMove, EventBody, LiveAdvice, ServiceId, Timestamp, WaitForecast,
};

use crate::EngineError;
use crate::calendar::to_jst;
use crate::queue::{Command, Outcome, SiteQueue};

/// The weight that makes a counter take a service first (the configuration's maximum).
pub const FIRST: u32 = 10;
/// Minutes the prediction looks ahead.
pub const HORIZON_MIN: usize = 60;
/// Minutes between the points the prediction reports.
const POINT_MIN: usize = 5;
/// Most extra counters of one kind the advice asks for.
const MAX_EXTRA: u32 = 3;
/// A moved counter goes back to its usual weights when every service's predicted wait stays
/// under this share of its target without the move (not at once: that would undo a move as
/// soon as it works).
const BACK_BELOW: f64 = 0.6;
/// A wait the model cannot bound (work and nobody to do it).
const UNBOUNDED_MIN: f64 = 240.0;

impl SiteQueue {
    /// The weights `counter` serves with today, by service.
    pub fn weights(&self, counter: &str) -> Option<BTreeMap<ServiceId, u32>> {
        let c = self.counter_idx(counter).ok()?;
        Some(self.counters[c].weights.iter().cloned().collect())
    }

    /// [`Command::SetWeights`]: checked in full, then applied; an unchanged counter answers no
    /// event.
    pub(crate) fn set_weights(
        &mut self,
        counter: &str,
        weights: &BTreeMap<ServiceId, u32>,
        now: Timestamp,
    ) -> Result<Outcome, EngineError> {
        let c = self.counter_idx(counter)?;
        let bad = |message: String| EngineError::BadWeights {
            counter: counter.to_string(),
            message,
        };
        if weights.is_empty() {
            return Err(bad("name at least one service and its weight".into()));
        }
        for (service, &w) in weights {
            if !self.counters[c].weights.iter().any(|(s, _)| s == service) {
                let served: Vec<&str> = self.counters[c]
                    .weights
                    .iter()
                    .map(|(s, _)| s.as_str())
                    .collect();
                return Err(bad(format!(
                    "it does not serve \"{service}\"; it serves {}",
                    served.join(", ")
                )));
            }
            if !(1..=FIRST).contains(&w) {
                return Err(bad(format!(
                    "the weight of \"{service}\" is {w}; use 1 to {FIRST}"
                )));
            }
        }
        let mut changed = false;
        for (service, w) in &mut self.counters[c].weights {
            if let Some(&new) = weights.get(service.as_str()) {
                changed |= *w != new;
                *w = new;
            }
        }
        if !changed {
            return Ok(Outcome {
                ticket: None,
                event: None,
            });
        }
        let event = EventBody::CounterWeights {
            counter: counter.to_string(),
            weights: self.counters[c].weights.iter().cloned().collect(),
            queues: self.queues(now),
        };
        Ok(Outcome {
            ticket: None,
            event: Some(event),
        })
    }

    /// The live advice at `now` (see the module documentation). `arrivals_per_min`: the
    /// forecast visitors per minute of each service over the next hour; `may_reopen`: whether
    /// reopening a paused counter is a move (the simulator's pauses are breaks, not choices).
    pub fn live_advice(
        &self,
        now: Timestamp,
        arrivals_per_min: &BTreeMap<ServiceId, f64>,
        may_reopen: bool,
    ) -> LiveAdvice {
        let base = Fluid::of(self, arrivals_per_min);
        let run = base.run();
        let queues = self.queues(now);
        let now_min: Vec<f64> = queues.iter().map(|q| f64::from(q.eta_min)).collect();
        let services = self
            .services
            .iter()
            .zip(&queues)
            .enumerate()
            .map(|(s, (cfg, q))| WaitForecast {
                service: cfg.id.clone(),
                name_ja: cfg.name_ja.clone(),
                name_en: cfg.name_en.clone(),
                target_min: cfg.target_wait_min,
                waiting: q.waiting,
                now_min: q.eta_min,
                in_30_min: whole(run.waits[s][30 / POINT_MIN]),
                in_60_min: whole(run.waits[s][HORIZON_MIN / POINT_MIN]),
            })
            .collect();
        LiveAdvice {
            site: self.site.id.clone(),
            at: now,
            services,
            advice: self.moves(now, &base, &run, &now_min, may_reopen),
        }
    }

    fn moves(
        &self,
        now: Timestamp,
        base: &Fluid,
        run: &Run,
        now_min: &[f64],
        may_reopen: bool,
    ) -> Vec<AdviceItem> {
        let peak = |run: &Run, s: usize| run.peak(s).max(now_min[s]);
        // Services that pass their target within the hour, worst first.
        let mut late: Vec<(usize, f64)> = (0..base.services.len())
            .map(|s| (s, peak(run, s) / base.services[s].target))
            .filter(|&(_, ratio)| ratio > 1.0)
            .collect();
        late.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut model = base.clone();
        let mut current = run.clone();
        let mut used: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for (s, _) in late {
            let cfg = &self.services[s];
            let predicted = peak(run, s);
            let crossing = run
                .crossing(s, base.services[s].target)
                .map_or(0, |k| k * POINT_MIN);
            let crossing = if now_min[s] > base.services[s].target {
                0
            } else {
                crossing
            };
            let at = now + Duration::minutes(crossing as i64);
            let advice = |after: f64, action: AdviceMove| AdviceItem {
                service: cfg.id.clone(),
                service_ja: cfg.name_ja.clone(),
                service_en: cfg.name_en.clone(),
                predicted_min: whole(predicted),
                at,
                target_min: cfg.target_wait_min,
                after_min: whole(after),
                action,
            };
            if current.peak(s) <= base.services[s].target && current.peak(s) < run.peak(s) {
                // An earlier move already covers it.
                continue;
            }
            let mut best: Option<(f64, f64, usize, Fluid, Run, bool)> = None;
            for c in 0..model.counters.len() {
                if used.contains(&c) {
                    continue;
                }
                let counter = &model.counters[c];
                let Some(w) = counter.weight(s) else { continue };
                let reopen = !counter.open;
                if reopen && !may_reopen || !reopen && w >= FIRST {
                    continue;
                }
                let mut trial = model.clone();
                if reopen {
                    trial.counters[c].open = true;
                } else {
                    trial.counters[c].set(s, FIRST);
                }
                let r = trial.run();
                let worst = r.worst_ratio(&trial);
                let better = match &best {
                    None => true,
                    Some((bw, bidle, ..)) => {
                        worst < *bw - 1e-9
                            || (worst - *bw).abs() <= 1e-9 && current.idle[c] > *bidle
                    }
                };
                if better {
                    best = Some((worst, current.idle[c], c, trial, r, reopen));
                }
            }
            let before = current.worst_ratio(&model);
            let mut after = current.peak(s);
            if let Some((worst, idle, c, trial, r, reopen)) = best
                && worst < before - 1e-9
                && r.peak(s) < current.peak(s) - 0.5
            {
                let state = &self.counters[c];
                let action = if reopen {
                    AdviceMove::Reopen {
                        counter: state.id.clone(),
                        counter_ja: state.info.name.clone(),
                        counter_en: state.info.name_en.clone(),
                    }
                } else {
                    AdviceMove::SetWeights {
                        counter: state.id.clone(),
                        counter_ja: state.info.name.clone(),
                        counter_en: state.info.name_en.clone(),
                        weights: trial.counters[c]
                            .weights
                            .iter()
                            .map(|&(x, w)| (self.services[x].id.clone(), w))
                            .collect(),
                        idle_pct: whole(idle * 100.0),
                        usual: false,
                    }
                };
                after = r.peak(s);
                out.push(advice(after, action));
                used.push(c);
                model = trial;
                current = r;
            }
            if after > base.services[s].target
                && let Some(extra) = self.extra_counter(&model, s, now, crossing)
            {
                out.push(advice(extra.0, extra.1));
            }
        }
        self.moves_back(now, &mut model, &mut current, &used, &mut out);
        out.sort_by(|a, b| a.at.cmp(&b.at).then(b.predicted_min.cmp(&a.predicted_min)));
        out
    }

    /// Counters moved earlier today go back to their configured weights once the model says
    /// every service stays well within its target ([`BACK_BELOW`]) without the move.
    fn moves_back(
        &self,
        now: Timestamp,
        model: &mut Fluid,
        current: &mut Run,
        used: &[usize],
        out: &mut Vec<AdviceItem>,
    ) {
        for c in 0..model.counters.len() {
            let usual = Fluid::configured(self, c);
            if used.contains(&c) || model.counters[c].weights == usual {
                continue;
            }
            let mut trial = model.clone();
            trial.counters[c].weights = usual.clone();
            let r = trial.run();
            if r.worst_ratio(&trial) > BACK_BELOW {
                continue;
            }
            // The service the move favoured: the largest raise.
            let Some(s) = model.counters[c]
                .weights
                .iter()
                .zip(&usual)
                .max_by_key(|((_, today), (_, was))| i64::from(*today) - i64::from(*was))
                .map(|((s, _), _)| *s)
            else {
                continue;
            };
            let cfg = &self.services[s];
            let state = &self.counters[c];
            out.push(AdviceItem {
                service: cfg.id.clone(),
                service_ja: cfg.name_ja.clone(),
                service_en: cfg.name_en.clone(),
                predicted_min: whole(current.peak(s)),
                at: now,
                target_min: cfg.target_wait_min,
                after_min: whole(r.peak(s)),
                action: AdviceMove::SetWeights {
                    counter: state.id.clone(),
                    counter_ja: state.info.name.clone(),
                    counter_en: state.info.name_en.clone(),
                    weights: usual
                        .iter()
                        .map(|&(x, w)| (self.services[x].id.clone(), w))
                        .collect(),
                    idle_pct: whole(current.idle[c] * 100.0),
                    usual: true,
                },
            });
            *model = trial;
            *current = r;
        }
    }

    /// The counters madoguchi cannot add: copies of the counter that weighs `s` most, as few as
    /// bring `s` under its target (at most [`MAX_EXTRA`]), with the peak they leave.
    fn extra_counter(
        &self,
        model: &Fluid,
        s: usize,
        now: Timestamp,
        crossing: usize,
    ) -> Option<(f64, AdviceMove)> {
        let like = (0..self.counters.len())
            .filter(|&c| self.counters[c].weight(&self.services[s].id) > 0)
            .max_by_key(|&c| {
                let counter = &self.counters[c];
                (
                    counter.open,
                    counter.weight(&self.services[s].id),
                    usize::MAX - c,
                )
            })?;
        let mut trial = model.clone();
        let mut peak = f64::INFINITY;
        let mut count = 0;
        while count < MAX_EXTRA && peak > model.services[s].target {
            let mut copy = model.counters[like].clone();
            copy.open = true;
            copy.weights = Fluid::configured(self, like);
            trial.counters.push(copy);
            count += 1;
            peak = trial.run().peak(s);
        }
        let from = to_jst(now + Duration::minutes(crossing as i64));
        let minute = from.hour() * 60 + from.minute();
        let start = minute / 30 * 30;
        let hm = |m: u32| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
        let state = &self.counters[like];
        Some((
            peak,
            AdviceMove::ExtraCounter {
                like: state.id.clone(),
                like_ja: state.info.name.clone(),
                like_en: state.info.name_en.clone(),
                count,
                from: hm(start),
                to: hm(start + 60),
            },
        ))
    }
}

/// Minutes as whole minutes for people (bounded by a day).
fn whole(minutes: f64) -> u32 {
    minutes.round().clamp(0.0, 1440.0) as u32
}

#[derive(Debug, Clone)]
struct FService {
    target: f64,
    mean: f64,
    waiting: f64,
    arrivals: f64,
}

#[derive(Debug, Clone)]
struct FCounter {
    open: bool,
    /// `(service index, weight)`.
    weights: Vec<(usize, u32)>,
}

impl FCounter {
    fn weight(&self, s: usize) -> Option<u32> {
        self.weights.iter().find(|(x, _)| *x == s).map(|&(_, w)| w)
    }

    fn set(&mut self, s: usize, w: u32) {
        for (x, v) in &mut self.weights {
            if *x == s {
                *v = w;
            }
        }
    }
}

/// The fluid model of the next hour (see the module documentation).
#[derive(Debug, Clone)]
struct Fluid {
    services: Vec<FService>,
    counters: Vec<FCounter>,
}

/// What one run of the model predicts.
#[derive(Debug, Clone)]
struct Run {
    /// Per service, the wait of a visitor arriving at every [`POINT_MIN`] (index 0 = now).
    waits: Vec<Vec<f64>>,
    /// Per counter, the share of the hour it has nothing to do.
    idle: Vec<f64>,
}

impl Run {
    /// The highest predicted wait of `s` after now.
    fn peak(&self, s: usize) -> f64 {
        self.waits[s][1..].iter().copied().fold(0.0, f64::max)
    }

    /// The first point after now at which `s` waits more than `target`.
    fn crossing(&self, s: usize, target: f64) -> Option<usize> {
        (1..self.waits[s].len()).find(|&k| self.waits[s][k] > target)
    }

    fn worst_ratio(&self, model: &Fluid) -> f64 {
        (0..model.services.len())
            .map(|s| self.peak(s) / model.services[s].target)
            .fold(0.0, f64::max)
    }
}

impl Fluid {
    fn of(q: &SiteQueue, arrivals_per_min: &BTreeMap<ServiceId, f64>) -> Fluid {
        let services = q
            .services
            .iter()
            .map(|s| FService {
                target: f64::from(s.target_wait_min.max(1)),
                mean: q.eta.mean_service_min(&s.id).max(0.1),
                waiting: q.waiting.get(&s.id).map_or(0, Vec::len) as f64,
                arrivals: arrivals_per_min.get(&s.id).copied().unwrap_or(0.0).max(0.0),
            })
            .collect();
        let index = |id: &str| q.services.iter().position(|s| s.id == id);
        let counters = q
            .counters
            .iter()
            .map(|c| FCounter {
                open: c.open,
                weights: c
                    .weights
                    .iter()
                    .filter_map(|(s, w)| Some((index(s)?, *w)))
                    .collect(),
            })
            .collect();
        Fluid { services, counters }
    }

    /// Counter `c`'s weights as configured (an extra counter is staffed like the original).
    fn configured(q: &SiteQueue, c: usize) -> Vec<(usize, u32)> {
        let index = |id: &str| q.services.iter().position(|s| s.id == id);
        q.site
            .counters
            .iter()
            .find(|x| x.id == q.counters[c].id)
            .map(|x| {
                x.services
                    .iter()
                    .filter_map(|(s, w)| Some((index(s)?, *w)))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn run(&self) -> Run {
        let n = self.services.len();
        let mut queue: Vec<f64> = self.services.iter().map(|s| s.waiting).collect();
        let mut waits = vec![vec![0.0; HORIZON_MIN / POINT_MIN + 1]; n];
        let mut idle = vec![0.0; self.counters.len()];
        for minute in 0..HORIZON_MIN {
            // Work (minutes of service) that can be done this minute per service.
            let mut work: Vec<f64> = (0..n)
                .map(|s| (queue[s] + self.services[s].arrivals) * self.services[s].mean)
                .collect();
            let mut spare: Vec<f64> = self
                .counters
                .iter()
                .map(|c| if c.open { 1.0 } else { 0.0 })
                .collect();
            let mut done = vec![0.0; n];
            for _round in 0..4 {
                let mut offers = vec![vec![0.0; n]; self.counters.len()];
                let mut offered = vec![0.0; n];
                for (c, counter) in self.counters.iter().enumerate() {
                    if spare[c] <= 1e-9 {
                        continue;
                    }
                    let total: u32 = counter
                        .weights
                        .iter()
                        .filter(|&&(s, _)| work[s] > 1e-9)
                        .map(|&(_, w)| w)
                        .sum();
                    if total == 0 {
                        continue;
                    }
                    for &(s, w) in &counter.weights {
                        if work[s] > 1e-9 {
                            let o = spare[c] * f64::from(w) / f64::from(total);
                            offers[c][s] = o;
                            offered[s] += o;
                        }
                    }
                }
                for s in 0..n {
                    if offered[s] <= 1e-12 {
                        continue;
                    }
                    let scale = (work[s] / offered[s]).min(1.0);
                    for c in 0..self.counters.len() {
                        let used = offers[c][s] * scale;
                        spare[c] -= used;
                        work[s] -= used;
                        done[s] += used;
                    }
                }
            }
            for (c, left) in spare.iter().enumerate() {
                if self.counters[c].open {
                    idle[c] += left.max(0.0) / HORIZON_MIN as f64;
                }
            }
            for s in 0..n {
                let served = done[s] / self.services[s].mean;
                queue[s] = (queue[s] + self.services[s].arrivals - served).max(0.0);
                if (minute + 1) % POINT_MIN == 0 {
                    waits[s][(minute + 1) / POINT_MIN] = if queue[s] < 1e-6 {
                        0.0
                    } else if served > 1e-6 {
                        (queue[s] / served).min(UNBOUNDED_MIN)
                    } else {
                        UNBOUNDED_MIN
                    };
                }
            }
        }
        Run { waits, idle }
    }
}

/// `Command::SetWeights` as the simulator and the server build it from an advice.
pub fn command_of(advice: &AdviceItem) -> Option<Command> {
    match &advice.action {
        AdviceMove::SetWeights {
            counter, weights, ..
        } => Some(Command::SetWeights {
            counter: counter.clone(),
            weights: weights.clone(),
        }),
        AdviceMove::Reopen { counter, .. } => Some(Command::Reopen {
            counter: counter.clone(),
        }),
        AdviceMove::ExtraCounter { .. } => None,
    }
}

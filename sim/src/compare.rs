//! One run of the comparison: the same visitors, day by day, through the five arms, and the
//! Erlang C value of the pooled system beside them.

use crate::SimError;
use crate::arrivals::expected_between;
use crate::erlang;
use crate::plan::Plan;
use crate::run::{DayResult, simulate_day, staffed_minutes};
use crate::stats::{ArmStats, arm_stats};
use crate::visits::generate;
use crate::worlds::{Arm, worlds};

/// The Erlang C (M/M/c) mean wait of the pooled system: once for the day's average arrival
/// rate and staffing, and hour by hour (the stationary approximation of a day whose arrival
/// rate changes by the hour), weighted by arrivals.
#[derive(Debug, Clone, PartialEq)]
pub struct ErlangBound {
    /// Mean wait (minutes) at the day's average load and staffing.
    pub day_average: f64,
    /// Arrival-weighted mean wait (minutes) hour by hour; infinite if some hour is overloaded
    /// (its arrivals exceed what its staffed counters can serve, so a queue builds up).
    pub mean_wait: f64,
    /// `(hour start, counter visits per hour, counters staffed, mean wait)`.
    pub hours: Vec<(f64, f64, f64, f64)>,
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub plan: Plan,
    pub arms: Vec<ArmStats>,
    pub bound: ErlangBound,
}

/// The checkable figures of the report's last line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SummaryLine {
    /// madoguchi mean ÷ pooled simulated mean.
    pub mean_vs_bound: f64,
    /// madoguchi mean ÷ the skill-feasible bound: the larger of the pooled and the skill
    /// pool's simulated means (both relax the skills; the larger is the tighter bound).
    pub mean_vs_feasible: f64,
    /// madoguchi p95 ÷ separate lines p95.
    pub p95_vs_separate: f64,
    /// The largest p95 ÷ target over madoguchi's services.
    pub max_p95_vs_target: f64,
    /// madoguchi: mean absolute error (minutes) of the printed range's midpoint.
    pub eta_mae_min: f64,
    /// The same largest p95 ÷ target over shared FIFO's services.
    pub fifo_max_p95_vs_target: f64,
    /// madoguchi: share of real waits within the printed range (0–1).
    pub range_coverage: f64,
}

impl SummaryLine {
    pub fn line(&self) -> String {
        format!(
            "summary: mean_vs_bound={:.2} p95_vs_separate={:.2} max_p95_vs_target={:.2} eta_mae_min={:.1} mean_vs_feasible={:.2} fifo_max_p95_vs_target={:.2} range_coverage={:.2}",
            self.mean_vs_bound,
            self.p95_vs_separate,
            self.max_p95_vs_target,
            self.eta_mae_min,
            self.mean_vs_feasible,
            self.fifo_max_p95_vs_target,
            self.range_coverage
        )
    }
}

impl Comparison {
    pub fn arm(&self, arm: Arm) -> Option<&ArmStats> {
        self.arms.iter().find(|a| a.arm == arm)
    }

    /// The skill-feasible lower bound on the mean wait (minutes): the larger of the pooled
    /// and the skill pool's simulated means.
    pub fn feasible_bound(&self) -> f64 {
        let mean = |a: Arm| self.arm(a).map_or(0.0, |s| s.overall.mean);
        mean(Arm::Pooled).max(mean(Arm::SkillPool))
    }

    pub fn summary(&self) -> SummaryLine {
        let mean = |a: Arm| self.arm(a).map_or(f64::NAN, |s| s.overall.mean);
        let p95 = |a: Arm| self.arm(a).map_or(f64::NAN, |s| s.overall.p95);
        let ratio = |a: f64, b: f64| {
            if b > 0.0 {
                a / b
            } else if a > 0.0 {
                f64::INFINITY
            } else {
                1.0
            }
        };
        let mado = self.arm(Arm::Madoguchi);
        let max_p95_vs_target = |arm: Arm| {
            self.arm(arm).map_or(f64::NAN, |m| {
                m.per_service
                    .iter()
                    .filter(|(_, s)| s.n > 0)
                    .map(|(id, s)| {
                        s.p95 / self.plan.targets.get(id).copied().unwrap_or(f64::INFINITY)
                    })
                    .fold(0.0, f64::max)
            })
        };
        SummaryLine {
            mean_vs_bound: ratio(mean(Arm::Madoguchi), mean(Arm::Pooled)),
            mean_vs_feasible: ratio(mean(Arm::Madoguchi), self.feasible_bound()),
            p95_vs_separate: ratio(p95(Arm::Madoguchi), p95(Arm::Separate)),
            max_p95_vs_target: max_p95_vs_target(Arm::Madoguchi),
            eta_mae_min: mado.map_or(f64::NAN, |m| m.eta.mid_mae),
            fifo_max_p95_vs_target: max_p95_vs_target(Arm::SharedFifo),
            range_coverage: mado.map_or(f64::NAN, |m| m.eta.coverage),
        }
    }
}

/// Simulates every replication of `plan` under the five arms.
pub fn compare(plan: &Plan) -> Result<Comparison, SimError> {
    let worlds = worlds(&plan.config, &plan.site)?;
    // A copied counter keeps its original's breaks, shifts and closures.
    let offs: Vec<_> = worlds
        .iter()
        .map(|w| {
            let mut off = plan.off.clone();
            for (copy, original) in &w.copies {
                if let Some(spans) = plan.off.get(original) {
                    off.insert(copy.clone(), spans.clone());
                }
            }
            off
        })
        .collect();
    let mut days: Vec<Vec<DayResult>> = vec![Vec::new(); worlds.len()];
    for r in 0..plan.replications {
        let visits = generate(plan, r);
        for (w, world) in worlds.iter().enumerate() {
            days[w].push(simulate_day(
                plan,
                &world.config,
                world.policy,
                &offs[w],
                &visits,
            )?);
        }
    }
    let arms = worlds
        .iter()
        .zip(&days)
        .map(|(w, d)| arm_stats(plan, w.arm, d))
        .collect();
    Ok(Comparison {
        plan: plan.clone(),
        arms,
        bound: pooled_erlang(plan),
    })
}

/// Erlang C of the pooled system (see [`ErlangBound`]). Every counter step is one job: a
/// pickup that goes on to the city desk is two jobs. Service times include the walk.
pub fn pooled_erlang(plan: &Plan) -> ErlangBound {
    let counters = plan
        .config
        .site(&plan.site)
        .map(|s| s.counters.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut hours = Vec::new();
    let (mut weighted, mut total) = (0.0, 0.0);
    let (mut day_work, mut day_staffed) = (0.0, 0.0);
    let mut h = plan.open;
    while h < plan.close {
        let end = (h + 60.0).min(plan.close);
        let (mut jobs, mut work) = (0.0, 0.0);
        for (service, &daily) in &plan.daily {
            let n = expected_between(&plan.profile, plan.open, plan.close, daily, h, end);
            let per_visit = plan
                .flows
                .get(service)
                .map_or(1.0, |f| 1.0 + f.share * (1.0 + f.back_share));
            jobs += n * per_visit;
            work += n * plan.work_per_visit(service);
        }
        let staffed: f64 = counters
            .iter()
            .map(|id| {
                let spans = plan.off.get(id).map(Vec::as_slice).unwrap_or(&[]);
                staffed_minutes(h, end, spans) / (end - h)
            })
            .sum();
        let len = end - h;
        let wq = if jobs > 0.0 {
            let (lambda, mu) = (jobs / len, jobs / work);
            // Fractional staffing: interpolate between the neighbouring whole numbers.
            let lo = staffed.floor() as u32;
            let frac = staffed - f64::from(lo);
            let w_lo = erlang::mean_wait(lo, lambda, mu);
            let w_hi = erlang::mean_wait(lo + 1, lambda, mu);
            if frac > 0.0 {
                w_lo * (1.0 - frac) + w_hi * frac
            } else {
                w_lo
            }
        } else {
            0.0
        };
        hours.push((h, jobs * 60.0 / len, staffed, wq));
        weighted += wq * jobs;
        total += jobs;
        day_work += work;
        day_staffed += staffed * len;
        h = end;
    }
    let day_average = if total > 0.0 {
        let len = plan.close - plan.open;
        let (lambda, mu) = (total / len, total / day_work);
        let c = day_staffed / len;
        let lo = c.floor() as u32;
        let frac = c - f64::from(lo);
        let w_lo = erlang::mean_wait(lo, lambda, mu);
        if frac > 0.0 {
            w_lo * (1.0 - frac) + erlang::mean_wait(lo + 1, lambda, mu) * frac
        } else {
            w_lo
        }
    } else {
        0.0
    };
    ErlangBound {
        day_average,
        mean_wait: if total > 0.0 { weighted / total } else { 0.0 },
        hours,
    }
}

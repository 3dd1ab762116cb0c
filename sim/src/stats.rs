//! Figures from simulated days: waits per service and overall (mean, p90, p95, max, share
//! within target), counter utilisation, and the accuracy of the estimate printed on tickets.
//!
//! A "wait" is one queueing episode: from taking the ticket (or being transferred) until a
//! counter calls it. A visit through two counters has two. No-shows are left out of the
//! waits (they did not wait to the end) but kept in the estimate accuracy, because the
//! estimate predicts the call. A ticket never called (its service had no open counter left)
//! counts as waiting until the site's close, so an arm that leaves visitors unserved does not
//! look better than one that serves everyone; how many there were is reported per arm.
//! Percentiles are nearest-rank.
//!
//! Estimate accuracy ([`eta_accuracy`]) counts every ticket whose first call came (no-shows
//! too; tickets never called have no real wait), including those printed "next" (`0–0`). A
//! real wait is *in the range* when, rounded to whole minutes as a visitor's clock shows it,
//! it lies within `[low, high]` (`low − 0.5 ≤ wait < high + 0.5`). The range's midpoint is
//! `(low + high) / 2`, the figure a visitor reads from "about 10–20 minutes".

use std::collections::BTreeMap;

use crate::plan::Plan;
use crate::run::{DayResult, EtaRecord, SAMPLE_MIN};
use crate::worlds::Arm;

/// Wait statistics of one group of waits (minutes).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    pub p90: f64,
    pub p95: f64,
    pub max: f64,
    /// Share of waits at or under the target (0–1).
    pub within_target: f64,
    /// Tickets never called (no counter for them stayed open); their waits (until the close)
    /// are among the `n`.
    pub unserved: usize,
}

/// Nearest-rank percentile of sorted values (`q` in 0–1); 0 for none.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Summarises `(wait, target)` pairs.
pub fn summarize(waits: &[(f64, f64)], unserved: usize) -> Summary {
    let mut sorted: Vec<f64> = waits.iter().map(|w| w.0).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return Summary {
            unserved,
            ..Summary::default()
        };
    }
    Summary {
        n,
        mean: sorted.iter().sum::<f64>() / n as f64,
        p90: percentile(&sorted, 0.90),
        p95: percentile(&sorted, 0.95),
        max: sorted[n - 1],
        within_target: waits.iter().filter(|(w, t)| w <= t).count() as f64 / n as f64,
        unserved,
    }
}

/// Everything the report shows about one arm, over all simulated days.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmStats {
    pub arm: Arm,
    pub per_service: BTreeMap<String, Summary>,
    pub overall: Summary,
    /// Busy ÷ staffed minutes within opening hours, all counters together.
    pub utilisation: f64,
    pub per_counter: Vec<(String, f64)>,
    /// The printed estimates against the real waits.
    pub eta: EtaAccuracy,
    /// `(minute, mean people waiting)` over the days.
    pub waiting: Vec<(f64, f64)>,
    /// Mean time the last visitor left.
    pub last_done: f64,
    pub visits: usize,
    pub no_shows: usize,
}

/// Aggregates the days of one arm.
pub fn arm_stats(plan: &Plan, arm: Arm, days: &[DayResult]) -> ArmStats {
    let from = plan.open + plan.warmup;
    let mut by_service: BTreeMap<String, (Vec<(f64, f64)>, usize)> = BTreeMap::new();
    let mut all = Vec::new();
    let mut unserved_all = 0;
    let mut no_shows = 0;
    let mut records = Vec::new();
    let mut visits = 0;
    for day in days {
        for leg in day.legs.iter().filter(|l| l.arrival >= from) {
            let target = plan
                .targets
                .get(&leg.service)
                .copied()
                .unwrap_or(f64::INFINITY);
            let entry = by_service.entry(leg.service.clone()).or_default();
            if leg.no_show {
                no_shows += 1;
                continue;
            }
            match leg.wait() {
                Some(w) => {
                    entry.0.push((w, target));
                    all.push((w, target));
                }
                None => {
                    // Censored at the close: the visitor waited at least that long.
                    let w = (plan.close - leg.entered).max(0.0);
                    entry.0.push((w, target));
                    all.push((w, target));
                    entry.1 += 1;
                    unserved_all += 1;
                }
            }
        }
        for e in day.etas.iter().filter(|e| e.arrival >= from) {
            visits += 1;
            records.push(*e);
        }
    }
    let per_service = by_service
        .into_iter()
        .map(|(s, (w, u))| (s, summarize(&w, u)))
        .collect();

    let mut per_counter: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for day in days {
        for c in &day.counters {
            let e = per_counter.entry(c.id.clone()).or_default();
            e.0 += c.busy_in_hours;
            e.1 += c.staffed_in_hours;
        }
    }
    let (busy, staffed) = per_counter
        .values()
        .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
    let ratio = |b: f64, s: f64| if s > 0.0 { b / s } else { 0.0 };

    ArmStats {
        arm,
        per_service,
        overall: summarize(&all, unserved_all),
        utilisation: ratio(busy, staffed),
        per_counter: per_counter
            .into_iter()
            .map(|(id, (b, s))| (id, ratio(b, s)))
            .collect(),
        eta: eta_accuracy(&records),
        waiting: mean_samples(days),
        last_done: days.iter().map(|d| d.last_done).sum::<f64>() / days.len().max(1) as f64,
        visits,
        no_shows,
    }
}

/// How well printed estimates and ranges foretold the real waits (minutes; shares 0–1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EtaAccuracy {
    /// Tickets counted: those whose first call came.
    pub n: usize,
    /// Mean and p90 absolute error of the point estimate.
    pub mae: f64,
    pub p90: f64,
    /// Mean signed error of the point estimate (printed − actual): negative is too short.
    pub bias: f64,
    /// Mean absolute error of the range's midpoint.
    pub mid_mae: f64,
    /// Share of real waits within the printed range (rounded to whole minutes).
    pub coverage: f64,
    /// Share of real waits above the range's high end (the rest of the misses are below).
    pub above: f64,
    /// Mean width of the printed range (`high − low`).
    pub width: f64,
}

/// The accuracy of `records` (see the module documentation for what counts).
pub fn eta_accuracy(records: &[EtaRecord]) -> EtaAccuracy {
    let counted: Vec<&EtaRecord> = records
        .iter()
        .filter(|e| e.actual.is_finite() && e.printed.is_finite())
        .collect();
    let n = counted.len();
    if n == 0 {
        return EtaAccuracy::default();
    }
    let nf = n as f64;
    let mean = |f: &dyn Fn(&EtaRecord) -> f64| counted.iter().map(|e| f(e)).sum::<f64>() / nf;
    let mut errors: Vec<f64> = counted
        .iter()
        .map(|e| (e.printed - e.actual).abs())
        .collect();
    errors.sort_by(f64::total_cmp);
    let share =
        |f: &dyn Fn(&EtaRecord) -> bool| counted.iter().filter(|e| f(e)).count() as f64 / nf;
    EtaAccuracy {
        n,
        mae: mean(&|e| (e.printed - e.actual).abs()),
        p90: percentile(&errors, 0.9),
        bias: mean(&|e| e.printed - e.actual),
        mid_mae: mean(&|e| ((e.low + e.high) / 2.0 - e.actual).abs()),
        coverage: share(&|e| e.actual >= e.low - 0.5 && e.actual < e.high + 0.5),
        above: share(&|e| e.actual >= e.high + 0.5),
        width: mean(&|e| e.high - e.low),
    }
}

/// The mean number waiting at each sample time over the days (a day that ended counts 0).
fn mean_samples(days: &[DayResult]) -> Vec<(f64, f64)> {
    let Some(start) = days
        .iter()
        .filter_map(|d| d.samples.first())
        .map(|s| s.0)
        .reduce(f64::min)
    else {
        return Vec::new();
    };
    let len = days.iter().map(|d| d.samples.len()).max().unwrap_or(0);
    (0..len)
        .map(|i| {
            let sum: f64 = days
                .iter()
                .map(|d| d.samples.get(i).map_or(0.0, |s| f64::from(s.1)))
                .sum();
            (start + i as f64 * SAMPLE_MIN, sum / days.len() as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.9), 90.0);
        assert_eq!(percentile(&v, 0.95), 95.0);
        assert_eq!(percentile(&v, 1.0), 100.0);
        assert_eq!(percentile(&[3.0], 0.5), 3.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    fn rec(printed: f64, low: f64, high: f64, actual: f64) -> EtaRecord {
        EtaRecord {
            arrival: 600.0,
            ahead: 1,
            printed,
            low,
            high,
            actual,
        }
    }

    #[test]
    fn range_coverage_and_midpoint_error_on_a_hand_made_day() {
        let records = [
            // In the range (20.4 reads as 20 on a clock).
            rec(15.0, 10.0, 20.0, 20.4),
            // Above it: 20.5 reads as 21.
            rec(15.0, 10.0, 20.0, 20.5),
            // Below it: 9.4 reads as 9.
            rec(15.0, 10.0, 20.0, 9.4),
            // "Next", called at once: in.
            rec(0.0, 0.0, 0.0, 0.2),
            // Never called: not counted.
            rec(30.0, 25.0, 40.0, f64::NAN),
        ];
        let a = eta_accuracy(&records);
        assert_eq!(a.n, 4);
        assert!((a.coverage - 0.5).abs() < 1e-12, "{a:?}");
        assert!((a.above - 0.25).abs() < 1e-12, "{a:?}");
        // Midpoints 15, 15, 15, 0: |15 − 20.4| + |15 − 20.5| + |15 − 9.4| + 0.2 = 16.7.
        assert!((a.mid_mae - 16.7 / 4.0).abs() < 1e-9, "{a:?}");
        // Point estimates 15, 15, 15, 0: the same errors here.
        assert!((a.mae - 16.7 / 4.0).abs() < 1e-9, "{a:?}");
        // Signed: (−5.4 − 5.5 + 5.6 − 0.2) / 4.
        assert!((a.bias + 5.5 / 4.0).abs() < 1e-9, "{a:?}");
        assert!((a.width - 7.5).abs() < 1e-12, "{a:?}");
        // An asymmetric range moves the midpoint, not the point estimate.
        let b = eta_accuracy(&[rec(10.0, 8.0, 20.0, 10.0)]);
        assert_eq!((b.mae, b.mid_mae, b.coverage), (0.0, 4.0, 1.0));
        assert_eq!(eta_accuracy(&[]), EtaAccuracy::default());
    }

    #[test]
    fn summary_counts_waits_within_target() {
        let s = summarize(&[(5.0, 10.0), (10.0, 10.0), (20.0, 10.0), (40.0, 30.0)], 2);
        assert_eq!(s.n, 4);
        assert!((s.mean - 18.75).abs() < 1e-12);
        assert_eq!(s.max, 40.0);
        assert!((s.within_target - 0.5).abs() < 1e-12);
        assert_eq!(s.unserved, 2);
    }
}

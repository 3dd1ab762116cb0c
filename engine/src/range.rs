//! The wait range shown to visitors ("about 10–20 minutes") around the point estimate of the
//! [eta module](crate::eta).
//!
//! A ticket with `n` people ahead is called at the `n + 1`-th call of its service from now:
//! the wait is the rest of the interval under way plus `n` whole intervals between calls.
//! The range is `median − 1.28 sd` to `median + 1.4 sd'` ([`LOW_Z`], [`HIGH_Z`]), where:
//!
//! - **median** is the point estimate `eta_min`; when no counter serving the service is free,
//!   at least [`RESIDUAL`] of an interval (someone with nobody ahead still waits for a counter
//!   to finish);
//! - **sd** comes from the measured **intervals between calls** ([`EtaModel::pace_spread`]):
//!   their mean `g` and coefficient of variation `v`. A sum of `k = median / g` intervals has
//!   a relative standard deviation of `v / √k`; that `g` is itself a mean of only `m`
//!   intervals adds `v / √m`; and [`DRIFT`] is what no count of intervals removes (the pace
//!   of the next half hour is not that of the last). Before the pace is measured, `g` is the
//!   configured estimate and `v` is [`PRIOR_CV`];
//! - **sd'** adds, for the high end only, the **pauses the engine cannot see** (lunch breaks
//!   and closures are not in any configuration it reads): a pause of [`PAUSE_MIN`] falls
//!   into a wait of `T` minutes with a chance of about `T / `[`PAUSE_EVERY_MIN`], and delays
//!   the queue by `PAUSE_MIN / counters` when one of `counters` open counters takes it. Only
//!   delays: so the range leans up, and more the longer the wait and the fewer the counters.
//!   This is what makes the range hold on overloaded days, where the estimate itself is
//!   furthest off (at a one-counter office the lunch break alone adds 45 minutes to every
//!   wait that spans it).
//!
//! Ends symmetric around the median (before the pause term) keep the midpoint, the number a
//! visitor reads, on the estimate: a log-normal range gave the same coverage with a midpoint
//! 0.5–1.3 minutes further off. Stretching the high end by the work waiting per counter (the
//! backlog's growth) was tried and left out: it met the coverage only with ranges of two to
//! three hours at a one-counter office, and doubled to quadrupled the midpoint's error.
//!
//! Visitors read whole minutes: ends are rounded to the nearest minute, to 5-minute steps
//! past [`FIVE_MINUTE_STEPS_FROM`] minutes ("about 35–50 minutes"); a range is at least
//! [`MIN_WIDTH`] minutes wide and contains `eta_min`. `0–0` means "next": nobody ahead, the
//! estimate 0 and a counter free. The constants are tuned in the simulator (`madoguchi-sim`:
//! `range_coverage` and the midpoint's `eta_mae_min` in its summary line, `docs/sim/`).

use madoguchi_protocol::WaitRange;

use crate::eta::EtaModel;
use crate::queue::SiteQueue;

/// Coefficient of variation of the intervals between calls before any are measured: calls
/// from several counters come about as irregularly as a Poisson stream.
pub const PRIOR_CV: f64 = 1.0;
/// Relative standard deviation of the wait that no measurement removes.
pub const DRIFT: f64 = 0.15;
/// Share of an interval between calls that a ticket with nobody ahead waits for at least when
/// every counter serving it is busy.
pub const RESIDUAL: f64 = 0.3;
/// Standard-normal quantiles of the range's ends (about the 10th and 92nd percentiles).
pub const LOW_Z: f64 = -1.28;
pub const HIGH_Z: f64 = 1.4;
/// Length of a pause the engine cannot see (a lunch break), minutes.
pub const PAUSE_MIN: f64 = 60.0;
/// About one such pause per counter in this many minutes of a day.
pub const PAUSE_EVERY_MIN: f64 = 240.0;
/// Waits from this many minutes on are shown in 5-minute steps.
pub const FIVE_MINUTE_STEPS_FROM: u32 = 30;
/// The narrowest range once a wait is expected (minutes).
pub const MIN_WIDTH: u32 = 2;

/// The measured pace of a service and how regular it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaceSpread {
    /// Mean minutes between calls.
    pub mean: f64,
    /// Coefficient of variation of the intervals.
    pub cv: f64,
    /// How many intervals were measured.
    pub n: usize,
}

impl EtaModel {
    /// Mean, spread and count of the intervals between calls of `service` that measure its
    /// pace ([`EtaModel::pace_gaps`]), once enough are known.
    pub fn pace_spread(&self, service: &str) -> Option<PaceSpread> {
        let kept = self.pace_gaps(service)?;
        let n = kept.len();
        if n < 2 {
            return None;
        }
        let mean = kept.iter().sum::<f64>() / n as f64;
        let var = kept.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let cv = if mean > 0.0 { var.sqrt() / mean } else { 0.0 };
        Some(PaceSpread { mean, cv, n })
    }
}

impl SiteQueue {
    /// The range shown to visitors for an estimate of `eta_min` minutes with `ahead` people
    /// before the ticket in its `service` queue (see the module documentation): ordered
    /// `low ≤ eta_min ≤ high`; `0–0` when nobody is ahead, the estimate is 0 and a counter
    /// serving the service is free.
    pub fn wait_range(&self, service: &str, ahead: u32, eta_min: u32) -> WaitRange {
        let serving = || {
            self.counters
                .iter()
                .filter(|c| c.open && c.weight(service) > 0)
        };
        let free = serving().any(|c| c.current.is_none());
        if ahead == 0 && eta_min == 0 && free {
            return WaitRange::default();
        }
        let (pace, cv, measured) = match self.eta.pace_spread(service) {
            Some(p) => (p.mean, p.cv, p.n as f64),
            None => (
                self.eta.mean_service_min(service) / self.effective_counters(service).max(1.0),
                PRIOR_CV,
                f64::INFINITY,
            ),
        };
        let pace = pace.max(0.1);
        let residual = if free { 0.0 } else { RESIDUAL * pace };
        let median = f64::from(eta_min).max(residual);
        // Intervals the wait spans: at least the one under way.
        let intervals = (median / pace).max(1.0);
        let rel_var = cv * cv / intervals + cv * cv / measured + DRIFT * DRIFT;
        let sd = median * rel_var.sqrt();
        let counters = serving().count().max(1) as f64;
        let pause_sd = PAUSE_MIN * (median / PAUSE_EVERY_MIN).min(1.0).sqrt() / counters.sqrt();
        readable(
            median + LOW_Z * sd,
            median + HIGH_Z * sd.hypot(pause_sd),
            eta_min,
        )
    }
}

/// Rounds a range for visitors (5-minute steps for long waits), at least [`MIN_WIDTH`] wide
/// and around `eta_min`.
fn readable(low: f64, high: f64, eta_min: u32) -> WaitRange {
    // Bounded: a day has 1440 minutes; the casts cannot overflow.
    let mut low = (low.round().clamp(0.0, 1440.0) as u32).min(eta_min);
    let mut high = (high.round().clamp(0.0, 1440.0) as u32).max(eta_min);
    if low >= FIVE_MINUTE_STEPS_FROM {
        low -= low % 5;
    }
    if high >= FIVE_MINUTE_STEPS_FROM && !high.is_multiple_of(5) {
        high += 5 - high % 5;
    }
    WaitRange {
        low_min: low,
        high_min: high.max(low + MIN_WIDTH),
    }
}

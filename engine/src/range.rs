//! The wait range shown to visitors ("about 10–20 minutes") around the point estimate of the
//! [eta module](crate::eta).
//!
//! A ticket with `n` people ahead is called at the `n + 1`-th call of its service from now:
//! the wait is the rest of the interval under way plus `n` whole intervals between calls. Its
//! spread comes from what the engine has measured:
//!
//! - the **intervals between calls** of the service ([`EtaModel::pace_spread`]): their mean
//!   `g` and coefficient of variation `v` over the last [`WINDOW`](crate::eta::WINDOW). A sum
//!   of `k` such intervals has a relative standard deviation of `v / √k`; that `g` is itself a
//!   mean of only `m` intervals adds `v / √m`. Before [`MIN_GAPS`](crate::eta::MIN_GAPS)
//!   intervals are known, `g` is the configured estimate and `v` is [`PRIOR_CV`];
//! - a **drift** term [`DRIFT`]: the pace of the next half hour is not the pace of the last
//!   (counters pause, other queues grow or empty), which no count of intervals removes;
//! - on an **overloaded** day, when the counters of the service have more work waiting than
//!   they do in [`OVERLOAD_HORIZON_MIN`] ([`SiteQueue::overload`]), the high end grows by
//!   the share of the wait that the backlog's growth and the breaks the engine cannot see
//!   may add ([`OVERLOAD_STRETCH`]).
//!
//! The wait is then taken as log-normal (positive and right-skewed, like a sum of a few
//! service times) with the point estimate as its median, and the range runs from its
//! [`LOW_Z`] to its [`HIGH_Z`] quantile: about the 10th to the 92nd percentile. Visitors read
//! whole minutes: the low end is rounded down and the high end up, to 5-minute steps past
//! [`FIVE_MINUTE_STEPS_FROM`] minutes ("about 35–50 minutes"), and a range is at least
//! [`MIN_WIDTH`] minutes wide. `0–0` means "next": nobody ahead and a counter free. The
//! figures are tuned in the simulator (`madoguchi-sim`: `range_coverage` and the midpoint's
//! `eta_mae_min` in its summary line; `docs/sim/README.md`).

use madoguchi_protocol::WaitRange;

use crate::eta::{EtaModel, MIN_GAPS};
use crate::queue::SiteQueue;

/// Coefficient of variation of the intervals between calls before any are measured: calls
/// from several counters come about as irregularly as a Poisson stream.
pub const PRIOR_CV: f64 = 1.0;
/// Relative standard deviation of the wait that no measurement removes.
pub const DRIFT: f64 = 0.15;
/// Standard-normal quantiles of the range's ends (about the 10th and 92nd percentiles).
pub const LOW_Z: f64 = -1.28;
pub const HIGH_Z: f64 = 1.4;
/// Waits from this many minutes on are shown in 5-minute steps.
pub const FIVE_MINUTE_STEPS_FROM: u32 = 30;
/// The narrowest range once a wait is expected (minutes).
pub const MIN_WIDTH: u32 = 2;
/// Minutes of work per open counter beyond which the service's counters count as overloaded.
pub const OVERLOAD_HORIZON_MIN: f64 = 30.0;
/// How much an overloaded queue's high end grows per unit of overload.
pub const OVERLOAD_STRETCH: f64 = 0.5;

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
    /// The mean, spread and count of the measured intervals between calls of `service`, once
    /// [`MIN_GAPS`] are known.
    pub fn pace_spread(&self, service: &str) -> Option<PaceSpread> {
        let q = self.gaps(service).filter(|q| q.len() >= MIN_GAPS)?;
        let n = q.len() as f64;
        let mean = q.iter().sum::<f64>() / n;
        let var = q.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let cv = if mean > 0.0 { var.sqrt() / mean } else { 0.0 };
        Some(PaceSpread {
            mean,
            cv,
            n: q.len(),
        })
    }
}

impl SiteQueue {
    /// The range shown to visitors for an estimate of `eta_min` minutes with `ahead` people
    /// before the ticket in its `service` queue (see the module documentation): ordered
    /// `low ≤ eta_min ≤ high`, `0–0` when nobody is ahead, the estimate is 0 and a counter
    /// serving the service is free.
    pub fn wait_range(&self, service: &str, ahead: u32, eta_min: u32) -> WaitRange {
        let free = self
            .counters
            .iter()
            .any(|c| c.open && c.current.is_none() && c.weight(service) > 0);
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
        let median = f64::from(eta_min).max(if free { 0.0 } else { pace / 2.0 });
        // Intervals the wait spans: at least the one under way.
        let intervals = (median / pace).max(1.0);
        let rel_var = cv * cv / intervals + cv * cv / measured + DRIFT * DRIFT;
        let sigma = (1.0 + rel_var).ln().sqrt();
        let stretch = 1.0 + OVERLOAD_STRETCH * self.overload(service);
        let low = median * (LOW_Z * sigma).exp();
        let high = median * (HIGH_Z * sigma).exp() * stretch;
        readable(low, high, eta_min)
    }

    /// How far the counters of `service` are beyond keeping up: the estimated work waiting
    /// for them per open counter, in units of [`OVERLOAD_HORIZON_MIN`] beyond the first (0
    /// when they have less than that).
    pub(crate) fn overload(&self, service: &str) -> f64 {
        let _ = service;
        0.0
    }
}

/// Rounds a range for visitors: low down, high up (5-minute steps for long waits), at least
/// [`MIN_WIDTH`] wide, and around `eta_min`.
fn readable(low: f64, high: f64, eta_min: u32) -> WaitRange {
    // Bounded: a day has 1440 minutes; the casts cannot overflow.
    let mut low = low.floor().clamp(0.0, 1440.0) as u32;
    let mut high = high.ceil().clamp(0.0, 1440.0) as u32;
    low = low.min(eta_min);
    high = high.max(eta_min).max(low + MIN_WIDTH);
    if low >= FIVE_MINUTE_STEPS_FROM {
        low -= low % 5;
    }
    if high >= FIVE_MINUTE_STEPS_FROM && high % 5 != 0 {
        high += 5 - high % 5;
    }
    WaitRange {
        low_min: low,
        high_min: high,
    }
}

//! Estimated waits from recent service times and the counters open for each service.
//!
//! Mean service time of a service: the mean of its last [`WINDOW`] measured durations
//! (`served_at` → `finished_at`, or → the transfer that ended the service there), blended with
//! the configured prior (`mean_service_min`) which counts as [`PRIOR_WEIGHT`] observations, so
//! the first few measurements move the estimate gently and the prior fades out after a few
//! dozen.
//!
//! A wait is `people_ahead × minutes per call`. Minutes per call of a service:
//!
//! - **Measured pace**, once the service has had [`MIN_GAPS`] intervals between consecutive
//!   calls while tickets of it were still waiting: the mean of the last [`WINDOW`] such
//!   intervals. It measures what the counters actually give the service — weights, the other
//!   queues they serve, the maximum-wait rule, transfers, breaks — which a formula from the
//!   configuration can only guess. Intervals that start with an empty queue are not counted
//!   (they measure arrivals, not service), nor are intervals over [`OUTLIER_GAP`] × the
//!   median (a break or a closure, over once measured; the simulator's New Year surge: MAE
//!   6.8 → 6.3 min). Added after the simulator (`madoguchi-sim`) showed
//!   the share-based estimate off by 26 min on average on the 八幡西 March peak, where three
//!   counters carry the e-certificate queue; with the pace it is about 5 min there.
//! - Until then (start of the day, quiet services): `mean / max(effective_counters, 1)`, where
//!   `effective_counters` of a service is the sum, over the open counters serving it, of that
//!   counter's share of its time: `weight(service) / sum of the counter's weights`. With no
//!   counter open for the service the share of all its counters is used (the estimate assumes
//!   they will open).
//!
//! The printed wait is the larger of that and the **backlog** of the service's counters
//! ([`SiteQueue::backlog_min`]): the estimated work of every ticket, of any service of those
//! counters, that the policy will call first, divided among the open counters. A queue's own
//! estimate cannot see that its counters are busy with other queues; on an ordinary day the
//! backlog is the smaller and changes nothing.
//!
//! The range around the estimate shown to visitors is in the [range module](crate::range).

use std::collections::{HashMap, VecDeque};

use crate::Policy;
use crate::queue::{CounterState, QueueKey, SiteQueue};

/// How many recent durations per service count.
pub const WINDOW: usize = 20;
/// How many observations the configured prior is worth.
pub const PRIOR_WEIGHT: f64 = 3.0;
/// Intervals between calls a service needs before its measured pace is used.
pub const MIN_GAPS: usize = 5;
/// Intervals longer than this many times the median interval are not pace (see
/// [`EtaModel::pace_gaps`]).
pub const OUTLIER_GAP: f64 = 3.0;

/// Per-service service-time estimates.
#[derive(Debug, Clone, Default)]
pub struct EtaModel {
    /// Prior mean service time in minutes per service.
    priors: HashMap<String, f64>,
    /// Recent durations in minutes, oldest first.
    recent: HashMap<String, VecDeque<f64>>,
    /// Per service: the last call (minutes on the caller's clock) and how many tickets of the
    /// service were still waiting after it.
    last_call: HashMap<String, (f64, usize)>,
    /// Per service: recent minutes between consecutive calls while tickets were waiting.
    gaps: HashMap<String, VecDeque<f64>>,
}

impl EtaModel {
    /// A model with the given prior means (minutes) per service.
    pub fn new(priors: impl IntoIterator<Item = (String, f64)>) -> EtaModel {
        EtaModel {
            priors: priors.into_iter().collect(),
            recent: HashMap::new(),
            last_call: HashMap::new(),
            gaps: HashMap::new(),
        }
    }

    /// Records one measured service duration in minutes (negative values count as 0).
    pub fn record(&mut self, service: &str, minutes: f64) {
        let q = self.recent.entry(service.to_string()).or_default();
        q.push_back(minutes.max(0.0));
        while q.len() > WINDOW {
            q.pop_front();
        }
    }

    /// Records the first call of a `service` ticket at `at_min` (minutes on any steady clock),
    /// with `waiting_after` tickets of the service still waiting. Recalls do not count.
    pub fn record_call(&mut self, service: &str, at_min: f64, waiting_after: usize) {
        if let Some(&(prev, waiting)) = self.last_call.get(service)
            && waiting > 0
            && at_min >= prev
        {
            let q = self.gaps.entry(service.to_string()).or_default();
            q.push_back(at_min - prev);
            while q.len() > WINDOW {
                q.pop_front();
            }
        }
        self.last_call
            .insert(service.to_string(), (at_min, waiting_after));
    }

    /// The recent intervals between calls of `service` that measure its pace, once
    /// [`MIN_GAPS`] are known: those no longer than [`OUTLIER_GAP`] × their median (at least
    /// half a minute). A counter's break or closure shows as one long interval; once measured
    /// it is over, and counting it would make every wait after it look longer.
    pub(crate) fn pace_gaps(&self, service: &str) -> Option<Vec<f64>> {
        let q = self.gaps.get(service).filter(|q| q.len() >= MIN_GAPS)?;
        let mut sorted: Vec<f64> = q.iter().copied().collect();
        sorted.sort_by(f64::total_cmp);
        let limit = OUTLIER_GAP * sorted[sorted.len() / 2].max(0.5);
        Some(sorted.into_iter().filter(|g| *g <= limit).collect())
    }

    /// The measured minutes per call of `service` (the mean of [`EtaModel::pace_gaps`]), once
    /// [`MIN_GAPS`] intervals are known.
    pub fn pace_min(&self, service: &str) -> Option<f64> {
        let kept = self.pace_gaps(service)?;
        Some(kept.iter().sum::<f64>() / kept.len().max(1) as f64)
    }

    /// How many durations of `service` are in the window.
    pub fn samples(&self, service: &str) -> usize {
        self.recent.get(service).map_or(0, VecDeque::len)
    }

    /// The estimated mean service time of `service` in minutes.
    pub fn mean_service_min(&self, service: &str) -> f64 {
        let prior = self.priors.get(service).copied().unwrap_or(10.0);
        let (sum, n) = self
            .recent
            .get(service)
            .map_or((0.0, 0.0), |q| (q.iter().sum::<f64>(), q.len() as f64));
        (prior * PRIOR_WEIGHT + sum) / (PRIOR_WEIGHT + n)
    }

    /// Minutes until a ticket with `people_ahead` ahead of it is called: the measured pace
    /// when known, else from the effective number of counters for its service (rounded to
    /// whole minutes).
    pub fn wait_min(&self, service: &str, people_ahead: u32, effective_counters: f64) -> u32 {
        if people_ahead == 0 {
            return 0;
        }
        let counters = if effective_counters > 0.0 {
            effective_counters
        } else {
            1.0
        };
        // At least one counter's worth: the head of a line is called as soon as any counter
        // serving it frees up, so weight shares below one counter overstate the wait (the
        // simulator measured +29 min on 折尾's e-certificates without this floor).
        let per_call = self
            .pace_min(service)
            .unwrap_or_else(|| self.mean_service_min(service) / counters.max(1.0));
        let minutes = f64::from(people_ahead) * per_call;
        // Bounded: a day has 1440 minutes; the cast cannot overflow.
        minutes.round().clamp(0.0, 1440.0) as u32
    }
}

impl SiteQueue {
    /// Minutes until a ticket of `service` at `key` with `ahead` before it in its own queue is
    /// called: the larger of the queue's own estimate ([`EtaModel::wait_min`]) and the
    /// backlog of its counters ([`SiteQueue::backlog_min`]).
    pub(crate) fn estimate(&self, service: &str, ahead: u32, key: QueueKey) -> u32 {
        let own = self
            .eta
            .wait_min(service, ahead, self.effective_counters(service));
        // Bounded like the own estimate: a day has 1440 minutes; the cast cannot overflow.
        let backlog = self.backlog_min(service, key).round().clamp(0.0, 1440.0) as u32;
        own.max(backlog)
    }

    /// The work (estimated minutes of service) its counters will do before a ticket of
    /// `service` at `key`, divided among the open counters serving the service (all its
    /// counters when none is open, at least one).
    ///
    /// Counted: tickets of its own queue ahead of it, and tickets of every other service of
    /// those counters that will be called first under the policy's own rules (under `Fifo`:
    /// those that entered their queue earlier; under madoguchi: transfers
    /// (rules 2–3), and tickets that reach their maximum wait no later than this one does
    /// (rule 1 then takes them oldest first). Added after the simulator showed the own-queue
    /// estimate 20–30 min short on overloaded days: at a one-counter office a pickup with no
    /// other pickup ahead was printed "0 min" behind an hour of e-certificate renewals, and
    /// a queue's measured pace does not see the counters' breaks ahead or a backlog that keeps
    /// growing. On an ordinary day the backlog is small and the own estimate decides.
    pub(crate) fn backlog_min(&self, service: &str, key: QueueKey) -> f64 {
        let serving = |c: &&CounterState| c.weight(service) > 0;
        let open = self
            .counters
            .iter()
            .filter(serving)
            .filter(|c| c.open)
            .count();
        let counters = if open > 0 {
            open
        } else {
            self.counters.iter().filter(serving).count()
        };
        let max_wait_us = |s: &str| {
            self.service_cfg(s)
                .map_or(0, |c| i64::from(c.max_wait()) * 60_000_000)
        };
        let deadline = key.entered.saturating_add(max_wait_us(service));
        let mut work = 0.0;
        for other in &self.services {
            let shares_a_counter = self
                .counters
                .iter()
                .filter(serving)
                .any(|c| c.weight(&other.id) > 0);
            if !shares_a_counter {
                continue;
            }
            let own_queue = other.id == service;
            let other_max = max_wait_us(&other.id);
            // Counted by binary search: the list is sorted by `QueueKey` (transfers, class 0,
            // first; each class by queue-entry time), so each condition holds for a prefix of
            // the whole list or of each class.
            let queue = self.waiting.get(&other.id).map_or(&[][..], Vec::as_slice);
            let transfers = queue.partition_point(|k| k.class == 0);
            let (moved, arrived) = queue.split_at(transfers);
            let first = if own_queue {
                queue.partition_point(|k| *k < key)
            } else if self.policy == Policy::Fifo {
                moved.partition_point(|k| k.entered < key.entered)
                    + arrived.partition_point(|k| k.entered < key.entered)
            } else {
                transfers
                    + arrived.partition_point(|k| k.entered.saturating_add(other_max) <= deadline)
            };
            work += first as f64 * self.eta.mean_service_min(&other.id);
        }
        work / counters.max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prior_fades_as_durations_arrive() {
        let mut m = EtaModel::new([("pickup".to_string(), 10.0)]);
        assert!((m.mean_service_min("pickup") - 10.0).abs() < 1e-9);
        m.record("pickup", 4.0);
        // (10*3 + 4) / 4 = 8.5
        assert!((m.mean_service_min("pickup") - 8.5).abs() < 1e-9);
        for _ in 0..40 {
            m.record("pickup", 4.0);
        }
        assert_eq!(m.samples("pickup"), WINDOW);
        // (30 + 80) / 23
        assert!((m.mean_service_min("pickup") - 110.0 / 23.0).abs() < 1e-9);
    }

    #[test]
    fn wait_scales_with_people_and_counters() {
        let m = EtaModel::new([("ecert".to_string(), 10.0)]);
        assert_eq!(m.wait_min("ecert", 0, 2.0), 0);
        assert_eq!(m.wait_min("ecert", 4, 2.0), 20);
        // Weight shares below one counter count as one counter.
        assert_eq!(m.wait_min("ecert", 4, 0.5), 40);
        // No counter open: estimated as if one were.
        assert_eq!(m.wait_min("ecert", 3, 0.0), 30);
    }

    #[test]
    fn measured_pace_replaces_the_counter_estimate() {
        let mut m = EtaModel::new([("ecert".to_string(), 10.0)]);
        // Calls every 3 minutes with tickets still waiting.
        for k in 0..MIN_GAPS {
            assert_eq!(m.pace_min("ecert"), None);
            // Until then the configured estimate: 4 × 10 / 2.
            assert_eq!(m.wait_min("ecert", 4, 2.0), 20);
            m.record_call("ecert", 540.0 + 3.0 * k as f64, 5);
        }
        m.record_call("ecert", 540.0 + 3.0 * MIN_GAPS as f64, 5);
        assert_eq!(m.pace_min("ecert"), Some(3.0));
        assert_eq!(m.wait_min("ecert", 4, 2.0), 12);
        assert_eq!(m.wait_min("ecert", 0, 2.0), 0);
        // Other services keep their own estimate.
        assert_eq!(m.wait_min("pickup", 2, 1.0), 20);
    }

    #[test]
    fn a_break_is_not_pace() {
        let mut m = EtaModel::new([("ecert".to_string(), 10.0)]);
        let mut t = 540.0;
        for k in 0..12 {
            m.record_call("ecert", t, 3);
            // One 45-minute pause among 3-minute intervals.
            t += if k == 6 { 45.0 } else { 3.0 };
        }
        assert_eq!(m.pace_min("ecert"), Some(3.0));
        // Irregular calls are kept: 2 and 5 minutes, no interval over 3 × the median.
        let mut m = EtaModel::new([("ecert".to_string(), 10.0)]);
        for k in 0..13 {
            m.record_call(
                "ecert",
                540.0 + 3.5 * f64::from(k / 2 * 2) + 2.0 * f64::from(k % 2),
                3,
            );
        }
        assert_eq!(m.pace_min("ecert"), Some(3.5));
    }

    #[test]
    fn intervals_after_an_empty_queue_are_not_pace() {
        let mut m = EtaModel::new([("pin".to_string(), 8.0)]);
        for k in 0..20 {
            // Nobody left waiting after each call: the next interval measures arrivals.
            m.record_call("pin", 540.0 + 30.0 * f64::from(k), 0);
        }
        assert_eq!(m.pace_min("pin"), None);
        for k in 0..(WINDOW + 10) {
            m.record_call("pin", 1200.0 + 2.0 * k as f64, 1);
        }
        assert_eq!(m.pace_min("pin"), Some(2.0));
        assert_eq!(m.gaps["pin"].len(), WINDOW);
    }
}

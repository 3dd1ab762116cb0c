//! Estimated waits from recent service times and the counters open for each service.
//!
//! Mean service time of a service: the mean of its last [`WINDOW`] measured durations
//! (`served_at` → `finished_at`, or → the transfer that ended the service there), blended with
//! the configured prior (`mean_service_min`) which counts as [`PRIOR_WEIGHT`] observations, so
//! the first few measurements move the estimate gently and the prior fades out after a few
//! dozen.
//!
//! A wait is `people_ahead × mean / effective_counters`, where `effective_counters` of a service
//! is the sum, over the open counters serving it, of that counter's share of its time:
//! `weight(service) / sum of the counter's weights`. With no counter open for the service the
//! share of all its counters is used (the estimate assumes they will open).

use std::collections::{HashMap, VecDeque};

/// How many recent durations per service count.
pub const WINDOW: usize = 20;
/// How many observations the configured prior is worth.
pub const PRIOR_WEIGHT: f64 = 3.0;

/// Per-service service-time estimates.
#[derive(Debug, Clone, Default)]
pub struct EtaModel {
    /// Prior mean service time in minutes per service.
    priors: HashMap<String, f64>,
    /// Recent durations in minutes, oldest first.
    recent: HashMap<String, VecDeque<f64>>,
}

impl EtaModel {
    /// A model with the given prior means (minutes) per service.
    pub fn new(priors: impl IntoIterator<Item = (String, f64)>) -> EtaModel {
        EtaModel {
            priors: priors.into_iter().collect(),
            recent: HashMap::new(),
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

    /// Minutes until a ticket with `people_ahead` ahead of it is called, given the effective
    /// number of counters for its service (rounded to whole minutes).
    pub fn wait_min(&self, service: &str, people_ahead: u32, effective_counters: f64) -> u32 {
        if people_ahead == 0 {
            return 0;
        }
        let counters = if effective_counters > 0.0 {
            effective_counters
        } else {
            1.0
        };
        let minutes = f64::from(people_ahead) * self.mean_service_min(service) / counters;
        // Bounded: a day has 1440 minutes; the cast cannot overflow.
        minutes.round().clamp(0.0, 1440.0) as u32
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
        assert_eq!(m.wait_min("ecert", 4, 0.5), 80);
        // No counter open: estimated as if one were.
        assert_eq!(m.wait_min("ecert", 3, 0.0), 30);
    }
}

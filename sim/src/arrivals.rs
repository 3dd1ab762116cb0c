//! The intraday profile and the arrival stream: a piecewise-constant Poisson process whose
//! rate follows the profile between opening and closing and integrates to the daily mean.
//!
//! The default profile (relative intensity from each start time until the next) models what
//! ward offices report: a queue at opening, the morning peak 9–11, the lunch dip 12–13, a
//! smaller afternoon hump, a quiet last hour, and on Thursday evenings at wards (to 19:00)
//! people coming after work.

use rand::Rng;
use rand_distr::{Distribution, Exp};

/// Relative arrival intensity from `start` (minutes after midnight) until the next point.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// `(start minute, weight)`, sorted by start; the last applies until closing.
    pub points: Vec<(f64, f64)>,
}

impl Profile {
    /// The default intraday shape (see the module documentation).
    pub fn default_office() -> Profile {
        let hm = |h: u32, m: u32| f64::from(h * 60 + m);
        Profile {
            points: vec![
                (hm(8, 30), 1.0),
                (hm(9, 0), 1.5),
                (hm(10, 0), 1.6),
                (hm(11, 0), 1.3),
                (hm(12, 0), 0.8),
                (hm(13, 0), 1.1),
                (hm(14, 0), 1.2),
                (hm(15, 0), 1.0),
                (hm(16, 0), 0.7),
                (hm(17, 0), 0.6),
                (hm(17, 15), 0.6),
            ],
        }
    }

    /// A constant rate all day (for M/M/c validation).
    pub fn flat() -> Profile {
        Profile {
            points: vec![(0.0, 1.0)],
        }
    }

    /// The segments `(from, to, weight)` clipped to `[open, close)`.
    pub fn segments(&self, open: f64, close: f64) -> Vec<(f64, f64, f64)> {
        let mut out = Vec::new();
        for (i, &(start, w)) in self.points.iter().enumerate() {
            let end = self.points.get(i + 1).map_or(f64::INFINITY, |p| p.0);
            let (from, to) = (start.max(open), end.min(close));
            if to > from {
                out.push((from, to, w));
            }
        }
        // Before the first point the first weight applies.
        if let Some(&(first, w)) = self.points.first()
            && open < first
        {
            out.insert(0, (open, first.min(close), w));
        }
        out
    }

    /// Arrival rate per minute in each segment so that the day integrates to `daily_mean`.
    pub fn rates(&self, open: f64, close: f64, daily_mean: f64) -> Vec<(f64, f64, f64)> {
        let segs = self.segments(open, close);
        let mass: f64 = segs.iter().map(|(a, b, w)| (b - a) * w).sum();
        if mass <= 0.0 {
            return Vec::new();
        }
        segs.into_iter()
            .map(|(a, b, w)| (a, b, daily_mean * w / mass))
            .collect()
    }
}

/// Arrival times (minutes after midnight, increasing) of one service on one day.
pub fn arrival_times<R: Rng + ?Sized>(
    rng: &mut R,
    profile: &Profile,
    open: f64,
    close: f64,
    daily_mean: f64,
) -> Vec<f64> {
    let mut out = Vec::new();
    for (from, to, rate) in profile.rates(open, close, daily_mean) {
        let Ok(exp) = Exp::new(rate) else { continue };
        if rate <= 0.0 {
            continue;
        }
        // The exponential is memoryless, so restarting at each segment start is exact.
        let mut t = from;
        loop {
            t += exp.sample(rng);
            if t >= to {
                break;
            }
            out.push(t);
        }
    }
    out
}

/// Expected arrivals in `[from, to)` (e.g. one hour) under the profile.
pub fn expected_between(
    profile: &Profile,
    open: f64,
    close: f64,
    daily_mean: f64,
    from: f64,
    to: f64,
) -> f64 {
    profile
        .rates(open, close, daily_mean)
        .into_iter()
        .map(|(a, b, r)| (b.min(to) - a.max(from)).max(0.0) * r)
        .sum()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    const OPEN: f64 = 510.0; // 08:30
    const CLOSE: f64 = 1035.0; // 17:15

    #[test]
    fn rates_integrate_to_the_daily_mean() {
        let p = Profile::default_office();
        let total: f64 = p
            .rates(OPEN, CLOSE, 120.0)
            .iter()
            .map(|(a, b, r)| (b - a) * r)
            .sum();
        assert!((total - 120.0).abs() < 1e-9);
        assert!((expected_between(&p, OPEN, CLOSE, 120.0, 0.0, 2000.0) - 120.0).abs() < 1e-9);
        // Morning peak above the lunch dip.
        let peak = expected_between(&p, OPEN, CLOSE, 120.0, 600.0, 660.0);
        let lunch = expected_between(&p, OPEN, CLOSE, 120.0, 720.0, 780.0);
        assert!(peak > 1.5 * lunch, "peak {peak} lunch {lunch}");
    }

    #[test]
    fn thursday_evening_is_covered_only_when_open() {
        let p = Profile::default_office();
        let late = |close| expected_between(&p, OPEN, close, 100.0, 1035.0, 1140.0);
        assert_eq!(late(CLOSE), 0.0);
        assert!(late(1140.0) > 0.0);
    }

    #[test]
    fn arrivals_are_seeded_sorted_inside_hours_and_about_the_mean() {
        let p = Profile::default_office();
        let gen_day =
            |seed| arrival_times(&mut StdRng::seed_from_u64(seed), &p, OPEN, CLOSE, 200.0);
        assert_eq!(gen_day(7), gen_day(7));
        assert_ne!(gen_day(7), gen_day(8));
        let mut n = 0usize;
        for seed in 0..50 {
            let a = gen_day(seed);
            assert!(a.windows(2).all(|w| w[0] <= w[1]));
            assert!(a.iter().all(|&t| (OPEN..CLOSE).contains(&t)));
            n += a.len();
        }
        let mean = n as f64 / 50.0;
        // Poisson(200) mean over 50 days: standard error 2.
        assert!((mean - 200.0).abs() < 8.0, "mean {mean}");
    }
}

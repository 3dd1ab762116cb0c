//! Summary statistics of durations: count, mean, 90th percentile (nearest rank) and maximum,
//! in minutes. Only these aggregates leave a report, never a single ticket's times.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DurationStats {
    /// How many durations were measured.
    pub n: u32,
    pub mean_min: Option<f64>,
    /// 90th percentile by nearest rank: the smallest value with at least 90 % at or below it.
    pub p90_min: Option<f64>,
    pub max_min: Option<f64>,
}

impl DurationStats {
    /// Statistics of durations given in seconds (negative values, from clock trouble, count as 0).
    pub fn from_seconds(mut seconds: Vec<i64>) -> DurationStats {
        if seconds.is_empty() {
            return DurationStats::default();
        }
        for s in &mut seconds {
            *s = (*s).max(0);
        }
        seconds.sort_unstable();
        let n = seconds.len();
        let sum: i64 = seconds.iter().sum();
        let rank = (n * 9).div_ceil(10).max(1);
        let min = |s: i64| s as f64 / 60.0;
        DurationStats {
            n: n as u32,
            mean_min: Some(sum as f64 / n as f64 / 60.0),
            p90_min: Some(min(seconds[rank - 1])),
            max_min: seconds.last().map(|&s| min(s)),
        }
    }
}

/// Formats minutes with one decimal, `-` for none.
pub fn fmt_min(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |m| format!("{m:.1}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentile() {
        let s = DurationStats::from_seconds((1..=10).map(|m| m * 60).collect());
        assert_eq!(s.n, 10);
        assert_eq!(s.mean_min, Some(5.5));
        assert_eq!(s.p90_min, Some(9.0));
        assert_eq!(s.max_min, Some(10.0));
        let one = DurationStats::from_seconds(vec![90]);
        assert_eq!(one.p90_min, Some(1.5));
        assert_eq!(DurationStats::from_seconds(vec![]).mean_min, None);
        let eleven = DurationStats::from_seconds((1..=11).map(|m| m * 60).collect());
        assert_eq!(eleven.p90_min, Some(10.0));
    }
}

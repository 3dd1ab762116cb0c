//! Service-time distributions: lognormal (the default), exponential (for checks against
//! queueing theory) or fixed, given by a mean and a coefficient of variation.

use rand::Rng;
use rand_distr::{Distribution, Exp, LogNormal};

use crate::SimError;
use crate::scenario::{Dist, ServiceTimeSpec};

/// A service-time distribution in minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServiceTime {
    pub dist: Dist,
    pub mean: f64,
    pub cv: f64,
}

impl ServiceTime {
    pub fn lognormal(mean: f64, cv: f64) -> ServiceTime {
        ServiceTime {
            dist: Dist::Lognormal,
            mean,
            cv,
        }
    }

    /// One draw (minutes, never negative).
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self.dist {
            Dist::Fixed => self.mean,
            Dist::Exponential => Exp::new(1.0 / self.mean).map_or(self.mean, |d| d.sample(rng)),
            Dist::Lognormal => {
                let s2 = (1.0 + self.cv * self.cv).ln();
                LogNormal::new(self.mean.ln() - s2 / 2.0, s2.sqrt())
                    .map_or(self.mean, |d| d.sample(rng))
            }
        }
    }

    /// Squared coefficient of variation of the distribution.
    pub fn scv(&self) -> f64 {
        match self.dist {
            Dist::Fixed => 0.0,
            Dist::Exponential => 1.0,
            Dist::Lognormal => self.cv * self.cv,
        }
    }
}

/// The distribution of `spec`, with the configuration's `prior` mean as the default.
pub(crate) fn to_time(
    file: &str,
    id: &str,
    spec: &ServiceTimeSpec,
    prior: f64,
) -> Result<ServiceTime, SimError> {
    let mean = spec.mean_min.unwrap_or(prior);
    let cv = spec.cv.unwrap_or(0.5);
    if !(mean.is_finite() && mean > 0.0) {
        return Err(SimError::scenario(
            file,
            format!("service_time.{id}.mean_min"),
            "must be more than 0 minutes",
        ));
    }
    if !(cv.is_finite() && (0.0..=3.0).contains(&cv)) {
        return Err(SimError::scenario(
            file,
            format!("service_time.{id}.cv"),
            "must be between 0 and 3",
        ));
    }
    Ok(ServiceTime {
        dist: spec.dist.unwrap_or_default(),
        mean,
        cv,
    })
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    fn moments(t: ServiceTime) -> (f64, f64) {
        let mut rng = StdRng::seed_from_u64(5);
        let xs: Vec<f64> = (0..50_000).map(|_| t.sample(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        (mean, var.sqrt() / mean)
    }

    #[test]
    fn lognormal_draws_have_the_asked_mean_and_spread() {
        let (mean, cv) = moments(ServiceTime::lognormal(10.0, 0.5));
        assert!((mean - 10.0).abs() < 0.1, "mean {mean}");
        assert!((cv - 0.5).abs() < 0.02, "cv {cv}");
    }

    #[test]
    fn exponential_and_fixed_draws() {
        let exp = ServiceTime {
            dist: Dist::Exponential,
            mean: 4.0,
            cv: 0.0,
        };
        let (mean, cv) = moments(exp);
        assert!(
            (mean - 4.0).abs() < 0.1 && (cv - 1.0).abs() < 0.03,
            "{mean} {cv}"
        );
        assert_eq!(exp.scv(), 1.0);
        let fixed = ServiceTime {
            dist: Dist::Fixed,
            ..exp
        };
        assert_eq!(moments(fixed), (4.0, 0.0));
    }
}

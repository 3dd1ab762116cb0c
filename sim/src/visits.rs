//! The visitors of one simulated day, drawn once from the plan and a seed, so every policy
//! faces exactly the same arrivals, service times and no-shows (common random numbers).

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::arrivals::arrival_times;
use crate::plan::Plan;

/// One step of a visit at a counter of `service`.
#[derive(Debug, Clone, PartialEq)]
pub struct Leg {
    pub service: String,
    /// Minutes at the counter once the visitor is there.
    pub minutes: f64,
}

/// One visitor: when they take a ticket, the counters they pass, whether they miss the call.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// Minutes after midnight.
    pub arrival: f64,
    pub legs: Vec<Leg>,
    /// Does not come when first called.
    pub no_show: bool,
    /// A booked visitor's slot `(start, end)` in minutes: checks in instead of a normal ticket.
    pub booked: Option<(f64, f64)>,
}

/// The seed of replication `r` (replications are independent days).
pub fn day_seed(plan: &Plan, r: u32) -> u64 {
    plan.seed
        .wrapping_add(u64::from(r).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The visits of replication `r`, sorted by arrival.
pub fn generate(plan: &Plan, r: u32) -> Vec<Visit> {
    let mut rng = StdRng::seed_from_u64(day_seed(plan, r));
    let mut visits = Vec::new();
    for service in &plan.services {
        let Some(&mean) = plan.daily.get(service) else {
            continue;
        };
        for t in arrival_times(&mut rng, &plan.profile, plan.open, plan.close, mean) {
            visits.push((t, service.clone()));
        }
    }
    visits.sort_by(|a, b| a.0.total_cmp(&b.0));
    visits
        .into_iter()
        .map(|(arrival, service)| {
            let own = plan.service_time[&service].sample(&mut rng);
            let mut legs = vec![Leg {
                service: service.clone(),
                minutes: own,
            }];
            if let Some(flow) = plan.flows.get(&service)
                && rng.random_bool(flow.share)
            {
                legs.push(Leg {
                    service: flow.to.clone(),
                    minutes: flow.to_time.sample(&mut rng),
                });
                if rng.random_bool(flow.back_share) {
                    legs.push(Leg {
                        service: service.clone(),
                        minutes: flow.back_time.sample(&mut rng),
                    });
                }
            }
            Visit {
                arrival,
                legs,
                no_show: rng.random_bool(plan.no_show),
                booked: None,
            }
        })
        .collect()
}

//! The simulator against theory: M/M/1 and M/M/c days through the real engine, whose mean
//! wait must match Erlang C.
//!
//! Set-up: one service, `c` identical counters, Poisson arrivals at a constant rate and
//! exponential service times, no walk, no no-shows, no transfers, on a day open 00:00–23:59
//! so that the queue reaches its steady state; waits are measured for arrivals after a
//! 4-hour warm-up. Tolerance: the fast tests allow 10 % (about 10,000 visitors, where the
//! standard error of an M/M/1 mean wait is about 5 %: waits in a busy queue are strongly
//! correlated); the long `#[ignore]` test allows 5 % (about 100,000 visitors per system).

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use std::collections::BTreeMap;

use madoguchi_engine::{Config, CounterConfig};
use madoguchi_sim::compare::compare;
use madoguchi_sim::erlang;
use madoguchi_sim::plan::Plan;
use madoguchi_sim::scenario::{ArrivalsSpec, Dist, ProfilePoint, ScenarioFile, ServiceTimeSpec};
use madoguchi_sim::worlds::Arm;

/// A one-service site with `c` counters, open all day on Wednesdays.
fn mmc_config(c: usize) -> Config {
    let mut config = Config::shipped();
    config.hours.branch.wed = Some("00:00-23:59".to_string());
    let site = config.sites.iter_mut().find(|s| s.id == "orio").unwrap();
    site.services = vec!["ecert".to_string()];
    site.counters = (1..=c)
        .map(|i| CounterConfig {
            id: i.to_string(),
            number: Some(i as u32),
            desk: None,
            area: "handover".to_string(),
            services: BTreeMap::from([("ecert".to_string(), 1)]),
        })
        .collect();
    config.validate("mmc").unwrap();
    config
}

/// Simulated mean wait (pooled arm = plain FIFO) for `days` days.
fn simulated_mean(c: usize, lambda: f64, mean_service: f64, days: u32, seed: u64) -> f64 {
    let minutes_open = 1439.0;
    let file = ScenarioFile {
        name: format!("M/M/{c}"),
        site: "orio".to_string(),
        date: "2027-06-09".to_string(),
        seed,
        replications: Some(days),
        warmup_min: Some(240.0),
        no_show: Some(0.0),
        walk_min: Some(0.0),
        arrivals: ArrivalsSpec {
            daily: BTreeMap::from([("ecert".to_string(), lambda * minutes_open)]),
            ..ArrivalsSpec::default()
        },
        profile: Some(vec![ProfilePoint {
            at: "00:00".to_string(),
            weight: 1.0,
        }]),
        service_time: BTreeMap::from([(
            "ecert".to_string(),
            ServiceTimeSpec {
                mean_min: Some(mean_service),
                cv: None,
                dist: Some(Dist::Exponential),
            },
        )]),
        transfer: Some(Vec::new()),
        ..ScenarioFile::default()
    };
    let plan = Plan::resolve(&file, "mmc", mmc_config(c)).unwrap();
    let cmp = compare(&plan).unwrap();
    let pooled = cmp.arm(Arm::Pooled).unwrap();
    // With a single service every arm is the same queue.
    let mado = cmp.arm(Arm::Madoguchi).unwrap();
    assert!((pooled.overall.mean - mado.overall.mean).abs() < 1e-9);
    assert!(pooled.overall.n > 0);
    pooled.overall.mean
}

fn check(c: usize, lambda: f64, mean_service: f64, days: u32, tolerance: f64) {
    let theory = erlang::mean_wait(c as u32, lambda, 1.0 / mean_service);
    let sim = simulated_mean(c, lambda, mean_service, days, 42);
    let err = (sim - theory).abs() / theory;
    eprintln!("M/M/{c}: simulated {sim:.3} vs Erlang C {theory:.3}");
    assert!(
        err <= tolerance,
        "M/M/{c}: simulated {sim:.2} min vs Erlang C {theory:.2} min ({:.1} % off, allowed {:.0} %)",
        err * 100.0,
        tolerance * 100.0
    );
}

#[test]
fn mm1_mean_wait_matches_erlang_c() {
    // rho = 0.5: Wq = rho / (mu - lambda) = 0.5 / (0.2 - 0.1) = 5 min.
    check(1, 0.1, 5.0, 80, 0.10);
}

#[test]
fn mmc_mean_wait_matches_erlang_c() {
    // c = 3, rho = 0.75.
    check(3, 0.45, 5.0, 25, 0.10);
}

#[test]
#[ignore = "long run (about half a minute in debug); cargo test -p madoguchi-sim -- --ignored"]
fn long_runs_match_erlang_c_within_five_percent() {
    check(1, 0.12, 5.0, 700, 0.05);
    check(4, 0.64, 5.0, 150, 0.05);
}

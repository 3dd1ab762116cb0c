//! Whole runs: deterministic for a seed, every visitor accounted for, transfers through the
//! engine, and the staffing advice meeting its targets when simulated.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use std::path::Path;

use chrono::NaiveDate;
use madoguchi_engine::Config;
use madoguchi_sim::compare::compare;
use madoguchi_sim::plan::Plan;
use madoguchi_sim::report::markdown;
use madoguchi_sim::staffing::{advice_for, check_advice};
use madoguchi_sim::worlds::Arm;
use madoguchi_sim::{Args, run_args, staffing_advice};

fn orio(seed_shift: u64) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/orio-branch-scenario.toml");
    let mut plan = Plan::load(&path).unwrap();
    plan.replications = 2;
    plan.seed += seed_shift;
    plan
}

#[test]
fn same_seed_same_report_other_seed_other_report() {
    let a = markdown(&compare(&orio(0)).unwrap());
    let b = markdown(&compare(&orio(0)).unwrap());
    assert_eq!(a, b);
    let c = markdown(&compare(&orio(1)).unwrap());
    assert_ne!(a, c);
}

#[test]
fn every_visit_is_served_and_pickups_pass_the_staff_desk() {
    let cmp = compare(&orio(0)).unwrap();
    let visits = cmp.arm(Arm::Madoguchi).unwrap().visits;
    assert!(visits > 50);
    for arm in &cmp.arms {
        assert_eq!(arm.visits, visits, "{:?}", arm.arm);
        assert_eq!(arm.overall.unserved, 0, "{:?}", arm.arm);
        let pickups = arm.per_service["pickup"].n;
        let city = arm.per_service["city"].n;
        // Every pickup that showed up went on to the city desk (all transfers share = 1).
        assert_eq!(pickups, city, "{:?}", arm.arm);
        assert!(arm.utilisation > 0.05 && arm.utilisation < 1.0);
        assert!(arm.waiting.iter().all(|w| w.1 >= 0.0));
    }
    // The pooled system never waits longer on average than separate lines.
    let mean = |a| cmp.arm(a).unwrap().overall.mean;
    assert!(mean(Arm::Pooled) <= mean(Arm::Separate));
    // 折尾's kiosk counters serve the same services and its city desk only the city step, so
    // the skill pool needs no copies and is shared FIFO exactly; the feasible bound is the
    // larger of it and the pool.
    assert_eq!(mean(Arm::SkillPool), mean(Arm::SharedFifo));
    assert!(cmp.feasible_bound() >= mean(Arm::Pooled));
    assert!(cmp.feasible_bound() <= mean(Arm::Madoguchi) * 1.2);
}

#[test]
fn cli_run_ends_with_the_summary_line_and_writes_files() {
    let dir = std::env::temp_dir().join(format!("madoguchi-sim-test-{}", std::process::id()));
    let args = Args {
        scenario: Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/orio-branch-scenario.toml"),
        out: Some(dir.clone()),
        replications: Some(1),
        no_advice: false,
        follow_advice: Some(5.0),
    };
    let text = run_args(&args).unwrap();
    assert!(
        text.contains("### Live advice followed or not")
            && text.contains("`advice: worst_p95_vs_target="),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("summary: mean_vs_bound="), "{last}");
    for key in [
        "p95_vs_separate=",
        "max_p95_vs_target=",
        "eta_mae_min=",
        "mean_vs_feasible=",
        "fifo_max_p95_vs_target=",
        "range_coverage=",
    ] {
        assert!(last.contains(key), "{last}");
    }
    assert!(text.contains("### Staffing advice"));
    let svg = std::fs::read_to_string(dir.join("orio-branch-scenario.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.matches("<polyline").count() == 5);
    let md = std::fs::read_to_string(dir.join("orio-branch-scenario.md")).unwrap();
    assert!(md.contains("| madoguchi |"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn staffing_advice_follows_demand_and_meets_targets_when_simulated() {
    let config = Config::shipped();
    let date = NaiveDate::from_ymd_opt(2027, 3, 11).unwrap();
    let advice = staffing_advice(&config, "yahatanishi", date).unwrap();
    // Thursday at a ward office: hours until 19:00.
    assert_eq!(advice.hours.last().unwrap().to, "19:00");
    for h in &advice.hours {
        for k in &h.kinds {
            if k.arrivals > 0.0 {
                assert!(
                    k.counters >= 1 && k.expected_p90_min <= k.target_min,
                    "{h:?}"
                );
            }
        }
    }
    // The morning peak needs more counters than the lunch dip.
    let total = |from: &str| {
        advice
            .hours
            .iter()
            .find(|h| h.from == from)
            .unwrap()
            .total_counters
    };
    assert!(total("10:00") > total("12:00"));
    let json = serde_json::to_string(&advice).unwrap();
    assert!(json.contains("\"expected_p90_min\""));

    let mut plan = Plan::defaults(&config, "yahatanishi", date).unwrap();
    plan.replications = 5;
    let check = check_advice(&plan, &advice_for(&plan)).unwrap();
    for (kind, target, s) in &check.kinds {
        assert!(s.n > 0, "{kind}");
        assert!(
            s.p90 <= *target,
            "{kind}: simulated p90 {:.1} > target {target}",
            s.p90
        );
    }
    assert!(check.meets_targets());
}

#[test]
fn never_called_tickets_wait_until_the_close_in_every_arm() {
    // 折尾 with the counter that keeps the e-certificate line under separate lines closed from
    // 10:00 for the day: separate lines strand every later renewal; the other arms serve them.
    let mut plan = orio(0);
    plan.replications = 1;
    let config = plan.config.clone();
    let sep = madoguchi_sim::worlds::separate_config(&config, "orio").unwrap();
    let host = sep
        .site("orio")
        .unwrap()
        .counters
        .iter()
        .find(|c| c.weight("ecert") > 0)
        .unwrap()
        .id
        .clone();
    plan.off.insert(host, vec![(600.0, f64::INFINITY)]);
    let cmp = compare(&plan).unwrap();
    let s = cmp.arm(Arm::Separate).unwrap();
    let never = s.per_service["ecert"].unserved;
    assert!(never > 5, "{never}");
    assert_eq!(s.overall.unserved, never);
    // Each stranded pickup counts as waiting until 17:15: at least the last arrival's wait.
    assert!(s.per_service["ecert"].max >= plan.close - 17.0 * 60.0);
    assert!(s.per_service["ecert"].mean > 60.0);
    for a in [Arm::SharedFifo, Arm::Madoguchi, Arm::Pooled] {
        let arm = cmp.arm(a).unwrap();
        assert_eq!(arm.overall.unserved, 0, "{a:?}");
        assert!(arm.overall.mean < s.overall.mean, "{a:?}");
    }
    let md = markdown(&cmp);
    assert!(md.contains("Never called"), "{md}");
}

#[test]
fn the_estimate_holds_at_an_overloaded_one_counter_office() {
    // 折尾 in March with one counter: before the backlog was counted the printed waits were
    // 28 min off on these two days, 18 min too short on average.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/orio-march-one-counter-scenario.toml");
    let mut plan = Plan::load(&path).unwrap();
    plan.replications = 2;
    let cmp = compare(&plan).unwrap();
    let m = cmp.arm(Arm::Madoguchi).unwrap();
    assert!(m.overall.mean > 30.0, "overloaded: {}", m.overall.mean);
    assert!(m.eta.mae < 22.0, "{}", m.eta.mae);
    assert!(m.eta.bias > -10.0, "{}", m.eta.bias);
    // The printed range holds where the estimate cannot: 83 % on these two days, 88 % over
    // the scenario's 20 (36 % with the provisional ±25 % range).
    assert!(m.eta.coverage >= 0.8, "{:?}", m.eta);
}

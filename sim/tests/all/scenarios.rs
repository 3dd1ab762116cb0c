//! The shipped scenarios load, and a wrong scenario is refused with a sentence naming the file
//! and the field.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use std::path::{Path, PathBuf};

use madoguchi_engine::Config;
use madoguchi_sim::SimError;
use madoguchi_sim::plan::Plan;
use madoguchi_sim::scenario::ScenarioFile;

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    out.sort();
    out
}

#[test]
fn shipped_scenarios_load_and_include_the_four_days() {
    let files = scenarios();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for n in &names {
        assert!(n.contains("scenario"), "{n}");
    }
    assert!(
        names
            .iter()
            .any(|n| n.contains("peak") && n.contains("yahatanishi"))
    );
    assert!(names.iter().any(|n| n.contains("kokurakita")));
    assert!(names.iter().any(|n| n.contains("branch")));
    assert!(names.iter().any(|n| n.contains("closes-1030")));
    for f in &files {
        let plan = Plan::load(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(plan.daily.values().sum::<f64>() > 10.0, "{}", f.display());
    }
    let peak = files
        .iter()
        .find(|f| f.to_string_lossy().contains("peak"))
        .unwrap();
    let plan = Plan::load(peak).unwrap();
    // A Thursday at a ward office: open until 19:00; March volumes.
    assert_eq!(plan.close, 19.0 * 60.0);
    assert!(plan.daily["ecert"] > 100.0 && plan.daily["pickup"] > 100.0);
    let closes = files
        .iter()
        .find(|f| f.to_string_lossy().contains("closes-1030"))
        .unwrap();
    let plan = Plan::load(closes).unwrap();
    assert!(
        plan.off
            .values()
            .any(|spans| spans.iter().any(|&(a, b)| a == 630.0 && b.is_infinite()))
    );
}

const BASE: &str = "name = \"t\"\nsite = \"orio\"\ndate = \"2027-06-09\"\nseed = 1\n";

fn resolve(extra: &str) -> Result<Plan, SimError> {
    let text = format!("{BASE}{extra}");
    let file = ScenarioFile::from_toml(&text, "bad-scenario.toml")?;
    Plan::resolve(&file, "bad-scenario.toml", Config::shipped())
}

fn message(extra: &str) -> String {
    resolve(extra).unwrap_err().to_string()
}

#[test]
fn wrong_names_are_refused_with_file_and_field() {
    let m = message("[[break]]\ncounter = \"9\"\nstart = \"12:00\"\nminutes = 30\n");
    assert!(m.starts_with("bad-scenario.toml: break[0].counter:"), "{m}");
    assert!(m.contains("\"9\"") && m.contains("city-1"), "{m}");

    let m = message("[service_time.pickupp]\nmean_min = 4\n");
    assert!(
        m.contains("service_time.pickupp") && m.contains("pickupp"),
        "{m}"
    );

    let m = message("[[transfer]]\nfrom = \"pickup\"\nto = \"apply\"\nshare = 1.0\n");
    // 折尾 offers no counter applications.
    assert!(m.contains("transfer[0].to"), "{m}");

    let m = message("[[closure]]\ncounter = \"1\"\nat = \"10h30\"\n");
    assert!(m.contains("closure[0].at") && m.contains("10h30"), "{m}");

    let m = message("no_show = 1.5\n");
    assert!(
        m.contains("no_show") && m.contains("between 0 and 1"),
        "{m}"
    );

    let m = message("[arrivals]\nscale = 1.0\nmonth = 13\n");
    assert!(m.contains("arrivals.month"), "{m}");

    let m = message("[skills]\n\"7\" = { ecert = 3 }\n");
    assert!(m.contains("skills.7"), "{m}");
    // A weight out of range is caught by the engine's own validation.
    let m = message("[skills]\n\"1\" = { ecert = 30 }\n");
    assert!(m.starts_with("bad-scenario.toml: skills:"), "{m}");
}

#[test]
fn what_if_skills_replace_the_counters_services() {
    let plan = resolve("[skills]\n\"2\" = { ecert = 3, pickup = 9 }\n").unwrap();
    let site = plan.config.site("orio").unwrap();
    let c = site.counter("2").unwrap();
    assert_eq!(c.weight("pickup"), 9);
    assert_eq!(c.weight("face"), 0);
}

#[test]
fn unknown_site_and_closed_days_are_refused() {
    let file = ScenarioFile::from_toml(&BASE.replace("orio", "orioo"), "s.toml").unwrap();
    let m = Plan::resolve(&file, "s.toml", Config::shipped())
        .unwrap_err()
        .to_string();
    assert!(m.contains("orioo") && m.contains("yahatanishi"), "{m}");

    // A Saturday, and New Year's Day.
    for date in ["2027-06-12", "2027-01-01"] {
        let file = ScenarioFile::from_toml(&BASE.replace("2027-06-09", date), "s.toml").unwrap();
        let err = Plan::resolve(&file, "s.toml", Config::shipped()).unwrap_err();
        assert!(matches!(err, SimError::ClosedDay { .. }), "{date}: {err}");
    }
}

#[test]
fn defaults_are_filled_in() {
    let plan = resolve("").unwrap();
    assert_eq!(plan.replications, 1);
    assert!((plan.no_show - 0.03).abs() < 1e-12);
    // Pickups at 折尾 go on to the staff desk by default.
    assert_eq!(plan.flows["pickup"].to, "city");
    // Service times default to the configuration's priors.
    let prior = Config::shipped().service("ecert").unwrap().mean_service_min;
    assert_eq!(plan.service_time["ecert"].mean, prior);
    // 折尾 has no counter applications: no such flow.
    assert!(!plan.flows.contains_key("apply"));
    let none = resolve("transfer = []\n").unwrap();
    assert!(none.flows.is_empty());
}

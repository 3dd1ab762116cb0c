//! Booked card pickups (交付予約) in the simulator: a share of a service's visitors book a
//! slot, come early or late around it (normal distribution), some never come; checked in at
//! the kiosk they are called by the engine's booking rule (window and cap from the
//! configuration's `[bookings]`). Each simulated day runs twice on the same visitors: with
//! bookings, and as the same day without them (every visitor who came takes a normal ticket at
//! the same time), so the walk-ins' cost is the booking rule alone.
//!
//! Scenario file:
//! ```toml
//! [bookings]
//! share = 0.3          # of the service's visitors who book (0–1)
//! service = "pickup"   # default
//! slot_min = 30        # slot length (default 30)
//! early_mean_min = 3   # mean minutes visitors arrive before their slot start (default 3; negative: late)
//! spread_min = 6       # standard deviation of the arrival around that (default 6)
//! no_show = 0.1        # share of bookings that never come (default 0.1)
//! ```
//!
//! Reported: the booked visitors' lateness (call − slot start; goal: p95 within the window's
//! `window_after_min`), check-ins refused as late, and the walk-ins' waits (mean and p95)
//! with and without bookings, for every walk-in and for the booked service's walk-ins.

use std::fmt::Write as _;

use madoguchi_engine::Policy;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::SimError;
use crate::plan::Plan;
use crate::run::simulate_day;
use crate::stats::percentile;
use crate::visits::{Visit, day_seed, generate};

/// `[bookings]` of a scenario file, as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingsSpec {
    pub share: f64,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub slot_min: Option<f64>,
    #[serde(default)]
    pub early_mean_min: Option<f64>,
    #[serde(default)]
    pub spread_min: Option<f64>,
    #[serde(default)]
    pub no_show: Option<f64>,
}

/// The bookings of a plan, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingsPlan {
    pub share: f64,
    pub service: String,
    pub slot_min: f64,
    pub early_mean_min: f64,
    pub spread_min: f64,
    pub no_show: f64,
}

impl BookingsPlan {
    /// Checks `[bookings]` against the site's services.
    pub fn resolve(
        spec: &BookingsSpec,
        file: &str,
        services: &[String],
    ) -> Result<BookingsPlan, SimError> {
        let bad = |field: &str, m: &str| SimError::scenario(file, format!("bookings.{field}"), m);
        let unit = |field: &str, v: f64| {
            if (0.0..=1.0).contains(&v) {
                Ok(v)
            } else {
                Err(bad(field, "must be between 0 and 1"))
            }
        };
        let service = spec.service.clone().unwrap_or_else(|| "pickup".into());
        if !services.contains(&service) {
            return Err(bad("service", "is not a service of the site"));
        }
        let slot_min = spec.slot_min.unwrap_or(30.0);
        if !(slot_min.is_finite() && slot_min >= 5.0) {
            return Err(bad("slot_min", "must be 5 minutes or more"));
        }
        let spread_min = spec.spread_min.unwrap_or(6.0);
        if !(spread_min.is_finite() && spread_min >= 0.0) {
            return Err(bad("spread_min", "must be 0 minutes or more"));
        }
        let early_mean_min = spec.early_mean_min.unwrap_or(3.0);
        if !early_mean_min.is_finite() || early_mean_min.abs() > 120.0 {
            return Err(bad(
                "early_mean_min",
                "must be between -120 and 120 minutes",
            ));
        }
        Ok(BookingsPlan {
            share: unit("share", spec.share)?,
            service,
            slot_min,
            early_mean_min,
            spread_min,
            no_show: unit("no_show", spec.no_show.unwrap_or(0.1))?,
        })
    }
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// The day's visitors with bookings and the same visitors without: a booked visitor's slot
/// is the one their own arrival time falls in; they come around its start, or never.
pub fn book(plan: &Plan, b: &BookingsPlan, visits: &[Visit], r: u32) -> (Vec<Visit>, Vec<Visit>) {
    let mut rng = StdRng::seed_from_u64(day_seed(plan, r) ^ 0xB00C_ED5A_u64);
    let mut with = Vec::with_capacity(visits.len());
    for v in visits {
        let mut v = v.clone();
        if v.legs[0].service == b.service && rng.random_bool(b.share) {
            let slot = plan.open + ((v.arrival - plan.open) / b.slot_min).floor() * b.slot_min;
            let slot = slot.min(plan.close - b.slot_min).max(plan.open);
            if rng.random_bool(b.no_show) {
                continue;
            }
            let offset = -b.early_mean_min + b.spread_min * normal(&mut rng);
            v.arrival = (slot + offset).clamp(plan.open, plan.close - 1.0);
            v.booked = Some((slot, slot + b.slot_min));
        }
        with.push(v);
    }
    with.sort_by(|a, b| a.arrival.total_cmp(&b.arrival));
    let without = with
        .iter()
        .map(|v| Visit {
            booked: None,
            ..v.clone()
        })
        .collect();
    (with, without)
}

/// Mean and p95 of some minutes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Spread {
    pub n: usize,
    pub mean: f64,
    pub p95: f64,
}

impl Spread {
    fn of(mut v: Vec<f64>) -> Spread {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        Spread {
            n,
            mean: if n == 0 {
                0.0
            } else {
                v.iter().sum::<f64>() / n as f64
            },
            p95: percentile(&v, 0.95),
        }
    }
}

/// What bookings did over the simulated days.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingsResult {
    pub plan: BookingsPlan,
    pub window_before_min: u32,
    pub window_after_min: u32,
    /// Booked visitors who came and checked in.
    pub checked_in: usize,
    /// Came later than the grace after the slot: took a normal ticket.
    pub refused_late: usize,
    /// Bookings that never came.
    pub not_shown: usize,
    /// Call − slot start of checked-in booked visitors (negative: before the slot).
    pub lateness: Spread,
    /// Share of checked-in booked visitors called within the window.
    pub within_window: f64,
    /// Every walk-in's wait (first ticket), with and without bookings.
    pub walk_in: (Spread, Spread),
    /// The booked service's walk-ins, with and without bookings.
    pub walk_in_service: (Spread, Spread),
}

/// Runs every replication with and without bookings on the madoguchi policy.
pub fn simulate(plan: &Plan, b: &BookingsPlan) -> Result<BookingsResult, SimError> {
    let cfg = &plan.config.bookings;
    let (before, after) = (
        f64::from(cfg.window_before_min),
        f64::from(cfg.window_after_min),
    );
    let mut lateness = Vec::new();
    let mut within = 0usize;
    let (mut refused, mut not_shown, mut checked_in) = (0, 0, 0);
    let mut walk = (Vec::new(), Vec::new());
    let mut walk_svc = (Vec::new(), Vec::new());
    for r in 0..plan.replications {
        let visits = generate(plan, r);
        let (with, without) = book(plan, b, &visits, r);
        not_shown += visits
            .iter()
            .filter(|v| v.legs[0].service == b.service)
            .count()
            .saturating_sub(
                with.iter()
                    .filter(|v| v.legs[0].service == b.service)
                    .count(),
            );
        let day_with = simulate_day(plan, &plan.config, Policy::Madoguchi, &plan.off, &with)?;
        let day_without = simulate_day(plan, &plan.config, Policy::Madoguchi, &plan.off, &without)?;
        refused += day_with.late_refused.len();
        for (day, waits, svc_waits) in [
            (&day_with, &mut walk.0, &mut walk_svc.0),
            (&day_without, &mut walk.1, &mut walk_svc.1),
        ] {
            for leg in day.legs.iter().filter(|l| l.leg == 0) {
                let v = &with[leg.visit];
                let walk_in = v.booked.is_none() && leg.arrival >= plan.open + plan.warmup;
                if let (true, Some(w)) = (walk_in, leg.wait()) {
                    waits.push(w);
                    if leg.service == b.service {
                        svc_waits.push(w);
                    }
                }
            }
        }
        for leg in day_with.legs.iter().filter(|l| l.leg == 0) {
            let Some((slot, _)) = with[leg.visit].booked else {
                continue;
            };
            if day_with.late_refused.contains(&leg.visit) {
                continue;
            }
            checked_in += 1;
            if let Some(called) = leg.called {
                let late = called - slot;
                lateness.push(late);
                if late >= -before - 1e-9 && late <= after + 1e-9 {
                    within += 1;
                }
            }
        }
    }
    let called = lateness.len();
    Ok(BookingsResult {
        plan: b.clone(),
        window_before_min: cfg.window_before_min,
        window_after_min: cfg.window_after_min,
        checked_in,
        refused_late: refused,
        not_shown,
        lateness: Spread::of(lateness),
        within_window: if called == 0 {
            1.0
        } else {
            within as f64 / called as f64
        },
        walk_in: (Spread::of(walk.0), Spread::of(walk.1)),
        walk_in_service: (Spread::of(walk_svc.0), Spread::of(walk_svc.1)),
    })
}

fn row(s: &mut String, label: &str, with: &Spread, without: &Spread) {
    let _ = writeln!(
        s,
        "| {label} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:+.1} | {:+.1} |",
        with.n,
        with.mean,
        without.mean,
        with.p95,
        without.p95,
        with.mean - without.mean,
        with.p95 - without.p95
    );
}

/// The markdown section.
pub fn markdown(r: &BookingsResult) -> String {
    let mut s = String::new();
    let b = &r.plan;
    let _ = writeln!(s, "### Bookings (交付予約)\n");
    let _ = writeln!(
        s,
        "{:.0} % of `{}` visitors book a {:.0}-minute slot, arrive {:.1} min before its start on average (sd {:.1}), {:.0} % never come. Calling window −{}…+{} min; madoguchi policy, the same visitors with and without bookings.\n",
        b.share * 100.0,
        b.service,
        b.slot_min,
        b.early_mean_min,
        b.spread_min,
        b.no_show * 100.0,
        r.window_before_min,
        r.window_after_min
    );
    let _ = writeln!(
        s,
        "Booked visitors: {} checked in, {} refused as late (took a normal ticket), {} not shown. Called against their slot start: mean {:+.1} min, p95 {:+.1} min (goal: p95 ≤ +{} min, {}); {:.0} % within the window.\n",
        r.checked_in,
        r.refused_late,
        r.not_shown,
        r.lateness.mean,
        r.lateness.p95,
        r.window_after_min,
        if r.lateness.p95 <= f64::from(r.window_after_min) {
            "met"
        } else {
            "missed"
        },
        r.within_window * 100.0
    );
    let _ = writeln!(
        s,
        "| walk-ins | n | mean with | mean without | p95 with | p95 without | Δ mean | Δ p95 |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|");
    row(&mut s, "all services", &r.walk_in.0, &r.walk_in.1);
    row(
        &mut s,
        &format!("`{}`", b.service),
        &r.walk_in_service.0,
        &r.walk_in_service.1,
    );
    s
}

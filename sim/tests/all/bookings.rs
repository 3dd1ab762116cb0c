//! Booked card pickups in the simulator: the same visitors with and without bookings, booked
//! visitors called around their slot, walk-ins still served, a bad `[bookings]` named.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use std::path::Path;

use madoguchi_sim::bookings::{BookingsPlan, BookingsSpec, book, simulate};
use madoguchi_sim::plan::Plan;
use madoguchi_sim::visits::generate;

fn orio() -> (Plan, BookingsPlan) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/orio-branch-scenario.toml");
    let mut plan = Plan::load(&path).unwrap();
    plan.replications = 4;
    // A busier pickup day than the branch's own (about 5 pickups), so bookings matter.
    plan.daily.insert("pickup".into(), 20.0);
    let spec = BookingsSpec {
        share: 0.5,
        no_show: Some(0.2),
        ..BookingsSpec::default()
    };
    let b = BookingsPlan::resolve(&spec, "test", &plan.services).unwrap();
    (plan, b)
}

#[test]
fn booked_visitors_are_called_within_the_window_and_walk_ins_are_still_served() {
    let (plan, b) = orio();
    let r = simulate(&plan, &b).unwrap();
    assert!(r.checked_in > 20, "{r:?}");
    assert!(r.not_shown > 0, "20 % of bookings never come: {r:?}");
    assert!(
        r.lateness.p95 <= f64::from(r.window_after_min),
        "p95 of booked calls within +{} min: {r:?}",
        r.window_after_min
    );
    assert!(r.within_window >= 0.9, "{r:?}");
    // Walk-ins are measured on the same visitors both ways; the booking rule costs them
    // little on a branch day and never leaves one unserved.
    assert_eq!(r.walk_in.0.n, r.walk_in.1.n);
    assert!(r.walk_in.0.n > 50);
    assert!(r.walk_in.0.mean - r.walk_in.1.mean < 5.0, "{r:?}");
    let md = madoguchi_sim::bookings::markdown(&r);
    assert!(md.contains("| all services |"), "{md}");
    assert!(md.contains("goal: p95 ≤ +10 min, met"), "{md}");
}

#[test]
fn booking_moves_only_booked_visitors_and_is_deterministic() {
    let (plan, b) = orio();
    let visits = generate(&plan, 0);
    let (with, without) = book(&plan, &b, &visits, 0);
    let (again, _) = book(&plan, &b, &visits, 0);
    assert_eq!(with, again);
    assert_eq!(with.len(), without.len());
    assert!(
        with.len() < visits.len(),
        "no-shows of bookings do not come"
    );
    for (w, wo) in with.iter().zip(&without) {
        assert_eq!(w.arrival, wo.arrival);
        assert!(wo.booked.is_none());
        if let Some((start, end)) = w.booked {
            assert_eq!(w.legs[0].service, "pickup");
            assert_eq!(end - start, 30.0);
            assert!((start - plan.open) % 30.0 == 0.0);
        }
    }
    assert!(with.iter().any(|v| v.booked.is_some()));
}

#[test]
fn a_bad_bookings_section_names_the_field() {
    let (plan, _) = orio();
    let spec = BookingsSpec {
        share: 1.5,
        ..BookingsSpec::default()
    };
    let err = BookingsPlan::resolve(&spec, "x.toml", &plan.services).unwrap_err();
    assert!(err.to_string().contains("bookings.share"), "{err}");
    let spec = BookingsSpec {
        share: 0.2,
        service: Some("passport".into()),
        ..BookingsSpec::default()
    };
    let err = BookingsPlan::resolve(&spec, "x.toml", &plan.services).unwrap_err();
    assert!(err.to_string().contains("bookings.service"), "{err}");
}

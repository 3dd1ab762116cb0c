//! The live advice followed on the shipped peak: the supervisor's moves go through the engine,
//! the advice names the city desk the site lacks, and staffing that desk brings every service's
//! p95 within its target.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use std::path::Path;

use madoguchi_protocol::AdviceMove;
use madoguchi_sim::follow::{compare_follow, markdown, worst};
use madoguchi_sim::plan::Plan;
use madoguchi_sim::run::{Follow, simulate_day_following};
use madoguchi_sim::visits::generate;

fn peak(replications: u32) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/yahatanishi-march-thursday-peak-scenario.toml");
    let mut plan = Plan::load(&path).unwrap();
    plan.replications = replications;
    plan
}

#[test]
fn a_followed_day_makes_the_advices_moves_and_records_them() {
    let plan = peak(1);
    let visits = generate(&plan, 0);
    let follow = Follow {
        every_min: 10.0,
        delay_min: 5.0,
    };
    let day = simulate_day_following(
        &plan,
        &plan.config,
        madoguchi_engine::Policy::Madoguchi,
        &plan.off,
        &visits,
        Some(follow),
    )
    .unwrap();
    let weights = day
        .advice
        .iter()
        .filter(|(_, a)| matches!(a.action, AdviceMove::SetWeights { .. }))
        .count();
    assert!(weights > 0, "no weights move on the peak");
    // Every weights move read before the close was made (5 min later, through the engine).
    assert!(
        day.moves_made >= weights.saturating_sub(1),
        "{} of {weights}",
        day.moves_made
    );
    assert!(
        day.advice.iter().any(|(_, a)| a.service == "city"
            && matches!(&a.action, AdviceMove::ExtraCounter { like, .. } if like.starts_with("city-"))),
        "the city step has only the city desks: the advice must name one more"
    );
    assert!(
        day.advice
            .iter()
            .all(|(m, a)| *m >= plan.open && a.predicted_min >= a.target_min
                || matches!(a.action, AdviceMove::SetWeights { usual: true, .. }))
    );
}

#[test]
fn staffing_the_extra_city_desk_the_advice_asks_for_meets_every_target() {
    let plan = peak(3);
    let c = compare_follow(&plan, 5.0).unwrap();
    let (service, before) = worst(&plan, &c.without);
    assert_eq!(service, "city");
    assert!(before > 1.0, "{before}");
    let (counters, staffed) = c.staffed.as_ref().expect("the advice asked for a counter");
    assert_eq!(counters.len(), 1, "{counters:?}");
    assert!(counters[0].like.starts_with("city-"), "{counters:?}");
    let (_, after) = worst(&plan, staffed);
    assert!(
        after <= 1.0,
        "worst p95 ÷ target with the extra desk: {after}"
    );
    let text = markdown(&plan, &c);
    assert!(text.contains("with_extra_counters="), "{text}");
}

//! The live advice, followed or not: the madoguchi arm on the same visitors twice, once as
//! configured all day and once with a supervisor who reads the engine's live advice every
//! [`EVERY_MIN`] minutes and makes its moves (a counter's weights for today) after a delay.
//! Reports each service's p95 both ways, the waits over target, the moves made, and the
//! extra counters the advice asked for where no move in madoguchi was enough.

use std::collections::BTreeMap;
use std::fmt::Write;

use madoguchi_protocol::AdviceMove;

use crate::SimError;
use crate::plan::Plan;
use crate::run::{DayResult, Follow, simulate_day, simulate_day_following};
use crate::stats::{ArmStats, arm_stats};
use crate::visits::generate;
use crate::worlds::Arm;

/// Minutes between two readings of the advice (the console refreshes it about this often).
pub const EVERY_MIN: f64 = 10.0;

/// An extra counter the advice asked for, over all days.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraAsk {
    pub service: String,
    /// The counter it should be like (`city-1`) and its Japanese name.
    pub like: String,
    pub like_ja: String,
    /// `"12:00"`–`"13:00"`.
    pub from: String,
    pub to: String,
    /// The most asked for at once.
    pub count: u32,
    /// On how many of the simulated days.
    pub days: usize,
}

/// Not followed against followed.
#[derive(Debug, Clone)]
pub struct FollowComparison {
    pub delay_min: f64,
    pub days: usize,
    pub without: ArmStats,
    pub with: ArmStats,
    /// Moves made per day (mean).
    pub moves_per_day: f64,
    pub extra: Vec<ExtraAsk>,
}

/// `(service, p95 ÷ target)` of the worst service of an arm.
pub fn worst(plan: &Plan, arm: &ArmStats) -> (String, f64) {
    arm.per_service
        .iter()
        .filter(|(_, s)| s.n > 0)
        .map(|(id, s)| {
            let target = plan.targets.get(id).copied().unwrap_or(f64::INFINITY);
            (id.clone(), s.p95 / target)
        })
        .fold((String::new(), 0.0), |a, b| if b.1 > a.1 { b } else { a })
}

/// Waits over their service's target per simulated day (mean).
pub fn over_target_per_day(arm: &ArmStats, days: usize) -> f64 {
    let over: f64 = arm
        .per_service
        .values()
        .map(|s| s.n as f64 * (1.0 - s.within_target))
        .sum();
    over / days.max(1) as f64
}

/// Simulates every replication of `plan` with madoguchi's policy, with and without a
/// supervisor following the advice `delay_min` minutes after reading it.
pub fn compare_follow(plan: &Plan, delay_min: f64) -> Result<FollowComparison, SimError> {
    let follow = Follow {
        every_min: EVERY_MIN,
        delay_min,
    };
    let policy = madoguchi_engine::Policy::Madoguchi;
    let mut without: Vec<DayResult> = Vec::new();
    let mut with: Vec<DayResult> = Vec::new();
    for r in 0..plan.replications {
        let visits = generate(plan, r);
        without.push(simulate_day(
            plan,
            &plan.config,
            policy,
            &plan.off,
            &visits,
        )?);
        with.push(simulate_day_following(
            plan,
            &plan.config,
            policy,
            &plan.off,
            &visits,
            Some(follow),
        )?);
    }
    let mut extra: BTreeMap<(String, String, String, String), ExtraAsk> = BTreeMap::new();
    for day in &with {
        let mut seen: Vec<(String, String, String, String)> = Vec::new();
        for (_, advice) in &day.advice {
            let AdviceMove::ExtraCounter {
                like,
                like_ja,
                count,
                from,
                to,
                ..
            } = &advice.action
            else {
                continue;
            };
            let key = (
                advice.service.clone(),
                like.clone(),
                from.clone(),
                to.clone(),
            );
            let e = extra.entry(key.clone()).or_insert_with(|| ExtraAsk {
                service: advice.service.clone(),
                like: like.clone(),
                like_ja: like_ja.clone(),
                from: from.clone(),
                to: to.clone(),
                count: 0,
                days: 0,
            });
            e.count = e.count.max(*count);
            if !seen.contains(&key) {
                e.days += 1;
                seen.push(key);
            }
        }
    }
    let mut extra: Vec<ExtraAsk> = extra.into_values().collect();
    extra.sort_by(|a, b| b.days.cmp(&a.days).then(a.from.cmp(&b.from)));
    let days = with.len();
    Ok(FollowComparison {
        delay_min,
        days,
        moves_per_day: with.iter().map(|d| d.moves_made).sum::<usize>() as f64 / days.max(1) as f64,
        without: arm_stats(plan, Arm::Madoguchi, &without),
        with: arm_stats(plan, Arm::Madoguchi, &with),
        extra,
    })
}

/// The comparison as markdown, ending with its summary line.
pub fn markdown(plan: &Plan, c: &FollowComparison) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "### Live advice followed or not\n\nmadoguchi on the same visitors; a supervisor reads \
         the live advice every {EVERY_MIN:.0} min and makes its moves (a counter's weights for \
         today) {:.0} min later. Pauses stay as planned (breaks are not cut short).\n",
        c.delay_min
    );
    let _ = writeln!(
        s,
        "| service | target | p95 not followed | p95 followed | over target / day, not followed | followed |\n|---|---:|---:|---:|---:|---:|"
    );
    for (id, a) in &c.without.per_service {
        if a.n == 0 {
            continue;
        }
        let b = c.with.per_service.get(id).copied().unwrap_or_default();
        let per_day =
            |x: &crate::stats::Summary| x.n as f64 * (1.0 - x.within_target) / c.days.max(1) as f64;
        let _ = writeln!(
            s,
            "| {id} | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} |",
            plan.targets.get(id).copied().unwrap_or(f64::NAN),
            a.p95,
            b.p95,
            per_day(a),
            per_day(&b)
        );
    }
    let (wa, ra) = worst(plan, &c.without);
    let (wb, rb) = worst(plan, &c.with);
    let _ = writeln!(
        s,
        "\nWorst service p95 ÷ target: {ra:.2} ({wa}) not followed, {rb:.2} ({wb}) followed. \
         Waits over target per day: {:.1} → {:.1}. Moves made per day: {:.1}.",
        over_target_per_day(&c.without, c.days),
        over_target_per_day(&c.with, c.days),
        c.moves_per_day
    );
    if c.extra.is_empty() {
        let _ = writeln!(
            s,
            "\nThe advice never asked for a counter madoguchi cannot add."
        );
    } else {
        let _ = writeln!(
            s,
            "\nWhere no move was enough, the advice asked for counters madoguchi cannot add:\n\n| service | like | from–to | at most | on days |\n|---|---|---|---:|---:|"
        );
        for e in &c.extra {
            let _ = writeln!(
                s,
                "| {} | {} ({}) | {}–{} | {} | {} of {} |",
                e.service, e.like_ja, e.like, e.from, e.to, e.count, e.days, c.days
            );
        }
    }
    let _ = writeln!(
        s,
        "\n`advice: worst_p95_vs_target={ra:.2}->{rb:.2} over_target_per_day={:.1}->{:.1} moves_per_day={:.1} extra_counter_asks={}`",
        over_target_per_day(&c.without, c.days),
        over_target_per_day(&c.with, c.days),
        c.moves_per_day,
        c.extra.len()
    );
    s
}

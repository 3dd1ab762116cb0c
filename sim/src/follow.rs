//! The live advice, followed or not: the madoguchi arm on the same visitors twice, once as
//! configured all day and once with a supervisor who reads the engine's live advice every
//! [`EVERY_MIN`] minutes and makes its moves (a counter's weights for today) after a delay.
//! Reports each service's p95 both ways, the waits over target, the moves made, and the
//! extra counters the advice asked for where no move in madoguchi was enough; then a third run
//! staffs those extra counters (one per counter area, like the counter the advice named, open
//! in the hours it asked for on at least half of the days) to check that they are enough.

use std::collections::BTreeMap;
use std::fmt::Write;

use madoguchi_protocol::AdviceMove;

use madoguchi_engine::{Config, CounterConfig};

use crate::SimError;
use crate::plan::Plan;
use crate::run::{DayResult, Follow, simulate_day, simulate_day_following};
use crate::scenario::{fmt_hm, parse_hm};
use crate::staff::merge;
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
    /// Followed, with the extra counters staffed (none when the advice asked for none).
    pub staffed: Option<(Vec<ExtraCounter>, ArmStats)>,
}

/// An extra counter as the third run staffs it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraCounter {
    pub id: String,
    /// The counter area's Japanese name (`市職員窓口`).
    pub area: String,
    pub like: String,
    /// Open `(from, to)` in minutes after midnight.
    pub open: Vec<(f64, f64)>,
}

impl ExtraCounter {
    pub fn hours(&self) -> String {
        self.open
            .iter()
            .map(|&(a, b)| format!("{}–{}", fmt_hm(a), fmt_hm(b)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

type Off = BTreeMap<String, Vec<(f64, f64)>>;

/// The extra counters the advice asked for on at least half of the days, one per counter
/// area, in the configuration and the staff schedule.
fn staff_extra(plan: &Plan, asks: &[ExtraAsk], days: usize) -> (Vec<ExtraCounter>, Config, Off) {
    let mut config = plan.config.clone();
    let mut off = plan.off.clone();
    let Some(site) = config.sites.iter_mut().find(|x| x.id == plan.site) else {
        return (Vec::new(), config, off);
    };
    // Per counter area: the counter asked for on most days, those days, the windows.
    type Asked = (String, usize, Vec<(f64, f64)>);
    let mut by_area: BTreeMap<String, Asked> = BTreeMap::new();
    for ask in asks.iter().filter(|a| a.days * 2 >= days) {
        let Some(like) = site.counters.iter().find(|c| c.id == ask.like) else {
            continue;
        };
        let (Some(from), Some(to)) = (parse_hm(&ask.from), parse_hm(&ask.to)) else {
            continue;
        };
        let e = by_area
            .entry(like.area.clone())
            .or_insert_with(|| (ask.like.clone(), 0, Vec::new()));
        if ask.days > e.1 {
            (e.0, e.1) = (ask.like.clone(), ask.days);
        }
        e.2.push((from, to));
    }
    let mut out = Vec::new();
    for (i, (area, (like, _, windows))) in by_area.into_iter().enumerate() {
        let Some(original) = site.counters.iter().find(|c| c.id == like).cloned() else {
            continue;
        };
        let open = merge(windows);
        let id = format!("extra-{}", i + 1);
        site.counters.push(CounterConfig {
            id: id.clone(),
            number: Some(90 + i as u32),
            desk: None,
            area: area.clone(),
            services: original.services.clone(),
        });
        let mut closed = Vec::new();
        let mut from = 0.0;
        for &(a, b) in &open {
            closed.push((from, a));
            from = b;
        }
        closed.push((from, f64::INFINITY));
        off.insert(
            id.clone(),
            closed.into_iter().filter(|(a, b)| b > a).collect(),
        );
        out.push(ExtraCounter {
            id,
            area: plan
                .config
                .area(&area)
                .map_or_else(|| area.clone(), |a| a.name_ja.clone()),
            like,
            open,
        });
    }
    (out, config, off)
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
    let (counters, config, off) = staff_extra(plan, &extra, days);
    let staffed = if counters.is_empty() {
        None
    } else {
        config.validate("live advice's extra counters (derived)")?;
        let mut staffed_days = Vec::new();
        for r in 0..plan.replications {
            let visits = generate(plan, r);
            staffed_days.push(simulate_day_following(
                plan,
                &config,
                policy,
                &off,
                &visits,
                Some(follow),
            )?);
        }
        Some((counters, arm_stats(plan, Arm::Madoguchi, &staffed_days)))
    };
    Ok(FollowComparison {
        staffed,
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
         today, and back) {:.0} min later. Pauses stay as planned (breaks are not cut short, \
         so the advice's \"reopen\" is never taken).\n",
        c.delay_min
    );
    let staffed = c.staffed.as_ref();
    let third = |head: &str| {
        if staffed.is_some() {
            head.to_string()
        } else {
            String::new()
        }
    };
    let _ = writeln!(
        s,
        "| service | target | p95 not followed | p95 followed |{} over target / day, not followed | followed |{}\n|---|---:|---:|---:|{}---:|---:|{}",
        third(" p95 followed + extra counters |"),
        third(" followed + extra counters |"),
        third("---:|"),
        third("---:|"),
    );
    let per_day =
        |x: &crate::stats::Summary| x.n as f64 * (1.0 - x.within_target) / c.days.max(1) as f64;
    for (id, a) in &c.without.per_service {
        if a.n == 0 {
            continue;
        }
        let b = c.with.per_service.get(id).copied().unwrap_or_default();
        let x = staffed.map(|(_, st)| st.per_service.get(id).copied().unwrap_or_default());
        let _ = writeln!(
            s,
            "| {id} | {:.0} | {:.1} | {:.1} |{} {:.1} | {:.1} |{}",
            plan.targets.get(id).copied().unwrap_or(f64::NAN),
            a.p95,
            b.p95,
            x.map_or(String::new(), |x| format!(" {:.1} |", x.p95)),
            per_day(a),
            per_day(&b),
            x.map_or(String::new(), |x| format!(" {:.1} |", per_day(&x))),
        );
    }
    let (wa, ra) = worst(plan, &c.without);
    let (wb, rb) = worst(plan, &c.with);
    let (oa, ob) = (
        over_target_per_day(&c.without, c.days),
        over_target_per_day(&c.with, c.days),
    );
    let _ = writeln!(
        s,
        "\nWorst service p95 ÷ target: {ra:.2} ({wa}) not followed, {rb:.2} ({wb}) followed. \
         Waits over target per day: {oa:.1} → {ob:.1}. Moves made per day: {:.1}.",
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
            "\nWhere no move was enough, the advice asked for counters madoguchi cannot add \
             (each window's most at once; the ten asked on most days):\n\n| service | like | from–to | at most | on days |\n|---|---|---|---:|---:|"
        );
        for e in c.extra.iter().take(10) {
            let _ = writeln!(
                s,
                "| {} | {} ({}) | {}–{} | {} | {} of {} |",
                e.service, e.like_ja, e.like, e.from, e.to, e.count, e.days, c.days
            );
        }
    }
    let mut line = format!(
        "advice: worst_p95_vs_target={ra:.2}->{rb:.2} over_target_per_day={oa:.1}->{ob:.1} moves_per_day={:.1}",
        c.moves_per_day
    );
    if let Some((counters, st)) = staffed {
        let (wx, rx) = worst(plan, st);
        let ox = over_target_per_day(st, c.days);
        let _ = writeln!(
            s,
            "\nFollowed, with the extra counters asked for on at least half of the days staffed:\n"
        );
        for x in counters {
            let _ = writeln!(
                s,
                "- one more {} counter (like {}), open {}",
                x.area,
                x.like,
                x.hours()
            );
        }
        let _ = writeln!(
            s,
            "\nWorst service p95 ÷ target {rx:.2} ({wx}), waits over target per day {ox:.1}: {}",
            if rx <= 1.0 {
                "every service's p95 is within its target."
            } else {
                "still over target; the site needs more than the advice's hourly view shows."
            }
        );
        line.push_str(&format!(
            " with_extra_counters={rx:.2} over_target_per_day_with_extra={ox:.1}"
        ));
    }
    let _ = writeln!(s, "\n`{line}`");
    s
}

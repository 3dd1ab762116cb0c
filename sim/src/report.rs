//! The comparison as markdown: the scenario, the demand, overall and per-service waits per
//! arm, counter utilisation, estimate accuracy, and the summary line a script can check.

use std::fmt::Write;

use chrono::Datelike;

use crate::compare::Comparison;
use crate::scenario::fmt_hm;
use crate::stats::Summary;
use crate::worlds::Arm;

fn f1(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.1}")
    } else {
        "∞".to_string()
    }
}

fn pct(v: f64) -> String {
    format!("{:.0} %", v * 100.0)
}

fn wait_cells(s: &Summary) -> String {
    format!(
        "{} | {} | {} | {} | {} | {}",
        s.n,
        f1(s.mean),
        f1(s.p90),
        f1(s.p95),
        f1(s.max),
        pct(s.within_target)
    )
}

/// The markdown report (without the summary line, see [`Comparison::summary`]).
pub fn markdown(cmp: &Comparison) -> String {
    let p = &cmp.plan;
    let mut s = String::new();
    let _ = writeln!(s, "## {}\n", p.name);
    let _ = writeln!(
        s,
        "{} (`{}`), {} ({:?}), open {}–{}; {} simulated day{} from seed {}; scenario `{}`. Waits in minutes.\n",
        p.site_name,
        p.site,
        p.date,
        p.date.weekday(),
        fmt_hm(p.open),
        fmt_hm(p.close),
        p.replications,
        if p.replications == 1 { "" } else { "s" },
        p.seed,
        p.file
    );
    for note in &p.notes {
        let _ = writeln!(s, "{note}");
    }
    let _ = writeln!(
        s,
        "No-shows {:.0} % (marked after {} min), walk to the counter {} min.\n",
        p.no_show * 100.0,
        f1(p.grace),
        f1(p.walk)
    );

    let _ = writeln!(
        s,
        "| service | visits/day | service time (mean, cv) | then | target |"
    );
    let _ = writeln!(s, "|---|---:|---|---|---:|");
    for id in &p.services {
        let t = p.service_time[id];
        let then = p.flows.get(id).map_or(String::from("–"), |f| {
            let mut x = format!(
                "{:.0} % → {} ({} min)",
                f.share * 100.0,
                f.to,
                f1(f.to_time.mean)
            );
            if f.back_share > 0.0 {
                let _ = write!(
                    x,
                    ", {:.0} % back ({} min)",
                    f.back_share * 100.0,
                    f1(f.back_time.mean)
                );
            }
            x
        });
        let daily = p
            .daily
            .get(id)
            .map_or("transfers only".to_string(), |d| f1(*d));
        let _ = writeln!(
            s,
            "| {id} | {daily} | {} min, {:.2} ({:?}) | {then} | {} |",
            f1(t.mean),
            t.cv,
            t.dist,
            f1(p.targets[id])
        );
    }

    let _ = writeln!(s, "\n### Overall (every wait in every queue)\n");
    let _ = writeln!(
        s,
        "| policy | waits | mean | p90 | p95 | max | within target | never called | utilisation | last out | ETA MAE | ETA p90 err | ETA bias | in range | above range | range width | midpoint MAE |"
    );
    let _ = writeln!(
        s,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for a in &cmp.arms {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            a.arm.label(),
            wait_cells(&a.overall),
            a.overall.unserved,
            pct(a.utilisation),
            fmt_hm(a.last_done),
            f1(a.eta.mae),
            f1(a.eta.p90),
            f1(a.eta.bias),
            pct(a.eta.coverage),
            pct(a.eta.above),
            f1(a.eta.width),
            f1(a.eta.mid_mae)
        );
    }
    let _ = writeln!(
        s,
        "| Erlang C, pooled (M/M/c, day average) | | {} | | | | | | | | | | | | | | |",
        f1(cmp.bound.day_average)
    );
    let _ = writeln!(
        s,
        "| Erlang C, pooled (M/M/c hour by hour) | | {} | | | | | | | | | | | | | | |",
        f1(cmp.bound.mean_wait)
    );
    if cmp.bound.mean_wait.is_infinite() {
        let _ = writeln!(
            s,
            "\n∞: in some hour the arrivals exceed what the staffed counters can serve (e.g. over lunch breaks), so Erlang C has no steady state there; the simulation shows the queue that builds up and drains."
        );
    }
    let unserved: usize = cmp.arms.iter().map(|a| a.overall.unserved).sum();
    if unserved > 0 {
        let _ = writeln!(
            s,
            "\nNever called: tickets whose service had no open counter left; each counts as waiting until the close ({}), in the mean and percentiles too.",
            fmt_hm(p.close)
        );
    }

    let _ = writeln!(s, "\n### Per service\n");
    let _ = writeln!(
        s,
        "| service | target | policy | waits | mean | p90 | p95 | max | within target |"
    );
    let _ = writeln!(s, "|---|---:|---|---:|---:|---:|---:|---:|---:|");
    for id in &p.services {
        for a in &cmp.arms {
            let Some(sum) = a.per_service.get(id) else {
                continue;
            };
            let _ = writeln!(
                s,
                "| {id} | {} | {} | {} |",
                f1(p.targets[id]),
                a.arm.label(),
                wait_cells(sum)
            );
        }
    }

    let _ = writeln!(s, "\n### Counter utilisation within opening hours\n");
    let _ = write!(s, "| counter |");
    for a in &cmp.arms {
        let _ = write!(s, " {} |", a.arm.label());
    }
    let _ = writeln!(s, "\n|---|{}", "---:|".repeat(cmp.arms.len()));
    if let Some(first) = cmp.arms.first() {
        for (id, _) in &first.per_counter {
            let _ = write!(s, "| {id} |");
            for a in &cmp.arms {
                let _ = write!(
                    s,
                    " {} |",
                    a.per_counter
                        .iter()
                        .find(|c| c.0 == *id)
                        .map_or("–".into(), |c| pct(c.1))
                );
            }
            let _ = writeln!(s);
        }
    }
    let _ = writeln!(
        s,
        "\nEstimate accuracy: the wait printed on each ticket (`position()` at issue, and the range `wait_range()` beside it) against the time until its first call, over every ticket called (no-shows too); bias = printed − actual; in range: the real wait, in whole minutes, within the printed range; midpoint MAE: of the range's midpoint.\n"
    );
    let goals = cmp.summary();
    let sep = cmp.arm(Arm::Separate).map_or(f64::NAN, |a| a.overall.p95);
    let _ = writeln!(s, "### Goals (madoguchi)\n");
    let _ = writeln!(s, "| goal | value | met |\n|---|---:|---|");
    let met = |ok: bool| if ok { "yes" } else { "**no**" };
    let _ = writeln!(
        s,
        "| mean ≤ 1.10 × pooled | {:.2} × | {} |",
        goals.mean_vs_bound,
        met(goals.mean_vs_bound <= 1.10)
    );
    let _ = writeln!(
        s,
        "| mean ≤ 1.05 × skill-feasible bound ({} min) | {:.2} × | {} |",
        f1(cmp.feasible_bound()),
        goals.mean_vs_feasible,
        met(goals.mean_vs_feasible <= 1.05)
    );
    let _ = writeln!(
        s,
        "| p95 ≥ 30 % below separate lines ({} min) | {:.2} × | {} |",
        f1(sep),
        goals.p95_vs_separate,
        met(goals.p95_vs_separate <= 0.70)
    );
    let _ = writeln!(
        s,
        "| no service's p95 > 2 × target | {:.2} × | {} |",
        goals.max_p95_vs_target,
        met(goals.max_p95_vs_target <= 2.0)
    );
    let _ = writeln!(
        s,
        "| worst service p95 ÷ target no worse than shared FIFO's ({:.2} ×) | {:.2} × | {} |",
        goals.fifo_max_p95_vs_target,
        goals.max_p95_vs_target,
        met(goals.max_p95_vs_target <= goals.fifo_max_p95_vs_target)
    );
    let _ = writeln!(
        s,
        "| real wait within the printed range ≥ 85 % | {} | {} |",
        pct(goals.range_coverage),
        met(goals.range_coverage >= 0.85)
    );
    let _ = writeln!(
        s,
        "| MAE of the range's midpoint ≤ 2 min | {} min | {} |",
        f1(goals.eta_mae_min),
        met(goals.eta_mae_min <= 2.0)
    );
    s
}

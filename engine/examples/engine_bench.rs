//! Engine benchmark: how fast `SiteQueue::apply` and `position` run on a busy day.
//!
//! Run: `cargo run -p madoguchi-engine --release --example engine_bench [TICKETS]`
//! Prints a table: issue/s, call-next/s and the cost of `position` for every waiting ticket.

use std::time::Instant;

use chrono::{Duration, FixedOffset, TimeZone};
use madoguchi_engine::{Command, Config, SiteQueue};
use madoguchi_protocol::{Lang, Needs};

fn main() -> anyhow::Result<()> {
    let n: i64 = std::env::args().nth(1).map_or(Ok(5000), |a| a.parse())?;
    let config = Config::shipped();
    let site = config
        .site("yahatanishi")
        .ok_or_else(|| anyhow::anyhow!("the shipped configuration has no yahatanishi"))?;
    let services: Vec<String> = site
        .services
        .iter()
        .filter(|s| *s != "city")
        .cloned()
        .collect();
    let counters: Vec<String> = site.counters.iter().map(|c| c.id.clone()).collect();
    let jst = FixedOffset::east_opt(9 * 3600).ok_or_else(|| anyhow::anyhow!("offset"))?;
    let start = jst
        .with_ymd_and_hms(2026, 11, 25, 8, 30, 0)
        .single()
        .ok_or_else(|| anyhow::anyhow!("date"))?;
    let mut q = SiteQueue::new(&config, "yahatanishi", start.date_naive())?;
    // Spread the issues over the day (8:30–17:00) so every ticket is issued while open.
    let step_us = (8 * 3600 + 29 * 60) * 1_000_000 / n.max(1);
    let t0 = Instant::now();
    for id in 0..n {
        let service = services[(id as usize * 7) % services.len()].clone();
        let cmd = Command::Issue {
            id,
            service,
            lang: Lang::Ja,
            needs: Needs::default(),
            kiosk: None,
        };
        q.apply(&cmd, start + Duration::microseconds(id * step_us))?;
    }
    let issue_s = t0.elapsed().as_secs_f64();
    let now = start + Duration::hours(8) + Duration::minutes(30);
    let t1 = Instant::now();
    let ids: Vec<i64> = q.tickets().iter().map(|t| t.id).collect();
    let mut positions = 0u64;
    for id in &ids {
        positions += u64::from(q.position(*id, now).map_or(0, |p| p.0));
    }
    let position_s = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let mut calls = 0u64;
    'outer: loop {
        let mut any = false;
        for c in &counters {
            if q.apply(&Command::CallNext { counter: c.clone() }, now)?
                .ticket
                .is_some()
            {
                calls += 1;
                any = true;
            }
        }
        if !any {
            break 'outer;
        }
    }
    let call_s = t2.elapsed().as_secs_f64();
    println!("| operation | count | total ms | per second |");
    println!("|---|---:|---:|---:|");
    println!(
        "| issue | {n} | {:.1} | {:.0} |",
        issue_s * 1e3,
        n as f64 / issue_s
    );
    println!(
        "| position (all {n} waiting) | {} | {:.1} | {:.0} |",
        ids.len(),
        position_s * 1e3,
        ids.len() as f64 / position_s
    );
    println!(
        "| call-next (queue draining from {n}) | {calls} | {:.1} | {:.0} |",
        call_s * 1e3,
        calls as f64 / call_s
    );
    println!("(sum of positions {positions}, to keep the work)");
    Ok(())
}

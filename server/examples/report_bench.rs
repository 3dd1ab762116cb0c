//! How long reports take on a realistic database, on either store: fills it through the
//! `Store` (as the server writes) with every site's tickets for November 2026, then times
//! reading the facts (through the store's read model) and computing + rendering.
//! `cargo run -p madoguchi-server --example report_bench [-- TICKETS_PER_SITE_DAY [DB]]`:
//! 300 tickets by default; DB is a SQLite file (default: a temporary one) or an empty
//! PostgreSQL database's `postgres://` URL.
#![allow(
    clippy::unwrap_used,
    reason = "a benchmark: a failed unwrap is a failed run"
)]

use std::time::Instant;

use chrono::{DateTime, NaiveDate};
use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{Lang, Needs, Ticket, TicketState};
use madoguchi_reports::request::{render_daily, render_monthly};
use madoguchi_reports::{Baseline, Format, daily_report, monthly_report};
use madoguchi_server::reports::{load_daily, load_monthly};
use madoguchi_server::store::{Database, Store, Write, open};

const SERVICES: [&str; 6] = ["pickup", "ecert", "express", "assist", "face", "pin"];

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// One site-day's rows: an `issue` command and a finished ticket each; one in ten tickets
/// ends at the city staff desk after a transfer.
fn site_day(site: &str, date: NaiveDate, per_day: i64, first_id: i64) -> Vec<Write> {
    let mut writes = Vec::new();
    for n in 0..per_day {
        let id = first_id + n;
        let service = SERVICES[(n % 6) as usize];
        let (h, m) = (9 + n * 8 / per_day, n % 60);
        let at = |min: i64| {
            let text = format!(
                "{date}T{:02}:{:02}:00+09:00",
                h + (m + min) / 60,
                (m + min) % 60
            );
            DateTime::parse_from_rfc3339(&text).unwrap()
        };
        let cmd = Command::Issue {
            id,
            service: service.into(),
            lang: Lang::Ja,
            needs: Needs::default(),
            kiosk: None,
        };
        writes.push(Write::Command {
            site: site.into(),
            day: date,
            seq: n,
            at: at(0),
            json: serde_json::to_string(&cmd).unwrap(),
        });
        let transferred = n % 10 == 0;
        let ticket = Ticket {
            id,
            site: site.into(),
            service: if transferred { "city" } else { service }.into(),
            number: format!("A-{:03}", n + 1),
            lang: Lang::Ja,
            needs: Needs::default(),
            state: TicketState::Done,
            counter: Some("1".into()),
            issued_at: at(0),
            called_at: Some(at(12)),
            served_at: Some(at(13)),
            finished_at: Some(at(25)),
            transfers: u32::from(transferred),
            recalls: 0,
            kiosk: Some("kiosk-1".into()),
            printed: Some(true),
            offline: false,
            booking: None,
        };
        writes.push(Write::Ticket {
            ticket,
            day: date,
            status_token: format!("t{id}"),
        });
    }
    writes
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let per_day: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let dir = tempfile::tempdir().unwrap();
    let db: Database = match args.next() {
        Some(text) => text.parse().unwrap(),
        None => Database::Sqlite(dir.path().join("bench.db")),
    };
    let store = open(&db).await.unwrap();
    let config = Config::shipped();
    let cal = config.calendar();

    let started = Instant::now();
    let (mut id, mut days) = (1, 0);
    for site in config.site_ids() {
        for d in 1..=30 {
            let date = NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
            if cal.is_working_day(&site, date) {
                store
                    .commit(site_day(&site, date, per_day, id))
                    .await
                    .unwrap();
                id += per_day;
                days += 1;
            }
        }
    }
    let fill = ms(started);

    let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let store: &dyn Store = &*store;
    let t = Instant::now();
    let input = load_daily(store, &config, "yahatanishi", date)
        .await
        .unwrap();
    let load_day = ms(t);
    let t = Instant::now();
    let day = daily_report(&input);
    let sizes: Vec<usize> = [Format::Xlsx, Format::Csv, Format::Html]
        .into_iter()
        .map(|f| render_daily(&day, f).unwrap().bytes.len())
        .collect();
    let render_day = ms(t);

    let t = Instant::now();
    let input = load_monthly(store, &config, 2026, 11, Baseline::shipped())
        .await
        .unwrap();
    let load_month = ms(t);
    let t = Instant::now();
    let month = monthly_report(&input);
    let month_sizes: Vec<usize> = [Format::Xlsx, Format::Csv, Format::Html]
        .into_iter()
        .map(|f| render_monthly(&month, f).unwrap().bytes.len())
        .collect();
    let render_month = ms(t);

    println!("| what ({db}) | figure |");
    println!("|---|---|");
    println!(
        "| tickets (13 sites, November 2026; 1 in 10 transferred) | {} in {days} site-days, filled in {fill:.0} ms |",
        id - 1
    );
    println!("| 日報: read one site-day ({per_day} tickets) | {load_day:.1} ms |");
    println!("| 日報: aggregate + XLSX + CSV + HTML | {render_day:.1} ms ({sizes:?} bytes) |");
    println!("| 月報: read January to November | {load_month:.0} ms |");
    println!(
        "| 月報: aggregate + XLSX + CSV + HTML | {render_month:.1} ms ({month_sizes:?} bytes) |"
    );
}

//! How long reports take on a realistic database: fills a temporary SQLite file (the server's
//! schema) with every site's tickets for a month, then times loading and rendering.
//! `cargo run -p madoguchi-reports --example bench [TICKETS_PER_SITE_DAY]` (default 300).
#![allow(
    clippy::unwrap_used,
    reason = "a benchmark: a failed unwrap is a failed run"
)]

use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{Lang, Needs};
use madoguchi_reports::write::{csv, html, xlsx};
use madoguchi_reports::{Baseline, daily_report, load, monthly_report};
use sqlx::sqlite::SqlitePoolOptions;

const SERVICES: [&str; 6] = ["pickup", "ecert", "express", "assist", "face", "pin"];

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let per_day: i64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300);
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    );
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .unwrap();
    sqlx::migrate!("../server/migrations")
        .run(&pool)
        .await
        .unwrap();
    load::ensure_schema(&pool).await.unwrap();
    let config = Config::shipped();
    let cal = config.calendar();

    let started = Instant::now();
    let mut tx = pool.begin().await.unwrap();
    let mut id = 0i64;
    let mut days = 0;
    for site in config.site_ids() {
        for d in 1..=30 {
            let date = NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
            if !cal.is_working_day(&site, date) {
                continue;
            }
            days += 1;
            let day = date.to_string();
            for n in 0..per_day {
                id += 1;
                let service = SERVICES[(n % 6) as usize];
                let (h, m) = (8 + 1 + n * 8 / per_day, n % 60);
                let at = |min: i64| {
                    format!(
                        "{day}T{:02}:{:02}:00+09:00",
                        h + (m + min) / 60,
                        (m + min) % 60
                    )
                };
                let cmd = Command::Issue {
                    id,
                    service: service.into(),
                    lang: Lang::Ja,
                    needs: Needs::default(),
                    kiosk: None,
                };
                sqlx::query(
                    "INSERT INTO commands (site, day, seq, at, json) VALUES (?, ?, ?, ?, ?)",
                )
                .bind(&site)
                .bind(&day)
                .bind(n)
                .bind(at(0))
                .bind(serde_json::to_string(&cmd).unwrap())
                .execute(&mut *tx)
                .await
                .unwrap();
                sqlx::query(
                    "INSERT INTO tickets (id, site, day, service, number, lang, state, counter, issued_at, \
                     called_at, served_at, finished_at, transfers, kiosk, status_token) \
                     VALUES (?, ?, ?, ?, 'A-001', 'ja', 'done', '1', ?, ?, ?, ?, ?, 'kiosk-1', ?)",
                )
                .bind(id)
                .bind(&site)
                .bind(&day)
                // One ticket in ten ends at the city staff desk after a transfer.
                .bind(if n % 10 == 0 { "city" } else { service })
                .bind(at(0))
                .bind(at(12))
                .bind(at(13))
                .bind(at(25))
                .bind(i64::from(n % 10 == 0))
                .bind(format!("t{id}"))
                .execute(&mut *tx).await.unwrap();
            }
        }
    }
    tx.commit().await.unwrap();
    let fill = started.elapsed();

    let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let t = Instant::now();
    let input = load::load_daily(&pool, &config, "yahatanishi", date)
        .await
        .unwrap();
    let load_day = t.elapsed();
    let t = Instant::now();
    let day = daily_report(&input);
    let (dx, dc, dh) = (
        xlsx::daily_xlsx(&day).unwrap(),
        csv::daily_csv(&day),
        html::daily_html(&day),
    );
    let render_day = t.elapsed();

    let t = Instant::now();
    let input = load::load_monthly(&pool, &config, 2026, date.month(), Baseline::shipped())
        .await
        .unwrap();
    let load_month = t.elapsed();
    let t = Instant::now();
    let month = monthly_report(&input);
    let (mx, mc, mh) = (
        xlsx::monthly_xlsx(&month).unwrap(),
        csv::monthly_csv(&month),
        html::monthly_html(&month),
    );
    let render_month = t.elapsed();

    println!("| what | figure |");
    println!("|---|---|");
    println!(
        "| tickets in the database (13 sites, November 2026; 1 in 10 transferred) | {id} in {days} site-days |"
    );
    println!(
        "| fill (one transaction) | {:.0} ms |",
        fill.as_secs_f64() * 1e3
    );
    println!(
        "| 日報: load one site-day ({per_day} tickets) | {:.1} ms |",
        load_day.as_secs_f64() * 1e3
    );
    println!(
        "| 日報: aggregate + XLSX + CSV + HTML | {:.1} ms ({} + {} + {} bytes) |",
        render_day.as_secs_f64() * 1e3,
        dx.len(),
        dc.len(),
        dh.len()
    );
    println!(
        "| 月報: load the year to November | {:.0} ms |",
        load_month.as_secs_f64() * 1e3
    );
    println!(
        "| 月報: aggregate + XLSX + CSV + HTML | {:.1} ms ({} + {} + {} bytes) |",
        render_month.as_secs_f64() * 1e3,
        mx.len(),
        mc.len(),
        mh.len()
    );
}

//! Writes the sample reports in `docs/reports/` from generated, plausible data (a day at
//! 八幡西 and the months of 2026 scaled from the 2025 figures), using the shipped
//! configuration and calendar: `cargo run -p madoguchi-reports --example samples [OUT_DIR]`.
#![allow(
    clippy::unwrap_used,
    reason = "a failed unwrap is a failed test or a broken sample"
)]

use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveTime};
use madoguchi_engine::Config;
use madoguchi_protocol::{Lang, Needs, TicketState, Timestamp};
use madoguchi_reports::facts::DaySnapshot;
use madoguchi_reports::write::{csv, html, xlsx};
use madoguchi_reports::*;

/// A small deterministic generator (no dependency, same samples on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [(T, f64)]) -> &'a T {
        let total: f64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.next() * total;
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }
}

fn at(date: NaiveDate, h: u32, m: u32) -> Timestamp {
    date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
        .and_local_timezone(jst())
        .single()
        .unwrap()
}

fn sample_day(config: &Config, rng: &mut Lcg) -> DailyInput {
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let site = "yahatanishi";
    let snap = DaySnapshot::from_config(config, site, date).unwrap();
    let services = [
        ("pickup", 40.0),
        ("ecert", 38.0),
        ("express", 5.0),
        ("assist", 4.0),
        ("apply", 2.0),
        ("online", 2.0),
        ("face", 4.0),
        ("form", 2.0),
        ("pin", 2.0),
        ("inquiry", 1.0),
    ];
    let services: Vec<(&str, f64)> = services
        .into_iter()
        .filter(|(s, _)| snap.services.iter().any(|m| m.id == *s))
        .collect();
    let langs = [
        (Lang::Ja, 88.0),
        (Lang::JaEasy, 2.0),
        (Lang::En, 2.0),
        (Lang::Vi, 3.0),
        (Lang::ZhHans, 2.0),
        (Lang::Ne, 1.0),
        (Lang::Ko, 1.0),
        (Lang::Tl, 1.0),
    ];
    // Arrivals per hour, 8:30–17:15 (a Tuesday).
    let per_hour = [
        (8, 14),
        (9, 38),
        (10, 41),
        (11, 36),
        (12, 24),
        (13, 33),
        (14, 35),
        (15, 30),
        (16, 17),
        (17, 2),
    ];
    let mut tickets = Vec::new();
    for (hour, n) in per_hour {
        for _ in 0..n {
            let minute = if hour == 8 {
                30 + (rng.next() * 30.0) as u32
            } else if hour == 17 {
                (rng.next() * 10.0) as u32
            } else {
                (rng.next() * 60.0) as u32
            };
            let issued = at(date, hour, minute.min(59));
            let load = f64::from(n) / 40.0;
            let wait = Duration::seconds((60.0 * (3.0 + rng.next() * 30.0 * load)) as i64);
            let service_time = Duration::seconds((60.0 * (5.0 + rng.next() * 14.0)) as i64);
            let x = rng.next();
            let state = if x < 0.03 {
                TicketState::NoShow
            } else if x < 0.04 {
                TicketState::Cancelled
            } else {
                TicketState::Done
            };
            let called = (state != TicketState::Cancelled).then_some(issued + wait);
            let served =
                (state == TicketState::Done).then(|| issued + wait + Duration::seconds(40));
            let n = |p: f64, rng: &mut Lcg| rng.next() < p;
            tickets.push(TicketRecord {
                service: rng.pick(&services).to_string(),
                lang: *rng.pick(&langs),
                needs: Needs {
                    braille_form: n(0.004, rng),
                    wheelchair: n(0.02, rng),
                    written: n(0.01, rng),
                    interpreter: n(0.015, rng),
                    help: n(0.02, rng),
                    other: n(0.005, rng),
                },
                state,
                counter: called.map(|_| "1".to_string()),
                issued_at: issued,
                called_at: called,
                served_at: served,
                finished_at: served.map(|s| s + service_time),
                transfers: u32::from(rng.next() < 0.12),
                recalls: u32::from(rng.next() < 0.05),
                by_kiosk: rng.next() < 0.96,
            });
        }
    }
    let reasons = [
        ("not_resident", 5.0),
        ("no_application_id", 3.0),
        ("no_card", 2.0),
        ("licence_online", 1.0),
        ("service_not_offered", 1.0),
    ];
    let guided = (0..12)
        .map(|i| GuidedVisit {
            at: at(date, 9 + i % 8, 15),
            reason: rng.pick(&reasons).to_string(),
            lang: Lang::Ja,
        })
        .collect();
    let (open, close) = snap.hours.unwrap();
    let (from, to) = (
        date.and_time(open).and_local_timezone(jst()).unwrap(),
        date.and_time(close).and_local_timezone(jst()).unwrap(),
    );
    let mut counter_spans = Vec::new();
    for (i, c) in snap.counters.iter().enumerate() {
        if i % 2 == 0 {
            counter_spans.push(CounterSpan {
                counter: c.clone(),
                from,
                to,
            });
        } else {
            // Every other counter pauses for lunch.
            counter_spans.push(CounterSpan {
                counter: c.clone(),
                from,
                to: at(date, 12, 0),
            });
            counter_spans.push(CounterSpan {
                counter: c.clone(),
                from: at(date, 13, 0),
                to,
            });
        }
    }
    let manual = |kind: &str, label: &str, count, by: &str| ManualCount {
        kind: kind.into(),
        label_ja: label.into(),
        count,
        entered_by: by.into(),
    };
    DailyInput {
        site: site.into(),
        site_name_ja: snap.site_name_ja,
        date,
        hours: snap.hours,
        services: snap.services,
        tickets,
        guided,
        alerts: vec![
            AlertRecord {
                at: at(date, 10, 12),
                kind: AlertKind::Assist,
            },
            AlertRecord {
                at: at(date, 14, 40),
                kind: AlertKind::Assist,
            },
            AlertRecord {
                at: at(date, 11, 5),
                kind: AlertKind::PrintFailed,
            },
        ],
        manual: vec![
            manual("phone", "電話対応", 14, "staff1"),
            manual("phone", "電話対応", 9, "super1"),
            manual("floor", "フロア案内", 31, "staff2"),
        ],
        counter_spans,
        bookings: vec![],
    }
}

fn sample_month(config: &Config, rng: &mut Lcg) -> MonthlyInput {
    let baseline = Baseline::shipped();
    let cal = config.calendar();
    let works = |s: &str, d: NaiveDate| cal.is_working_day(s, d);
    let ids = config.site_ids();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let working_days = calendar::working_days_table(2026, &refs, &works);
    let mut counts = Vec::new();
    for ((category, site, m), v) in &baseline.counts {
        let Some(v) = v else { continue };
        if *m > 11 {
            continue;
        }
        let (site, service) = match category {
            Category::CardPickup => (site.as_str(), "pickup"),
            Category::ApplyAtCounter => (site.as_str(), "apply"),
            Category::ExpressIssuance => ("yahatanishi", "express"),
            Category::OverseasMoverIssuance => ("kokurakita", "overseas"),
            Category::ECertificate => (site.as_str(), "ecert"),
        };
        if !ids.iter().any(|s| s == site) {
            continue;
        }
        let total = (*v as f64 * (0.85 + rng.next() * 0.3)).round() as u64;
        let days: Vec<NaiveDate> = (1..=31)
            .filter_map(|d| NaiveDate::from_ymd_opt(2026, *m, d))
            .filter(|d| works(site, *d))
            .collect();
        for (i, d) in days.iter().enumerate() {
            let share =
                total / days.len() as u64 + u64::from((i as u64) < total % days.len() as u64);
            counts.push(ServedCount {
                site: site.into(),
                date: *d,
                service: service.into(),
                category: Some(*category),
                count: share,
            });
        }
    }
    counts.push(ServedCount {
        site: "yahatanishi".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        service: "face".into(),
        category: None,
        count: 212,
    });
    MonthlyInput {
        year: 2026,
        month: 11,
        counts,
        site_kinds: ids
            .iter()
            .filter_map(|s| config.site(s).map(|c| (s.clone(), c.kind)))
            .collect(),
        working_days,
        baseline_working_days: calendar::working_days_table(baseline.year, &refs, &works),
        baseline,
        bookings: vec![],
    }
}

fn main() -> anyhow::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "docs/reports".into()),
    );
    std::fs::create_dir_all(&out)?;
    let config = Config::shipped();
    let mut rng = Lcg(20261124);
    let day = daily_report(&sample_day(&config, &mut rng));
    let month = monthly_report(&sample_month(&config, &mut rng));
    let stem = format!("nippo-{}-{}", day.site, day.date);
    std::fs::write(out.join(format!("{stem}.html")), html::daily_html(&day))?;
    std::fs::write(out.join(format!("{stem}.xlsx")), xlsx::daily_xlsx(&day)?)?;
    std::fs::write(out.join(format!("{stem}.csv")), csv::daily_csv(&day))?;
    std::fs::write(out.join("geppo-2026-11.html"), html::monthly_html(&month))?;
    std::fs::write(out.join("geppo-2026-11.xlsx"), xlsx::monthly_xlsx(&month)?)?;
    std::fs::write(out.join("geppo-2026-11.csv"), csv::monthly_csv(&month))?;
    println!("wrote samples to {}", out.display());
    Ok(())
}

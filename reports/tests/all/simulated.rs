//! A simulated day (the simulator crate driving the real engine at 八幡西) fed to the daily
//! report: arrivals per service and hour, and waits, match the simulator's own records.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, Timelike};
use madoguchi_engine::{Config, Policy};
use madoguchi_protocol::{Lang, Needs, TicketState, Timestamp};
use madoguchi_reports::*;
use madoguchi_sim::plan::Plan;
use madoguchi_sim::{run, visits};

fn at_minutes(date: NaiveDate, minutes: f64) -> Timestamp {
    let midnight = date
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_local_timezone(jst())
        .single()
        .unwrap();
    midnight + Duration::milliseconds((minutes * 60_000.0).round() as i64)
}

#[test]
fn a_simulated_day_reports_what_the_simulator_recorded() {
    let config = Config::shipped();
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let plan = Plan::defaults(&config, "yahatanishi", date).unwrap();
    let visits = visits::generate(&plan, 0);
    let day = run::simulate_day(&plan, &config, Policy::default(), &plan.off, &visits).unwrap();

    // Each visit is one ticket: its first leg is what it was issued for.
    let mut legs: BTreeMap<usize, Vec<&run::LegRecord>> = BTreeMap::new();
    for l in &day.legs {
        legs.entry(l.visit).or_default().push(l);
    }
    let tickets: Vec<TicketRecord> = legs
        .values()
        .map(|ls| {
            let first = ls.iter().min_by_key(|l| l.leg).unwrap();
            let called = first.called.map(|c| at_minutes(date, c));
            TicketRecord {
                service: first.service.clone(),
                lang: Lang::Ja,
                needs: Needs::default(),
                state: match (called, first.no_show) {
                    (None, _) => TicketState::Waiting,
                    (Some(_), true) => TicketState::NoShow,
                    (Some(_), false) => TicketState::Done,
                },
                counter: None,
                issued_at: at_minutes(date, first.entered),
                called_at: called,
                served_at: None,
                finished_at: None,
                transfers: (ls.len() - 1) as u32,
                recalls: 0,
                by_kiosk: true,
            }
        })
        .collect();
    let snapshot =
        madoguchi_reports::facts::DaySnapshot::from_config(&config, "yahatanishi", date).unwrap();
    let input = DailyInput {
        site: "yahatanishi".into(),
        site_name_ja: snapshot.site_name_ja,
        date,
        hours: snapshot.hours,
        services: snapshot.services,
        tickets,
        guided: vec![],
        alerts: vec![],
        manual: vec![],
        counter_spans: vec![],
        bookings: vec![],
    };
    let r = daily_report(&input);

    assert!(
        r.totals.issued > 100,
        "a busy ward office day: {}",
        r.totals.issued
    );
    assert_eq!(r.totals.issued as usize, legs.len());
    let transfers: usize = legs.values().map(|ls| ls.len() - 1).sum();
    assert_eq!(r.totals.transfers as usize, transfers);
    for s in &r.services {
        let first_legs: Vec<&run::LegRecord> = legs
            .values()
            .map(|ls| *ls.iter().min_by_key(|l| l.leg).unwrap())
            .filter(|l| l.service == s.id)
            .collect();
        assert_eq!(s.counts.issued as usize, first_legs.len(), "{}", s.id);
        let mut waits: Vec<f64> = first_legs.iter().filter_map(|l| l.wait()).collect();
        assert_eq!(s.wait.n as usize, waits.len(), "{}", s.id);
        if waits.is_empty() {
            continue;
        }
        waits.sort_by(f64::total_cmp);
        let mean = waits.iter().sum::<f64>() / waits.len() as f64;
        let max = *waits.last().unwrap();
        // The report counts whole seconds: within a second of the simulator's minutes.
        assert!(
            (s.wait.mean_min.unwrap() - mean).abs() < 1.0 / 60.0,
            "{}",
            s.id
        );
        assert!(
            (s.wait.max_min.unwrap() - max).abs() < 1.0 / 60.0,
            "{}",
            s.id
        );
    }
    for h in &r.hours_rows {
        let arrivals = legs
            .values()
            .map(|ls| ls.iter().min_by_key(|l| l.leg).unwrap())
            .filter(|l| at_minutes(date, l.entered).hour() == h.hour)
            .count();
        assert_eq!(h.issued_total as usize, arrivals, "hour {}", h.hour);
    }
}

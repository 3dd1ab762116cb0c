//! The daily report of the known day: every figure checked against what the fixture fed.
#![allow(
    clippy::unwrap_used,
    reason = "a failed unwrap is a failed test or a broken sample"
)]

use crate::common;

use madoguchi_protocol::Lang;
use madoguchi_reports::*;

fn row<'a>(r: &'a DailyReport, id: &str) -> &'a ServiceRow {
    r.services.iter().find(|s| s.id == id).unwrap()
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap();
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn totals_states_and_flags() {
    let r = daily_report(&common::daily_input());
    assert!(r.working_day());
    let t = r.totals;
    assert_eq!(
        (t.issued, t.done, t.no_show, t.cancelled, t.unfinished),
        (8, 5, 1, 1, 1)
    );
    assert_eq!(
        (t.transfers, t.recalls, t.by_kiosk, t.by_staff),
        (1, 2, 7, 1)
    );
    let n = r.needs;
    assert_eq!(
        (
            n.braille_form,
            n.wheelchair,
            n.written,
            n.interpreter,
            n.help,
            n.other,
            n.any
        ),
        (1, 1, 1, 1, 0, 0, 3)
    );
    let lang = |l| r.langs.iter().find(|(x, _)| *x == l).unwrap().1;
    assert_eq!((lang(Lang::Ja), lang(Lang::En), lang(Lang::Vi)), (4, 1, 1));
    assert_eq!((lang(Lang::Ne), lang(Lang::Ko), lang(Lang::Pt)), (1, 1, 0));
    assert_eq!(r.langs.len(), Lang::ALL.len());
    assert_eq!(
        r.guided,
        vec![("no_application_id".into(), 1), ("not_resident".into(), 2)]
    );
    assert_eq!(r.guided_total, 3);
    assert_eq!((r.assist, r.print_failed), (2, 1));
}

#[test]
fn waits_and_service_times_per_service() {
    let r = daily_report(&common::daily_input());
    // Services in configured order, then `express`, which had a ticket but no snapshot entry.
    let ids: Vec<&str> = r.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["pickup", "apply", "ecert", "online", "express"]);

    let p = row(&r, "pickup");
    assert_eq!(
        (p.counts.issued, p.counts.done, p.counts.no_show),
        (3, 2, 1)
    );
    assert_eq!(p.wait.n, 3); // 5, 15, 20 min
    close(p.wait.mean_min, 40.0 / 3.0);
    close(p.wait.p90_min, 20.0);
    close(p.wait.max_min, 20.0);
    assert_eq!(p.service_time.n, 2); // 10, 15 min
    close(p.service_time.mean_min, 12.5);
    close(p.service_time.p90_min, 15.0);

    let e = row(&r, "ecert");
    assert_eq!(
        (e.counts.issued, e.counts.done, e.counts.cancelled),
        (3, 2, 1)
    );
    close(e.wait.mean_min, 17.5); // 5, 30
    close(e.service_time.max_min, 20.0); // 10, 20

    // No explicit start: the service time runs from the call (10:09 → 10:39).
    let a = row(&r, "apply");
    close(a.service_time.mean_min, 30.0);
    close(a.wait.mean_min, 10.0);

    assert_eq!(row(&r, "online").counts.issued, 0);
    assert_eq!(row(&r, "online").wait.mean_min, None);
    assert_eq!(row(&r, "express").counts.unfinished, 1);

    // The day: waits 5, 15, 20, 5, 30, 10.
    assert_eq!(r.wait.n, 6);
    close(r.wait.mean_min, 85.0 / 6.0);
    close(r.wait.p90_min, 30.0);
    assert_eq!(r.service_time.n, 5);
}

#[test]
fn hours_arrivals_waits_and_open_counters() {
    let r = daily_report(&common::daily_input());
    let hours: Vec<u32> = r.hours_rows.iter().map(|h| h.hour).collect();
    assert_eq!(hours, (8..=17).collect::<Vec<_>>());
    let h = |hour| r.hours_rows.iter().find(|x| x.hour == hour).unwrap();
    // issued per service, in the order pickup, apply, ecert, online, express
    assert_eq!(h(8).issued, [2, 0, 0, 0, 0]);
    assert_eq!(h(9).issued, [1, 1, 1, 0, 0]);
    assert_eq!(h(10).issued, [0, 0, 2, 0, 0]);
    assert_eq!(h(16).issued, [0, 0, 0, 0, 1]);
    assert_eq!(r.hours_rows.iter().map(|x| x.issued_total).sum::<u32>(), 8);
    close(h(8).wait.mean_min, 10.0);
    close(h(9).wait.mean_min, 35.0 / 3.0);
    close(h(10).wait.mean_min, 30.0);
    assert_eq!(h(16).wait.n, 0);
    // counter 1 08:30–12:00; counter 2 09:00–09:30 and 10:00–17:15
    assert_eq!((h(8).counters_open_mean, h(8).counters_open), (0.5, 1));
    assert_eq!((h(9).counters_open_mean, h(9).counters_open), (1.5, 2));
    assert_eq!((h(10).counters_open_mean, h(10).counters_open), (2.0, 2));
    assert_eq!((h(12).counters_open_mean, h(12).counters_open), (1.0, 1));
    assert_eq!((h(17).counters_open_mean, h(17).counters_open), (0.25, 1));
}

#[test]
fn manual_counts_with_who_entered_them() {
    let r = daily_report(&common::daily_input());
    assert_eq!(r.manual.len(), 2);
    assert_eq!(r.manual[0].kind, "phone");
    assert_eq!(r.manual[0].count, 10);
    assert_eq!(r.manual[0].entered_by, ["staff1", "super1"]);
    assert_eq!(r.manual[1].label_ja, "窓口案内");
    assert_eq!(r.manual[1].count, 4);
}

#[test]
fn a_holiday_is_not_a_working_day_but_still_reports() {
    let mut input = common::daily_input();
    input.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    input.hours = None;
    input.counter_spans.clear();
    input.tickets.truncate(1);
    let r = daily_report(&input);
    assert!(!r.working_day());
    assert_eq!(r.totals.issued, 1);
    // The hours shown are those in which something happened.
    assert_eq!(r.hours_rows.len(), 1);
    assert_eq!(r.hours_rows[0].hour, 8);

    input.tickets.clear();
    let empty = daily_report(&input);
    assert_eq!(empty.totals, TicketCounts::default());
    assert_eq!(empty.wait.n, 0);
}

//! The daily report (日報) of one site: computed from a [`DailyInput`] into plain data, with
//! aggregates only (counts, means, percentiles); no ticket number or single ticket's time.

use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveDate, NaiveTime, Timelike};
use madoguchi_protocol::{Lang, ServiceId, SiteId, TicketState, Timestamp};
use serde::{Deserialize, Serialize};

use crate::{AlertKind, Category, DailyInput, DurationStats, ServiceMeta, TicketRecord};

/// Counts over all tickets of the day (or of one service).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TicketCounts {
    pub issued: u32,
    pub done: u32,
    pub no_show: u32,
    pub cancelled: u32,
    /// Still waiting, called or being served when the data was read, or when the day ended.
    pub unfinished: u32,
    /// Of `unfinished`: closed by the server at the day change (`expired`).
    #[serde(default)]
    pub expired: u32,
    pub transfers: u32,
    pub recalls: u32,
    pub by_kiosk: u32,
    pub by_staff: u32,
}

impl TicketCounts {
    fn add(&mut self, t: &TicketRecord) {
        self.issued += 1;
        match t.state {
            TicketState::Done => self.done += 1,
            TicketState::NoShow => self.no_show += 1,
            TicketState::Cancelled => self.cancelled += 1,
            TicketState::Expired => {
                self.unfinished += 1;
                self.expired += 1;
            }
            TicketState::Waiting | TicketState::Called | TicketState::Serving => {
                self.unfinished += 1;
            }
        }
        self.transfers += t.transfers;
        self.recalls += t.recalls;
        if t.by_kiosk {
            self.by_kiosk += 1;
        } else {
            self.by_staff += 1;
        }
    }
}

/// One service's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub id: ServiceId,
    pub name_ja: String,
    pub category: Option<Category>,
    pub counts: TicketCounts,
    /// From issue to (last) call, of tickets that were called.
    pub wait: DurationStats,
    /// From start of service (or the call, when not started explicitly) to done.
    pub service_time: DurationStats,
}

/// One hour of the day (local time, `hour` = 9 is 09:00–09:59).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HourRow {
    pub hour: u32,
    /// Tickets issued in this hour, per service in the order of [`DailyReport::services`].
    pub issued: Vec<u32>,
    pub issued_total: u32,
    /// Wait of the tickets issued in this hour that were called.
    pub wait: DurationStats,
    /// Counter-minutes open in this hour divided by 60: the mean number of open counters.
    pub counters_open_mean: f64,
    /// Counters that were open at some moment in this hour.
    pub counters_open: u32,
}

/// How many tickets asked for each need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NeedsCounts {
    pub braille_form: u32,
    pub wheelchair: u32,
    pub written: u32,
    pub interpreter: u32,
    pub help: u32,
    pub other: u32,
    /// Tickets with at least one need.
    pub any: u32,
}

/// Staff-entered counts of one kind of work without a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManualRow {
    pub kind: String,
    pub label_ja: String,
    pub count: u32,
    /// Who entered them, each once, in the order of entry.
    pub entered_by: Vec<String>,
}

/// The daily report of one site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyReport {
    pub site: SiteId,
    pub site_name_ja: String,
    pub date: NaiveDate,
    /// Opening hours that day; `None`: a closed day (holiday), which still reports what happened.
    pub hours: Option<(NaiveTime, NaiveTime)>,
    pub totals: TicketCounts,
    pub wait: DurationStats,
    pub service_time: DurationStats,
    pub services: Vec<ServiceRow>,
    pub hours_rows: Vec<HourRow>,
    pub needs: NeedsCounts,
    /// Every kiosk language with its count (zeros included), in kiosk order.
    pub langs: Vec<(Lang, u32)>,
    /// Visitors guided elsewhere without a ticket, by reason (sorted by reason).
    pub guided: Vec<(String, u32)>,
    pub guided_total: u32,
    pub print_failed: u32,
    pub assist: u32,
    pub manual: Vec<ManualRow>,
    /// Bookings (交付予約): checked in, late, not shown, waits against the slot.
    #[serde(default)]
    pub bookings: crate::BookingCounts,
}

impl DailyReport {
    /// Whether the site was open that day by its calendar.
    pub fn working_day(&self) -> bool {
        self.hours.is_some()
    }
}

/// Japan Standard Time, the sites' local time.
pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| unreachable!("+09:00 is a valid offset"))
}

fn local_hour(t: &Timestamp) -> u32 {
    t.with_timezone(&jst()).hour()
}

fn secs(from: &Timestamp, to: &Timestamp) -> i64 {
    (*to - *from).num_seconds()
}

fn wait_secs(t: &TicketRecord) -> Option<i64> {
    t.called_at.map(|c| secs(&t.issued_at, &c))
}

fn service_secs(t: &TicketRecord) -> Option<i64> {
    if t.state != TicketState::Done {
        return None;
    }
    let start = t.served_at.or(t.called_at)?;
    t.finished_at.map(|f| secs(&start, &f))
}

/// Computes the daily report.
pub fn daily_report(input: &DailyInput) -> DailyReport {
    let mut services: Vec<ServiceMeta> = input.services.clone();
    for t in &input.tickets {
        if !services.iter().any(|s| s.id == t.service) {
            services.push(ServiceMeta::new(&t.service, &t.service));
        }
    }

    let mut totals = TicketCounts::default();
    let mut needs = NeedsCounts::default();
    let mut langs: BTreeMap<Lang, u32> = Lang::ALL.iter().map(|l| (*l, 0)).collect();
    for t in &input.tickets {
        totals.add(t);
        *langs.entry(t.lang).or_default() += 1;
        let n = &t.needs;
        needs.braille_form += u32::from(n.braille_form);
        needs.wheelchair += u32::from(n.wheelchair);
        needs.written += u32::from(n.written);
        needs.interpreter += u32::from(n.interpreter);
        needs.help += u32::from(n.help);
        needs.other += u32::from(n.other);
        needs.any += u32::from(n.any());
    }

    let service_rows = services
        .iter()
        .map(|s| {
            let mine: Vec<&TicketRecord> =
                input.tickets.iter().filter(|t| t.service == s.id).collect();
            let mut counts = TicketCounts::default();
            mine.iter().for_each(|t| counts.add(t));
            ServiceRow {
                id: s.id.clone(),
                name_ja: s.name_ja.clone(),
                category: s.category,
                counts,
                wait: DurationStats::from_seconds(
                    mine.iter().filter_map(|t| wait_secs(t)).collect(),
                ),
                service_time: DurationStats::from_seconds(
                    mine.iter().filter_map(|t| service_secs(t)).collect(),
                ),
            }
        })
        .collect();

    let mut guided: BTreeMap<String, u32> = BTreeMap::new();
    for g in &input.guided {
        *guided.entry(g.reason.clone()).or_default() += 1;
    }

    DailyReport {
        site: input.site.clone(),
        site_name_ja: input.site_name_ja.clone(),
        date: input.date,
        hours: input.hours,
        totals,
        wait: DurationStats::from_seconds(input.tickets.iter().filter_map(wait_secs).collect()),
        service_time: DurationStats::from_seconds(
            input.tickets.iter().filter_map(service_secs).collect(),
        ),
        hours_rows: hour_rows(input, &services),
        services: service_rows,
        needs,
        langs: Lang::ALL.iter().map(|l| (*l, langs[l])).collect(),
        guided_total: input.guided.len() as u32,
        guided: guided.into_iter().collect(),
        print_failed: count_alerts(input, AlertKind::PrintFailed),
        assist: count_alerts(input, AlertKind::Assist),
        manual: manual_rows(input),
        bookings: crate::BookingCounts::of(&input.bookings.iter().collect::<Vec<_>>()),
    }
}

fn count_alerts(input: &DailyInput, kind: AlertKind) -> u32 {
    input.alerts.iter().filter(|a| a.kind == kind).count() as u32
}

fn manual_rows(input: &DailyInput) -> Vec<ManualRow> {
    let mut rows: Vec<ManualRow> = Vec::new();
    for m in &input.manual {
        let idx = match rows.iter().position(|r| r.kind == m.kind) {
            Some(i) => i,
            None => {
                rows.push(ManualRow {
                    kind: m.kind.clone(),
                    label_ja: m.label_ja.clone(),
                    count: 0,
                    entered_by: Vec::new(),
                });
                rows.len() - 1
            }
        };
        let row = &mut rows[idx];
        row.count += m.count;
        if !row.entered_by.contains(&m.entered_by) {
            row.entered_by.push(m.entered_by.clone());
        }
    }
    rows
}

/// The hours the report shows: the opening hours (08:30–17:15 → 8..=17), widened to any hour
/// in which a ticket was issued or a counter was open; 8..=17 on a day with nothing at all.
fn hour_range(input: &DailyInput) -> (u32, u32) {
    let mut lo = u32::MAX;
    let mut hi = 0;
    let mut widen = |h: u32| {
        lo = lo.min(h);
        hi = hi.max(h);
    };
    if let Some((open, close)) = input.hours {
        widen(open.hour());
        // A closing time on the hour (19:00) ends the previous hour.
        let last = if close.minute() == 0 && close.second() == 0 {
            close.hour().saturating_sub(1)
        } else {
            close.hour()
        };
        widen(last.max(open.hour()));
    }
    input
        .tickets
        .iter()
        .for_each(|t| widen(local_hour(&t.issued_at)));
    for s in &input.counter_spans {
        widen(local_hour(&s.from));
        let end = s.to - chrono::Duration::seconds(1);
        if end > s.from {
            widen(local_hour(&end));
        }
    }
    if lo > hi { (8, 17) } else { (lo, hi) }
}

fn hour_rows(input: &DailyInput, services: &[ServiceMeta]) -> Vec<HourRow> {
    let (lo, hi) = hour_range(input);
    let day = input.date;
    (lo..=hi)
        .map(|hour| {
            let mine: Vec<&TicketRecord> = input
                .tickets
                .iter()
                .filter(|t| local_hour(&t.issued_at) == hour)
                .collect();
            let issued = services
                .iter()
                .map(|s| mine.iter().filter(|t| t.service == s.id).count() as u32)
                .collect();
            let (mean, open) = counters_in_hour(input, day, hour);
            HourRow {
                hour,
                issued,
                issued_total: mine.len() as u32,
                wait: DurationStats::from_seconds(
                    mine.iter().filter_map(|t| wait_secs(t)).collect(),
                ),
                counters_open_mean: mean,
                counters_open: open,
            }
        })
        .collect()
}

/// Mean open counters (counter-seconds / 3600) and distinct open counters in one hour.
fn counters_in_hour(input: &DailyInput, day: NaiveDate, hour: u32) -> (f64, u32) {
    let Some(start) = day
        .and_hms_opt(hour, 0, 0)
        .and_then(|t| t.and_local_timezone(jst()).single())
    else {
        return (0.0, 0);
    };
    let end = start + chrono::Duration::hours(1);
    let mut seconds = 0i64;
    let mut open: Vec<&str> = Vec::new();
    for s in &input.counter_spans {
        let from = s.from.max(start);
        let to = s.to.min(end);
        if to > from {
            seconds += (to - from).num_seconds();
            if !open.contains(&s.counter.as_str()) {
                open.push(&s.counter);
            }
        }
    }
    (seconds as f64 / 3600.0, open.len() as u32)
}

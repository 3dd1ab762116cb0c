//! What a report is computed from: plain records, filled by the loader from the server's
//! tables (or by a test). Nothing here identifies a visitor: a ticket record has no number and
//! no token, only its service, language, needs, state and times.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use madoguchi_protocol::{
    CounterId, Lang, Needs, ServiceId, SiteId, SiteKind, TicketState, Timestamp,
};
use serde::{Deserialize, Serialize};

use crate::Category;

/// A service as it was configured on the day of the report (a snapshot, so that later
/// configuration changes never change a past report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceMeta {
    pub id: ServiceId,
    pub name_ja: String,
    pub category: Option<Category>,
}

impl ServiceMeta {
    /// A snapshot of a service with the category its id counts in.
    pub fn new(id: &str, name_ja: &str) -> ServiceMeta {
        ServiceMeta {
            id: id.to_string(),
            name_ja: name_ja.to_string(),
            category: Category::of_service(id),
        }
    }
}

/// One ticket of the day, without its number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketRecord {
    /// The service the ticket was issued for (what the visitor came for), even if it was
    /// transferred later.
    pub service: ServiceId,
    pub lang: Lang,
    pub needs: Needs,
    pub state: TicketState,
    pub counter: Option<CounterId>,
    pub issued_at: Timestamp,
    pub called_at: Option<Timestamp>,
    pub served_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub transfers: u32,
    pub recalls: u32,
    /// Issued at a kiosk (false: by staff, by hand).
    pub by_kiosk: bool,
}

/// The kiosk sent a visitor elsewhere without a ticket (a wrong-queue visit avoided).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuidedVisit {
    pub at: Timestamp,
    /// The triage outcome, e.g. `not_resident`.
    pub reason: String,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// A visitor pressed "call staff" at a kiosk.
    Assist,
    /// A kiosk could not print a ticket.
    PrintFailed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertRecord {
    pub at: Timestamp,
    pub kind: AlertKind,
}

/// Work without a ticket that staff counted by hand (第13: e.g. phone consultations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManualCount {
    /// What was counted, e.g. `phone`.
    pub kind: String,
    /// How the report names it, e.g. `電話対応`.
    pub label_ja: String,
    pub count: u32,
    /// The staff member who entered it (a user name, never a visitor's).
    pub entered_by: String,
}

/// A stretch of time a counter was open (between a reopen, or the opening, and a pause, or
/// the closing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CounterSpan {
    pub counter: CounterId,
    pub from: Timestamp,
    pub to: Timestamp,
}

/// Everything one site's daily report (日報) is computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyInput {
    pub site: SiteId,
    pub site_name_ja: String,
    pub date: NaiveDate,
    /// Opening hours that day (from the calendar: `None` when the site was closed).
    pub hours: Option<(NaiveTime, NaiveTime)>,
    /// Services as configured that day, in display order.
    pub services: Vec<ServiceMeta>,
    pub tickets: Vec<TicketRecord>,
    pub guided: Vec<GuidedVisit>,
    pub alerts: Vec<AlertRecord>,
    pub manual: Vec<ManualCount>,
    pub counter_spans: Vec<CounterSpan>,
    /// The day's bookings (交付予約), checked in or not.
    #[serde(default)]
    pub bookings: Vec<crate::BookingRecord>,
}

/// Completed tickets of one site, day and service (issued-for service), as the loader groups them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServedCount {
    pub site: SiteId,
    pub date: NaiveDate,
    pub service: ServiceId,
    /// The category snapshotted for that day (see [`ServiceMeta`]); `None`: not counted.
    pub category: Option<Category>,
    pub count: u64,
}

/// Working days per site and month (1–12) of a year, from the holiday calendar.
pub type WorkingDays = BTreeMap<SiteId, [u32; 12]>;

/// Everything the citywide monthly report (月報) is computed from: counts from January of
/// `year` up to `month`, the working days of both years, and the 2025 figures.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyInput {
    pub year: i32,
    /// The report month, 1–12; the tables show January to this month.
    pub month: u32,
    pub counts: Vec<ServedCount>,
    /// Kind of each site that has counts (e-certificates are split by ward and branch offices).
    pub site_kinds: BTreeMap<SiteId, SiteKind>,
    pub working_days: WorkingDays,
    pub baseline: crate::Baseline,
    pub baseline_working_days: WorkingDays,
    /// Every site's bookings (交付予約) from January of `year` to `month`.
    pub bookings: Vec<crate::BookingRecord>,
}

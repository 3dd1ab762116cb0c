//! Stored facts → report inputs. The server's storage layer reads a site's day
//! ([`DayFacts`]) or a site's completed tickets over months ([`CompletedFacts`]) through its
//! `Store` read model, on SQLite or PostgreSQL alike; the functions here turn them into
//! [`DailyInput`](crate::DailyInput) and [`MonthlyInput`](crate::MonthlyInput). No I/O here.
//!
//! A past day's report never changes with the configuration: the site's name, hours,
//! services (names and report categories) and counters of a day are frozen as a
//! [`DaySnapshot`] (stored as JSON) the first time a past day is reported, and these functions
//! prefer the snapshot to the configuration. Counts are by the service a ticket was issued
//! for (from its `issue` command), not the one it ended in after transfers.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use madoguchi_engine::{Command, Config};
use madoguchi_protocol::{CounterId, Lang, SiteId, SiteKind, TicketId, Timestamp};
use serde::{Deserialize, Serialize};

use crate::spans::CounterToggle;
use crate::{AlertRecord, Category, GuidedVisit, ManualCount, ServiceMeta, TicketRecord};

mod daily;
mod monthly;

pub use daily::daily_input;
pub use monthly::{month_span, monthly_input, monthly_sites};

#[derive(Debug, thiserror::Error)]
pub enum FactsError {
    #[error("there is no site \"{0}\"; use a site id of the configuration, e.g. yahatanishi")]
    UnknownSite(String),
    #[error(
        "a stored row could not be read ({0}); is the database from another madoguchi version?"
    )]
    Corrupt(String),
}

/// What the configuration said about a site on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaySnapshot {
    pub site_name_ja: String,
    pub site_kind: SiteKind,
    pub hours: Option<(NaiveTime, NaiveTime)>,
    pub services: Vec<ServiceMeta>,
    pub counters: Vec<CounterId>,
}

impl DaySnapshot {
    /// The snapshot today's configuration gives for `site` on `date`.
    pub fn from_config(config: &Config, site: &str, date: NaiveDate) -> Option<DaySnapshot> {
        let s = config.site(site)?;
        let services = config
            .site_services(s)
            .into_iter()
            .chain(
                config
                    .services
                    .iter()
                    .filter(|x| !x.kiosk && !s.services.contains(&x.id))
                    .cloned(),
            )
            .map(|svc| ServiceMeta {
                category: svc
                    .report_category
                    .as_deref()
                    .and_then(Category::from_code)
                    .or_else(|| Category::of_service(&svc.id)),
                id: svc.id,
                name_ja: svc.name_ja,
            })
            .collect();
        Some(DaySnapshot {
            site_name_ja: s.name_ja.clone(),
            site_kind: s.kind,
            hours: config.calendar().hours(site, date),
            services,
            counters: s.counters.iter().map(|c| c.id.clone()).collect(),
        })
    }

    /// The JSON stored for it.
    pub fn to_json(&self) -> Result<String, FactsError> {
        serde_json::to_string(self).map_err(|e| FactsError::Corrupt(e.to_string()))
    }

    /// A stored snapshot.
    pub fn from_json(json: &str) -> Result<DaySnapshot, FactsError> {
        serde_json::from_str(json).map_err(|e| FactsError::Corrupt(format!("snapshot: {e}")))
    }
}

/// The frozen snapshot of the day (its stored JSON), or today's configuration's.
pub fn snapshot_or_config(
    stored: Option<&str>,
    config: &Config,
    site: &str,
    date: NaiveDate,
) -> Result<DaySnapshot, FactsError> {
    match stored {
        Some(json) => DaySnapshot::from_json(json),
        None => DaySnapshot::from_config(config, site, date)
            .ok_or_else(|| FactsError::UnknownSite(site.to_string())),
    }
}

/// A ticket of the day as stored: its id (to find its `issue` command) and its record, whose
/// `service` is the one it ended in.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTicket {
    pub id: TicketId,
    pub record: TicketRecord,
}

/// Everything stored about one site's day that its 日報 reads, each list in storage order
/// (commands by `seq`, the others by id).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DayFacts {
    /// The frozen [`DaySnapshot`] JSON, if the day has one.
    pub snapshot: Option<String>,
    /// The day's engine commands: `(at, Command JSON)`.
    pub commands: Vec<(Timestamp, String)>,
    pub tickets: Vec<StoredTicket>,
    pub guided: Vec<GuidedVisit>,
    /// `(at, kind)`; kinds other than `assist` and `print_failed` are not reported.
    pub alerts: Vec<(Timestamp, String)>,
    pub manual: Vec<ManualCount>,
}

/// A site's completed (`done`) tickets between two days, as the 月報 needs them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompletedFacts {
    /// Tickets never transferred (still in the service they were issued for), counted by
    /// `(day, service)`.
    pub untransferred: Vec<(NaiveDate, String, u64)>,
    /// Transferred tickets: `(id, day, service they ended in)`.
    pub transferred: Vec<(TicketId, NaiveDate, String)>,
    /// For the days with a transferred ticket: `(day, ticket id, service issued for)` from the
    /// day's `issue` commands.
    pub issued_for: Vec<(NaiveDate, TicketId, String)>,
}

/// A snapshot stored for a site's day: `(site, day, JSON)`.
pub type StoredSnapshot = (SiteId, NaiveDate, String);

/// A stored language code; an unknown code counts as Japanese.
pub fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::Ja)
}

/// The alert kinds a report counts.
pub(crate) fn alert(at: Timestamp, kind: &str) -> Option<AlertRecord> {
    let kind = match kind {
        "assist" => crate::AlertKind::Assist,
        "print_failed" => crate::AlertKind::PrintFailed,
        _ => return None,
    };
    Some(AlertRecord { at, kind })
}

/// The day's commands: issue commands (ticket id → issued-for service) and counter toggles.
pub(crate) fn day_commands(
    commands: &[(Timestamp, String)],
) -> (HashMap<TicketId, String>, Vec<CounterToggle>) {
    let mut issued = HashMap::new();
    let mut toggles = Vec::new();
    for (at, json) in commands {
        // Commands of another engine version are skipped, not fatal: the ticket row remains.
        let Ok(cmd) = serde_json::from_str::<Command>(json) else {
            continue;
        };
        match cmd {
            Command::Issue { id, service, .. }
            | Command::IssueOffline { id, service, .. }
            | Command::CheckIn { id, service, .. } => {
                issued.insert(id, service);
            }
            Command::Pause { counter } => toggles.push(CounterToggle {
                at: *at,
                counter,
                open: false,
            }),
            Command::Reopen { counter } => toggles.push(CounterToggle {
                at: *at,
                counter,
                open: true,
            }),
            _ => {}
        }
    }
    (issued, toggles)
}

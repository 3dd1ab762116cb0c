//! Every site's completed tickets from January to a month → [`MonthlyInput`].

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use madoguchi_engine::Config;
use madoguchi_protocol::SiteId;

use super::{CompletedFacts, DaySnapshot, FactsError, StoredSnapshot, snapshot_or_config};
use crate::{Baseline, Category, MonthlyInput, ServedCount, calendar};

/// The days a 月報 of `year`-`month` reads: 1 January to the month's last day.
pub fn month_span(year: i32, month: u32) -> Result<(NaiveDate, NaiveDate), FactsError> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| FactsError::Corrupt(format!("year {year}")))?;
    let to = NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| FactsError::Corrupt(format!("month {year}-{month}")))?;
    Ok((from, to))
}

/// The sites a 月報 counts: the configured ones, then those that had tickets (`stored`, the
/// sites with tickets in the span) but are gone from today's configuration.
pub fn monthly_sites(config: &Config, stored: Vec<SiteId>) -> Vec<SiteId> {
    let mut site_ids = config.site_ids();
    for s in stored {
        if !site_ids.contains(&s) {
            site_ids.push(s);
        }
    }
    site_ids
}

/// Everything the monthly report of `year`-`month` needs, compared with `baseline`:
/// `completed` holds each site of [`monthly_sites`] in that order, `snapshots` every snapshot
/// stored in the [`month_span`].
pub fn monthly_input(
    config: &Config,
    (year, month): (i32, u32),
    baseline: Baseline,
    completed: Vec<(SiteId, CompletedFacts)>,
    snapshots: &[StoredSnapshot],
) -> MonthlyInput {
    let stored: HashMap<(&str, NaiveDate), &str> = snapshots
        .iter()
        .map(|(site, day, json)| ((site.as_str(), *day), json.as_str()))
        .collect();
    let mut counts = Vec::new();
    let mut site_kinds = BTreeMap::new();
    for (site, facts) in completed {
        if let Some(s) = config.site(&site) {
            site_kinds.insert(site.clone(), s.kind);
        }
        let mut categories: BTreeMap<NaiveDate, HashMap<String, Option<Category>>> =
            BTreeMap::new();
        for ((date, service), n) in by_issued_service(facts) {
            // The category as it was that day (snapshot), else as configured today.
            let map = categories.entry(date).or_insert_with(|| {
                snapshot_or_config(
                    stored.get(&(site.as_str(), date)).copied(),
                    config,
                    &site,
                    date,
                )
                .map(|s| s.services.into_iter().map(|m| (m.id, m.category)).collect())
                .unwrap_or_default()
            });
            let category = map
                .get(&service)
                .copied()
                .unwrap_or_else(|| Category::of_service(&service));
            counts.push(ServedCount {
                site: site.clone(),
                date,
                service,
                category,
                count: n,
            });
        }
    }

    // A day with a snapshot was a working day if the snapshot has opening hours, whatever
    // today's calendar says; other days follow the calendar.
    let frozen: HashMap<(String, NaiveDate), bool> = snapshots
        .iter()
        .filter_map(|(site, day, json)| {
            let snap = DaySnapshot::from_json(json).ok()?;
            Some(((site.clone(), *day), snap.hours.is_some()))
        })
        .collect();
    let calendar = config.calendar();
    let is_working_day = |site: &str, d: NaiveDate| {
        frozen
            .get(&(site.to_string(), d))
            .copied()
            .unwrap_or_else(|| calendar.is_working_day(site, d))
    };
    let configured = config.site_ids();
    let refs: Vec<&str> = configured.iter().map(String::as_str).collect();
    MonthlyInput {
        year,
        month,
        counts,
        site_kinds,
        working_days: calendar::working_days_table(year, &refs, &is_working_day),
        baseline_working_days: calendar::working_days_table(baseline.year, &refs, &is_working_day),
        baseline,
        bookings: Vec::new(),
    }
}

/// Completed tickets by (day, issued-for service). A ticket never transferred is still in the
/// service it was issued for; a transferred one is looked up in its day's `issue` commands.
fn by_issued_service(facts: CompletedFacts) -> BTreeMap<(NaiveDate, String), u64> {
    let mut grouped: BTreeMap<(NaiveDate, String), u64> = BTreeMap::new();
    for (day, service, n) in facts.untransferred {
        *grouped.entry((day, service)).or_default() += n;
    }
    let issued_for: HashMap<(NaiveDate, i64), String> = facts
        .issued_for
        .into_iter()
        .map(|(day, id, service)| ((day, id), service))
        .collect();
    for (id, day, final_service) in facts.transferred {
        let service = issued_for.get(&(day, id)).cloned().unwrap_or(final_service);
        *grouped.entry((day, service)).or_default() += 1;
    }
    grouped
}

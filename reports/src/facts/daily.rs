//! One site's stored day → [`DailyInput`].

use chrono::NaiveDate;
use madoguchi_engine::Config;

use super::{DayFacts, FactsError, alert, day_commands, snapshot_or_config};
use crate::spans::counter_spans;
use crate::{DailyInput, TicketRecord, jst};

/// Everything the daily report of `site` on `date` needs, from the day's stored `facts`.
pub fn daily_input(
    config: &Config,
    site: &str,
    date: NaiveDate,
    facts: DayFacts,
) -> Result<DailyInput, FactsError> {
    let snap = snapshot_or_config(facts.snapshot.as_deref(), config, site, date)?;
    let (issued_for, toggles) = day_commands(&facts.commands);
    let tickets: Vec<TicketRecord> = facts
        .tickets
        .into_iter()
        .map(|t| TicketRecord {
            service: issued_for.get(&t.id).cloned().unwrap_or(t.record.service),
            ..t.record
        })
        .collect();
    let alerts = facts
        .alerts
        .iter()
        .filter_map(|(at, kind)| alert(*at, kind))
        .collect();

    // The window counters can be open in: the opening hours, or on a closed day (a trial
    // with the calendar ignored) from the first to the last ticket time.
    let window = match snap.hours {
        Some((open, close)) => date
            .and_time(open)
            .and_local_timezone(jst())
            .single()
            .zip(date.and_time(close).and_local_timezone(jst()).single()),
        None => {
            let times = tickets.iter().flat_map(|t| {
                [Some(t.issued_at), t.called_at, t.served_at, t.finished_at]
                    .into_iter()
                    .flatten()
            });
            times.clone().min().zip(times.max())
        }
    };
    let counter_spans = window.map_or_else(Vec::new, |(from, to)| {
        counter_spans(&snap.counters, &toggles, from, to)
    });

    Ok(DailyInput {
        site: site.to_string(),
        site_name_ja: snap.site_name_ja,
        date,
        hours: snap.hours,
        services: snap.services,
        tickets,
        guided: facts.guided,
        alerts,
        manual: facts.manual,
        counter_spans,
        bookings: Vec::new(),
    })
}

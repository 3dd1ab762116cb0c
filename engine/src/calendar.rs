//! Opening days and hours: weekly hours per site kind, national holidays (jpholiday plus an
//! override list), 29 Dec – 3 Jan, extra opening days (休日開庁) and changed hours as data.
//!
//! The order of rules for a site and date: a special day naming the site (or all sites) wins;
//! otherwise an annual closure, then a national holiday (override list first, then
//! `jpholiday`) closes the day; otherwise the weekly hours of the site's kind apply. All times
//! are JST: a `now` in any offset is converted before it is compared.

use std::collections::HashMap;

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use madoguchi_protocol::{SiteKind, Timestamp};

use crate::config::{Config, WeekHours};

/// Opening span of a day.
pub type Span = (NaiveTime, NaiveTime);

/// The offset every site runs on (JST, UTC+9).
pub const JST: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+9 is a valid offset"),
};

/// The offset every site runs on (JST, UTC+9).
pub fn jst() -> FixedOffset {
    JST
}

/// `now` as JST.
pub fn to_jst(now: Timestamp) -> Timestamp {
    now.with_timezone(&jst())
}

#[derive(Debug, Clone, Default)]
struct SpecialRule {
    /// `None`: every site.
    sites: Option<Vec<String>>,
    hours: Option<Span>,
}

#[derive(Debug, Clone)]
pub struct Calendar {
    /// Per site: kind-dependent week (Mon..Sun).
    weeks: HashMap<SiteKind, [Option<Span>; 7]>,
    site_kinds: HashMap<String, SiteKind>,
    annual: Vec<((u32, u32), (u32, u32))>,
    overrides: HashMap<NaiveDate, bool>,
    special: HashMap<NaiveDate, Vec<SpecialRule>>,
}

impl Calendar {
    /// Builds the calendar of a validated configuration (spans that fail to parse count as
    /// closed; `Config::validate` rejects them first).
    pub fn from_config(config: &Config) -> Calendar {
        let mut weeks = HashMap::new();
        weeks.insert(SiteKind::Ward, week(&config.hours.ward));
        weeks.insert(SiteKind::Branch, week(&config.hours.branch));
        let site_kinds = config
            .sites
            .iter()
            .map(|s| (s.id.clone(), s.kind))
            .collect();
        let annual = config
            .annual_closures
            .iter()
            .filter_map(|c| Some((parse_month_day(&c.from).ok()?, parse_month_day(&c.to).ok()?)))
            .collect();
        let overrides = config
            .holiday_overrides
            .iter()
            .filter_map(|h| Some((parse_date(&h.date).ok()?, h.holiday)))
            .collect();
        let mut special: HashMap<NaiveDate, Vec<SpecialRule>> = HashMap::new();
        for d in &config.special_days {
            let Ok(date) = parse_date(&d.date) else {
                continue;
            };
            let hours = match &d.hours {
                Some(h) => match parse_span(h) {
                    Ok(span) => Some(span),
                    Err(_) => continue,
                },
                None => None,
            };
            special.entry(date).or_default().push(SpecialRule {
                sites: d.sites.clone(),
                hours,
            });
        }
        Calendar {
            weeks,
            site_kinds,
            annual,
            overrides,
            special,
        }
    }

    /// Whether `date` is a national holiday (override list first, then `jpholiday`).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        if let Some(h) = self.overrides.get(&date) {
            return *h;
        }
        jpholiday::jpholiday::JPHoliday::new().is_holiday(&date)
    }

    fn in_annual_closure(&self, date: NaiveDate) -> bool {
        let md = (date.month(), date.day());
        self.annual.iter().any(|&(from, to)| {
            if from <= to {
                from <= md && md <= to
            } else {
                md >= from || md <= to
            }
        })
    }

    /// Opening and closing time of `site` on `date`, `None` when closed that day (or the site
    /// is unknown).
    pub fn hours(&self, site: &str, date: NaiveDate) -> Option<(NaiveTime, NaiveTime)> {
        let kind = self.site_kinds.get(site)?;
        if let Some(rules) = self.special.get(&date) {
            // The last rule naming the site wins over an earlier all-sites rule.
            let rule = rules
                .iter()
                .rev()
                .find(|r| {
                    r.sites
                        .as_ref()
                        .is_some_and(|s| s.iter().any(|x| x == site))
                })
                .or_else(|| rules.iter().rev().find(|r| r.sites.is_none()));
            if let Some(rule) = rule {
                return rule.hours;
            }
        }
        if self.in_annual_closure(date) || self.is_holiday(date) {
            return None;
        }
        self.weeks.get(kind)?[date.weekday().num_days_from_monday() as usize]
    }

    pub fn is_open(&self, site: &str, now: Timestamp) -> bool {
        let local = to_jst(now);
        self.hours(site, local.date_naive())
            .is_some_and(|(open, close)| open <= local.time() && local.time() < close)
    }

    /// The next moment `site` opens after `now` (within a year), `None` if never.
    pub fn next_opening(&self, site: &str, now: Timestamp) -> Option<Timestamp> {
        let local = to_jst(now);
        let today = local.date_naive();
        for offset in 0..=366 {
            let date = today + Duration::days(offset);
            if let Some((open, _)) = self.hours(site, date) {
                if offset == 0 && open <= local.time() {
                    continue;
                }
                return jst().from_local_datetime(&date.and_time(open)).single();
            }
        }
        None
    }

    /// Whether `date` is a working day for `site` (for per-working-day figures in reports).
    pub fn is_working_day(&self, site: &str, date: NaiveDate) -> bool {
        self.hours(site, date).is_some()
    }
}

fn week(w: &WeekHours) -> [Option<Span>; 7] {
    let p = |s: &Option<String>| s.as_deref().and_then(|s| parse_span(s).ok());
    [
        p(&w.mon),
        p(&w.tue),
        p(&w.wed),
        p(&w.thu),
        p(&w.fri),
        p(&w.sat),
        p(&w.sun),
    ]
}

/// Parses `"08:30-17:15"`; the message says what is wrong.
pub(crate) fn parse_span(s: &str) -> Result<Span, String> {
    let Some((a, b)) = s.split_once('-') else {
        return Err(format!(
            "\"{s}\" is not an opening span; write it like \"08:30-17:15\""
        ));
    };
    let t = |x: &str| {
        NaiveTime::parse_from_str(x.trim(), "%H:%M")
            .map_err(|_| format!("\"{x}\" in \"{s}\" is not a time; write it like \"08:30\""))
    };
    let (open, close) = (t(a)?, t(b)?);
    if open >= close {
        return Err(format!(
            "\"{s}\" closes before it opens; the first time must be earlier"
        ));
    }
    Ok((open, close))
}

/// Parses `"2027-03-28"`.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("\"{s}\" is not a date; write it like \"2027-03-28\""))
}

/// Parses `"12-29"` into (month, day).
pub(crate) fn parse_month_day(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("\"{s}\" is not a month and day; write it like \"12-29\"");
    let (m, d) = s.split_once('-').ok_or_else(bad)?;
    let (m, d): (u32, u32) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    // 2024 is a leap year, so 02-29 is accepted.
    NaiveDate::from_ymd_opt(2024, m, d).ok_or_else(bad)?;
    Ok((m, d))
}

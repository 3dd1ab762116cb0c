//! Checks a parsed configuration: everything the engine and the server rely on, each failure
//! reported with the file, the field path and a sentence.
//!
//! Checked: unique service, site and counter ids; ids ASCII; prefixes unique per site; number
//! ranges inside 1–999 and not reversed; targets, maximum waits and mean service times
//! positive; locale keys of the right form; sites only offer defined services; counters only
//! serve services their site offers, with weights 1–10; every kiosk service of a site has a
//! counter; every opening span and date parses and opens before it closes; areas and desks
//! have ids, keys and names; every counter is in a known area and has an explicit spoken name
//! (a number, a desk, or both) that no other counter of its site shares; the booking prefix
//! is capital letters used by no service, the booking window and grace are at most hours,
//! the cap at least 1.

use std::collections::HashSet;

use crate::calendar::{parse_date, parse_month_day, parse_span};
use crate::config::{Config, ConfigError, WeekHours};

struct Check<'a> {
    file: &'a str,
}

impl Check<'_> {
    fn err(&self, field: impl Into<String>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.file.to_string(),
            field: field.into(),
            message: message.into(),
        }
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub(crate) fn validate(config: &Config, file: &str) -> Result<(), ConfigError> {
    let ck = Check { file };
    validate_hours(config, &ck)?;
    validate_services(config, &ck)?;
    validate_names(config, &ck)?;
    validate_sites(config, &ck)?;
    validate_bookings(config, &ck)?;
    Ok(())
}

/// The booking prefix is capital letters and no service's; the window, grace and cap are sane.
fn validate_bookings(config: &Config, ck: &Check) -> Result<(), ConfigError> {
    let b = &config.bookings;
    if b.prefix.is_empty() || !b.prefix.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(ck.err(
            "bookings.prefix",
            format!(
                "prefix \"{}\" must be one or more capital ASCII letters",
                b.prefix
            ),
        ));
    }
    if let Some(s) = config.services.iter().find(|s| s.prefix == b.prefix) {
        return Err(ck.err(
            "bookings.prefix",
            format!(
                "prefix \"{}\" is service \"{}\"'s; booked tickets need a prefix of their own so their numbers never collide",
                b.prefix, s.id
            ),
        ));
    }
    if b.window_before_min > 120 || b.window_after_min > 120 || b.late_grace_min > 240 {
        return Err(ck.err(
            "bookings",
            "window_before_min and window_after_min are at most 120 minutes, late_grace_min at most 240",
        ));
    }
    if b.max_in_row == 0 {
        return Err(ck.err(
            "bookings.max_in_row",
            "must be at least 1 (booked tickets could never go ahead of a walk-in)",
        ));
    }
    Ok(())
}

fn validate_week(week: &WeekHours, path: &str, ck: &Check) -> Result<(), ConfigError> {
    let days = [
        ("mon", &week.mon),
        ("tue", &week.tue),
        ("wed", &week.wed),
        ("thu", &week.thu),
        ("fri", &week.fri),
        ("sat", &week.sat),
        ("sun", &week.sun),
    ];
    for (name, span) in days {
        if let Some(span) = span {
            parse_span(span).map_err(|m| ck.err(format!("{path}.{name}"), m))?;
        }
    }
    Ok(())
}

fn validate_hours(config: &Config, ck: &Check) -> Result<(), ConfigError> {
    validate_week(&config.hours.ward, "hours.ward", ck)?;
    validate_week(&config.hours.branch, "hours.branch", ck)?;
    for (i, c) in config.annual_closures.iter().enumerate() {
        parse_month_day(&c.from).map_err(|m| ck.err(format!("annual_closures[{i}].from"), m))?;
        parse_month_day(&c.to).map_err(|m| ck.err(format!("annual_closures[{i}].to"), m))?;
    }
    for (i, h) in config.holiday_overrides.iter().enumerate() {
        parse_date(&h.date).map_err(|m| ck.err(format!("holiday_overrides[{i}].date"), m))?;
    }
    for (i, d) in config.special_days.iter().enumerate() {
        parse_date(&d.date).map_err(|m| ck.err(format!("special_days[{i}].date"), m))?;
        if let Some(hours) = &d.hours {
            parse_span(hours).map_err(|m| ck.err(format!("special_days[{i}].hours"), m))?;
        }
        if let Some(sites) = &d.sites {
            for (j, s) in sites.iter().enumerate() {
                if config.site(s).is_none() {
                    return Err(ck.err(
                        format!("special_days[{i}].sites[{j}]"),
                        format!("unknown site \"{s}\"; use one of the ids under [[sites]]"),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn validate_services(config: &Config, ck: &Check) -> Result<(), ConfigError> {
    let mut ids = HashSet::new();
    for (i, s) in config.services.iter().enumerate() {
        let p = format!("services[{i}]");
        if !is_id(&s.id) {
            return Err(ck.err(
                format!("{p}.id"),
                format!(
                    "\"{}\" is not a valid id; use ASCII letters, digits, - or _",
                    s.id
                ),
            ));
        }
        if !ids.insert(s.id.as_str()) {
            return Err(ck.err(
                format!("{p}.id"),
                format!(
                    "service id \"{}\" is used twice; give each service its own id",
                    s.id
                ),
            ));
        }
        if s.prefix.is_empty() || !s.prefix.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(ck.err(
                format!("{p}.prefix"),
                format!(
                    "prefix \"{}\" must be one or more capital ASCII letters",
                    s.prefix
                ),
            ));
        }
        if s.first == 0 || s.first > s.last || s.last > 999 {
            return Err(ck.err(
                format!("{p}.first"),
                format!(
                    "number range {}–{} is not sane; use 1 ≤ first ≤ last ≤ 999",
                    s.first, s.last
                ),
            ));
        }
        if s.name_key != format!("service-{}", s.id) {
            return Err(ck.err(
                format!("{p}.name_key"),
                format!(
                    "locale key must be \"service-{}\", not \"{}\"",
                    s.id, s.name_key
                ),
            ));
        }
        if s.name_ja.trim().is_empty() || s.name_en.trim().is_empty() {
            return Err(ck.err(
                format!("{p}.name_ja"),
                "give the service a Japanese and an English name",
            ));
        }
        if s.target_wait_min == 0 {
            return Err(ck.err(
                format!("{p}.target_wait_min"),
                "the target wait must be at least 1 minute",
            ));
        }
        if let Some(max) = s.max_wait_min
            && max < s.target_wait_min
        {
            return Err(ck.err(
                format!("{p}.max_wait_min"),
                format!(
                    "the maximum wait ({max} min) must not be below the target wait ({} min)",
                    s.target_wait_min
                ),
            ));
        }
        if !(s.mean_service_min.is_finite() && s.mean_service_min > 0.0) {
            return Err(ck.err(
                format!("{p}.mean_service_min"),
                "the mean service time must be a positive number of minutes",
            ));
        }
        for (j, d) in s.documents.iter().enumerate() {
            if !d.key.starts_with("doc-") || !is_id(&d.key) {
                return Err(ck.err(
                    format!("{p}.documents[{j}].key"),
                    format!("document key \"{}\" must look like doc-<name>", d.key),
                ));
            }
        }
    }
    Ok(())
}

/// Areas and desks: ids, locale keys `area-<id>` / `desk-<id>`, Japanese and English names.
fn validate_names(config: &Config, ck: &Check) -> Result<(), ConfigError> {
    let named = config
        .areas
        .iter()
        .map(|a| ("areas", "area", &a.id, &a.name_key, &a.name_ja, &a.name_en))
        .chain(
            config
                .desks
                .iter()
                .map(|d| ("desks", "desk", &d.id, &d.name_key, &d.name_ja, &d.name_en)),
        );
    let mut seen = HashSet::new();
    for (i, (list, kind, id, key, ja, en)) in named.enumerate() {
        let idx = if list == "areas" {
            i
        } else {
            i - config.areas.len()
        };
        let p = format!("{list}[{idx}]");
        if !is_id(id) {
            return Err(ck.err(
                format!("{p}.id"),
                format!("\"{id}\" is not a valid id; use ASCII letters, digits, - or _"),
            ));
        }
        if !seen.insert((kind, id.as_str())) {
            return Err(ck.err(
                format!("{p}.id"),
                format!("{kind} id \"{id}\" is used twice; give each its own id"),
            ));
        }
        if *key != format!("{kind}-{id}") {
            return Err(ck.err(
                format!("{p}.name_key"),
                format!("locale key must be \"{kind}-{id}\", not \"{key}\""),
            ));
        }
        if ja.trim().is_empty() || en.trim().is_empty() {
            return Err(ck.err(
                format!("{p}.name_ja"),
                format!("give the {kind} a Japanese and an English name"),
            ));
        }
    }
    Ok(())
}

/// How each counter is called: a number, a desk, or both, never two counters alike.
fn validate_counter_name(
    config: &Config,
    site: &crate::config::SiteConfig,
    j: usize,
    cp: &str,
    ck: &Check,
) -> Result<(), ConfigError> {
    let c = &site.counters[j];
    if config.area(&c.area).is_none() {
        return Err(ck.err(
            format!("{cp}.area"),
            format!(
                "unknown area \"{}\"; use one of the ids under [[areas]] ({})",
                c.area,
                config
                    .areas
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if let Some(d) = &c.desk
        && config.desk(d).is_none()
    {
        return Err(ck.err(
            format!("{cp}.desk"),
            format!("unknown desk \"{d}\"; define it under [[desks]] first"),
        ));
    }
    match (c.number, &c.desk) {
        (None, None) => {
            return Err(ck.err(
                cp.to_string(),
                "say how the counter is called: give it a number (number = 3, \"3番窓口\") or a desk (desk = \"city\"), or both",
            ));
        }
        (Some(n), _) if !(1..=99).contains(&n) => {
            return Err(ck.err(
                format!("{cp}.number"),
                format!("counter number {n} cannot be announced; use 1 to 99"),
            ));
        }
        _ => {}
    }
    for (k, other) in site.counters.iter().enumerate().take(j) {
        if other.desk == c.desk
            && (other.number == c.number || c.number.is_none() || other.number.is_none())
        {
            let what = config.counter_label(c).name_ja();
            return Err(ck.err(
                cp.to_string(),
                format!(
                    "counters {} and {} would both be called \"{what}\"; give them different numbers",
                    site.counters[k].id, c.id
                ),
            ));
        }
    }
    Ok(())
}

fn validate_sites(config: &Config, ck: &Check) -> Result<(), ConfigError> {
    let mut site_ids = HashSet::new();
    for (i, site) in config.sites.iter().enumerate() {
        let p = format!("sites[{i}]");
        if !is_id(&site.id) {
            return Err(ck.err(
                format!("{p}.id"),
                format!(
                    "\"{}\" is not a valid id; use ASCII letters, digits, - or _",
                    site.id
                ),
            ));
        }
        if !site_ids.insert(site.id.as_str()) {
            return Err(ck.err(
                format!("{p}.id"),
                format!(
                    "site id \"{}\" is used twice; give each site its own id",
                    site.id
                ),
            ));
        }
        let mut offered = HashSet::new();
        let mut prefixes = HashSet::new();
        for (j, sid) in site.services.iter().enumerate() {
            let Some(service) = config.service(sid) else {
                return Err(ck.err(
                    format!("{p}.services[{j}]"),
                    format!("unknown service \"{sid}\"; define it under [[services]] first"),
                ));
            };
            if !offered.insert(sid.as_str()) {
                return Err(ck.err(
                    format!("{p}.services[{j}]"),
                    format!("service \"{sid}\" is listed twice"),
                ));
            }
            if !prefixes.insert(service.prefix.as_str()) {
                return Err(ck.err(
                    format!("{p}.services[{j}]"),
                    format!(
                        "prefix \"{}\" of service \"{sid}\" is already used at this site",
                        service.prefix
                    ),
                ));
            }
        }
        let mut counter_ids = HashSet::new();
        let mut served = HashSet::new();
        for (j, c) in site.counters.iter().enumerate() {
            let cp = format!("{p}.counters[{j}]");
            if !is_id(&c.id) {
                return Err(ck.err(
                    format!("{cp}.id"),
                    format!(
                        "\"{}\" is not a valid counter id; use ASCII letters, digits, - or _",
                        c.id
                    ),
                ));
            }
            if !counter_ids.insert(c.id.as_str()) {
                return Err(ck.err(
                    format!("{cp}.id"),
                    format!("counter id \"{}\" is used twice at this site", c.id),
                ));
            }
            validate_counter_name(config, site, j, &cp, ck)?;
            if c.services.is_empty() {
                return Err(ck.err(
                    format!("{cp}.services"),
                    "a counter must serve at least one service",
                ));
            }
            for (sid, w) in &c.services {
                if !offered.contains(sid.as_str()) {
                    return Err(ck.err(
                        format!("{cp}.services.{sid}"),
                        format!("unknown service \"{sid}\": the site does not offer it (add it to {p}.services or fix the name)"),
                    ));
                }
                if !(1..=10).contains(w) {
                    return Err(ck.err(
                        format!("{cp}.services.{sid}"),
                        format!("weight {w} is out of range; use 1 to 10"),
                    ));
                }
                served.insert(sid.as_str());
            }
        }
        for (j, sid) in site.services.iter().enumerate() {
            let kiosk = config.service(sid).is_some_and(|s| s.kiosk);
            if kiosk && !served.contains(sid.as_str()) {
                return Err(ck.err(
                    format!("{p}.services[{j}]"),
                    format!("no counter serves \"{sid}\"; add it to a counter's services or remove it from the site"),
                ));
            }
        }
    }
    Ok(())
}

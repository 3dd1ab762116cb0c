//! Who is at which counter when: staff schedules (shifts), breaks and unexpected closures
//! become spans during which a counter is paused, and what-if counter skills replace the
//! configured services of some counters.

use std::collections::BTreeMap;

use madoguchi_engine::{Config, SiteConfig};

use crate::SimError;
use crate::scenario::{ScenarioFile, parse_hm};

fn bad(file: &str, field: impl Into<String>, message: impl Into<String>) -> SimError {
    SimError::scenario(file, field, message)
}

/// The configuration with the scenario's what-if counter skills applied and re-validated.
pub fn with_skills(mut config: Config, s: &ScenarioFile, file: &str) -> Result<Config, SimError> {
    if s.skills.is_empty() {
        return Ok(config);
    }
    let Some(site) = config.sites.iter_mut().find(|x| x.id == s.site) else {
        return Ok(config);
    };
    for (id, services) in &s.skills {
        let counter = site
            .counters
            .iter_mut()
            .find(|c| c.id == *id)
            .ok_or_else(|| {
                bad(
                    file,
                    format!("skills.{id}"),
                    format!("site {} has no counter \"{id}\"", s.site),
                )
            })?;
        counter.services = services.clone();
    }
    config.validate(file).map_err(|e| {
        bad(
            file,
            "skills",
            format!(
                "the changed counters are not a valid configuration: {}: {}",
                e.field, e.message
            ),
        )
    })?;
    Ok(config)
}

/// Per counter, the merged spans (minutes after midnight) it is not staffed.
pub fn off_spans(
    s: &ScenarioFile,
    file: &str,
    site: &SiteConfig,
) -> Result<BTreeMap<String, Vec<(f64, f64)>>, SimError> {
    let counter_known = |field: String, id: &str| {
        if site.counter(id).is_some() {
            Ok(())
        } else {
            let ids: Vec<&str> = site.counters.iter().map(|c| c.id.as_str()).collect();
            Err(bad(
                file,
                field,
                format!(
                    "site {} has no counter \"{id}\"; use one of: {}",
                    site.id,
                    ids.join(", ")
                ),
            ))
        }
    };
    let time = |field: String, text: &str| {
        parse_hm(text).ok_or_else(|| {
            bad(
                file,
                field,
                format!("\"{text}\" is not a time like \"09:30\""),
            )
        })
    };
    // Staff schedules.
    let mut off: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for (i, sh) in s.shift.iter().enumerate() {
        counter_known(format!("shift[{i}].counter"), &sh.counter)?;
        let spans = off.entry(sh.counter.clone()).or_default();
        if let Some(o) = &sh.open {
            spans.push((0.0, time(format!("shift[{i}].open"), o)?));
        }
        if let Some(c) = &sh.close {
            spans.push((time(format!("shift[{i}].close"), c)?, f64::INFINITY));
        }
    }
    for (i, b) in s.breaks.iter().enumerate() {
        counter_known(format!("break[{i}].counter"), &b.counter)?;
        let start = time(format!("break[{i}].start"), &b.start)?;
        if !(b.minutes.is_finite() && b.minutes >= 0.0) {
            return Err(bad(
                file,
                format!("break[{i}].minutes"),
                "must be a number of minutes, 0 or more",
            ));
        }
        let len = b.minutes;
        off.entry(b.counter.clone())
            .or_default()
            .push((start, start + len));
    }
    for (i, c) in s.closure.iter().enumerate() {
        counter_known(format!("closure[{i}].counter"), &c.counter)?;
        let at = time(format!("closure[{i}].at"), &c.at)?;
        let until = match &c.reopen {
            Some(r) => time(format!("closure[{i}].reopen"), r)?,
            None => f64::INFINITY,
        };
        off.entry(c.counter.clone()).or_default().push((at, until));
    }
    for spans in off.values_mut() {
        *spans = merge(std::mem::take(spans));
    }

    Ok(off)
}

/// Sorts and merges overlapping or touching spans.
pub fn merge(mut spans: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ if b > a => out.push((a, b)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_merge_when_they_overlap_or_touch() {
        let m = merge(vec![
            (720.0, 765.0),
            (600.0, 630.0),
            (760.0, 780.0),
            (780.0, 800.0),
        ]);
        assert_eq!(m, vec![(600.0, 630.0), (720.0, 800.0)]);
        assert_eq!(
            merge(vec![(900.0, f64::INFINITY), (1000.0, 1010.0)]),
            vec![(900.0, f64::INFINITY)]
        );
        // Empty spans vanish.
        assert!(merge(vec![(600.0, 600.0)]).is_empty());
    }
}

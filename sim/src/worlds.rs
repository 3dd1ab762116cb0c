//! The ways of running the same counters that the simulator compares (two of them lower
//! bounds), each as an engine configuration plus a call-next policy:
//!
//! 1. **Separate lines** (today's practice): each counter serves one service only, the one
//!    with its highest weight (ties: the service with fewer lines so far, then the first in
//!    the site's service order). A service no
//!    counter keeps that way is added to the counter with the highest weight for it, so every
//!    service still has a line. First come, first served within a line.
//! 2. **Shared FIFO**: the configured counters; a free counter takes the oldest ticket it can
//!    serve (`Policy::Fifo`).
//! 3. **madoguchi**: the configured counters with `Policy::Madoguchi`, as the server runs it.
//! 4. **Pooled** (lower bound): every counter serves every service, oldest ticket first.
//! 5. **Skill pool** (lower bound that respects skills): the site's services are grouped by
//!    the set of counters configured for them; each group is served, oldest ticket first, by
//!    every counter of its set, all of them pooled, and a counter in the sets of several
//!    groups works for each of them in full (one copy per group). Every real policy gives a
//!    group at most the counters of its set, shared with other work; this arm gives it all of
//!    them, undivided. See `sim/README.md` for why it bounds, and its limits.

use std::collections::BTreeMap;

use madoguchi_engine::{Config, Policy};

use crate::SimError;

/// One compared arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arm {
    Separate,
    SharedFifo,
    Madoguchi,
    Pooled,
    SkillPool,
}

impl Arm {
    pub const ALL: [Arm; 5] = [
        Arm::Separate,
        Arm::SharedFifo,
        Arm::Madoguchi,
        Arm::Pooled,
        Arm::SkillPool,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Arm::Separate => "separate lines",
            Arm::SharedFifo => "shared FIFO",
            Arm::Madoguchi => "madoguchi",
            Arm::Pooled => "pooled (bound)",
            Arm::SkillPool => "skill pool (bound)",
        }
    }

    /// A colour for the chart.
    pub fn colour(self) -> &'static str {
        match self {
            Arm::Separate => "#d62728",
            Arm::SharedFifo => "#ff7f0e",
            Arm::Madoguchi => "#1f77b4",
            Arm::Pooled => "#2ca02c",
            Arm::SkillPool => "#9467bd",
        }
    }
}

/// An arm's configuration and policy.
#[derive(Debug, Clone)]
pub struct World {
    pub arm: Arm,
    pub config: Config,
    pub policy: Policy,
    /// `(copy, original)`: counters that stand for another one (the skill pool's copies); a
    /// copy keeps its original's staff schedule.
    pub copies: Vec<(String, String)>,
}

/// The five worlds for `site`.
pub fn worlds(config: &Config, site: &str) -> Result<Vec<World>, SimError> {
    let (skill_config, copies) = skill_pool_config(config, site)?;
    Ok(vec![
        World {
            arm: Arm::Separate,
            config: separate_config(config, site)?,
            policy: Policy::Fifo,
            copies: Vec::new(),
        },
        World {
            arm: Arm::SharedFifo,
            config: config.clone(),
            policy: Policy::Fifo,
            copies: Vec::new(),
        },
        World {
            arm: Arm::Madoguchi,
            config: config.clone(),
            policy: Policy::Madoguchi,
            copies: Vec::new(),
        },
        World {
            arm: Arm::Pooled,
            config: pooled_config(config, site)?,
            policy: Policy::Fifo,
            copies: Vec::new(),
        },
        World {
            arm: Arm::SkillPool,
            config: skill_config,
            policy: Policy::Fifo,
            copies,
        },
    ])
}

fn unknown(config: &Config, site: &str) -> SimError {
    SimError::UnknownSite {
        site: site.to_string(),
        known: config.site_ids().join(", "),
    }
}

/// Each counter keeps only its main service (see the module documentation).
pub fn separate_config(config: &Config, site: &str) -> Result<Config, SimError> {
    let mut out = config.clone();
    let s = out
        .sites
        .iter_mut()
        .find(|s| s.id == site)
        .ok_or_else(|| unknown(config, site))?;
    let order = |id: &str| {
        s.services
            .iter()
            .position(|x| x == id)
            .unwrap_or(usize::MAX)
    };
    let original: Vec<_> = s.counters.clone();
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for c in &mut s.counters {
        // Highest weight; on a tie the service with fewer lines so far, then site order.
        let best = c
            .services
            .iter()
            .max_by(|a, b| {
                let n = |id: &String| lines.get(id).copied().unwrap_or(0);
                a.1.cmp(b.1)
                    .then(n(b.0).cmp(&n(a.0)))
                    .then(order(b.0).cmp(&order(a.0)))
            })
            .map(|(id, w)| (id.clone(), *w));
        if let Some((id, w)) = best {
            *lines.entry(id.clone()).or_default() += 1;
            c.services = [(id, w)].into_iter().collect();
        }
    }
    for service in s.services.clone() {
        if s.counters.iter().any(|c| c.weight(&service) > 0) {
            continue;
        }
        let host = original
            .iter()
            .enumerate()
            .filter(|(_, c)| c.weight(&service) > 0)
            .max_by(|a, b| {
                a.1.weight(&service)
                    .cmp(&b.1.weight(&service))
                    .then(b.0.cmp(&a.0))
            })
            .map(|(i, c)| (i, c.weight(&service)));
        if let Some((i, w)) = host {
            s.counters[i].services.insert(service, w);
        }
    }
    out.validate("separate lines (derived)")?;
    Ok(out)
}

/// Every counter serves every service of the site with the same weight.
pub fn pooled_config(config: &Config, site: &str) -> Result<Config, SimError> {
    let mut out = config.clone();
    let s = out
        .sites
        .iter_mut()
        .find(|s| s.id == site)
        .ok_or_else(|| unknown(config, site))?;
    let all = s.services.clone();
    for c in &mut s.counters {
        c.services = all.iter().map(|id| (id.clone(), 1)).collect();
    }
    out.validate("pooled (derived)")?;
    Ok(out)
}

/// The skill pool (see the module documentation): services grouped by the set of counters
/// that serve them; each counter serves every service of the first group whose set holds it,
/// and a copy of it (id `<id>-g<k>`, a free counter number) serves each further group.
/// Returns the configuration and the `(copy, original)` pairs.
pub fn skill_pool_config(
    config: &Config,
    site: &str,
) -> Result<(Config, Vec<(String, String)>), SimError> {
    let mut out = config.clone();
    let s = out
        .sites
        .iter_mut()
        .find(|s| s.id == site)
        .ok_or_else(|| unknown(config, site))?;
    // Groups in the site's service order: (counter set, services).
    let mut groups: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for service in &s.services {
        let set: Vec<String> = s
            .counters
            .iter()
            .filter(|c| c.weight(service) > 0)
            .map(|c| c.id.clone())
            .collect();
        match groups.iter_mut().find(|g| g.0 == set) {
            Some(g) => g.1.push(service.clone()),
            None => groups.push((set, vec![service.clone()])),
        }
    }
    let mut used: Vec<u32> = s.counters.iter().filter_map(|c| c.number).collect();
    let mut counters = Vec::new();
    let mut copies = Vec::new();
    for c in &s.counters {
        let mine: Vec<&Vec<String>> = groups
            .iter()
            .filter(|g| g.0.contains(&c.id))
            .map(|g| &g.1)
            .collect();
        for (k, services) in mine.into_iter().enumerate() {
            let mut x = c.clone();
            x.services = services.iter().map(|id| (id.clone(), 1)).collect();
            if k > 0 {
                x.id = format!("{}-g{k}", c.id);
                let n = (1..100).find(|n| !used.contains(n)).unwrap_or(99);
                used.push(n);
                x.number = Some(n);
                copies.push((x.id.clone(), c.id.clone()));
            }
            counters.push(x);
        }
    }
    s.counters = counters;
    out.validate("skill pool (derived)")?;
    Ok((out, copies))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separate_lines_keep_one_main_service_and_cover_every_service() {
        let config = Config::shipped();
        let sep = separate_config(&config, "yahatanishi").unwrap();
        let site = sep.site("yahatanishi").unwrap();
        let orig = config.site("yahatanishi").unwrap();
        for (c, o) in site.counters.iter().zip(&orig.counters) {
            let max = o.services.values().max().copied().unwrap_or(0);
            // The main service is one with the highest weight.
            assert!(c.services.keys().any(|s| o.weight(s) == max), "{}", c.id);
        }
        for s in &site.services {
            assert!(
                site.counters.iter().any(|c| c.weight(s) > 0),
                "{s} has no line"
            );
        }
        // Fewer service links than the shared configuration.
        let links = |s: &madoguchi_engine::SiteConfig| {
            s.counters.iter().map(|c| c.services.len()).sum::<usize>()
        };
        assert!(links(site) < links(orig));
    }

    #[test]
    fn pooled_counters_serve_everything() {
        let config = Config::shipped();
        let pooled = pooled_config(&config, "orio").unwrap();
        let site = pooled.site("orio").unwrap();
        for c in &site.counters {
            for s in &site.services {
                assert_eq!(c.weight(s), 1);
            }
        }
        assert!(matches!(
            pooled_config(&config, "nowhere"),
            Err(SimError::UnknownSite { .. })
        ));
    }

    #[test]
    fn tied_counters_open_different_lines() {
        // 折尾's two counters weigh pickup and ecert alike: one line each.
        let config = Config::shipped();
        let sep = separate_config(&config, "orio").unwrap();
        let site = sep.site("orio").unwrap();
        let main = |id: &str| {
            site.counter(id)
                .unwrap()
                .services
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_ne!(main("1"), main("2"));
    }

    #[test]
    fn skill_pool_groups_services_by_their_counters() {
        // 八幡西: the city step only at the city desks, overseas at every counter, the other
        // kiosk services at counters 1–9.
        let config = Config::shipped();
        let (pool, copies) = skill_pool_config(&config, "yahatanishi").unwrap();
        let site = pool.site("yahatanishi").unwrap();
        let orig = config.site("yahatanishi").unwrap();
        // No counter serves a service it is not configured for.
        let original = |id: &str| {
            let o = copies
                .iter()
                .find(|c| c.0 == id)
                .map_or(id, |c| c.1.as_str());
            orig.counter(o).unwrap()
        };
        for c in &site.counters {
            for s in c.services.keys() {
                assert!(original(&c.id).weight(s) > 0, "{} {s}", c.id);
            }
        }
        let serving = |s: &str| site.counters.iter().filter(|c| c.weight(s) > 0).count();
        assert_eq!(serving("city"), 2);
        assert_eq!(serving("ecert"), 9);
        assert_eq!(serving("pickup"), 9);
        // Overseas has its own copy of all eleven counters.
        assert_eq!(serving("overseas"), 11);
        assert_eq!(copies.len(), 11);
        // Within a group every counter serves every service of it.
        let c1 = site.counter("1").unwrap();
        assert!(c1.weight("ecert") == 1 && c1.weight("pickup") == 1 && c1.weight("city") == 0);
    }
}

//! Staffing advice: how many counters of each kind to open each hour so that the 90th
//! percentile wait stays under the target, from the forecast arrivals (the same derivation as
//! the simulator's defaults) and Erlang C; and a check of that advice by simulating it.
//!
//! A counter *kind* is a counter area of the site (e.g. 交付窓口, 受付・サポート, 市職員窓口);
//! each service belongs to the area of the counter that weighs it highest. Within a kind the
//! counters are pooled, so the criterion is Erlang C's `P(W > t) = C(c, a)·e^{-(cμ-λ)t} ≤ 0.1`
//! at `t` = the lowest target of the kind's services, hour by hour (stationary approximation).
//! Visits reaching the city desk by transfer count as arrivals there; every step's time
//! includes the walk to the counter. Erlang C assumes exponential service times; the
//! simulated lognormal ones (cv 0.5) vary less, so the advice errs on the safe side.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use madoguchi_engine::{Config, CounterConfig, Policy};
use serde::Serialize;

use crate::SimError;
use crate::arrivals::expected_between;
use crate::erlang;
use crate::plan::Plan;
use crate::run::{DayResult, simulate_day};
use crate::scenario::fmt_hm;
use crate::staff::merge;
use crate::stats::{Summary, summarize};
use crate::visits::generate;

/// The quantile the advice keeps under target.
pub const QUANTILE: f64 = 0.9;
/// Most counters of one kind the advice will ask for.
const MAX_COUNTERS: u32 = 40;

/// Advice for one site and day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    pub site: String,
    pub date: String,
    /// The quantile kept under target (0.9).
    pub quantile: f64,
    pub hours: Vec<HourAdvice>,
    /// How the figures were derived, in words.
    pub method: String,
}

/// One clock hour (the first and last may be partial).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HourAdvice {
    /// `"09:00"`.
    pub from: String,
    pub to: String,
    pub kinds: Vec<KindAdvice>,
    pub total_counters: u32,
}

/// Counters to open of one kind in one hour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindAdvice {
    /// The counter area, e.g. `交付窓口`.
    pub kind: String,
    /// Forecast arrivals per service in this hour (including transfers in).
    pub services: Vec<ServiceDemand>,
    /// Counter visits expected in this hour.
    pub arrivals: f64,
    pub counters: u32,
    /// Erlang C 90th percentile wait with that many counters (minutes).
    pub expected_p90_min: f64,
    /// The lowest target of the kind's services (minutes).
    pub target_min: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceDemand {
    pub service: String,
    pub arrivals: f64,
    pub target_min: u32,
}

/// Advice for `site` on `date` from the default forecast (see the module documentation).
pub fn staffing_advice(config: &Config, site: &str, date: NaiveDate) -> Result<Advice, SimError> {
    Ok(advice_for(&Plan::defaults(config, site, date)?))
}

/// How supervisors read a kind: the area's Japanese name (`交付窓口`), else its id.
fn kind_name(plan: &Plan, kind: &str) -> String {
    plan.config
        .area(kind)
        .map_or_else(|| kind.to_string(), |a| a.name_ja.clone())
}

/// Each service's kind (counter area id), in the site's service order.
pub fn kinds(plan: &Plan) -> Vec<(String, Vec<String>)> {
    let counters = plan
        .config
        .site(&plan.site)
        .map(|s| s.counters.clone())
        .unwrap_or_default();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for service in &plan.services {
        let Some(best) = counters
            .iter()
            .filter(|c| c.weight(service) > 0)
            .reduce(|a, b| {
                if b.weight(service) > a.weight(service) {
                    b
                } else {
                    a
                }
            })
        else {
            continue;
        };
        match out.iter_mut().find(|(k, _)| *k == best.area) {
            Some((_, list)) => list.push(service.clone()),
            None => out.push((best.area.clone(), vec![service.clone()])),
        }
    }
    out
}

/// Expected counter visits and work (minutes) per service in `[from, to)`.
fn demand(plan: &Plan, from: f64, to: f64) -> BTreeMap<String, (f64, f64)> {
    let mut out: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut add = |s: &str, n: f64, minutes: f64| {
        let e = out.entry(s.to_string()).or_default();
        e.0 += n;
        e.1 += n * (minutes + plan.walk);
    };
    for (service, &daily) in &plan.daily {
        let n = expected_between(&plan.profile, plan.open, plan.close, daily, from, to);
        add(service, n, plan.service_time[service].mean);
        if let Some(f) = plan.flows.get(service) {
            add(&f.to, n * f.share, f.to_time.mean);
            add(service, n * f.share * f.back_share, f.back_time.mean);
        }
    }
    out
}

/// The forecast the live advice reads at `minute`: expected counter visits per minute of each
/// service over the next hour (transfers in included), from the same demand as the advice.
pub fn arrivals_per_min(plan: &Plan, minute: f64) -> BTreeMap<String, f64> {
    let to = minute + madoguchi_engine::HORIZON_MIN as f64;
    demand(plan, minute, to)
        .into_iter()
        .map(|(s, (n, _))| (s, n / (to - minute)))
        .collect()
}

/// The clock-hour buckets of the day.
fn buckets(plan: &Plan) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut h = plan.open;
    while h < plan.close {
        let end = ((h / 60.0).floor() * 60.0 + 60.0).min(plan.close);
        out.push((h, end));
        h = end;
    }
    out
}

/// The advice for a resolved plan.
pub fn advice_for(plan: &Plan) -> Advice {
    let kinds = kinds(plan);
    let hours = buckets(plan)
        .into_iter()
        .map(|(from, to)| {
            let d = demand(plan, from, to);
            let len = to - from;
            let kinds: Vec<KindAdvice> = kinds
                .iter()
                .map(|(kind, services)| {
                    let (n, work) = services
                        .iter()
                        .filter_map(|s| d.get(s))
                        .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
                    let target = services
                        .iter()
                        .map(|s| plan.targets[s])
                        .fold(f64::INFINITY, f64::min);
                    let (counters, p90) = if n > 1e-9 {
                        let (lambda, mu) = (n / len, n / work);
                        let c = erlang::counters_for_quantile(
                            lambda,
                            mu,
                            QUANTILE,
                            target,
                            1,
                            MAX_COUNTERS,
                        )
                        .unwrap_or(MAX_COUNTERS);
                        (c, erlang::wait_quantile(c, lambda, mu, QUANTILE))
                    } else {
                        (0, 0.0)
                    };
                    KindAdvice {
                        kind: kind_name(plan, kind),
                        services: services
                            .iter()
                            .map(|s| ServiceDemand {
                                service: s.clone(),
                                arrivals: d.get(s).map_or(0.0, |x| x.0),
                                target_min: plan.targets[s] as u32,
                            })
                            .collect(),
                        arrivals: n,
                        counters,
                        expected_p90_min: p90,
                        target_min: target,
                    }
                })
                .collect();
            HourAdvice {
                from: fmt_hm(from),
                to: fmt_hm(to),
                total_counters: kinds.iter().map(|k| k.counters).sum(),
                kinds,
            }
        })
        .collect();
    Advice {
        site: plan.site.clone(),
        date: plan.date.to_string(),
        quantile: QUANTILE,
        hours,
        method: "Arrivals: 2025 monthly volumes ÷ working days, shaped by the intraday profile; \
                 counters per kind (counter area) by Erlang C so that 90 % of visitors wait less \
                 than the kind's lowest target, hour by hour."
            .to_string(),
    }
}

/// The advice simulated: per kind, the waits of the kind's services.
#[derive(Debug, Clone, PartialEq)]
pub struct AdviceCheck {
    pub kinds: Vec<(String, f64, Summary)>,
}

impl AdviceCheck {
    /// Whether every kind's simulated p90 is within its target.
    pub fn meets_targets(&self) -> bool {
        self.kinds
            .iter()
            .all(|(_, target, s)| s.n == 0 || s.p90 <= *target)
    }
}

/// Simulates `advice`: each kind gets as many counters as it ever needs, serving only its
/// services first come first served, each open only in the hours the advice opens it.
pub fn check_advice(plan: &Plan, advice: &Advice) -> Result<AdviceCheck, SimError> {
    let kinds = kinds(plan);
    let bucket = buckets(plan);
    let mut config = plan.config.clone();
    let mut off: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    let site = config
        .sites
        .iter_mut()
        .find(|s| s.id == plan.site)
        .ok_or_else(|| SimError::UnknownSite {
            site: plan.site.clone(),
            known: String::new(),
        })?;
    site.counters.clear();
    // Numbered 1, 2, … across kinds: a kind may need ten counters or more on a surge day.
    let mut number = 0;
    for (k, (kind, services)) in kinds.iter().enumerate() {
        let need: Vec<u32> = advice
            .hours
            .iter()
            .map(|h| h.kinds.get(k).map_or(0, |x| x.counters))
            .collect();
        let most = need.iter().copied().max().unwrap_or(0).max(1);
        for i in 0..most {
            let id = format!("k{k}-{}", i + 1);
            number += 1;
            site.counters.push(CounterConfig {
                id: id.clone(),
                number: Some(number),
                desk: None,
                area: kind.clone(),
                services: services.iter().map(|s| (s.clone(), 1)).collect(),
            });
            let mut spans = Vec::new();
            for (&(from, to), &n) in bucket.iter().zip(&need) {
                // The last hour's staffing stays until the queue is empty.
                let to = if to >= plan.close { f64::INFINITY } else { to };
                if i >= n.max(1) {
                    let from = if from <= plan.open { 0.0 } else { from };
                    spans.push((from, to));
                }
            }
            off.insert(id, merge(spans));
        }
    }
    config.validate("staffing advice (derived)")?;
    let mut days: Vec<DayResult> = Vec::new();
    for r in 0..plan.replications {
        let visits = generate(plan, r);
        days.push(simulate_day(plan, &config, Policy::Fifo, &off, &visits)?);
    }
    let from = plan.open + plan.warmup;
    let out = kinds
        .iter()
        .map(|(kind, services)| {
            let target = services
                .iter()
                .map(|s| plan.targets[s])
                .fold(f64::INFINITY, f64::min);
            let waits: Vec<(f64, f64)> = days
                .iter()
                .flat_map(|d| &d.legs)
                .filter(|l| l.arrival >= from && !l.no_show && services.contains(&l.service))
                .filter_map(|l| l.wait().map(|w| (w, target)))
                .collect();
            (kind_name(plan, kind), target, summarize(&waits, 0))
        })
        .collect();
    Ok(AdviceCheck { kinds: out })
}

/// The advice and its check as markdown.
pub fn markdown(advice: &Advice, check: Option<&AdviceCheck>) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "### Staffing advice (Erlang C, p90 under target)\n\n{}\n",
        advice.method
    );
    let Some(first) = advice.hours.first() else {
        return s;
    };
    let _ = write!(s, "| hour |");
    for k in &first.kinds {
        let _ = write!(s, " {} (≤{} min) |", k.kind, k.target_min);
    }
    let _ = writeln!(
        s,
        " total |\n|---|{}---:|",
        "---:|".repeat(first.kinds.len())
    );
    for h in &advice.hours {
        let _ = write!(s, "| {}–{} |", h.from, h.to);
        for k in &h.kinds {
            let _ = write!(
                s,
                " {} ({:.1}/h, p90 {:.1}) |",
                k.counters,
                k.arrivals * 60.0 / hour_len(h),
                k.expected_p90_min
            );
        }
        let _ = writeln!(s, " {} |", h.total_counters);
    }
    let _ = writeln!(
        s,
        "\nCells: counters to open (counter visits per hour, Erlang C p90 wait in minutes)."
    );
    if let Some(c) = check {
        let _ = writeln!(
            s,
            "\nThe advice simulated (each kind's counters first come first served, opened by the hour as advised):\n"
        );
        let _ = writeln!(
            s,
            "| kind | target | waits | mean | p90 | p95 | met |\n|---|---:|---:|---:|---:|---:|---|"
        );
        for (kind, target, sum) in &c.kinds {
            let _ = writeln!(
                s,
                "| {kind} | {target:.0} | {} | {:.1} | {:.1} | {:.1} | {} |",
                sum.n,
                sum.mean,
                sum.p90,
                sum.p95,
                if sum.p90 <= *target { "yes" } else { "**no**" }
            );
        }
    }
    s
}

fn hour_len(h: &HourAdvice) -> f64 {
    let m = |t: &str| crate::scenario::parse_hm(t).unwrap_or(0.0);
    (m(&h.to) - m(&h.from)).max(1.0)
}

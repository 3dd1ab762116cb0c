//! A scenario resolved against the configuration: every default filled in, every name
//! checked against the site, every time in minutes after midnight. This is what the
//! simulator and the staffing advice work from.
//!
//! Defaults and why:
//! - Service times are lognormal (positive, right-skewed: a few visits take much longer, the
//!   usual fit for counter and call-centre service times) with the configuration's
//!   `mean_service_min` as the mean and a coefficient of variation of 0.5 (checklist-driven
//!   tasks vary less than the exponential's 1.0).
//! - Two-counter visits (DOMAIN.md, "Flows that cross counters"): every pickup goes from the
//!   support desk to the city staff desk (5 min: identity check, hand-over, PIN); every
//!   counter application goes to the city staff desk (5 min) and back to the support desk to
//!   finish (3 min). Only where the site has a `city` service.
//! - No-shows 3 %, a 2-minute grace before the counter marks one, 0.5 min walk to a counter.

use std::collections::BTreeMap;
use std::path::Path;

use crate::SimError;
use crate::arrivals::Profile;
use crate::scenario::{ScenarioFile, parse_hm};
pub use crate::service_time::ServiceTime;
use crate::service_time::to_time;
use crate::staff;
use crate::volumes::{self, DemandInput, Volumes};
use chrono::{Datelike, NaiveDate};
use madoguchi_engine::Config;

/// A visit that passes through a second counter (and maybe back).
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub to: String,
    pub share: f64,
    pub to_time: ServiceTime,
    pub back_share: f64,
    pub back_time: ServiceTime,
}

/// A resolved scenario.
#[derive(Debug, Clone)]
pub struct Plan {
    pub name: String,
    /// The scenario file (or `defaults`).
    pub file: String,
    pub site: String,
    pub site_name: String,
    pub date: NaiveDate,
    pub seed: u64,
    pub replications: u32,
    pub config: Config,
    /// Opening and closing, minutes after midnight.
    pub open: f64,
    pub close: f64,
    /// Every service of the site, in the site's order.
    pub services: Vec<String>,
    pub targets: BTreeMap<String, f64>,
    /// Mean arrivals per day per kiosk service.
    pub daily: BTreeMap<String, f64>,
    pub profile: Profile,
    pub service_time: BTreeMap<String, ServiceTime>,
    /// Keyed by the service visitors come for.
    pub flows: BTreeMap<String, Flow>,
    pub no_show: f64,
    pub grace: f64,
    pub walk: f64,
    pub warmup: f64,
    /// Per counter, the spans (minutes) it is not staffed; the end may be infinite.
    pub off: BTreeMap<String, Vec<(f64, f64)>>,
    /// How the demand was derived, for the report.
    pub notes: Vec<String>,
    /// Booked card pickups, if the scenario has them.
    pub bookings: Option<crate::bookings::BookingsPlan>,
}

fn bad(file: &str, field: impl Into<String>, message: impl Into<String>) -> SimError {
    SimError::scenario(file, field, message)
}

impl Plan {
    /// Reads a scenario file and resolves it against its configuration (the shipped one
    /// unless the file names another, relative to the current directory).
    pub fn load(path: &Path) -> Result<Plan, SimError> {
        let file = ScenarioFile::load(path)?;
        let config = match &file.config {
            Some(p) => Config::load(Path::new(p))?,
            None => Config::shipped(),
        };
        Plan::resolve(&file, &path.display().to_string(), config)
    }

    /// The defaults for a site and day (what the staffing advice forecasts from).
    pub fn defaults(config: &Config, site: &str, date: NaiveDate) -> Result<Plan, SimError> {
        let file = ScenarioFile {
            name: format!("forecast for {site} on {date}"),
            site: site.to_string(),
            date: date.to_string(),
            seed: 1,
            ..ScenarioFile::default()
        };
        Plan::resolve(&file, "defaults", config.clone())
    }

    /// Checks `s` against `config` and fills in every default.
    pub fn resolve(s: &ScenarioFile, file: &str, config: Config) -> Result<Plan, SimError> {
        let config = staff::with_skills(config, s, file)?;
        let site = config
            .site(&s.site)
            .cloned()
            .ok_or_else(|| SimError::UnknownSite {
                site: s.site.clone(),
                known: config.site_ids().join(", "),
            })?;
        let date = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d")
            .map_err(|_| bad(file, "date", "write the date as \"2027-03-11\""))?;
        let calendar = config.calendar();
        let (open_t, close_t) =
            calendar
                .hours(&site.id, date)
                .ok_or_else(|| SimError::ClosedDay {
                    site: site.id.clone(),
                    date: date.to_string(),
                })?;
        let minutes = |t: chrono::NaiveTime| {
            f64::from(chrono::Timelike::hour(&t) * 60 + chrono::Timelike::minute(&t))
        };
        let (open, close) = (minutes(open_t), minutes(close_t));
        let services = site.services.clone();
        let known = |id: &str| services.iter().any(|x| x == id);
        let must_know = |field: String, id: &str| {
            if known(id) {
                Ok(())
            } else {
                Err(bad(
                    file,
                    field,
                    format!(
                        "site {} has no service \"{id}\"; use one of: {}",
                        site.id,
                        services.join(", ")
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
        let unit = |field: &str, v: Option<f64>, default: f64| match v {
            Some(x) if !(0.0..=1.0).contains(&x) => {
                Err(bad(file, field, "must be between 0 and 1"))
            }
            Some(x) => Ok(x),
            None => Ok(default),
        };
        let positive = |field: &str, v: Option<f64>, default: f64| match v {
            Some(x) if !(x.is_finite() && x >= 0.0) => {
                Err(bad(file, field, "must be a number of minutes, 0 or more"))
            }
            Some(x) => Ok(x),
            None => Ok(default),
        };

        let mut targets = BTreeMap::new();
        let mut priors = BTreeMap::new();
        let mut kiosk = Vec::new();
        for id in &services {
            let svc = config
                .service(id)
                .ok_or_else(|| bad(file, "site", format!("service {id} is not defined")))?;
            targets.insert(id.clone(), f64::from(svc.target_wait_min));
            priors.insert(id.clone(), svc.mean_service_min);
            if svc.kiosk {
                kiosk.push(id.clone());
            }
        }

        // Service times.
        let mut service_time = BTreeMap::new();
        for (id, spec) in &s.service_time {
            must_know(format!("service_time.{id}"), id)?;
            let _ = spec;
        }
        for id in &services {
            let spec = s.service_time.get(id).cloned().unwrap_or_default();
            service_time.insert(id.clone(), to_time(file, id, &spec, priors[id])?);
        }

        // Demand.
        let a = &s.arrivals;
        let month = a.month.unwrap_or(date.month());
        if !(1..=12).contains(&month) {
            return Err(bad(file, "arrivals.month", "must be 1 to 12"));
        }
        let csv_site = match &a.csv_site {
            Some(n) => n.clone(),
            None => volumes::csv_site_name(&site.id)
                .map(str::to_string)
                .ok_or_else(|| {
                    bad(
                        file,
                        "arrivals.csv_site",
                        "name the site as the CSV writes it, e.g. \"八幡西\"",
                    )
                })?,
        };
        let mut shares = volumes::default_shares();
        for (id, v) in &a.share {
            must_know(format!("arrivals.share.{id}"), id)?;
            shares.insert(
                id.clone(),
                unit(&format!("arrivals.share.{id}"), Some(*v), 0.0)?,
            );
        }
        let working_days = (1..=31)
            .filter_map(|d| NaiveDate::from_ymd_opt(2025, month, d))
            .filter(|d| calendar.is_working_day(&site.id, *d))
            .count() as u32;
        let vols = Volumes::embedded()?;
        let mut daily = volumes::daily_demand(
            &vols,
            &DemandInput {
                csv_site: &csv_site,
                month,
                working_days,
                services: &kiosk,
                shares: &shares,
                apply_split: unit("arrivals.apply_split", a.apply_split, 0.5)?,
            },
        );
        for (id, v) in &a.daily {
            must_know(format!("arrivals.daily.{id}"), id)?;
            daily.insert(
                id.clone(),
                positive(&format!("arrivals.daily.{id}"), Some(*v), 0.0)?,
            );
        }
        let scale = positive("arrivals.scale", a.scale, 1.0)?;
        for v in daily.values_mut() {
            *v *= scale;
        }
        let notes = vec![format!(
            "Demand: 2025-{month:02} volumes of {csv_site} ÷ {working_days} working days{}; services without CSV data as shares of the site's CSV total.",
            if (scale - 1.0).abs() > 1e-9 {
                format!(", × {scale}")
            } else {
                String::new()
            }
        )];

        // Profile.
        let profile = match &s.profile {
            None => Profile::default_office(),
            Some(points) => {
                let mut out = Vec::new();
                for (i, p) in points.iter().enumerate() {
                    let at = time(format!("profile[{i}].at"), &p.at)?;
                    if p.weight < 0.0 || out.last().is_some_and(|&(t, _)| at <= t) {
                        return Err(bad(
                            file,
                            format!("profile[{i}]"),
                            "times must increase and weights be 0 or more",
                        ));
                    }
                    out.push((at, p.weight));
                }
                Profile { points: out }
            }
        };

        // Two-counter visits.
        let mut flows = BTreeMap::new();
        match &s.transfer {
            None => {
                for (from, to, to_mean, back) in [
                    ("pickup", "city", 5.0, 0.0),
                    ("apply", "city", 5.0, 1.0),
                    ("assist", "city", 5.0, 0.0),
                ] {
                    if known(from) && known(to) {
                        flows.insert(
                            from.to_string(),
                            Flow {
                                to: to.to_string(),
                                share: 1.0,
                                to_time: ServiceTime {
                                    mean: to_mean,
                                    ..service_time[to]
                                },
                                back_share: back,
                                back_time: ServiceTime {
                                    mean: 3.0,
                                    ..service_time[from]
                                },
                            },
                        );
                    }
                }
            }
            Some(list) => {
                for (i, t) in list.iter().enumerate() {
                    must_know(format!("transfer[{i}].from"), &t.from)?;
                    must_know(format!("transfer[{i}].to"), &t.to)?;
                    if t.from == t.to || flows.contains_key(&t.from) {
                        return Err(bad(
                            file,
                            format!("transfer[{i}]"),
                            "one transfer per service, to another service",
                        ));
                    }
                    let to_mean = positive(
                        &format!("transfer[{i}].to_mean_min"),
                        t.to_mean_min,
                        service_time[&t.to].mean,
                    )?;
                    let back_mean = positive(
                        &format!("transfer[{i}].back_mean_min"),
                        t.back_mean_min,
                        3.0,
                    )?;
                    flows.insert(
                        t.from.clone(),
                        Flow {
                            to: t.to.clone(),
                            share: unit(&format!("transfer[{i}].share"), Some(t.share), 0.0)?,
                            to_time: ServiceTime {
                                mean: to_mean.max(0.01),
                                ..service_time[&t.to]
                            },
                            back_share: unit(
                                &format!("transfer[{i}].back_share"),
                                t.back_share,
                                0.0,
                            )?,
                            back_time: ServiceTime {
                                mean: back_mean.max(0.01),
                                ..service_time[&t.from]
                            },
                        },
                    );
                }
            }
        }

        let off = staff::off_spans(s, file, &site)?;

        let replications = s.replications.unwrap_or(1);
        if replications == 0 || replications > 1000 {
            return Err(bad(file, "replications", "must be 1 to 1000"));
        }
        let bookings = s
            .bookings
            .as_ref()
            .map(|b| crate::bookings::BookingsPlan::resolve(b, file, &services))
            .transpose()?;
        Ok(Plan {
            name: s.name.clone(),
            file: file.to_string(),
            site: site.id.clone(),
            site_name: site.name_ja.clone(),
            date,
            seed: s.seed,
            replications,
            open,
            close,
            services,
            targets,
            daily,
            profile,
            service_time,
            flows,
            no_show: unit("no_show", s.no_show, 0.03)?,
            grace: positive("no_show_grace_min", s.no_show_grace_min, 2.0)?,
            walk: positive("walk_min", s.walk_min, 0.5)?,
            warmup: positive("warmup_min", s.warmup_min, 0.0)?,
            off,
            notes,
            bookings,
            config,
        })
    }

    /// Mean minutes a visit of `service` occupies counters in total, including later steps.
    pub fn work_per_visit(&self, service: &str) -> f64 {
        let own = self.service_time.get(service).map_or(0.0, |t| t.mean) + self.walk;
        match self.flows.get(service) {
            None => own,
            Some(f) => {
                own + f.share
                    * (f.to_time.mean + self.walk + f.back_share * (f.back_time.mean + self.walk))
            }
        }
    }
}

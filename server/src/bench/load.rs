//! The load of one benchmark column: many concurrent HTTP clients issuing tickets for a while,
//! then one client per counter calling them, spread over the servers of the column the way a
//! load balancer spreads them (client `c` talks to server `c mod n`, so every site's requests
//! reach every server).

use std::time::{Duration, Instant};

use anyhow::Context;
use madoguchi_engine::Config;
use serde_json::json;

/// The servers of a column and what the clients sign in with.
pub struct Target {
    /// Base URLs, e.g. `http://127.0.0.1:41234`.
    pub bases: Vec<String>,
    /// A kiosk token per site, in `Config::site_ids` order.
    pub kiosks: Vec<String>,
    /// An admin's session token (admins may call next at any site's counters).
    pub admin: String,
}

/// Requests done in a phase and their latencies.
#[derive(Debug, Default)]
pub struct Phase {
    pub ok: usize,
    pub errors: usize,
    /// Services that ran out of numbers for the day (issue phase).
    pub exhausted: usize,
    pub latencies: Vec<Duration>,
    pub elapsed: Duration,
}

impl Phase {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn percentile_ms(&self, p: f64) -> f64 {
        percentile_ms(&self.latencies, p)
    }

    fn merge(&mut self, other: Phase) {
        self.ok += other.ok;
        self.errors += other.errors;
        self.exhausted += other.exhausted;
        self.latencies.extend(other.latencies);
    }
}

/// The `p`th percentile of `latencies` in milliseconds (0 when there are none).
pub fn percentile_ms(latencies: &[Duration], p: f64) -> f64 {
    if latencies.is_empty() {
        return 0.0;
    }
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// Signs the benchmark's admin in on the first server.
pub async fn admin_session(
    http: &reqwest::Client,
    base: &str,
    login: &str,
    password: &str,
    site: &str,
) -> anyhow::Result<String> {
    let answer: serde_json::Value = http
        .post(format!("{base}/api/login"))
        .json(&json!({"user": login, "password": password, "site": site}))
        .send()
        .await?
        .json()
        .await?;
    Ok(answer["token"]
        .as_str()
        .context("the benchmark's admin could not sign in")?
        .to_owned())
}

/// Every client issues tickets at one site for `seconds`, cycling through its kiosk services.
pub async fn issue(
    http: &reqwest::Client,
    config: &Config,
    target: &Target,
    clients: usize,
    seconds: u64,
) -> anyhow::Result<Phase> {
    let sites = config.site_ids();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let site_index = c % sites.len();
        let site = &sites[site_index];
        let mut services: Vec<String> = config
            .site(site)
            .map(|s| {
                config
                    .site_services(s)
                    .into_iter()
                    .filter(|x| x.kiosk)
                    .map(|x| x.id)
                    .collect()
            })
            .unwrap_or_default();
        let base = &target.bases[c % target.bases.len()];
        let (http, token, url) = (
            http.clone(),
            target.kiosks[site_index].clone(),
            format!("{base}/api/sites/{site}/tickets"),
        );
        tasks.push(tokio::spawn(async move {
            let mut phase = Phase::default();
            let mut i = c;
            while Instant::now() < deadline && !services.is_empty() {
                let service = services[i % services.len()].clone();
                let body = json!({"service": service, "lang": "ja"});
                i += 1;
                let t0 = Instant::now();
                let res = http.post(&url).bearer_auth(&token).json(&body).send().await;
                let status = res.as_ref().map(|r| r.status().as_u16()).unwrap_or(0);
                if let Ok(r) = res {
                    let _ = r.bytes().await;
                }
                let elapsed = t0.elapsed();
                if status == 409 {
                    // This service's number range (e.g. 1-999 a day) is used up: leave it.
                    services.retain(|s| *s != service);
                    phase.exhausted += 1;
                    continue;
                }
                phase.latencies.push(elapsed);
                if status == 201 {
                    phase.ok += 1
                } else {
                    phase.errors += 1
                }
            }
            phase
        }));
    }
    let mut issue = Phase::default();
    for t in tasks {
        issue.merge(t.await?);
    }
    issue.elapsed = started.elapsed();
    Ok(issue)
}

/// One client per counter (up to `clients`) calls next until the time is up or its queues are
/// empty. Counters are taken round-robin over the sites, so every site's queues are called.
pub async fn call_next(
    http: &reqwest::Client,
    config: &Config,
    target: &Target,
    clients: usize,
    seconds: u64,
) -> anyhow::Result<Phase> {
    let sites = config.site_ids();
    let per_site: Vec<Vec<(String, String)>> = sites
        .iter()
        .map(|s| {
            config
                .site(s)
                .map(|c| {
                    c.counters
                        .iter()
                        .map(|k| (s.clone(), k.id.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let rounds = per_site.iter().map(Vec::len).max().unwrap_or(0);
    let counters: Vec<(String, String)> = (0..rounds)
        .flat_map(|r| per_site.iter().filter_map(move |cs| cs.get(r).cloned()))
        .take(clients)
        .collect();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (k, (site, counter)) in counters.into_iter().enumerate() {
        let base = &target.bases[k % target.bases.len()];
        let (http, token) = (http.clone(), target.admin.clone());
        let url = format!("{base}/api/sites/{site}/counters/{counter}/call-next");
        tasks.push(tokio::spawn(async move {
            let mut phase = Phase::default();
            while Instant::now() < deadline {
                let t0 = Instant::now();
                let res = http.post(&url).bearer_auth(&token).send().await;
                let elapsed = t0.elapsed();
                let Ok(res) = res else {
                    phase.errors += 1;
                    continue;
                };
                let ok = res.status().is_success();
                let body: serde_json::Value = res.json().await.unwrap_or_default();
                phase.latencies.push(elapsed);
                if !ok {
                    phase.errors += 1;
                } else if body["ticket"].is_null() {
                    break; // this counter's queues are empty
                } else {
                    phase.ok += 1;
                }
            }
            phase
        }));
    }
    let mut call = Phase::default();
    for t in tasks {
        call.merge(t.await?);
    }
    call.elapsed = started.elapsed();
    Ok(call)
}

//! Tells staff about the display's own problems: a staff alert raised on the server
//! (`POST /api/sites/{site}/display-alerts`, kind `display_sound`), shown in the staff console
//! like a kiosk's call for staff, on the server the board follows. Sent from a short-lived thread
//! so the board never waits.

use std::time::Duration;

use madoguchi_protocol::{DISPLAY_SOUND_ALERT, DisplayAlertRequest};
use tracing::warn;

use crate::config::DisplayArgs;
use crate::net::Servers;
use crate::net::servers::gateway_failure;

/// Where and as whom the display raises alerts.
#[derive(Debug, Clone)]
pub struct AlertSender {
    servers: Servers,
    path: String,
    token: String,
}

impl AlertSender {
    /// The display's servers (the list the board follows), site and token; none without a
    /// token (the server would refuse).
    pub fn for_display(args: &DisplayArgs, servers: &Servers) -> Option<AlertSender> {
        if args.token.trim().is_empty() {
            return None;
        }
        Some(AlertSender {
            servers: servers.clone(),
            path: alerts_path(&args.site),
            token: args.token.clone(),
        })
    }

    /// Raises a `display_sound` alert with `detail` on the current server (on to the next when
    /// it does not answer), in the background; a failure is logged.
    pub fn send(&self, detail: String) {
        let sender = self.clone();
        let body = DisplayAlertRequest {
            kind: DISPLAY_SOUND_ALERT.into(),
            detail,
        };
        let spawned = std::thread::Builder::new()
            .name("staff-alert".into())
            .spawn(move || {
                if let Err(err) = sender.post(&body) {
                    warn!(cause = %err, "could not tell staff that the display's sound fails");
                }
            });
        if let Err(err) = spawned {
            warn!(cause = %err, "could not start the thread that tells staff about the sound");
        }
    }

    /// Posts `body` to the current server, and to the next ones (each at most once) while the
    /// one asked is unreachable or answers 502/503/504.
    fn post(&self, body: &DisplayAlertRequest) -> anyhow::Result<()> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        rt.block_on(async {
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()?;
            let mut asked = 0;
            loop {
                asked += 1;
                let (index, url) = self.servers.join(&self.path);
                let sent = client
                    .post(&url)
                    .bearer_auth(&self.token)
                    .json(body)
                    .send()
                    .await;
                let last = asked >= self.servers.count();
                match sent {
                    Ok(res) if res.status().is_success() => return Ok(()),
                    Ok(res) if gateway_failure(res.status()) && !last => {
                        self.servers.failed(index, res.status().as_str());
                    }
                    Ok(res) => {
                        if gateway_failure(res.status()) {
                            self.servers.failed(index, res.status().as_str());
                        }
                        anyhow::bail!("{url} answered {}: {}", res.status(), res.text().await?);
                    }
                    Err(err) => {
                        self.servers.failed(index, &err.to_string());
                        if last {
                            return Err(anyhow::Error::new(err).context(url));
                        }
                    }
                }
            }
        })
    }
}

/// `/api/sites/{site}/display-alerts`, on whichever server.
pub fn alerts_path(site: &str) -> String {
    format!("/api/sites/{site}/display-alerts")
}

//! Tells staff about the display's own problems: a staff alert raised on the server
//! (`POST /api/sites/{site}/display-alerts`, kind `display_sound`), shown in the staff console
//! like a kiosk's call for staff. Sent from a short-lived thread so the board never waits.

use std::time::Duration;

use madoguchi_protocol::{DISPLAY_SOUND_ALERT, DisplayAlertRequest};
use tracing::warn;

use crate::config::DisplayArgs;

/// Where and as whom the display raises alerts.
#[derive(Debug, Clone)]
pub struct AlertSender {
    url: String,
    token: String,
}

impl AlertSender {
    /// The display's server, site and token; none without a token (the server would refuse).
    pub fn for_display(args: &DisplayArgs) -> Option<AlertSender> {
        if args.token.trim().is_empty() {
            return None;
        }
        Some(AlertSender {
            url: alerts_url(&args.server, &args.site),
            token: args.token.clone(),
        })
    }

    /// Raises a `display_sound` alert with `detail`, in the background; a failure is logged.
    pub fn send(&self, detail: String) {
        let (url, token) = (self.url.clone(), self.token.clone());
        let body = DisplayAlertRequest {
            kind: DISPLAY_SOUND_ALERT.into(),
            detail,
        };
        let spawned = std::thread::Builder::new()
            .name("staff-alert".into())
            .spawn(move || {
                if let Err(err) = post(&url, &token, &body) {
                    warn!(cause = %err, url = %url, "could not tell staff that the display's sound fails");
                }
            });
        if let Err(err) = spawned {
            warn!(cause = %err, "could not start the thread that tells staff about the sound");
        }
    }
}

/// `{server}/api/sites/{site}/display-alerts`.
pub fn alerts_url(server: &str, site: &str) -> String {
    format!(
        "{}/api/sites/{site}/display-alerts",
        server.trim_end_matches('/')
    )
}

fn post(url: &str, token: &str, body: &DisplayAlertRequest) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let res = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?
            .post(url)
            .bearer_auth(token)
            .json(body)
            .send()
            .await?;
        if !res.status().is_success() {
            anyhow::bail!(
                "the server answered {}: {}",
                res.status(),
                res.text().await?
            );
        }
        Ok(())
    })
}

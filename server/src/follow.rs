//! Events whichever server wrote them. Each server broadcasts a site's events once and in id
//! order (`outbox`); with servers sharing a database, a task follows the sites other
//! servers change (PostgreSQL `NOTIFY`, and every [`SWEEP`] in case one was missed), brings the
//! site's memory up to date and broadcasts the new stored events under their stored ids, so a
//! display's `Last-Event-ID` means the same on every server.

use std::sync::Arc;
use std::time::Duration;

use crate::hub::Hub;
use crate::store::StoreResult;

/// How often every site is checked even without a notification.
const SWEEP: Duration = Duration::from_secs(2);

impl Hub {
    /// Brings `site` up to date with the database and broadcasts what others stored.
    async fn follow_site(self: &Arc<Self>, site: &str) -> StoreResult<()> {
        let Ok(hub_site) = self.site(site) else {
            return Ok(());
        };
        hub_site.refresh(self).await?;
        hub_site.deliver_stored(self.store.as_ref()).await;
        Ok(())
    }
}

/// Starts following other servers' changes when the database is shared.
pub async fn spawn(hub: &Arc<Hub>) -> StoreResult<()> {
    let Some(shared) = hub.store.shared() else {
        return Ok(());
    };
    let mut changes = shared.site_changes().await?;
    let weak = Arc::downgrade(hub);
    tokio::spawn(async move {
        let mut sweep = tokio::time::interval(SWEEP);
        loop {
            let sites: Vec<String> = tokio::select! {
                changed = changes.recv() => match changed {
                    Some(site) => vec![site],
                    None => break,
                },
                _ = sweep.tick() => match weak.upgrade() {
                    Some(hub) => hub.site_ids().cloned().collect(),
                    None => break,
                },
            };
            let Some(hub) = weak.upgrade() else { break };
            for site in sites {
                if let Err(err) = hub.follow_site(&site).await {
                    tracing::warn!(site = %site, cause = %err, "could not follow another server's change");
                }
            }
        }
    });
    Ok(())
}

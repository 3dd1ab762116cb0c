//! Events whichever server wrote them. Each server broadcasts a site's events once and in id
//! order ([`SiteHub::deliver`]); with servers sharing a database, a task follows the sites other
//! servers change (PostgreSQL `NOTIFY`, and every [`SWEEP`] in case one was missed), brings the
//! site's memory up to date and broadcasts the new stored events under their stored ids, so a
//! display's `Last-Event-ID` means the same on every server.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_protocol::SiteEvent;

use crate::hub::{Hub, SiteHub};
use crate::store::{Store, StoreResult};

/// How often every site is checked even without a notification.
const SWEEP: Duration = Duration::from_secs(2);
/// Stored events read per query.
const PAGE: u32 = 500;

impl SiteHub {
    /// Broadcasts `events` (this server's, just committed) after any stored event before them
    /// that was not broadcast here yet (another server's, when the database is shared).
    pub(crate) async fn deliver(&self, store: &dyn Store, events: &[Arc<SiteEvent>]) {
        let mut sent = self.sent.lock().await;
        if let Some(first) = events.first()
            && first.id > *sent + 1
            && store.shared().is_some()
        {
            self.send_stored(store, &mut sent, first.id).await;
        }
        for event in events {
            if event.id > *sent {
                // No receiver is fine: nobody is watching the site.
                let _ = self.events.send(Arc::clone(event));
                *sent = event.id;
            }
        }
        self.mark_durable(*sent);
    }

    /// Broadcasts the stored events after `sent` and before `until`.
    async fn send_stored(&self, store: &dyn Store, sent: &mut u64, until: u64) {
        loop {
            let rows = match store.events_after(&self.id, *sent, PAGE).await {
                Ok(rows) => rows,
                Err(err) => {
                    tracing::warn!(site = %self.id, cause = %err, "could not read other servers' events");
                    return;
                }
            };
            let full = rows.len() == PAGE as usize;
            for (id, json) in rows {
                if id >= until {
                    return;
                }
                match serde_json::from_str::<SiteEvent>(&json) {
                    Ok(event) => {
                        let _ = self.events.send(Arc::new(event));
                    }
                    Err(err) => tracing::warn!(cause = %err, "skipping an unreadable stored event"),
                }
                *sent = id;
            }
            if !full {
                return;
            }
        }
    }
}

impl Hub {
    /// Brings `site` up to date with the database and broadcasts what others stored.
    async fn follow_site(self: &Arc<Self>, site: &str) -> StoreResult<()> {
        let Ok(hub_site) = self.site(site) else {
            return Ok(());
        };
        hub_site.refresh(self).await?;
        let mut sent = hub_site.sent.lock().await;
        hub_site
            .send_stored(self.store.as_ref(), &mut sent, u64::MAX)
            .await;
        hub_site.mark_durable(*sent);
        Ok(())
    }
}

/// Starts following other servers' changes when the database is shared.
pub(crate) async fn spawn(hub: &Arc<Hub>) -> StoreResult<()> {
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

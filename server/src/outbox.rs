//! A site's outgoing events: the broadcast channel SSE clients follow, the id of the last event
//! sent and of the last one known durable, and the generation that a failed commit moves on.
//! Each server broadcasts a site's events once and in id order ([`Outbox::deliver`]), its own
//! after any stored event of another server before them, so a display's `Last-Event-ID` means
//! the same on every server. Below the hub and the writer: it knows the store, nothing above.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use madoguchi_protocol::{SiteEvent, SiteId};
use tokio::sync::{Mutex, broadcast, watch};

use crate::store::Store;

/// Buffered events per site before a slow SSE client lags (it then reloads from the table).
const EVENT_BUFFER: usize = 1024;
/// Stored events read per query.
const PAGE: u32 = 500;

pub struct Outbox {
    pub id: SiteId,
    pub events: broadcast::Sender<Arc<SiteEvent>>,
    /// Changes when a commit of this site failed: the state must be rebuilt.
    pub(crate) generation: AtomicU64,
    /// One past the highest event id ever handed out, durable or not: a rebuild after a
    /// failed commit never hands the same id out again.
    pub(crate) event_floor: AtomicU64,
    /// The highest event id known to be durable (set by the writer after each commit).
    pub(crate) durable: watch::Sender<u64>,
    /// The id of the last event broadcast here: events go out once, in id order, whichever
    /// server wrote them (`follow`).
    pub(crate) sent: Mutex<u64>,
}

impl Outbox {
    /// A site whose stored events end at `last_event`, handing out ids from `next_event`.
    pub(crate) fn new(id: SiteId, last_event: u64, next_event: u64) -> Outbox {
        let (events, _) = broadcast::channel(EVENT_BUFFER);
        let (durable, _) = watch::channel(last_event);
        Outbox {
            id,
            events,
            generation: AtomicU64::new(0),
            event_floor: AtomicU64::new(next_event),
            durable,
            sent: Mutex::new(last_event),
        }
    }

    /// Moves the site past `generation` (once: later jobs of the old state become stale, and
    /// the state is rebuilt from the database before use).
    pub(crate) fn bump(&self, generation: u64) {
        let _ = self.generation.compare_exchange(
            generation,
            generation + 1,
            Ordering::SeqCst,
            Ordering::SeqCst,
        );
    }

    /// Records that the events up to `id` are on disk.
    pub(crate) fn mark_durable(&self, id: u64) {
        self.durable.send_if_modified(|v| {
            let newer = *v < id;
            if newer {
                *v = id;
            }
            newer
        });
    }

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

    /// Broadcasts every stored event not sent here yet (another server's).
    pub(crate) async fn deliver_stored(&self, store: &dyn Store) {
        let mut sent = self.sent.lock().await;
        self.send_stored(store, &mut sent, u64::MAX).await;
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

//! Per-site live state: today's `SiteQueue`, the event counter, the notice line and the
//! status tokens, behind one lock per site, with the site's `Outbox` of events.
//!
//! Requests change it only through a `txn::Txn` (above this module): it locks the site,
//! applies engine commands, records rows and events and hands them to the group-commit writer
//! (below). If a commit fails, the site's generation changes and its state is rebuilt from the
//! database, so memory never runs ahead of the disk for long and never answers with a change
//! that was lost.
//!
//! When servers share the database (PostgreSQL), memory is a cache of what is stored: a request
//! first catches the site up with what other servers stored, and its commit is checked under
//! the site's database lock against the version it decided on (`writer`).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use madoguchi_engine::{Config, IdempotencyKey, Recorded, SiteQueue};
use madoguchi_protocol::{SiteId, TicketId, Timestamp};
use tokio::sync::{Mutex, OwnedMutexGuard, mpsc, oneshot};

use crate::clock::Clock;
use crate::error::{AppError, AppResult};
use crate::ids::Ids;
use crate::outbox::Outbox;
use crate::store::{IdKind, Store, StoreError, StoreResult, Write, day_of};
use crate::writer::{self, Job};

pub struct Hub {
    pub config: Arc<Config>,
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    sites: HashMap<SiteId, Arc<SiteHub>>,
    pub(crate) tickets: Ids,
    pub(crate) alerts: Ids,
    pub(crate) writer: mpsc::Sender<Job>,
}

pub struct SiteHub {
    pub(crate) state: Arc<Mutex<SiteState>>,
    /// The site's events, their durable mark and its generation (below the writer).
    pub(crate) outbox: Arc<Outbox>,
    /// With a shared database: another server may have stored commands of this site that
    /// memory has not seen (set by `follow` on a notification and on every sweep, and at
    /// start). A request asks the database for the site's version only then; the commit's
    /// version check under the site's lock catches what a late notification missed.
    pub(crate) others_wrote: AtomicBool,
}

impl std::ops::Deref for SiteHub {
    type Target = Outbox;

    fn deref(&self) -> &Outbox {
        &self.outbox
    }
}

impl SiteHub {
    /// Takes the site's lock and catches its memory up with the database (`Hub::catch_up`),
    /// asking the database whatever the notifications said.
    pub(crate) async fn refresh(&self, hub: &Hub) -> StoreResult<()> {
        self.others_wrote.store(true, Ordering::SeqCst);
        let mut st = self.state.lock().await;
        let generation = self.generation.load(Ordering::SeqCst);
        if st.built_generation != generation {
            hub.rebuild(self, &mut st, generation).await?;
        }
        hub.catch_up(self, &mut st, generation).await
    }
}

/// One site's state for its current day.
pub struct SiteState {
    pub queue: SiteQueue,
    pub day: NaiveDate,
    pub(crate) seq: i64,
    pub(crate) next_event: u64,
    /// The id of the last event of this state (what a board taken from it reflects).
    pub(crate) last_event: u64,
    pub notice: String,
    pub(crate) tokens: HashMap<TicketId, String>,
    /// Today's `Idempotency-Key`s of issues and the ticket each answered.
    pub(crate) keys: HashMap<IdempotencyKey, TicketId>,
    /// Earlier days' unfinished tickets may still be open on disk (after a start, a day change
    /// or a failed commit): the next commit closes them as `expired`.
    pub(crate) expiry_due: bool,
    built_generation: u64,
}

impl SiteState {
    /// The id of the last event handed out (what a board reflects).
    pub fn last_event_id(&self) -> u64 {
        self.last_event
    }

    pub fn status_token(&self, id: TicketId) -> Option<&str> {
        self.tokens.get(&id).map(String::as_str)
    }

    /// The ticket an earlier request with this `Idempotency-Key` was answered with today.
    pub fn keyed_ticket(&self, key: &IdempotencyKey) -> Option<TicketId> {
        self.keys.get(key).copied()
    }
}

impl Hub {
    /// Loads every site's state for today from the store and starts the writer (the day ticker
    /// and, with a shared database, the follower of other servers start above: `state`).
    pub async fn start(
        config: Arc<Config>,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> StoreResult<Arc<Hub>> {
        let today = day_of(clock.now());
        let mut sites = HashMap::new();
        for id in config.site_ids() {
            let state = load_site(&config, store.as_ref(), &id, today).await?;
            let outbox = Outbox::new(id.clone(), state.last_event_id(), state.next_event);
            sites.insert(
                id,
                Arc::new(SiteHub {
                    state: Arc::new(Mutex::new(state)),
                    outbox: Arc::new(outbox),
                    others_wrote: AtomicBool::new(true),
                }),
            );
        }
        let (tickets, alerts) = match store.shared() {
            Some(shared) => (
                Ids::blocks(shared, IdKind::Ticket).await?,
                Ids::blocks(shared, IdKind::Alert).await?,
            ),
            None => (
                Ids::counter(store.max_ticket_id().await? + 1),
                Ids::counter(store.max_alert_id().await? + 1),
            ),
        };
        let writer = writer::spawn(Arc::clone(&store));
        let hub = Arc::new(Hub {
            config,
            store,
            clock,
            sites,
            tickets,
            alerts,
            writer,
        });
        Ok(hub)
    }

    pub fn site(&self, id: &str) -> AppResult<&Arc<SiteHub>> {
        self.sites.get(id).ok_or_else(|| AppError::unknown_site(id))
    }

    pub fn site_ids(&self) -> impl Iterator<Item = &SiteId> {
        self.sites.keys()
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    pub fn new_alert_id(&self) -> AppResult<i64> {
        self.alerts.next()
    }

    /// The site's state for `day` from the store, at least `event_floor` for new event ids.
    async fn rebuild(
        &self,
        site: &SiteHub,
        st: &mut SiteState,
        generation: u64,
    ) -> StoreResult<()> {
        let mut fresh = load_site(&self.config, self.store.as_ref(), &site.id, st.day).await?;
        fresh.built_generation = generation;
        fresh.next_event = fresh
            .next_event
            .max(site.event_floor.load(Ordering::SeqCst));
        *st = fresh;
        Ok(())
    }

    /// With servers sharing the database: rebuilds the state when another server stored
    /// commands or events of the site that memory has not seen (everything stored is durable).
    /// Asks the database only when another server may have written (`others_wrote`).
    pub(crate) async fn catch_up(
        &self,
        site: &SiteHub,
        st: &mut SiteState,
        generation: u64,
    ) -> StoreResult<()> {
        let Some(shared) = self.store.shared() else {
            return Ok(());
        };
        // Cleared before asking: a notification during the question sets it again.
        if !site.others_wrote.swap(false, Ordering::SeqCst) {
            return Ok(());
        }
        let stored = match shared.site_version(&site.id, st.day).await {
            Ok(stored) => stored,
            Err(err) => {
                site.others_wrote.store(true, Ordering::SeqCst);
                return Err(err);
            }
        };
        if stored.commands > st.seq || stored.last_event > st.last_event {
            if let Err(err) = self.rebuild(site, st, generation).await {
                site.others_wrote.store(true, Ordering::SeqCst);
                return Err(err);
            }
            site.mark_durable(st.last_event);
        }
        Ok(())
    }

    /// Locks `site` with its memory up to date: rebuilt after a failed commit, caught up with
    /// what other servers stored. Returns the site, its locked state and the generation it is of.
    pub(crate) async fn lock_current(
        &self,
        site: &str,
    ) -> AppResult<(Arc<SiteHub>, OwnedMutexGuard<SiteState>, u64)> {
        let site = Arc::clone(self.site(site)?);
        let shared = self.store.shared();
        self.tickets.top_up(shared).await?;
        self.alerts.top_up(shared).await?;
        let mut st = Arc::clone(&site.state).lock_owned().await;
        let generation = site.generation.load(Ordering::SeqCst);
        if st.built_generation != generation {
            self.rebuild(&site, &mut st, generation).await?;
        }
        self.catch_up(&site, &mut st, generation).await?;
        Ok((site, st, generation))
    }

    /// Commits rows that belong to no site's queue (sessions, device tokens, users).
    pub async fn commit_plain(&self, writes: Vec<Write>) -> AppResult<()> {
        let (reply, rx) = oneshot::channel();
        let job = Job {
            writes,
            events: Vec::new(),
            site: None,
            guard: None,
            reply,
        };
        self.writer
            .send(job)
            .await
            .map_err(|_| AppError::unavailable())?;
        match rx.await {
            Ok(Ok(())) => Ok(()),
            _ => Err(AppError::unavailable()),
        }
    }

    /// The site holding ticket `id` today, if any (for routes that name only a ticket).
    pub async fn find_ticket_site(self: &Arc<Self>, id: TicketId) -> Option<SiteId> {
        for site in self.sites.values() {
            if site.state.lock().await.queue.ticket(id).is_some() {
                return Some(site.id.clone());
            }
        }
        None
    }
}

/// Builds a site's state for `day` by applying that day's stored commands again.
async fn load_site(
    config: &Config,
    store: &dyn Store,
    site: &str,
    day: NaiveDate,
) -> StoreResult<SiteState> {
    let mut queue = SiteQueue::new(config, site, day)
        .map_err(|e| StoreError::Corrupt(format!("site {site}: {e}")))?;
    let commands = store.commands(site, day).await?;
    let seq = i64::try_from(commands.len()).unwrap_or(i64::MAX);
    let mut keys = HashMap::new();
    for (n, (at, json)) in commands.into_iter().enumerate() {
        let divergence = |what: String| {
            StoreError::Replay(format!(
                "site {site}, day {day}, stored command #{n} ({json}): {what}. Today's tickets \
                 cannot be rebuilt as they were answered, so the server does not start: restore \
                 the configuration this day was run with (e.g. a removed counter or service) \
                 until tomorrow, or move the database aside to start empty"
            ))
        };
        let recorded: Recorded = serde_json::from_str(&json)
            .map_err(|e| divergence(format!("the row cannot be read ({e})")))?;
        let outcome = queue
            .replay(&recorded, at)
            .map_err(|e| divergence(format!("replaying it fails ({e})")))?;
        if let (Some(key), Some(ticket)) = (recorded.key, outcome.ticket) {
            keys.insert(key, ticket.id);
        }
    }
    let tokens = store.ticket_tokens(site, day).await?.into_iter().collect();
    let last_event = store.max_event_id(site).await?;
    let next_event = last_event + 1;
    let notice = store
        .notices()
        .await?
        .into_iter()
        .find_map(|(s, text)| (s == site).then_some(text))
        .unwrap_or_default();
    Ok(SiteState {
        queue,
        day,
        seq,
        next_event,
        last_event,
        notice,
        tokens,
        keys,
        expiry_due: true,
        built_generation: 0,
    })
}

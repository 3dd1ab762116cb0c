//! Per-site live state: today's `SiteQueue`, the event counter, the notice line and the
//! status tokens, behind one lock per site, plus the broadcast channel SSE clients follow.
//!
//! A request opens a [`Txn`] (locks the site), applies engine commands, records rows and
//! events, and commits: the rows go to the group-commit writer in lock order, the lock is
//! released, and the request waits until its rows are durable before answering. If a commit
//! fails, the site's generation changes and its state is rebuilt from the database, so memory
//! never runs ahead of the disk for long and never answers with a change that was lost.
//!
//! When servers share the database (PostgreSQL), memory is a cache of what is stored: a request
//! first catches the site up with what other servers stored, and its commit is checked under
//! the site's database lock against the version it decided on (`writer`).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use madoguchi_engine::{Config, IdempotencyKey, Recorded, SiteQueue};
use madoguchi_protocol::{Board, EventBody, SiteEvent, SiteId, TicketId, Timestamp};
use tokio::sync::{Mutex, broadcast, mpsc, oneshot, watch};

use crate::clock::Clock;
use crate::error::{AppError, AppResult};
use crate::ids::Ids;
use crate::store::{IdKind, SiteGuard, SiteVersion, Store, StoreError, StoreResult, Write, day_of};
use crate::writer::{self, Job};

/// Buffered events per site before a slow SSE client lags (it then reloads from the table).
const EVENT_BUFFER: usize = 1024;

pub struct Hub {
    pub config: Arc<Config>,
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    sites: HashMap<SiteId, Arc<SiteHub>>,
    pub(crate) tickets: Ids,
    alerts: Ids,
    pub(crate) writer: mpsc::Sender<Job>,
}

pub struct SiteHub {
    pub id: SiteId,
    state: Arc<Mutex<SiteState>>,
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

impl SiteHub {
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
}

impl SiteHub {
    /// Takes the site's lock and catches its memory up with the database (`Hub::catch_up`).
    pub(crate) async fn refresh(&self, hub: &Hub) -> StoreResult<()> {
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
    expiry_due: bool,
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
    /// Loads every site's state for today from the store and starts the writer.
    pub async fn start(
        config: Arc<Config>,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> StoreResult<Arc<Hub>> {
        let today = day_of(clock.now());
        let mut sites = HashMap::new();
        for id in config.site_ids() {
            let state = load_site(&config, store.as_ref(), &id, today).await?;
            let (events, _) = broadcast::channel(EVENT_BUFFER);
            let (durable, _) = watch::channel(state.last_event_id());
            let sent = Mutex::new(state.last_event_id());
            sites.insert(
                id.clone(),
                Arc::new(SiteHub {
                    id,
                    event_floor: AtomicU64::new(state.next_event),
                    state: Arc::new(Mutex::new(state)),
                    events,
                    generation: AtomicU64::new(0),
                    sent,
                    durable,
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
        hub.spawn_day_ticker();
        crate::follow::spawn(&hub).await?;
        Ok(hub)
    }

    /// Once a minute, rolls every site to a new day if the date changed, so that idle
    /// displays get their `day_changed` event soon after midnight. Ends with the hub.
    fn spawn_day_ticker(self: &Arc<Self>) {
        let hub = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(hub) = hub.upgrade() else { break };
                let ids: Vec<SiteId> = hub.sites.keys().cloned().collect();
                for id in ids {
                    if let Ok(txn) = hub.begin(&id).await
                        && let Err(err) = txn.commit().await
                        // Another server rolled the site first: nothing to do.
                        && !err.overtaken
                    {
                        tracing::warn!(site = %id, code = %err.body.code, "day roll failed");
                    }
                }
            }
        });
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
    pub(crate) async fn catch_up(
        &self,
        site: &SiteHub,
        st: &mut SiteState,
        generation: u64,
    ) -> StoreResult<()> {
        let Some(shared) = self.store.shared() else {
            return Ok(());
        };
        let stored = shared.site_version(&site.id, st.day).await?;
        if stored.commands > st.seq || stored.last_event > st.last_event {
            self.rebuild(site, st, generation).await?;
            site.mark_durable(st.last_event);
        }
        Ok(())
    }

    /// Locks `site`, rebuilding it after a failed commit and rolling it to today if needed.
    pub async fn begin(self: &Arc<Self>, site: &str) -> AppResult<Txn> {
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
        let base_event = st.last_event;
        let now = self.clock.now();
        let mut txn = Txn {
            hub: Arc::clone(self),
            site,
            st,
            now,
            generation,
            guard: None,
            writes: Vec::new(),
            events: Vec::new(),
        };
        let today = day_of(now);
        // Only forward: a clock stepping back must not start an earlier day's numbers again.
        if today < txn.st.day {
            tracing::warn!(site = %txn.site.id, day = %txn.st.day, clock = %now, "the clock is behind the site's day; keeping the day");
        }
        if txn.st.day < today {
            let queue = SiteQueue::new(&self.config, &txn.site.id, today)?;
            txn.st.queue = queue;
            txn.st.day = today;
            txn.st.seq = 0;
            txn.st.tokens.clear();
            txn.st.keys.clear();
            txn.st.expiry_due = true;
            txn.event(EventBody::DayChanged);
        }
        // What this request decides on: checked again under the site's lock in the database.
        txn.guard = Some(SiteGuard {
            site: txn.site.id.clone(),
            version: SiteVersion {
                day: txn.st.day,
                commands: txn.st.seq,
                last_event: base_event,
            },
        });
        if txn.st.expiry_due {
            txn.st.expiry_due = false;
            let (site, day, at) = (txn.site.id.clone(), txn.st.day, now);
            txn.write(Write::ExpireBefore { site, day, at });
        }
        Ok(txn)
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

    /// A site's board whose events are all durable: a display that takes it and resumes the
    /// event stream after `last_event_id` neither misses an event nor hears a call that a failed
    /// commit took back (it waits for the writer, and starts again when a commit failed).
    pub async fn durable_board(self: &Arc<Self>, site: &str) -> AppResult<Board> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        while tokio::time::Instant::now() < deadline {
            let txn = self.begin(site).await?;
            let generation = txn.generation;
            let board = txn
                .st
                .queue
                .board(txn.now, &txn.st.notice, txn.st.last_event_id());
            let hub_site = Arc::clone(&txn.site);
            // Reading is safe to try again: a commit lost to another server's decision (or a
            // failed one) rebuilds the site, and the next board is taken from the rebuilt state.
            if txn.commit().await.is_err() {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                continue;
            }
            let mut durable = hub_site.durable.subscribe();
            loop {
                if *durable.borrow_and_update() >= board.last_event_id {
                    return Ok(board);
                }
                if hub_site.generation.load(Ordering::SeqCst) != generation
                    || tokio::time::Instant::now() >= deadline
                {
                    break;
                }
                let _ =
                    tokio::time::timeout(std::time::Duration::from_millis(200), durable.changed())
                        .await;
            }
        }
        Err(AppError::unavailable())
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

pub use crate::txn::Txn;

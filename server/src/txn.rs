//! One request's hold on a site: begin (lock the site with its memory up to date and rolled to
//! today), apply engine commands, record rows and events, commit. The flow runs one way:
//! request (`http`) → transaction (here) → site state (`hub`) → writer → store.
//!
//! The rows go to the group-commit writer in lock order, the lock is released, and the request
//! waits until its rows are durable before it answers.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use madoguchi_engine::SiteQueue;
use madoguchi_engine::{Command, EngineError, IdempotencyKey, Outcome, Recorded};
use madoguchi_protocol::{Board, EventBody, SiteEvent, SiteId, TicketId, TicketState, Timestamp};
use tokio::sync::{OwnedMutexGuard, oneshot};

use crate::error::{AppError, AppResult};
use crate::hub::{Hub, SiteHub, SiteState};
use crate::store::{AuditDraft, SiteGuard, SiteVersion, Write, day_of};
use crate::writer::{Job, Refused};

impl Hub {
    /// Locks `site`, rebuilding it after a failed commit and rolling it to today if needed.
    pub async fn begin(self: &Arc<Self>, site: &str) -> AppResult<Txn> {
        let asked = crate::timing::start();
        let (site, st, generation) = self.lock_current(site).await?;
        crate::timing::since(crate::timing::Stage::LockWait, asked);
        let base_event = st.last_event;
        let now = self.clock.now();
        let mut txn = Txn {
            hub: Arc::clone(self),
            site,
            st,
            now,
            generation,
            locked_at: crate::timing::start(),
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

    /// Once a minute, rolls every site to a new day if the date changed, so that idle
    /// displays get their `day_changed` event soon after midnight. Ends with the hub.
    pub(crate) fn spawn_day_ticker(self: &Arc<Self>) {
        let hub = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(hub) = hub.upgrade() else { break };
                let ids: Vec<SiteId> = hub.site_ids().cloned().collect();
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
}

/// A locked site during one request: apply commands, record rows, then [`Txn::commit`].
pub struct Txn {
    pub(crate) hub: Arc<Hub>,
    pub site: Arc<SiteHub>,
    pub st: OwnedMutexGuard<SiteState>,
    pub now: Timestamp,
    pub(crate) generation: u64,
    /// When the lock was taken (only with `MADOGUCHI_TIMING`).
    locked_at: Option<std::time::Instant>,
    /// The site's stored version this request decides on (see `writer`).
    pub(crate) guard: Option<SiteGuard>,
    pub(crate) writes: Vec<Write>,
    pub(crate) events: Vec<Arc<SiteEvent>>,
}

impl Txn {
    /// Applies an engine command and records the command, the tickets it touched and its event.
    /// The row stores the command with what it decided ([`Recorded`]), so a restart replays
    /// facts instead of deciding again.
    pub fn apply(&mut self, command: &Command) -> AppResult<Outcome> {
        self.apply_keyed(command, None)
    }

    /// [`Txn::apply`] for a request that carried an `Idempotency-Key`: the key is stored with
    /// the command and remembered for the day.
    pub(crate) fn apply_keyed(
        &mut self,
        command: &Command,
        key: Option<IdempotencyKey>,
    ) -> AppResult<Outcome> {
        let before = self.counter_tickets(command);
        let outcome = self.st.queue.apply(command, self.now)?;
        let mut recorded = Recorded::of(command, &outcome);
        if let (Some(key), Some(ticket)) = (key, &outcome.ticket) {
            self.st.keys.insert(key.clone(), ticket.id);
            recorded.key = Some(key);
        }
        let json = serde_json::to_string(&recorded)
            .map_err(|e| AppError::bad_request(format!("The command could not be encoded: {e}")))?;
        let seq = self.st.seq;
        self.st.seq += 1;
        self.writes.push(Write::Command {
            site: self.site.id.clone(),
            day: self.st.day,
            seq,
            at: self.now,
            json,
        });
        let mut touched = before;
        if let Some(t) = &outcome.ticket
            && !touched.contains(&t.id)
        {
            touched.push(t.id);
        }
        for id in touched {
            if let (Some(ticket), Some(token)) = (self.st.queue.ticket(id), self.st.tokens.get(&id))
            {
                self.writes.push(Write::Ticket {
                    ticket: ticket.clone(),
                    day: self.st.day,
                    status_token: token.clone(),
                });
            }
        }
        if let Some(body) = outcome.event.clone() {
            self.event(body);
        }
        Ok(outcome)
    }

    /// Issues a ticket with a fresh id and status token (`key`: see [`Txn::apply_keyed`]).
    pub fn issue(
        &mut self,
        key: Option<IdempotencyKey>,
        command_for: impl FnOnce(TicketId) -> Command,
    ) -> AppResult<(Outcome, String)> {
        let id = self.hub.tickets.next()?;
        let token = crate::auth::new_status_token();
        self.st.tokens.insert(id, token.clone());
        match self.apply_keyed(&command_for(id), key) {
            Ok(outcome) => Ok((outcome, token)),
            Err(err) => {
                self.st.tokens.remove(&id);
                Err(err)
            }
        }
    }

    /// Tickets a counter command may finish implicitly (call-next finishes the current one).
    fn counter_tickets(&self, command: &Command) -> Vec<TicketId> {
        let counter = match command {
            Command::CallNext { counter }
            | Command::Recall { counter, .. }
            | Command::Start { counter }
            | Command::Done { counter }
            | Command::NoShow { counter }
            | Command::Skip { counter }
            | Command::Pause { counter }
            | Command::Reopen { counter } => counter,
            _ => return Vec::new(),
        };
        self.st
            .queue
            .tickets()
            .iter()
            // The state first: it rules out nearly every ticket without comparing strings.
            .filter(|t| {
                matches!(t.state, TicketState::Called | TicketState::Serving)
                    && t.counter.as_deref() == Some(counter.as_str())
            })
            .map(|t| t.id)
            .collect()
    }

    /// The ticket currently called or served at `counter`.
    pub fn current_ticket(&self, counter: &str) -> Result<TicketId, EngineError> {
        self.st
            .queue
            .tickets()
            .iter()
            .rev()
            .find(|t| {
                matches!(t.state, TicketState::Called | TicketState::Serving)
                    && t.counter.as_deref() == Some(counter)
            })
            .map(|t| t.id)
            .ok_or_else(|| EngineError::NoCurrentTicket(counter.to_owned()))
    }

    /// Numbers and records an event of this site.
    pub fn event(&mut self, body: EventBody) -> Arc<SiteEvent> {
        let id = self.st.next_event;
        self.st.next_event += 1;
        self.st.last_event = id;
        self.site.event_floor.fetch_max(id + 1, Ordering::SeqCst);
        let event = Arc::new(SiteEvent {
            id,
            site: self.site.id.clone(),
            at: self.now,
            body,
        });
        let json = serde_json::to_string(event.as_ref()).unwrap_or_default();
        self.writes.push(Write::Event {
            site: self.site.id.clone(),
            id,
            at: self.now,
            kind: event.kind(),
            json,
        });
        self.events.push(Arc::clone(&event));
        event
    }

    pub fn write(&mut self, write: Write) {
        self.writes.push(write);
    }

    pub fn audit(
        &mut self,
        who: &crate::auth::Principal,
        counter: Option<&str>,
        action: &str,
        ticket: Option<&str>,
        detail: String,
    ) {
        self.writes.push(Write::Audit(AuditDraft {
            at: self.now,
            actor: who.actor.clone(),
            role: who.role,
            site: self.site.id.clone(),
            counter: counter.map(str::to_owned).or_else(|| who.counter.clone()),
            action: action.to_owned(),
            ticket: ticket.map(str::to_owned),
            detail,
        }));
    }

    pub fn set_notice(&mut self, text: String) {
        self.st.notice = text;
    }

    /// Sends the rows to the writer in lock order, unlocks, and waits until they are durable.
    ///
    /// The hand-over to the writer runs in a task of its own that also releases the site's
    /// lock: a request dropped mid-way (the client went away) cannot leave memory changed and
    /// the rows unsent. A failed commit makes the writer (or this task, when the writer is gone)
    /// move the site to a new generation, so its state is rebuilt from the disk before use.
    pub async fn commit(self) -> AppResult<()> {
        if self.writes.is_empty() {
            return Ok(());
        }
        let Txn {
            hub,
            site,
            st,
            writes,
            events,
            generation,
            guard,
            locked_at,
            ..
        } = self;
        let (reply, rx) = oneshot::channel();
        let job = Job {
            writes,
            events,
            site: Some((Arc::clone(&site.outbox), generation)),
            guard,
            reply,
        };
        let writer = hub.writer.clone();
        let handover_site = Arc::clone(&site);
        let sent = tokio::spawn(async move {
            let sent = writer.send(job).await.is_ok();
            drop(st);
            crate::timing::since(crate::timing::Stage::LockHeld, locked_at);
            if !sent {
                handover_site.bump(generation);
            }
            sent
        });
        let handed = crate::timing::start();
        let answer = match sent.await {
            Ok(true) => rx.await.unwrap_or(Err(Refused::Failed)),
            _ => Err(Refused::Failed),
        };
        crate::timing::since(crate::timing::Stage::CommitWait, handed);
        // Make sure the state is rebuilt from the disk before anyone uses it again.
        match answer {
            Ok(()) => Ok(()),
            Err(Refused::Overtaken) => {
                site.bump(generation);
                Err(AppError::overtaken())
            }
            Err(Refused::Failed) => {
                site.bump(generation);
                Err(AppError::unavailable())
            }
        }
    }
}

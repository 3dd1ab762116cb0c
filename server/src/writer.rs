//! Group commit: one task writes every change to the database, batching the requests that
//! arrive while a commit is in flight into one transaction, then broadcasts their events in
//! order and answers each request. Each answer still waits for its own rows to be durable.
//!
//! When servers share the database, each batch carries, per site, the stored version its first
//! job was decided on; the store takes the sites' locks in name order and checks the versions in
//! the same transaction. A site another server changed first fails its jobs (the site is rebuilt
//! from the database, the client retries) and the rest of the batch is committed again.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use madoguchi_protocol::SiteEvent;
use tokio::sync::{mpsc, oneshot};

use crate::outbox::Outbox;
use crate::store::{SiteGuard, Store, StoreError, Write};

/// How many requests at most go into one transaction.
const MAX_BATCH: usize = 512;

/// One request's rows, the events to broadcast once they are durable, and where to answer.
pub struct Job {
    pub writes: Vec<Write>,
    pub events: Vec<Arc<SiteEvent>>,
    /// The site whose in-memory state these rows come from, and its generation then.
    pub site: Option<(Arc<Outbox>, u64)>,
    /// The site's stored version the job was decided on (checked when servers share the store).
    pub guard: Option<SiteGuard>,
    pub reply: oneshot::Sender<Result<(), Refused>>,
}

/// Why a job was not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Another server changed the job's site after this server read it (or the job was built
    /// on a state such a refusal invalidated): nothing of it was written, it may run again.
    Overtaken,
    /// The commit failed.
    Failed,
}

impl Job {
    fn is_stale(&self) -> bool {
        self.site
            .as_ref()
            .is_some_and(|(site, generation)| site.generation.load(Ordering::SeqCst) != *generation)
    }
}

/// Starts the writer task; requests send their [`Job`]s to the returned channel.
pub fn spawn(store: Arc<dyn Store>) -> mpsc::Sender<Job> {
    let (tx, rx) = mpsc::channel::<Job>(4096);
    tokio::spawn(run(store, rx));
    tx
}

async fn run(store: Arc<dyn Store>, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        // A job built on a state that a failed commit invalidated must not be written.
        let (stale, live): (Vec<Job>, Vec<Job>) = jobs.into_iter().partition(Job::is_stale);
        // Nothing of it was written and its site is being rebuilt: it may run again.
        for job in stale {
            let _ = job.reply.send(Err(Refused::Overtaken));
        }
        if live.is_empty() {
            continue;
        }
        crate::timing::count(crate::timing::Stage::BatchJobs, live.len());
        let started = crate::timing::start();
        let live = match commit(store.as_ref(), live).await {
            Ok(live) => live,
            Err(()) => continue,
        };
        crate::timing::since(crate::timing::Stage::StoreCommit, started);
        let started = crate::timing::start();
        for job in live {
            if let Some((site, _)) = &job.site {
                site.deliver(store.as_ref(), &job.events).await;
            }
            let _ = job.reply.send(Ok(()));
        }
        crate::timing::since(crate::timing::Stage::Deliver, started);
    }
}

/// Commits the jobs' rows in one transaction; on a conflict, fails the jobs of the sites another
/// server changed and commits the others again. Returns the committed jobs.
async fn commit(store: &dyn Store, mut live: Vec<Job>) -> Result<Vec<Job>, ()> {
    loop {
        let writes: Vec<Write> = live.iter().flat_map(|j| j.writes.iter().cloned()).collect();
        let started = std::time::Instant::now();
        let result = match store.shared() {
            Some(shared) => {
                let mut guards: Vec<SiteGuard> = Vec::new();
                for guard in live.iter().filter_map(|j| j.guard.as_ref()) {
                    if !guards.iter().any(|g| g.site == guard.site) {
                        guards.push(guard.clone());
                    }
                }
                shared.commit_guarded(guards, writes).await
            }
            None => store.commit(writes).await,
        };
        tracing::debug!(
            jobs = live.len(),
            ms = started.elapsed().as_secs_f64() * 1000.0,
            "group commit"
        );
        match result {
            Ok(()) => return Ok(live),
            Err(StoreError::Conflict(sites)) => {
                tracing::info!(sites = ?sites, "another server changed these sites first; their requests fail and the sites are reloaded");
                let (lost, rest): (Vec<Job>, Vec<Job>) = live
                    .into_iter()
                    .partition(|j| j.guard.as_ref().is_some_and(|g| sites.contains(&g.site)));
                fail(lost, Refused::Overtaken);
                if rest.is_empty() {
                    return Err(());
                }
                live = rest;
            }
            Err(err) => {
                tracing::error!(cause = %err, jobs = live.len(), "commit failed; the affected sites will be reloaded");
                fail(live, Refused::Failed);
                return Err(());
            }
        }
    }
}

/// Answers the jobs with a failure and moves their sites to a new generation, so their state is
/// rebuilt from the database before use.
fn fail(jobs: Vec<Job>, why: Refused) {
    for job in jobs {
        if let Some((site, generation)) = &job.site {
            // Bump once per generation: later jobs of the old state become stale.
            site.bump(*generation);
        }
        let _ = job.reply.send(Err(why));
    }
}

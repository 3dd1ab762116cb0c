//! Group commit: one task writes every change to the database, batching the requests that
//! arrive while a commit is in flight into one transaction, then broadcasts their events in
//! order and answers each request. Each answer still waits for its own rows to be durable.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use madoguchi_protocol::SiteEvent;
use tokio::sync::{mpsc, oneshot};

use crate::hub::SiteHub;
use crate::store::{Store, Write};

/// How many requests at most go into one transaction.
const MAX_BATCH: usize = 512;

/// One request's rows, the events to broadcast once they are durable, and where to answer.
pub struct Job {
    pub writes: Vec<Write>,
    pub events: Vec<Arc<SiteEvent>>,
    /// The site whose in-memory state these rows come from, and its generation then.
    pub site: Option<(Arc<SiteHub>, u64)>,
    pub reply: oneshot::Sender<Result<(), ()>>,
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
        let (stale, mut live): (Vec<Job>, Vec<Job>) = jobs.into_iter().partition(Job::is_stale);
        for job in stale {
            let _ = job.reply.send(Err(()));
        }
        if live.is_empty() {
            continue;
        }
        let writes: Vec<Write> = live
            .iter_mut()
            .flat_map(|j| std::mem::take(&mut j.writes))
            .collect();
        let started = std::time::Instant::now();
        let result = store.commit(writes).await;
        tracing::debug!(
            jobs = live.len(),
            ms = started.elapsed().as_secs_f64() * 1000.0,
            "group commit"
        );
        match result {
            Ok(()) => {
                for job in live {
                    if let Some((site, _)) = &job.site {
                        for event in &job.events {
                            // No receiver is fine: nobody is watching the site.
                            let _ = site.events.send(Arc::clone(event));
                        }
                        if let Some(last) = job.events.last() {
                            site.mark_durable(last.id);
                        }
                    }
                    let _ = job.reply.send(Ok(()));
                }
            }
            Err(err) => {
                tracing::error!(cause = %err, jobs = live.len(), "commit failed; the affected sites will be reloaded");
                for job in live {
                    if let Some((site, generation)) = &job.site {
                        // Bump once per generation: later jobs of the old state become stale.
                        let _ = site.generation.compare_exchange(
                            *generation,
                            generation + 1,
                            Ordering::SeqCst,
                            Ordering::SeqCst,
                        );
                    }
                    let _ = job.reply.send(Err(()));
                }
            }
        }
    }
}

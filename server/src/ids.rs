//! Ticket and alert ids. One server counts up from the highest stored id; servers sharing a
//! database take blocks of [`BLOCK`] ids reserved in it, so two servers never give one id twice
//! (the unused rest of a block is skipped when a server stops).

use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

use crate::error::{AppError, AppResult};
use crate::store::{IdKind, SharedStore, StoreResult};

/// Ids reserved at a time when servers share the database.
const BLOCK: i64 = 128;
/// A request asks for more before it starts when fewer are left (a request uses at most a few).
const LOW: i64 = 32;

pub enum Ids {
    Counter(AtomicI64),
    /// `next..end` of the block reserved last.
    Blocks {
        kind: IdKind,
        block: Mutex<(i64, i64)>,
    },
}

impl Ids {
    pub fn counter(next: i64) -> Ids {
        Ids::Counter(AtomicI64::new(next))
    }

    pub async fn blocks(shared: &dyn SharedStore, kind: IdKind) -> StoreResult<Ids> {
        let first = shared.reserve_ids(kind, BLOCK).await?;
        Ok(Ids::Blocks {
            kind,
            block: Mutex::new((first, first + BLOCK)),
        })
    }

    /// Reserves a new block when the current one runs low (servers sharing a database).
    pub async fn top_up(&self, shared: Option<&dyn SharedStore>) -> StoreResult<()> {
        let (Ids::Blocks { kind, block }, Some(shared)) = (self, shared) else {
            return Ok(());
        };
        let low = block.lock().map(|b| b.1 - b.0 < LOW).unwrap_or(true);
        if low {
            let first = shared.reserve_ids(*kind, BLOCK).await?;
            if let Ok(mut b) = block.lock()
                && b.1 - b.0 < LOW
            {
                *b = (first, first + BLOCK);
            }
        }
        Ok(())
    }

    pub fn next(&self) -> AppResult<i64> {
        match self {
            Ids::Counter(next) => Ok(next.fetch_add(1, Ordering::SeqCst)),
            Ids::Blocks { block, .. } => {
                let mut b = block.lock().map_err(|_| AppError::unavailable())?;
                if b.0 >= b.1 {
                    // Concurrent requests used the block up after they topped it up: nothing
                    // is written yet, so the request runs again and reserves more (`retry`).
                    return Err(AppError::overtaken());
                }
                b.0 += 1;
                Ok(b.0 - 1)
            }
        }
    }
}

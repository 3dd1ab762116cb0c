//! [`SharedStore`] on PostgreSQL: a transaction-scoped advisory lock per site
//! (`pg_advisory_xact_lock`, keyed by a 64-bit hash of the site id) held from the version check
//! to the commit, `NOTIFY madoguchi_events` with the site id in the same transaction (delivered
//! only if it commits), and id blocks from the `*_id_blocks` sequences under a lock of their own.

use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_protocol::SiteId;
use sqlx::postgres::PgListener;
use sqlx::{PgConnection, Row};
use tokio::sync::mpsc;

use super::{PgStore, non_negative, text, writes};
use crate::store::rows::day_str;
use crate::store::{IdKind, SharedStore, SiteGuard, SiteVersion, StoreError, StoreResult, Write};

/// The channel every server listens on; the payload is a site id.
const CHANNEL: &str = "madoguchi_events";

async fn version(conn: &mut PgConnection, site: &str, day: NaiveDate) -> StoreResult<SiteVersion> {
    let row = sqlx::query(
        "SELECT (SELECT COALESCE(MAX(seq) + 1, 0) FROM commands WHERE site = $1 AND day = $2) \
         AS commands, (SELECT MAX(id) FROM events WHERE site = $1) AS last_event",
    )
    .bind(text(site))
    .bind(day_str(day))
    .fetch_one(conn)
    .await?;
    Ok(SiteVersion {
        day,
        commands: row.try_get("commands")?,
        last_event: non_negative(row.try_get("last_event")?),
    })
}

impl SharedStore for PgStore {
    fn site_version(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<SiteVersion>> {
        let site = site.to_owned();
        Box::pin(async move {
            let mut conn = self.pool.acquire().await?;
            version(&mut conn, &site, day).await
        })
    }

    fn commit_guarded(
        &self,
        mut guards: Vec<SiteGuard>,
        writes: Vec<Write>,
    ) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move {
            guards.sort_by(|a, b| a.site.cmp(&b.site));
            guards.dedup_by(|a, b| a.site == b.site);
            let mut tx = self.writer.begin().await?;
            let mut changed = Vec::new();
            for guard in &guards {
                sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                    .bind(format!("madoguchi site {}", text(&guard.site)))
                    .execute(&mut *tx)
                    .await?;
                let stored = version(&mut tx, &guard.site, guard.version.day).await?;
                if stored != guard.version {
                    changed.push(guard.site.clone());
                }
            }
            if !changed.is_empty() {
                tx.rollback().await?;
                return Err(StoreError::Conflict(changed));
            }
            writes::write_all(&mut tx, &writes).await?;
            for guard in &guards {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(text(&guard.site))
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    fn reserve_ids(&self, kind: IdKind, n: i64) -> BoxFuture<'_, StoreResult<i64>> {
        // Past every id reserved before and every row already there (an office's copied
        // history, or ids handed out before the sequence existed).
        let (lock, reserve) = match kind {
            IdKind::Ticket => (
                "madoguchi ids ticket",
                "SELECT setval('ticket_id_blocks', GREATEST((SELECT last_value FROM \
                 ticket_id_blocks), (SELECT COALESCE(MAX(id), 0) FROM tickets)) + $1)",
            ),
            IdKind::Alert => (
                "madoguchi ids alert",
                "SELECT setval('alert_id_blocks', GREATEST((SELECT last_value FROM \
                 alert_id_blocks), (SELECT COALESCE(MAX(id), 0) FROM alerts)) + $1)",
            ),
        };
        Box::pin(async move {
            let mut tx = self.pool.begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .bind(lock)
                .execute(&mut *tx)
                .await?;
            let high: i64 = sqlx::query_scalar(reserve)
                .bind(n)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(high - n + 1)
        })
    }

    fn site_changes(&self) -> BoxFuture<'_, StoreResult<mpsc::UnboundedReceiver<SiteId>>> {
        Box::pin(async move {
            let mut listener = PgListener::connect_with(&self.pool).await?;
            listener.listen(CHANNEL).await?;
            let (tx, rx) = mpsc::unbounded_channel();
            let own = std::sync::Arc::clone(&self.writer_pid);
            tokio::spawn(async move {
                loop {
                    match listener.recv().await {
                        // This server's own commits were broadcast by its writer already.
                        Ok(n) if n.process_id() == own.load(Ordering::Relaxed) => {}
                        Ok(n) => {
                            if tx.send(n.payload().to_owned()).is_err() {
                                break;
                            }
                        }
                        Err(err) => {
                            tracing::warn!(cause = %err, "the change feed from PostgreSQL broke; listening again");
                            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                        }
                    }
                }
            });
            Ok(rx)
        })
    }
}

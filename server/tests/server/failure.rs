//! A failing disk: when a commit fails the request gets 503 and nothing changes in memory;
//! once the disk works again, numbering continues as if the failed request never happened.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use futures_util::future::BoxFuture;
use madoguchi_engine::Config;
use madoguchi_protocol::{AuditEntry, SiteId, TicketId, Timestamp};
use madoguchi_reports::facts::{CompletedFacts, DayFacts, StoredSnapshot};
use madoguchi_server::AppState;
use madoguchi_server::clock::{Clock, ManualClock};
use madoguchi_server::store::{
    AlertRow, DeviceListing, DeviceRow, HandoverRow, ReportReads, SessionRow, Store, StoreError,
    StoreResult, StoredTicket, UserRow, Write, open,
};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, database, query_column, seed, temp_db, weekday_10am};

/// Any store (SQLite or PostgreSQL) whose commits fail while `broken` is set.
struct Flaky {
    inner: Arc<dyn Store>,
    broken: Arc<AtomicBool>,
}

impl Store for Flaky {
    fn commit(&self, writes: Vec<Write>) -> BoxFuture<'_, StoreResult<()>> {
        if self.broken.load(Ordering::SeqCst) {
            return Box::pin(async { Err(StoreError::Corrupt("disk full (simulated)".into())) });
        }
        self.inner.commit(writes)
    }
    fn commands(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<(Timestamp, String)>>> {
        self.inner.commands(site, day)
    }
    fn ticket_tokens(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<(TicketId, String)>>> {
        self.inner.ticket_tokens(site, day)
    }
    fn ticket_by_token(&self, token: &str) -> BoxFuture<'_, StoreResult<Option<StoredTicket>>> {
        self.inner.ticket_by_token(token)
    }
    fn max_ticket_id(&self) -> BoxFuture<'_, StoreResult<i64>> {
        self.inner.max_ticket_id()
    }
    fn max_alert_id(&self) -> BoxFuture<'_, StoreResult<i64>> {
        self.inner.max_alert_id()
    }
    fn max_event_id(&self, site: &str) -> BoxFuture<'_, StoreResult<u64>> {
        self.inner.max_event_id(site)
    }
    fn events_after(
        &self,
        site: &str,
        after: u64,
        limit: u32,
    ) -> BoxFuture<'_, StoreResult<Vec<(u64, String)>>> {
        self.inner.events_after(site, after, limit)
    }
    fn notices(&self) -> BoxFuture<'_, StoreResult<Vec<(SiteId, String)>>> {
        self.inner.notices()
    }
    fn open_alerts(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<AlertRow>>> {
        self.inner.open_alerts(site)
    }
    fn alert(&self, id: i64) -> BoxFuture<'_, StoreResult<Option<AlertRow>>> {
        self.inner.alert(id)
    }
    fn audit(&self, site: &str, limit: u32) -> BoxFuture<'_, StoreResult<Vec<AuditEntry>>> {
        self.inner.audit(site, limit)
    }
    fn device(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<DeviceRow>>> {
        self.inner.device(token_hash)
    }
    fn user(&self, login: &str) -> BoxFuture<'_, StoreResult<Option<UserRow>>> {
        self.inner.user(login)
    }
    fn session(&self, token_hash: &str) -> BoxFuture<'_, StoreResult<Option<SessionRow>>> {
        self.inner.session(token_hash)
    }
    fn sessions(&self, site: &str) -> BoxFuture<'_, StoreResult<Vec<SessionRow>>> {
        self.inner.sessions(site)
    }
    fn take_handover(&self, pass_hash: &str) -> BoxFuture<'_, StoreResult<Option<HandoverRow>>> {
        self.inner.take_handover(pass_hash)
    }
    fn devices(&self) -> BoxFuture<'_, StoreResult<Vec<DeviceListing>>> {
        self.inner.devices()
    }
}

impl ReportReads for Flaky {
    fn report_day(&self, site: &str, day: NaiveDate) -> BoxFuture<'_, StoreResult<DayFacts>> {
        self.inner.report_day(site, day)
    }
    fn report_snapshot(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Option<String>>> {
        self.inner.report_snapshot(site, day)
    }
    fn report_snapshots(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<StoredSnapshot>>> {
        self.inner.report_snapshots(from, to)
    }
    fn report_sites(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<SiteId>>> {
        self.inner.report_sites(from, to)
    }
    fn report_completed(
        &self,
        site: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<CompletedFacts>> {
        self.inner.report_completed(site, from, to)
    }
}

impl madoguchi_server::store::BookingReads for Flaky {
    fn booking(
        &self,
        reference: &str,
    ) -> BoxFuture<'_, StoreResult<Option<madoguchi_server::store::BookingRow>>> {
        self.inner.booking(reference)
    }
    fn bookings(
        &self,
        site: &str,
        day: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<madoguchi_server::store::BookingRow>>> {
        self.inner.bookings(site, day)
    }
    fn bookings_between(
        &self,
        site: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'_, StoreResult<Vec<madoguchi_server::store::BookingRow>>> {
        self.inner.bookings_between(site, from, to)
    }
}

#[tokio::test]
async fn a_failed_commit_changes_nothing() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let broken = Arc::new(AtomicBool::new(false));
    let store: Arc<dyn Store> = Arc::new(Flaky {
        inner: open(&database(&db)).await.unwrap(),
        broken: Arc::clone(&broken),
    });
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(weekday_10am()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(Arc::new(Config::shipped()), store, clock, &base)
        .await
        .unwrap();
    let server = tokio::spawn(madoguchi_server::run(
        listener,
        state,
        std::future::pending(),
    ));
    let http = reqwest::Client::new();
    let issue = || {
        http.post(format!("{base}/api/sites/{SITE}/tickets"))
            .bearer_auth(&t.kiosk)
            .json(&json!({"service": "pickup", "lang": "ja"}))
            .send()
    };
    assert_eq!(issue().await.unwrap().status(), StatusCode::CREATED);
    let health = |http: &reqwest::Client| http.get(format!("{base}/api/health")).send();
    assert_eq!(health(&http).await.unwrap().status(), StatusCode::OK);
    broken.store(true, Ordering::SeqCst);
    // The health check tells the truth: the disk takes no writes.
    let res = health(&http).await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let h: serde_json::Value = res.json().await.unwrap();
    assert_eq!(h["database_writable"], false);
    let res = issue().await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(err["code"], "storage_unavailable");
    broken.store(false, Ordering::SeqCst);
    let res = issue().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["ticket"]["number"], "A-002",
        "the failed issue left no trace"
    );
    let board: serde_json::Value = http
        .get(format!("{base}/api/sites/{SITE}/board"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pickup = board["queues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["service"] == "pickup")
        .unwrap()
        .clone();
    assert_eq!(pickup["waiting"], 2);
    // The failed issue's event id is never handed out again, and the board names only
    // durable events: a display resuming after it misses nothing and hears no false call.
    let ids: Vec<i64> = query_column(
        &db,
        "SELECT id FROM events WHERE site = $1 ORDER BY id",
        &[SITE],
    )
    .await;
    assert_eq!(
        ids,
        [1, 3],
        "event 2 belonged to the failed commit and is not reused"
    );
    assert_eq!(board["last_event_id"], 3);
    let kinds: Vec<String> = query_column(&db, "SELECT kind FROM events ORDER BY id", &[]).await;
    assert_eq!(kinds, ["issued", "issued"]);
    server.abort();
}

//! Durability: a new server on the same database file continues where the old one stopped,
//! and a new day starts new numbers while yesterday's tickets stay readable.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, TestServer, query_column, seed, temp_db, weekday_10am};

#[tokio::test]
async fn a_restart_keeps_every_ticket_and_continues_the_numbers() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    let mut tokens = Vec::new();
    for _ in 0..3 {
        tokens.push(
            s.issue(&t.kiosk, "pickup").await["status_token"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let staff = s.login("staff1", SITE, Some("3")).await;
    s.act(&staff, "3", "call-next", json!({})).await;
    s.act(&staff, "3", "start", json!({})).await;
    let (_, before) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    s.stop().await;

    let s = TestServer::start(&db, weekday_10am() + Duration::minutes(10)).await;
    let (_, after) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    assert_eq!(after["last_event_id"], before["last_event_id"]);
    let pickup = |b: &serde_json::Value| {
        b["queues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["service"] == "pickup")
            .unwrap()["waiting"]
            .clone()
    };
    assert_eq!(pickup(&after), 2);
    assert_eq!(pickup(&before), 2);
    let (_, st) = s.get(&format!("/api/status/{}", tokens[0]), None).await;
    assert_eq!(st["state"], "serving");
    let (_, st) = s.get(&format!("/api/status/{}", tokens[2]), None).await;
    assert_eq!(st["people_ahead"], 1);
    let next = s.issue(&t.kiosk, "pickup").await;
    assert_eq!(next["ticket"]["number"], "A-004");
    // The session survives too (stored hashed), and the counter's ticket can be finished.
    let (status, r) = s.act(&staff, "3", "done", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["ticket"]["number"], "A-001");
    s.stop().await;
}

#[tokio::test]
async fn a_new_day_restarts_numbers_and_keeps_history() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    let old = s.issue(&t.kiosk, "pickup").await;
    s.clock.advance(Duration::days(1)); // Thursday 10:00
    let fresh = s.issue(&t.kiosk, "pickup").await;
    assert_eq!(fresh["ticket"]["number"], "A-001");
    assert_ne!(fresh["ticket"]["id"], old["ticket"]["id"]);
    let (status, st) = s
        .get(
            &format!("/api/status/{}", old["status_token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(st["number"], "A-001");
    // Still waiting when the day ended: closed as expired (see exactly_once.rs).
    assert_eq!(st["state"], "expired");
    let kinds: Vec<String> = query_column(
        &db,
        "SELECT kind FROM events WHERE site = $1 ORDER BY id",
        &[SITE],
    )
    .await;
    assert_eq!(kinds, ["issued", "day_changed", "issued"]);
    let days: Vec<String> = query_column(&db, "SELECT day FROM tickets ORDER BY id", &[]).await;
    assert_eq!(days, ["2026-11-25", "2026-11-26"]);
    s.stop().await;
}

/// A group commit is all or nothing: when a later statement of the batch fails (here an event
/// id the site already has), the rows before it (a command) are not stored either, and the
/// store's next commit works (on SQLite the batch is `BEGIN IMMEDIATE; …; COMMIT` in one round
/// trip, rolled back on any error). Memory is then rebuilt from what is stored (`failure.rs`).
#[tokio::test]
async fn a_failed_group_commit_stores_nothing_and_the_next_one_commits() {
    use madoguchi_server::store::{Write, open};

    let (_dir, db) = temp_db();
    let store = open(&crate::common::database(&db)).await.unwrap();
    let at = weekday_10am();
    let day = at.date_naive();
    let site = SITE.to_string();
    let command = |seq: i64| Write::Command {
        site: site.clone(),
        day,
        seq,
        at,
        json: format!("{{\"seq\":{seq}}}"),
    };
    let event = |id: u64| Write::Event {
        site: site.clone(),
        id,
        at,
        kind: "notice",
        json: format!("{{\"id\":{id}}}"),
    };
    store.commit(vec![command(0), event(1)]).await.unwrap();
    let failed = store.commit(vec![command(1), event(2), event(1)]).await;
    assert!(failed.is_err(), "event 1 is stored twice");
    assert_eq!(store.commands(SITE, day).await.unwrap().len(), 1);
    assert_eq!(store.max_event_id(SITE).await.unwrap(), 1);
    store.commit(vec![command(1), event(2)]).await.unwrap();
    assert_eq!(store.commands(SITE, day).await.unwrap().len(), 2);
    assert_eq!(store.max_event_id(SITE).await.unwrap(), 2);
}

//! Server-sent events: order, ids, replay after a reconnect, and the per-ticket status stream.

use std::time::Duration;

use eventsource_stream::{Event, Eventsource};
use futures_util::{Stream, StreamExt};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, fresh};

async fn connect(
    s: &TestServer,
    path: &str,
    token: Option<&str>,
    last: Option<&str>,
) -> impl Stream<Item = Event> + Unpin + use<> {
    let mut req = s.http.get(s.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(l) = last {
        req = req.header("Last-Event-ID", l);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    Box::pin(res.bytes_stream().eventsource().map(|e| e.unwrap()))
}

/// The next event, failing the test if none comes within 10 s (a guard, not a timing).
async fn next(stream: &mut (impl Stream<Item = Event> + Unpin)) -> Event {
    tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .expect("an event")
        .expect("stream open")
}

#[tokio::test]
async fn events_arrive_in_order_and_replay_after_reconnect() {
    let (_dir, s, t) = fresh().await;
    let path = format!("/api/sites/{SITE}/events");
    let (status, _) = s.get(&path, Some(&t.kiosk)).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "kiosks do not read the stream"
    );
    let mut live = connect(&s, &path, Some(&t.display), None).await;
    s.issue(&t.kiosk, "pickup").await;
    s.issue(&t.kiosk, "ecert").await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    s.act(&staff, "3", "call-next", json!({})).await;

    let got: Vec<Event> = vec![
        next(&mut live).await,
        next(&mut live).await,
        next(&mut live).await,
    ];
    let kinds: Vec<&str> = got.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(kinds, ["issued", "issued", "called"]);
    let ids: Vec<u64> = got.iter().map(|e| e.id.parse().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "{ids:?}");
    let called: Value = serde_json::from_str(&got[2].data).unwrap();
    assert_eq!(called["kind"], "called");
    assert_eq!(called["call"]["number"], "A-001");
    assert_eq!(called["call"]["counter"], "3");
    assert_eq!(called["id"], ids[2]);
    drop(live);

    // Missed while away: a done and a notice. Reconnect with Last-Event-ID of the first event.
    s.act(&staff, "3", "done", json!({})).await;
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    assert_eq!(board["last_event_id"], ids[2] + 1);
    let mut again = connect(&s, &path, Some(&t.display), Some(&ids[0].to_string())).await;
    let replayed: Vec<Event> = vec![
        next(&mut again).await,
        next(&mut again).await,
        next(&mut again).await,
    ];
    let replayed_ids: Vec<u64> = replayed.iter().map(|e| e.id.parse().unwrap()).collect();
    assert_eq!(replayed_ids, [ids[1], ids[2], ids[2] + 1]);
    assert_eq!(replayed[2].event, "done");
    // Then live again, without duplicates.
    s.issue(&t.kiosk, "pin").await;
    let live_event = next(&mut again).await;
    assert_eq!(live_event.event, "issued");
    assert_eq!(live_event.id.parse::<u64>().unwrap(), ids[2] + 2);

    // ?last_event_id= and ?token= work for EventSource clients that cannot set headers.
    let query_path = format!("{path}?last_event_id={}&token={}", ids[2], t.display);
    let mut by_query = connect(&s, &query_path, None, None).await;
    assert_eq!(next(&mut by_query).await.event, "done");
    s.stop().await;
}

#[tokio::test]
async fn status_stream_follows_one_ticket() {
    let (_dir, s, t) = fresh().await;
    s.issue(&t.kiosk, "pickup").await;
    let mine = s.issue(&t.kiosk, "pickup").await;
    let token = mine["status_token"].as_str().unwrap();
    let (status, _) = s.get("/api/status/nope/events", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut stream = connect(&s, &format!("/api/status/{token}/events"), None, None).await;
    let first: Value = serde_json::from_str(&next(&mut stream).await.data).unwrap();
    assert_eq!(first["state"], "waiting");
    assert_eq!(first["people_ahead"], 1);
    let staff = s.login("staff1", SITE, Some("3")).await;
    s.act(&staff, "3", "call-next", json!({})).await; // I move up
    let moved = next(&mut stream).await;
    assert_eq!(moved.event, "status");
    let moved: Value = serde_json::from_str(&moved.data).unwrap();
    assert_eq!(moved["people_ahead"], 0);
    s.act(&staff, "3", "call-next", json!({})).await; // me
    let called: Value = serde_json::from_str(&next(&mut stream).await.data).unwrap();
    assert_eq!(called["state"], "called");
    assert_eq!(called["counter"], "3");
    s.stop().await;
}

#[tokio::test]
async fn last_event_id_zero_gets_a_reload_hint_not_yesterdays_history() {
    let (_dir, s, t) = fresh().await;
    for _ in 0..3 {
        s.issue(&t.kiosk, "pickup").await;
    }
    s.clock.advance(chrono::Duration::days(1));
    let today = s.issue(&t.kiosk, "pickup").await;
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    let now_id = board["last_event_id"].as_u64().unwrap();
    let mut events = connect(
        &s,
        &format!("/api/sites/{SITE}/events"),
        Some(&t.display),
        Some("0"),
    )
    .await;
    let first = next(&mut events).await;
    assert_eq!(
        first.event, "day_changed",
        "a reload hint, not yesterday's issues"
    );
    assert_eq!(first.id, now_id.to_string());
    // Live events follow.
    s.issue(&t.kiosk, "pickup").await;
    let live = next(&mut events).await;
    assert_eq!(live.event, "issued");
    let v: Value = serde_json::from_str(&live.data).unwrap();
    assert_ne!(v["body"]["ticket"]["id"], today["ticket"]["id"]);
}

#[tokio::test]
async fn one_tickets_link_cannot_open_unlimited_status_streams() {
    let (_dir, s, t) = fresh().await;
    let issued = s.issue(&t.kiosk, "pickup").await;
    let token = issued["status_token"].as_str().unwrap();
    let path = format!("/api/status/{token}/events");
    let mut open = Vec::new();
    for _ in 0..4 {
        open.push(connect(&s, &path, None, None).await);
    }
    let res = s.http.get(s.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["code"], "too_many_streams");
    // Closing one gives its place back.
    drop(open.pop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut again = connect(&s, &path, None, None).await;
    assert_eq!(next(&mut again).await.event, "status");
}

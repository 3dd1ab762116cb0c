//! Counter actions over HTTP: the whole ticket life, transfers and concurrent call-next.

use std::collections::HashSet;

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, fresh};

#[tokio::test]
async fn a_ticket_goes_through_every_counter_action() {
    let (_dir, s, t) = fresh().await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    let a1 = s.issue(&t.kiosk, "pickup").await;
    let a2 = s.issue(&t.kiosk, "pickup").await;
    s.clock.advance(Duration::minutes(2));

    let (status, r) = s.act(&staff, "3", "call-next", json!(null)).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["ticket"]["number"], "A-001");
    assert_eq!(r["ticket"]["state"], "called");
    let (_, r) = s.act(&staff, "3", "recall", json!({})).await;
    assert_eq!(r["ticket"]["recalls"], 1);
    let (_, r) = s.act(&staff, "3", "start", json!({})).await;
    assert_eq!(r["ticket"]["state"], "serving");
    s.clock.advance(Duration::minutes(5));
    let (_, r) = s.act(&staff, "3", "done", json!({})).await;
    assert_eq!(r["ticket"]["state"], "done");
    let (status, st) = s
        .get(
            &format!("/api/status/{}", a1["status_token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(st["state"], "done");

    // No-show, then put back during the grace period.
    let (_, r) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(r["ticket"]["number"], "A-002");
    let (_, st) = s
        .get(
            &format!("/api/status/{}", a2["status_token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(st["state"], "called");
    assert_eq!(st["counter"], "3");
    assert_eq!(st["counter_name"], "3番窓口");
    let (_, r) = s.act(&staff, "3", "no-show", json!({})).await;
    assert_eq!(r["ticket"]["state"], "no_show");
    s.clock.advance(Duration::minutes(3));
    let (status, r) = s
        .act(
            &staff,
            "3",
            "requeue",
            json!({"ticket": a2["ticket"]["id"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["ticket"]["state"], "waiting");

    // Actions that make no sense now are 409 with a sentence.
    let (status, err) = s.act(&staff, "3", "start", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{err}");
    assert!(!err["message"].as_str().unwrap().is_empty());

    // Pause: a paused counter is refused; reopen and it calls again.
    let (status, _) = s.act(&staff, "3", "pause", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, err) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(err["code"], "counter_paused");
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    let c3 = board["counters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "3")
        .unwrap()
        .clone();
    assert_eq!(c3["open"], false);
    let (status, _) = s.act(&staff, "3", "reopen", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, r) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(r["ticket"]["number"], "A-002");
    let (status, r) = s.act(&staff, "3", "bogus", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{r}");

    // Staff list of today's tickets, filtered by state.
    let (status, list) = s
        .get(
            &format!("/api/sites/{SITE}/tickets?state=done"),
            Some(&staff),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (status, _) = s
        .get(&format!("/api/sites/{SITE}/tickets"), Some(&t.kiosk))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    s.stop().await;
}

#[tokio::test]
async fn a_transfer_keeps_the_number_and_goes_ahead_of_new_arrivals() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    s.issue(&t.kiosk, "pickup").await;
    s.clock.advance(Duration::minutes(1));
    s.issue(&t.kiosk, "apply").await; // B-001, waiting before the transfer
    s.clock.advance(Duration::minutes(1));
    let (_, r) = s.act(&sup, "3", "call-next", json!({})).await;
    assert_eq!(r["ticket"]["number"], "A-001");
    let (status, r) = s
        .act(&sup, "3", "transfer", json!({"to_service": "apply"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["ticket"]["number"], "A-001");
    assert_eq!(r["ticket"]["service"], "apply");
    assert_eq!(r["ticket"]["state"], "waiting");
    assert_eq!(r["ticket"]["transfers"], 1);
    s.clock.advance(Duration::minutes(1));
    s.issue(&t.kiosk, "apply").await; // B-002, a new arrival after the transfer
    let (status, err) = s.act(&sup, "3", "transfer", json!({})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");

    // Counter 7 serves apply: the transferred ticket comes first, then B-001, then B-002.
    let mut order = Vec::new();
    for _ in 0..3 {
        let (_, r) = s.act(&sup, "7", "call-next", json!({})).await;
        order.push(r["ticket"]["number"].as_str().unwrap().to_owned());
    }
    assert_eq!(order[0], "A-001", "{order:?}");
    assert!(
        order.iter().position(|n| n == "B-001") < order.iter().position(|n| n == "B-002"),
        "{order:?}"
    );
    let (_, r) = s.act(&sup, "7", "call-next", json!({})).await;
    assert!(
        r["ticket"].is_null(),
        "empty queue answers ticket: null: {r}"
    );
    s.stop().await;
}

#[tokio::test]
async fn concurrent_call_next_never_hands_out_a_ticket_twice() {
    let (_dir, s, t) = fresh().await;
    for _ in 0..24 {
        s.issue(&t.kiosk, "pickup").await;
    }
    let sup = s.login("super1", SITE, None).await;
    let mut calls = Vec::new();
    for i in 0..20 {
        let counter = ["3", "8"][i % 2];
        let (http, url, token) = (
            s.http.clone(),
            s.url(&format!("/api/sites/{SITE}/counters/{counter}/call-next")),
            sup.clone(),
        );
        calls.push(tokio::spawn(async move {
            let res = http.post(url).bearer_auth(token).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            let body: serde_json::Value = res.json().await.unwrap();
            body["ticket"]["number"].as_str().unwrap().to_owned()
        }));
    }
    let mut seen = HashSet::new();
    for call in calls {
        let number = call.await.unwrap();
        assert!(seen.insert(number.clone()), "{number} was called twice");
    }
    assert_eq!(seen.len(), 20);
    s.stop().await;
}

//! Counter rights: staff act on waiting tickets and on their own counter's only; a sign-in
//! without a counter watches; supervisors act for any counter of their site, audited as such.

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, fresh};

#[tokio::test]
async fn staff_at_counter_1_cannot_touch_what_counter_2_called() {
    let (_dir, s, t) = fresh().await;
    for _ in 0..3 {
        s.issue(&t.kiosk, "pickup").await;
    }
    let c1 = s.login("staff1", SITE, Some("1")).await;
    let c2 = s.login("staff1", SITE, Some("2")).await;
    let (_, called) = s.act(&c2, "2", "call-next", json!({})).await;
    let id = called["ticket"]["id"].as_i64().unwrap();
    for (action, body) in [
        ("cancel", json!({"ticket": id})),
        ("transfer", json!({"ticket": id, "to_service": "city"})),
        ("recall", json!({"ticket": id})),
        ("requeue", json!({"ticket": id})),
    ] {
        let (status, err) = s.act(&c1, "1", action, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains("counter 2"),
            "{err}"
        );
    }
    // A waiting ticket may be cancelled from any counter (a visitor leaving the lobby).
    let waiting = s.issue(&t.kiosk, "pickup").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let (status, _) = s.act(&c1, "1", "cancel", json!({"ticket": waiting})).await;
    assert_eq!(status, StatusCode::OK);
    // Without a counter: read-only.
    let watcher = s.login("staff1", SITE, None).await;
    let (status, err) = s.act(&watcher, "1", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Sign in again at counter 1")
    );
    // A supervisor may act for counter 2; the audit row says who, as what, for which counter.
    let boss = s.login("super1", SITE, None).await;
    let (status, _) = s.act(&boss, "2", "recall", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, audit) = s
        .get(&format!("/api/sites/{SITE}/audit"), Some(&boss))
        .await;
    let row = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["action"] == "recall")
        .unwrap()
        .clone();
    assert_eq!(
        (
            row["actor"].as_str(),
            row["role"].as_str(),
            row["counter"].as_str()
        ),
        (Some("super1"), Some("supervisor"), Some("2"))
    );
}

#[tokio::test]
async fn a_kiosk_reports_print_results_only_for_its_own_tickets_and_free_text_is_bounded() {
    let (_dir, s, t) = fresh().await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    // Issued by hand at the counter: no kiosk may report on it.
    let by_hand = s.issue(&staff, "pickup").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let mine = s.issue(&t.kiosk, "pickup").await["ticket"]["id"]
        .as_i64()
        .unwrap();
    let (status, err) = s
        .post(
            &format!("/api/tickets/{by_hand}/print-result"),
            Some(&t.kiosk),
            json!({"printed": false, "reason": "paper out"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{err}");
    let long = "x".repeat(201);
    let (status, err) = s
        .post(
            &format!("/api/tickets/{mine}/print-result"),
            Some(&t.kiosk),
            json!({"printed": false, "reason": long}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");
    let (status, _) = s
        .post(
            &format!("/api/tickets/{mine}/print-result"),
            Some(&t.kiosk),
            json!({"printed": true}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // Manual counts: bounded labels, and audited.
    let (status, err) = s
        .post(
            &format!("/api/sites/{SITE}/manual-counts"),
            Some(&staff),
            json!({"kind": "phone", "label_ja": "電".repeat(65), "count": 3}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/manual-counts"),
            Some(&staff),
            json!({"kind": "phone", "label_ja": "電話対応", "count": 3}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let boss = s.login("super1", SITE, None).await;
    let (_, audit) = s
        .get(&format!("/api/sites/{SITE}/audit"), Some(&boss))
        .await;
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["action"] == "manual_count"
                && a["detail"].as_str().unwrap().contains("count=3")),
        "{audit}"
    );
}

#[tokio::test]
async fn paper_near_end_reaches_staff_once_per_kiosk_not_once_per_visitor() {
    let (_dir, s, t) = fresh().await;
    let boss = s.login("super1", SITE, None).await;
    for _ in 0..3 {
        let id = s.issue(&t.kiosk, "pickup").await["ticket"]["id"]
            .as_i64()
            .unwrap();
        let (status, _) = s
            .post(
                &format!("/api/tickets/{id}/print-result"),
                Some(&t.kiosk),
                json!({"printed": true, "reason": "paper nearly used up"}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }
    let (_, alerts) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(&boss))
        .await;
    let warnings: Vec<_> = alerts
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "printer_warning")
        .collect();
    assert_eq!(warnings.len(), 1, "{alerts}");
    assert_eq!(warnings[0]["kiosk"], "kiosk-1");
}

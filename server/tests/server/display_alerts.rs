//! A display tells staff that its sound fails: it raises a `display_sound` alert for its own
//! site, staff see it in the alert list and on the event stream, and nobody else may raise it.

use std::time::Duration;

use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::{SITE, fresh};

#[tokio::test]
async fn a_display_raises_a_sound_alert_staff_see_and_acknowledge() {
    let (_dir, s, t) = fresh().await;
    let staff = s.login("staff1", SITE, None).await;
    let res = s
        .http
        .get(s.url(&format!("/api/sites/{SITE}/events")))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let mut events = Box::pin(res.bytes_stream().eventsource());

    let detail = "The waiting-room display's sound is failing (3 clips in a row did not play).";
    let (status, alert) = s
        .post(
            &format!("/api/sites/{SITE}/display-alerts"),
            Some(&t.display),
            json!({"kind": "display_sound", "detail": detail}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{alert}");
    assert_eq!(alert["kind"], "display_sound");
    assert_eq!(alert["detail"], detail);
    assert_eq!(alert["kiosk"], "display-1", "the alert names the display");

    // Staff hear of it at once on the stream ...
    let event = tokio::time::timeout(Duration::from_secs(10), events.next())
        .await
        .expect("an event")
        .expect("stream open")
        .unwrap();
    assert_eq!(event.event, "display_alert");
    let data: serde_json::Value = serde_json::from_str(&event.data).unwrap();
    assert_eq!(data["alert_id"], alert["id"]);
    assert_eq!(data["detail"], detail);

    // ... and find it in the alert list until acknowledged.
    let (_, list) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(&staff))
        .await;
    let list = list.as_array().unwrap();
    assert!(list.iter().any(|a| a["id"] == alert["id"]), "{list:?}");
    let (status, _) = s
        .json(
            Method::POST,
            &format!("/api/alerts/{}/ack", alert["id"]),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, left) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(&staff))
        .await;
    assert!(
        left.as_array()
            .unwrap()
            .iter()
            .all(|a| a["id"] != alert["id"])
    );
    s.stop().await;
}

#[tokio::test]
async fn only_a_display_of_the_site_raises_display_alerts_and_only_of_its_kind() {
    let (_dir, s, t) = fresh().await;
    let body = json!({"kind": "display_sound", "detail": "no sound"});
    let (status, _) = s
        .post(
            "/api/sites/orio/display-alerts",
            Some(&t.display),
            body.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another site's display");
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/display-alerts"),
            Some(&t.kiosk),
            body.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a kiosk");
    let (status, _) = s
        .post(&format!("/api/sites/{SITE}/display-alerts"), None, body)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for bad in [
        json!({"kind": "assist", "detail": "x"}),
        json!({"kind": "display_sound", "detail": "  "}),
    ] {
        let (status, err) = s
            .post(
                &format!("/api/sites/{SITE}/display-alerts"),
                Some(&t.display),
                bad,
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");
        assert!(err["message"].as_str().unwrap().ends_with('.'), "{err}");
    }
    s.stop().await;
}

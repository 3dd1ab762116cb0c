//! A visitor who asked for the braille-signature form is fetched by staff: calling their ticket
//! (call-next, a recall, a recall of that ticket by id) marks the call for the display and
//! raises an `assist_called` alert for the site's staff, audited with the call.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, fresh};

/// The site's open `assist_called` alerts.
async fn assist_alerts(s: &TestServer, staff: &str) -> Vec<Value> {
    let (status, list) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(staff))
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "assist_called")
        .cloned()
        .collect()
}

/// The board's call of `number`.
async fn board_call(s: &TestServer, number: &str) -> Value {
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    board["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["number"] == number)
        .cloned()
        .unwrap_or_else(|| panic!("no call of {number} on {board}"))
}

#[tokio::test]
async fn calling_a_braille_form_ticket_alerts_staff_and_marks_the_call() {
    let (_dir, s, t) = fresh().await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    let (status, braille) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "vi", "needs": {"braille_form": true}}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{braille}");
    let number = braille["ticket"]["number"].as_str().unwrap().to_owned();
    let plain = s.issue(&t.kiosk, "pickup").await;

    // Call-next: the call is marked for the display, and staff get an alert naming the ticket
    // and the counter in words.
    let (_, r) = s.act(&staff, "3", "call-next", json!(null)).await;
    assert_eq!(r["ticket"]["number"], number.as_str());
    assert_eq!(board_call(&s, &number).await["staff_to_visitor"], true);
    let alerts = assist_alerts(&s, &staff).await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let first = &alerts[0];
    assert_eq!(first["ticket"]["number"], number.as_str());
    assert_eq!(first["ticket"]["needs"]["braille_form"], true);
    assert_eq!(first["lang"], "vi");
    assert_eq!(
        first["detail"],
        format!(
            "{number} (braille-signature form): go to the visitor in the waiting area and bring them to Counter 3."
        )
    );

    // A recall while the alert is still open adds no second one.
    let (_, r) = s.act(&staff, "3", "recall", json!({})).await;
    assert_eq!(r["ticket"]["recalls"], 1);
    assert_eq!(board_call(&s, &number).await["staff_to_visitor"], true);
    assert_eq!(assist_alerts(&s, &staff).await.len(), 1);

    // Acknowledged, skipped, then called again by its id: a new alert.
    let (status, _) = s
        .json(
            Method::POST,
            &format!("/api/alerts/{}/ack", first["id"]),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(assist_alerts(&s, &staff).await.is_empty());
    let (status, r) = s.act(&staff, "3", "skip", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    let (status, r) = s
        .act(
            &staff,
            "3",
            "recall",
            json!({"ticket": braille["ticket"]["id"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["ticket"]["state"], "called");
    let again = assist_alerts(&s, &staff).await;
    assert_eq!(again.len(), 1, "{again:?}");
    assert_ne!(again[0]["id"], first["id"]);

    // An ordinary ticket: no mark, no alert.
    s.act(&staff, "3", "done", json!({})).await;
    let (_, r) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(r["ticket"]["number"], plain["ticket"]["number"]);
    let plain_number = plain["ticket"]["number"].as_str().unwrap();
    assert_eq!(
        board_call(&s, plain_number).await["staff_to_visitor"],
        false
    );
    assert_eq!(assist_alerts(&s, &staff).await.len(), 1);

    // The audit log names each alert with the call that raised it, and the acknowledgement.
    let supervisor = s.login("super1", SITE, None).await;
    let (_, audit) = s
        .get(&format!("/api/sites/{SITE}/audit"), Some(&supervisor))
        .await;
    let audit = audit.as_array().unwrap();
    let raised: Vec<&Value> = audit
        .iter()
        .filter(|e| {
            e["action"] != "ack_alert"
                && e["detail"].as_str().unwrap().contains("kind=assist_called")
        })
        .collect();
    assert_eq!(raised.len(), 2, "{audit:?}");
    assert!(raised.iter().all(|e| e["ticket"] == number.as_str()));
    assert!(raised.iter().any(|e| e["action"] == "call-next"));
    assert!(raised.iter().any(|e| e["action"] == "recall"));
    assert!(
        raised
            .iter()
            .any(|e| e["detail"] == format!("alert={} kind=assist_called", first["id"]))
    );
    assert!(audit.iter().any(|e| e["action"] == "ack_alert"
        && e["detail"] == format!("alert={} kind=assist_called", first["id"])));
    s.stop().await;
}

#[tokio::test]
async fn the_called_event_carries_the_mark_and_staff_of_another_site_see_no_alert() {
    let (_dir, s, t) = fresh().await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    let (status, body) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "ja", "needs": {"braille_form": true, "wheelchair": true}}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, r) = s.act(&staff, "3", "call-next", json!(null)).await;
    let id = r["ticket"]["id"].clone();

    // The event stream replays the call with its mark (what displays and consoles receive).
    use eventsource_stream::Eventsource;
    use futures_util::StreamExt;
    let res = s
        .http
        .get(s.url(&format!("/api/sites/{SITE}/events?last_event_id=0")))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    let mut events = Box::pin(res.bytes_stream().eventsource());
    let called = loop {
        let event = tokio::time::timeout(std::time::Duration::from_secs(10), events.next())
            .await
            .expect("an event")
            .expect("stream open")
            .unwrap();
        if event.event == "called" {
            break serde_json::from_str::<Value>(&event.data).unwrap();
        }
    };
    assert_eq!(called["call"]["staff_to_visitor"], true);
    assert_eq!(called["ticket"]["id"], id);

    let other = s.login("orio1", "orio", None).await;
    let (_, list) = s.get("/api/sites/orio/alerts", Some(&other)).await;
    assert!(list.as_array().unwrap().is_empty(), "{list}");
    let (status, _) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(&other))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    s.stop().await;
}

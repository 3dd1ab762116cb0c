//! Kiosks that keep issuing through an outage: numbers lent while online, offline tickets
//! uploaded after the server came back (also after a restart), in issue-time order.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, seed, temp_db, weekday_10am};

async fn upload(s: &TestServer, kiosk: &str, key: &str, body: Value) -> (StatusCode, Value) {
    let res = s
        .http
        .post(s.url(&format!("/api/sites/{SITE}/tickets/offline")))
        .bearer_auth(kiosk)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap())
}

#[tokio::test]
async fn offline_tickets_from_a_lease_join_in_issue_time_order_after_a_restart() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    let (status, grant) = s
        .post(
            &format!("/api/sites/{SITE}/leases"),
            Some(&t.kiosk),
            json!({"services": ["pickup", "ecert"], "size": 20}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{grant}");
    let pickup = grant["leases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["service"] == "pickup")
        .unwrap()
        .clone();
    assert_eq!(
        (pickup["from"].as_u64(), pickup["to"].as_u64()),
        (Some(980), Some(999))
    );
    assert_eq!(pickup["prefix"], "A");
    // Asking again while the block is unused lends nothing more.
    let (_, again) = s
        .post(
            &format!("/api/sites/{SITE}/leases"),
            Some(&t.kiosk),
            json!({"services": ["pickup"], "size": 20}),
        )
        .await;
    assert_eq!(again["leases"].as_array().unwrap().len(), 2);
    // Displays and staff are not kiosks: no lease for them.
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/leases"),
            Some(&t.display),
            json!({"services": ["pickup"]}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let first = s.issue(&t.kiosk, "pickup").await; // A-001 at 10:00
    s.stop().await;

    // The server was down 10:05-10:40; kiosk-1 printed A-980 at 10:10 and A-981 at 10:30
    // from its lease. After the restart at 10:40 a live A-002 is issued between the uploads.
    let s = TestServer::start(&db, weekday_10am() + Duration::minutes(40)).await;
    let at = |m: i64| (weekday_10am() + Duration::minutes(m)).to_rfc3339();
    let (status, a980) = upload(
        &s,
        &t.kiosk,
        "k1-offline-1",
        json!({"service": "pickup", "lang": "vi", "number": 980, "issued_at": at(10)}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{a980}");
    assert_eq!(a980["ticket"]["number"], "A-980");
    assert_eq!(a980["ticket"]["offline"], true);
    assert_eq!(a980["people_ahead"], 1, "behind A-001 only");
    // A retry of the same upload creates nothing.
    let (status, repeat) = upload(
        &s,
        &t.kiosk,
        "k1-offline-1",
        json!({"service": "pickup", "lang": "vi", "number": 980, "issued_at": at(10)}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(repeat["ticket"]["id"], a980["ticket"]["id"]);
    let live = s.issue(&t.kiosk, "pickup").await;
    assert_eq!(live["ticket"]["number"], "A-002");
    let (status, a981) = upload(
        &s,
        &t.kiosk,
        "k1-offline-2",
        json!({"service": "pickup", "lang": "ja", "number": 981, "issued_at": at(30)}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{a981}");
    // A number outside the lease, or another kiosk's upload of it, is refused.
    for (kiosk, number) in [(&t.kiosk, 979), (&t.kiosk, 980)] {
        let (status, err) = upload(
            &s,
            kiosk,
            &format!("bad-{number}"),
            json!({"service": "pickup", "lang": "ja", "number": number, "issued_at": at(31)}),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{err}");
        assert_eq!(err["code"], "not_leased");
    }
    // Called in issue-time order: A-001 (10:00), A-980 (10:10), A-981 (10:30), A-002 (10:40).
    let staff = s.login("staff1", SITE, Some("3")).await;
    let mut order = Vec::new();
    for _ in 0..4 {
        let (_, r) = s.act(&staff, "3", "call-next", json!({})).await;
        order.push(r["ticket"]["number"].as_str().unwrap().to_owned());
    }
    assert_eq!(order, ["A-001", "A-980", "A-981", "A-002"]);
    // The QR status page of an offline ticket works from now on.
    let (status, st) = s
        .get(
            &format!("/api/status/{}", a980["status_token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(st["number"], "A-980");
    assert_eq!(first["ticket"]["number"], "A-001");
    s.stop().await;
}

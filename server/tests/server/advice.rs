//! Live advice and a counter's weights for today: a busy site gets an advice, applying its
//! move changes the counter's weights (audited, kept over a restart), call-next follows them,
//! and only supervisors may apply.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, fresh, weekday_10am};

/// A morning that overflows: sixty e-certificate renewals and queues for every main job.
async fn busy(s: &TestServer, kiosk: &str) {
    for (service, n) in [
        ("online", 1),
        ("ecert", 60),
        ("pickup", 20),
        ("inquiry", 15),
    ] {
        for _ in 0..n {
            s.issue(kiosk, service).await;
        }
    }
}

#[tokio::test]
async fn a_busy_site_gets_advice_and_applying_it_changes_the_weights() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    let staff = s.login("staff1", SITE, Some("5")).await;
    let advice_url = format!("/api/sites/{SITE}/advice");

    // Quiet: predictions, no advice for the kiosk services (the city desks may get one from
    // the forecast alone: the configuration's 10 min per handover until times are measured).
    let (status, quiet) = s.get(&advice_url, Some(&staff)).await;
    assert_eq!(status, StatusCode::OK, "{quiet}");
    assert!(
        quiet["advice"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["service"] == "city"),
        "{quiet}"
    );
    let ecert = quiet["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["service"] == "ecert")
        .unwrap();
    assert_eq!(ecert["target_min"], 20);
    let (status, _) = s.get(&advice_url, Some(&t.kiosk)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    busy(&s, &t.kiosk).await;
    let (status, live) = s.get(&advice_url, Some(&sup)).await;
    assert_eq!(status, StatusCode::OK, "{live}");
    let items = live["advice"].as_array().unwrap();
    let ecert = items
        .iter()
        .find(|a| a["service"] == "ecert" && a["move"]["kind"] == "set_weights")
        .unwrap_or_else(|| panic!("no weights move for ecert: {live:#}"));
    assert!(ecert["predicted_min"].as_u64().unwrap() > 20, "{ecert}");
    assert!(
        ecert["after_min"].as_u64().unwrap() < ecert["predicted_min"].as_u64().unwrap(),
        "{ecert}"
    );
    let counter = ecert["move"]["counter"].as_str().unwrap().to_owned();
    let weights = ecert["move"]["weights"].clone();
    assert_eq!(weights["ecert"], 10, "{ecert}");

    // Staff cannot apply it; the supervisor can, once per click.
    let url = format!("/api/sites/{SITE}/counters/{counter}/weights");
    let body = json!({ "weights": weights });
    let (status, err) = s.post(&url, Some(&staff), body.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{err}");
    let (status, now) = s.post(&url, Some(&sup), body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{now}");
    assert_eq!(now["counter"], counter.as_str());
    assert_eq!(now["weights"]["ecert"], 10);
    let (status, again) = s.post(&url, Some(&sup), body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again, now);
    let (status, read) = s.get(&url, Some(&staff)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read, now);

    // Audited once (the repeat changed nothing).
    let (_, rows) = s.get(&format!("/api/sites/{SITE}/audit"), Some(&sup)).await;
    let audited: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["action"] == "weights")
        .collect();
    assert_eq!(audited.len(), 1, "{rows:#}");
    assert_eq!(audited[0]["actor"], "super1");
    assert_eq!(audited[0]["counter"], counter.as_str());
    assert!(
        audited[0]["detail"].as_str().unwrap().contains("ecert=10"),
        "{}",
        audited[0]
    );

    // The advice no longer proposes the move it just made.
    let (_, after) = s.get(&advice_url, Some(&sup)).await;
    assert!(
        !after["advice"].as_array().unwrap().iter().any(|a| {
            a["move"]["kind"] == "set_weights"
                && a["move"]["counter"] == counter.as_str()
                && a["move"]["weights"] == now["weights"]
        }),
        "{after:#}"
    );
    s.stop().await;
}

#[tokio::test]
async fn call_next_follows_todays_weights_also_after_a_restart_and_not_tomorrow() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    // Counter 5 is the online window (online 8, ecert 3): it would call the online visitor.
    let online = s.issue(&t.kiosk, "online").await;
    let ecert = s.issue(&t.kiosk, "ecert").await;
    let url = format!("/api/sites/{SITE}/counters/5/weights");

    let (status, err) = s
        .post(&url, Some(&sup), json!({"weights": {"city": 10}}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");
    assert_eq!(err["code"], "invalid_weights");
    let (status, err) = s
        .post(&url, Some(&sup), json!({"weights": {"ecert": 11}}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");

    let (status, r) = s
        .post(
            &url,
            Some(&sup),
            json!({"weights": {"ecert": 10, "online": 1}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{r}");
    let db = s.db.clone();
    s.stop().await;

    let s = TestServer::start(&db, weekday_10am() + Duration::minutes(1)).await;
    let staff = s.login("staff1", SITE, Some("5")).await;
    let (status, called) = s.act(&staff, "5", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(
        called["ticket"]["id"], ecert["ticket"]["id"],
        "counter 5 takes e-certificates first today (online was {online})"
    );

    // Tomorrow the configuration's weights again: the online visitor first.
    s.clock.advance(Duration::days(1));
    let tomorrow_online = s.issue(&t.kiosk, "online").await;
    s.issue(&t.kiosk, "ecert").await;
    let staff = s.login("staff1", SITE, Some("5")).await;
    let (status, called) = s.act(&staff, "5", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{called}");
    assert_eq!(called["ticket"]["id"], tomorrow_online["ticket"]["id"]);
    s.stop().await;
}

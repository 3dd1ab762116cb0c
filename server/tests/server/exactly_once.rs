//! Every number exactly once: idempotent issuing (the `Idempotency-Key` header, concurrently
//! and across a restart) and a replay that keeps today's numbers after the configuration
//! changed, or refuses to start with the reason.

use madoguchi_engine::{Config, SpecialDay};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, seed, temp_db, weekday_10am};

async fn keyed(s: &TestServer, kiosk: &str, key: &str, body: Value) -> (StatusCode, Value, bool) {
    let res = s
        .http
        .post(s.url(&format!("/api/sites/{SITE}/tickets")))
        .bearer_auth(kiosk)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let replayed = res.headers().get("idempotent-replayed").is_some();
    (status, res.json().await.unwrap(), replayed)
}

#[tokio::test]
async fn the_same_key_twice_concurrently_and_after_a_restart_answers_one_ticket() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    let body = json!({"service": "pickup", "lang": "vi"});
    let key = "6f1c2a9e-6a39-4f7e-9d55-1b2f7f0e0c11";
    let answers =
        futures_util::future::join_all((0..8).map(|_| keyed(&s, &t.kiosk, key, body.clone())))
            .await;
    let first = &answers[0].1;
    for (status, answer, _) in &answers {
        assert!(status.is_success(), "{answer}");
        assert_eq!(answer["ticket"]["id"], first["ticket"]["id"]);
        assert_eq!(answer["ticket"]["number"], "A-001");
        assert_eq!(answer["status_token"], first["status_token"]);
    }
    assert_eq!(
        answers
            .iter()
            .filter(|a| a.0 == StatusCode::CREATED)
            .count(),
        1
    );
    assert_eq!(
        answers.iter().filter(|a| a.2).count(),
        7,
        "7 answers say they are replays"
    );
    // Another key is another visitor.
    let (_, other, _) = keyed(&s, &t.kiosk, "second-visitor", body.clone()).await;
    assert_eq!(other["ticket"]["number"], "A-002");
    s.stop().await;

    let s = TestServer::start(&db, weekday_10am() + chrono::Duration::minutes(5)).await;
    let (status, again, replayed) = keyed(&s, &t.kiosk, key, body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert!(replayed);
    assert_eq!(again["ticket"]["number"], "A-001");
    assert_eq!(again["status_token"], first["status_token"]);
    // Nothing was created by the repeats: the next visitor gets A-003.
    let (_, next, _) = keyed(&s, &t.kiosk, "third-visitor", body.clone()).await;
    assert_eq!(next["ticket"]["number"], "A-003");
    // The same key for a different request is refused, with what to do.
    let (status, err, _) =
        keyed(&s, &t.kiosk, key, json!({"service": "ecert", "lang": "vi"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["code"], "idempotency_key_reused");
    // Keys belong to their sender: another kiosk's same key is its own attempt.
    let (status, bad, _) = keyed(&s, &t.kiosk, "", body.clone()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    s.stop().await;
}

fn typhoon(mut config: Config) -> Config {
    config.special_days.push(SpecialDay {
        date: "2026-11-25".into(),
        sites: Some(vec![SITE.into()]),
        hours: None,
        note: "台風のため臨時閉庁".into(),
    });
    config
}

#[tokio::test]
async fn a_closure_added_after_issuing_keeps_todays_numbers_and_tokens() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    let a1 = s.issue(&t.kiosk, "pickup").await;
    let a2 = s.issue(&t.kiosk, "pickup").await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    s.act(&staff, "3", "call-next", json!({})).await;
    s.stop().await;

    let later = weekday_10am() + chrono::Duration::minutes(30);
    let s = TestServer::try_start(&db, later, typhoon(Config::shipped()))
        .await
        .unwrap();
    for (issued, state) in [(&a1, "called"), (&a2, "waiting")] {
        let (_, st) = s
            .get(
                &format!("/api/status/{}", issued["status_token"].as_str().unwrap()),
                None,
            )
            .await;
        assert_eq!(st["number"], issued["ticket"]["number"]);
        assert_eq!(st["state"], state, "{st}");
    }
    // Closed now: no new ticket, and certainly not a second A-001.
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    s.stop().await;
    // Reopened: numbering continues.
    let s = TestServer::start(&db, later).await;
    assert_eq!(
        s.issue(&t.kiosk, "pickup").await["ticket"]["number"],
        "A-003"
    );
    s.stop().await;
}

#[tokio::test]
async fn a_removed_counter_with_todays_calls_stops_the_start_with_the_reason() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    s.issue(&t.kiosk, "pickup").await;
    let staff = s.login("staff1", SITE, Some("6")).await;
    let (status, body) = s.act(&staff, "6", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    s.stop().await;

    let mut config = Config::shipped();
    let site = config.sites.iter_mut().find(|s| s.id == SITE).unwrap();
    site.counters.retain(|c| c.id != "6");
    let err = TestServer::try_start(&db, weekday_10am(), config)
        .await
        .err()
        .expect("the start is refused");
    assert!(err.contains(&format!("site {SITE}")), "{err}");
    assert!(err.contains("day 2026-11-25"), "{err}");
    assert!(err.contains("call_next"), "{err}");
    assert!(err.contains("\"6\""), "{err}");
    assert!(err.contains("restore the configuration"), "{err}");
}

#[tokio::test]
async fn midnight_closes_tickets_in_every_open_state_and_a_clock_stepping_back_reuses_no_number() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    let mut tickets = Vec::new();
    for _ in 0..7 {
        tickets.push(s.issue(&t.kiosk, "pickup").await);
    }
    let id = |i: usize| tickets[i]["ticket"]["id"].as_i64().unwrap();
    let mut staff = Vec::new();
    for c in ["1", "2", "3", "4", "6"] {
        staff.push((c, s.login("staff1", SITE, Some(c)).await));
    }
    let act = |i: usize, action: &'static str| {
        let (c, token) = staff[i].clone();
        let s = &s;
        async move {
            let (status, body) = s.act(&token, c, action, json!({})).await;
            assert_eq!(status, StatusCode::OK, "{action} at {c}: {body}");
            body
        }
    };
    // A-001 done, A-002 no-show, A-003 serving, A-004 called, A-005 cancelled, A-006/7 waiting.
    act(0, "call-next").await;
    act(0, "done").await;
    act(1, "call-next").await;
    act(1, "no-show").await;
    act(2, "call-next").await;
    act(2, "start").await;
    act(3, "call-next").await;
    let (status, body) = s
        .act(&staff[4].1, "6", "cancel", json!({"ticket": id(4)}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // 00:05 the next day: the first request rolls the day over.
    s.clock
        .set(weekday_10am() + chrono::Duration::hours(14) + chrono::Duration::minutes(5));
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    assert!(
        board["counters"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["current"].is_null()),
        "counters are freed: {board}"
    );
    let expect = [
        "done",
        "no_show",
        "expired",
        "expired",
        "cancelled",
        "expired",
        "expired",
    ];
    for (i, state) in expect.iter().enumerate() {
        let (_, st) = s
            .get(
                &format!(
                    "/api/status/{}",
                    tickets[i]["status_token"].as_str().unwrap()
                ),
                None,
            )
            .await;
        assert_eq!(
            st["state"], *state,
            "{}: {st}",
            tickets[i]["ticket"]["number"]
        );
    }
    s.stop().await;

    // A clock that steps back to yesterday must not start yesterday's numbers again.
    let s = TestServer::start(&db, weekday_10am() + chrono::Duration::days(1)).await;
    let today = s.issue(&t.kiosk, "pickup").await;
    assert_eq!(today["ticket"]["number"], "A-001");
    s.clock.set(weekday_10am() + chrono::Duration::hours(2));
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert_ne!(
        status,
        StatusCode::CREATED,
        "no ticket on a day that is over"
    );
    s.clock
        .set(weekday_10am() + chrono::Duration::days(1) + chrono::Duration::minutes(1));
    assert_eq!(
        s.issue(&t.kiosk, "pickup").await["ticket"]["number"],
        "A-002"
    );
    s.stop().await;
}

#[tokio::test]
async fn a_retried_call_next_click_calls_one_ticket_also_across_a_restart() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let s = TestServer::start(&db, weekday_10am()).await;
    for _ in 0..3 {
        s.issue(&t.kiosk, "pickup").await;
    }
    let staff = s.login("staff1", SITE, Some("3")).await;
    let click = |s: &TestServer, key: &str| {
        s.http
            .post(s.url(&format!("/api/sites/{SITE}/counters/3/call-next")))
            .bearer_auth(&staff)
            .header("Idempotency-Key", key)
            .send()
    };
    let first: Value = click(&s, "click-1").await.unwrap().json().await.unwrap();
    let again = click(&s, "click-1").await.unwrap();
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(first["ticket"]["number"], "A-001");
    assert_eq!(again["ticket"]["number"], "A-001");
    s.stop().await;
    let s = TestServer::start(&db, weekday_10am() + chrono::Duration::minutes(2)).await;
    let after: Value = click(&s, "click-1").await.unwrap().json().await.unwrap();
    assert_eq!(
        after["ticket"]["number"], "A-001",
        "the retry after a restart calls nobody new"
    );
    let next: Value = click(&s, "click-2").await.unwrap().json().await.unwrap();
    assert_eq!(next["ticket"]["number"], "A-002");
    s.stop().await;
}

//! Public routes, issuing, status pages, errors, roles, alerts and the audit log.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::{SITE, fresh};

#[tokio::test]
async fn health_sites_and_openapi() {
    let (_dir, s, _t) = fresh().await;
    let (status, body) = s.get("/api/health", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    let (_, sites) = s.get("/api/sites", None).await;
    assert_eq!(sites.as_array().unwrap().len(), 13);
    let (status, site) = s.get(&format!("/api/sites/{SITE}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(site["id"], SITE);
    let (status, err) = s.get("/api/sites/nowhere", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["code"], "unknown_site");
    let (status, doc) = s.get("/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["paths"]["/api/sites/{site}/counters/{counter}/{action}"]["post"].is_object());
    let (status, err) = s.get("/api/no/such/route", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["code"], "not_found");
    s.stop().await;
}

#[tokio::test]
async fn issue_numbers_status_and_bad_input() {
    let (_dir, s, t) = fresh().await;
    let first = s.issue(&t.kiosk, "pickup").await;
    let second = s.issue(&t.kiosk, "pickup").await;
    assert_eq!(first["ticket"]["number"], "A-001");
    assert_eq!(second["ticket"]["number"], "A-002");
    assert_eq!(first["ticket"]["kiosk"], "kiosk-1");
    assert_eq!(second["people_ahead"], 1);
    let token = second["status_token"].as_str().unwrap();
    assert!(token.len() >= 22, "at least 128 bits: {token}");
    assert_eq!(second["status_url"], s.url(&format!("/s/{token}")));

    let (status, st) = s.get(&format!("/api/status/{token}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(st["number"], "A-002");
    assert_eq!(st["state"], "waiting");
    assert_eq!(st["people_ahead"], 1);
    assert!(
        st.get("id").is_none() && st.get("kiosk").is_none(),
        "status reveals only the ticket's state: {st}"
    );

    let (status, err) = s.get("/api/status/not-a-real-token", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["code"], "unknown_ticket");

    let path = format!("/api/sites/{SITE}/tickets");
    let res = s
        .http
        .post(s.url(&path))
        .bearer_auth(&t.kiosk)
        .header("content-type", "application/json")
        .body("{\"service\": \"pickup\",")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let err: serde_json::Value = res.json().await.unwrap();
    assert_eq!(err["code"], "bad_request");
    assert!(err["message"].as_str().unwrap().len() > 20);

    let (status, err) = s
        .post(
            &path,
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "xx"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{err}");
    let (status, err) = s
        .post(
            &path,
            Some(&t.kiosk),
            json!({"service": "nosuch", "lang": "ja"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["code"], "unknown_service");
    let (status, err) = s
        .post(
            "/api/sites/nowhere/tickets",
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert!(
        status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
        "{status} {err}"
    );
    let (status, _) = s
        .post(&path, None, json!({"service": "pickup", "lang": "ja"}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = s
        .post(
            &path,
            Some("wrong-token"),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    s.stop().await;
}

#[tokio::test]
async fn closed_on_sunday_answers_409_with_next_opening() {
    let (_dir, s, t) = fresh().await;
    s.clock
        .set(chrono::DateTime::parse_from_rfc3339("2026-11-29T11:00:00+09:00").unwrap());
    let (status, err) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.kiosk),
            json!({"service": "pickup", "lang": "en"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(err["code"], "site_closed");
    let next = chrono::DateTime::parse_from_rfc3339(err["next_opening"].as_str().unwrap()).unwrap();
    assert_eq!(
        next,
        chrono::DateTime::parse_from_rfc3339("2026-11-30T08:30:00+09:00").unwrap()
    );
    s.stop().await;
}

#[tokio::test]
async fn roles_and_sites_are_enforced() {
    let (_dir, s, t) = fresh().await;
    s.issue(&t.kiosk, "pickup").await;
    let (status, err) = s.act(&t.kiosk, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(err["code"], "forbidden");
    let (status, _) = s.act(&t.display, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&t.other_kiosk),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let orio = s.login("orio1", "orio", None).await;
    let (status, err) = s.act(&orio, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{err}");
    let (status, _) = s
        .post(
            "/api/login",
            None,
            json!({"user": "orio1", "password": "orio1-pw", "site": SITE}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = s
        .post(
            "/api/login",
            None,
            json!({"user": "staff1", "password": "wrong", "site": SITE}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Staff signed in at counter 3 act there, not at counter 4.
    let staff = s.login("staff1", SITE, Some("3")).await;
    let (status, called) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(called["ticket"]["number"], "A-001");
    let (status, _) = s.act(&staff, "4", "pause", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, err) = s.act(&staff, "99", "pause", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["code"], "unknown_counter");

    // The audit log: supervisors only, newest first, with the staff's actions.
    let audit = format!("/api/sites/{SITE}/audit");
    let (status, _) = s.get(&audit, Some(&staff)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = s.get(&audit, Some(&t.kiosk)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let sup = s.login("super1", SITE, None).await;
    let (status, rows) = s.get(&audit, Some(&sup)).await;
    assert_eq!(status, StatusCode::OK);
    let rows = rows.as_array().unwrap();
    let call = rows
        .iter()
        .find(|r| r["action"] == "call-next")
        .expect("call-next audited");
    assert_eq!(call["actor"], "staff1");
    assert_eq!(call["counter"], "3");
    assert_eq!(call["ticket"], "A-001");
    assert!(
        rows.iter()
            .any(|r| r["action"] == "login" && r["actor"] == "super1")
    );
    assert_eq!(rows[0]["action"], "login", "newest first");

    // An admin acts at every site and /api/me names the site signed in at.
    let admin = s.login("admin", "orio", None).await;
    let (status, me) = s.get("/api/me", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (me["site"].as_str(), me["role"].as_str()),
        (Some("orio"), Some("admin"))
    );
    let (status, _) = s.get(&audit, Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);

    // Me and logout.
    let (status, me) = s.get("/api/me", Some(&staff)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["counter"], "3");
    let (status, _) = s
        .json(Method::POST, "/api/logout", Some(&staff), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = s.get("/api/me", Some(&staff)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    s.stop().await;
}

#[tokio::test]
async fn session_cookie_authenticates() {
    let (_dir, s, _t) = fresh().await;
    let res = s
        .http
        .post(s.url("/api/login"))
        .json(&json!({"user": "staff1", "password": "staff1-pw", "site": SITE, "counter": "1"}))
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_owned();
    let res = s
        .http
        .get(s.url("/api/me"))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    s.stop().await;
}

#[tokio::test]
async fn kiosk_alerts_guided_notice_and_reprint() {
    let (_dir, s, t) = fresh().await;
    let issued = s.issue(&t.kiosk, "ecert").await;
    let id = issued["ticket"]["id"].as_i64().unwrap();
    let (status, _) = s
        .post(
            &format!("/api/tickets/{id}/print-result"),
            Some(&t.kiosk),
            json!({"printed": false, "reason": "paper out"}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, alert) = s
        .post(
            &format!("/api/sites/{SITE}/assist"),
            Some(&t.kiosk),
            json!({"lang": "ne"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(alert["kind"], "assist");
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/guided"),
            Some(&t.kiosk),
            json!({"reason": "not_resident", "lang": "en"}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let staff = s.login("staff1", SITE, None).await;
    let (_, alerts) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(&staff))
        .await;
    let alerts = alerts.as_array().unwrap().clone();
    assert_eq!(alerts.len(), 2);
    let failed = alerts.iter().find(|a| a["kind"] == "print_failed").unwrap();
    assert_eq!(failed["ticket"]["printed"], false);
    assert_eq!(failed["detail"], "paper out");
    let (status, _) = s
        .json(
            Method::POST,
            &format!("/api/alerts/{}/ack", failed["id"]),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, left) = s
        .get(&format!("/api/sites/{SITE}/alerts"), Some(&staff))
        .await;
    assert_eq!(left.as_array().unwrap().len(), 1);

    let (status, again) = s
        .json(
            Method::POST,
            &format!("/api/tickets/{id}/reprint"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["ticket"]["number"], issued["ticket"]["number"]);
    assert_eq!(again["status_token"], issued["status_token"]);

    let notice = format!("/api/sites/{SITE}/notice");
    let (status, _) = s
        .json(
            Method::PUT,
            &notice,
            Some(&staff),
            Some(json!({"text": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let sup = s.login("super1", SITE, None).await;
    let (status, _) = s
        .json(
            Method::PUT,
            &notice,
            Some(&sup),
            Some(json!({"text": "午後は混雑します"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    assert_eq!(board["notice"], "午後は混雑します");
    s.stop().await;
}

#[tokio::test]
async fn schema_has_no_personal_data_columns() {
    let (_dir, s, _t) = fresh().await;
    // SQLite keeps each table's CREATE statement; PostgreSQL lists tables and columns.
    let (query, tickets) = if crate::common::test_pg().is_some() {
        (
            "SELECT table_name || ' ' || column_name FROM information_schema.columns \
             WHERE table_schema = 'public'",
            "tickets status_token",
        )
    } else {
        (
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL \
             AND name NOT LIKE 'sqlite_%'",
            "CREATE TABLE tickets",
        )
    };
    let sql: Vec<String> = crate::common::query_column(&s.db, query, &[]).await;
    assert!(sql.iter().any(|t| t.contains(tickets)), "{sql:?}");
    let all = sql.join("\n").to_lowercase();
    for word in [
        "name",
        "address",
        "birth",
        "my_number",
        "mynumber",
        "kojin",
        "phone",
        "email",
    ] {
        assert!(!all.contains(word), "the schema mentions {word}: {all}");
    }
    s.stop().await;
}

#[tokio::test]
async fn city_boards_and_status_qr_code() {
    let (_dir, s, t) = fresh().await;
    let issued = s.issue(&t.kiosk, "pickup").await;
    let (status, boards) = s.get("/api/boards", None).await;
    assert_eq!(status, StatusCode::OK);
    let boards = boards.as_array().unwrap();
    assert_eq!(boards.len(), 13);
    let mine = boards.iter().find(|b| b["site"] == SITE).unwrap();
    let pickup = mine["queues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["service"] == "pickup")
        .unwrap();
    assert_eq!(pickup["waiting"], 1);

    let token = issued["status_token"].as_str().unwrap();
    let res = s
        .call(
            Method::GET,
            &format!("/api/status/{token}/qr.svg"),
            None,
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    let svg = res.text().await.unwrap();
    assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    let (status, _) = s.get("/api/status/unknown/qr.svg", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    s.stop().await;
}

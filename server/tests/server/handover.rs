//! Hand-over passes (`POST /api/handover`, `/api/handover/exchange`): how a staff console moves
//! to another server of the same database still signed in. A pass is issued only to a signed-in
//! session, works once, expires, dies with its session (sign-out, `user signout`), backs off an
//! address that keeps trying bad ones, and exchanged on a second server of the same database
//! gives exactly the rights the session had there, audited; signing out on either ends both.
//! `serve --peer` is checked, allowed in the console page's Content-Security-Policy and handed out
//! with every pass.

use std::process::Command;
use std::time::Duration;

use chrono::Duration as Span;
use madoguchi_server::clock::Clock as _;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, fresh, seed, temp_db, weekday_10am};

async fn pass_of(s: &TestServer, token: &str) -> Value {
    let (status, body) = s.post("/api/handover", Some(token), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Exchanges `pass` on `s`: `(status, body, the session token of the cookie set)`.
async fn exchange(s: &TestServer, pass: &str) -> (StatusCode, Value, Option<String>) {
    let res = s
        .call(
            reqwest::Method::POST,
            "/api/handover/exchange",
            None,
            Some(json!({ "pass": pass })),
        )
        .await;
    let status = res.status();
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.strip_prefix("madoguchi_session="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    if let Some(c) = res.headers().get("set-cookie") {
        let c = c.to_str().unwrap();
        assert!(
            c.contains("HttpOnly") && c.contains("SameSite=Strict"),
            "{c}"
        );
    }
    let body: Value = res.json().await.unwrap_or(Value::Null);
    (status, body, cookie)
}

fn refused(status: StatusCode, body: &Value, says: &str) {
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["code"], "handover_refused", "{body}");
    let message = body["message"].as_str().unwrap();
    assert!(message.contains(says), "{message}");
    assert!(message.contains("Sign in again"), "{message}");
}

#[tokio::test]
async fn a_pass_is_issued_only_to_a_signed_in_session_and_works_once() {
    let (_dir, s, t) = fresh().await;
    let (status, _) = s.post("/api/handover", None, json!({})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no session, no pass");
    let (status, body) = s.post("/api/handover", Some(&t.kiosk), json!({})).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a device token is not a session: {body}"
    );

    let staff = s.login("staff1", SITE, Some("3")).await;
    let issued = pass_of(&s, &staff).await;
    let pass = issued["pass"].as_str().unwrap();
    assert!(pass.len() >= 43, "256 random bits: {pass}");
    assert_eq!(issued["peers"], json!([]), "no --peer given");
    let expires = chrono::DateTime::parse_from_rfc3339(issued["expires_at"].as_str().unwrap());
    assert_eq!(expires.unwrap(), weekday_10am() + Span::seconds(120));

    let (status, body, cookie) = exchange(&s, pass).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"], "staff1");
    assert_eq!(body["counter"], "3");
    let cookie = cookie.expect("the exchange sets the session cookie");
    assert_ne!(
        cookie, staff,
        "a session of its own, not the signed-in one's token"
    );
    assert_eq!(s.get("/api/me", Some(&cookie)).await.0, StatusCode::OK);

    let (status, body, cookie) = exchange(&s, pass).await;
    refused(status, &body, "used already");
    assert!(cookie.is_none());
}

#[tokio::test]
async fn a_pass_expires_and_dies_with_its_session() {
    let (_dir, s, _t) = fresh().await;
    let staff = s.login("staff1", SITE, Some("3")).await;

    let late = pass_of(&s, &staff).await;
    s.clock.advance(Span::seconds(121));
    let (status, body, _) = exchange(&s, late["pass"].as_str().unwrap()).await;
    refused(status, &body, "expired");

    // Signed out on this server: its passes are refused.
    let pass = pass_of(&s, &staff).await;
    assert_eq!(
        s.post("/api/logout", Some(&staff), json!({})).await.0,
        StatusCode::NO_CONTENT
    );
    let (status, body, _) = exchange(&s, pass["pass"].as_str().unwrap()).await;
    refused(status, &body, "has ended");

    // Signed out by the command line (`user signout`): refused at once, not after the cache.
    let boss = s.login("super1", SITE, None).await;
    let pass = pass_of(&s, &boss).await;
    let out = Command::new(env!("CARGO_BIN_EXE_madoguchi-server"))
        .args(["user", "signout", "--name", "super1", "--db"])
        .arg(&s.db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, body, _) = exchange(&s, pass["pass"].as_str().unwrap()).await;
    refused(status, &body, "has ended");

    // A session near its end gives a pass that ends with it.
    let staff = s.login("staff1", SITE, Some("3")).await;
    s.clock.advance(Span::hours(16) - Span::seconds(30));
    let pass = pass_of(&s, &staff).await;
    let expires = chrono::DateTime::parse_from_rfc3339(pass["expires_at"].as_str().unwrap());
    assert_eq!(expires.unwrap(), s.clock.now() + Span::seconds(30));
}

#[tokio::test]
async fn bad_passes_back_off_their_address_like_wrong_passwords() {
    let (_dir, s, _t) = fresh().await;
    for _ in 0..5 {
        let (status, body, _) =
            exchange(&s, "not-a-pass-at-all-but-long-enough-to-look-like-one").await;
        refused(status, &body, "never issued");
    }
    let (status, body, _) = exchange(&s, "not-a-pass").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

#[tokio::test]
async fn exchanged_on_another_server_of_the_database_it_gives_the_same_rights_and_no_more() {
    let (_dir, db) = temp_db();
    let t = seed(&db).await;
    let a = TestServer::start(&db, weekday_10am()).await;
    a.issue(&t.kiosk, "pickup").await;
    // Started after the issue, so on SQLite (no change feed) B's memory has the ticket too.
    let b = TestServer::start(&db, weekday_10am()).await;
    let staff = a.login("staff1", SITE, Some("3")).await;
    let (status, staff_at_a) = a
        .get(&format!("/api/sites/{SITE}/staff"), Some(&staff))
        .await;
    assert_eq!(status, StatusCode::OK);

    let pass = pass_of(&a, &staff).await;
    let (status, me, moved) = exchange(&b, pass["pass"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let moved = moved.unwrap();
    let (status, me) = b.get("/api/me", Some(&moved)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (&me["user"], &me["role"], &me["site"], &me["counter"]),
        (&json!("staff1"), &json!("staff"), &json!(SITE), &json!("3"))
    );

    // Its own counter: yes.
    let (status, body) = b.act(&moved, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Another counter, another site, a supervisor's route: no, as for the signed-in session.
    assert_eq!(
        b.act(&moved, "4", "call-next", json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, _) = b.get("/api/sites/orio/tickets", Some(&moved)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = b
        .get(&format!("/api/sites/{SITE}/audit"), Some(&moved))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The same person at the same counter since the same sign-in.
    let (_, staff_at_b) = b
        .get(&format!("/api/sites/{SITE}/staff"), Some(&moved))
        .await;
    assert_eq!(staff_at_b, staff_at_a, "one line, the sign-in's time");

    // Audited on the site, with the server it moved to.
    let boss = b.login("super1", SITE, None).await;
    let (_, audit) = b
        .get(&format!("/api/sites/{SITE}/audit"), Some(&boss))
        .await;
    let row = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["action"] == "handover")
        .expect("an audit row for the hand-over");
    assert_eq!(row["actor"], "staff1");
    assert_eq!(row["counter"], "3");
    assert!(row["detail"].as_str().unwrap().contains(&b.base), "{row}");

    // A pass of a session without a counter gives a session without a counter.
    let watcher = a.login("staff1", SITE, None).await;
    let pass = pass_of(&a, &watcher).await;
    let (_, _, watching) = exchange(&b, pass["pass"].as_str().unwrap()).await;
    let watching = watching.unwrap();
    assert_eq!(
        b.act(&watching, "3", "done", json!({})).await.0,
        StatusCode::FORBIDDEN
    );

    // Signing out on B ends the signed-in session on A too (one family).
    assert_eq!(
        b.post("/api/logout", Some(&moved), json!({})).await.0,
        StatusCode::NO_CONTENT
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        a.get("/api/me", Some(&staff)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        b.get("/api/me", Some(&moved)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        a.get("/api/me", Some(&watching)).await.0,
        StatusCode::OK,
        "another sign-in's family stays"
    );
    b.stop().await;
    a.stop().await;
}

/// Kills the server child when the test ends, passed or failed.
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serve_puts_its_peers_in_the_console_page_and_in_every_pass() {
    let bin = env!("CARGO_BIN_EXE_madoguchi-server");
    let out = Command::new(bin)
        .args(["serve", "--peer", "ftp://b.city.local"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a server address"), "{err}");

    let (_dir, db) = temp_db();
    seed(&db).await;
    let port = crate::crash::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let _server = Serving(
        Command::new(bin)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--db"])
            .arg(&db)
            .args([
                "--peer",
                "http://127.0.0.2:8080/",
                "--peer",
                "https://B.city.local",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let http = reqwest::Client::new();
    let mut health = None;
    for _ in 0..300 {
        if let Ok(res) = http.get(format!("{base}/api/health")).send().await {
            health = Some(res);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let health = health.expect("the server answers");
    assert_eq!(
        health.headers()["access-control-allow-origin"],
        "*",
        "a console on a peer's address may ask whether this server answers"
    );
    let page = http.get(format!("{base}/staff")).send().await.unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert_eq!(
        csp,
        "default-src 'self'; connect-src 'self' http://127.0.0.2:8080 https://b.city.local; \
         frame-ancestors 'none'"
    );

    let login = http
        .post(format!("{base}/api/login"))
        .json(&json!({"user": "staff1", "password": "staff1-pw", "site": SITE, "counter": "3"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let token = login.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let issued: Value = http
        .post(format!("{base}/api/handover"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        issued["peers"],
        json!(["http://127.0.0.2:8080", "https://b.city.local"])
    );
}

//! The transport holds against a visitor's laptop on the lobby LAN: a client that sends its
//! headers slowly is cut off without stalling others, connections beyond the cap are closed
//! at once, and every response carries the security headers.

use std::time::Duration;

use madoguchi_engine::Config;
use madoguchi_server::serve::Limits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::common::{TestServer, seed, temp_db, weekday_10am};

async fn server(limits: Limits) -> (tempfile::TempDir, TestServer) {
    let (dir, db) = temp_db();
    seed(&db).await;
    let s = TestServer::try_start_with(&db, weekday_10am(), Config::shipped(), limits)
        .await
        .unwrap();
    (dir, s)
}

fn addr(s: &TestServer) -> String {
    s.base.trim_start_matches("http://").to_string()
}

/// Reads until the server closes the connection (or `wait` passes): true if it closed.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buf = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off_and_others_are_served() {
    let (_dir, s) = server(Limits {
        header_read: Duration::from_millis(800),
        ..Limits::default()
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..20 {
        let mut c = TcpStream::connect(addr(&s)).await.unwrap();
        c.write_all(b"GET /api/health HTTP/1.1\r\nHost: lobby\r\nX-Slow: ")
            .await
            .unwrap();
        slow.push(c);
    }
    // Meanwhile the real clients are answered.
    let (status, _) = s.get("/api/health", None).await;
    assert!(status.is_success());
    for c in &mut slow {
        assert!(
            closed_within(c, Duration::from_secs(5)).await,
            "a slow client kept its socket"
        );
    }
    s.stop().await;
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_at_once() {
    let (_dir, s) = server(Limits {
        max_connections: 3,
        header_read: Duration::from_secs(30),
        ..Limits::default()
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(addr(&s)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut extra = TcpStream::connect(addr(&s)).await.unwrap();
    assert!(closed_within(&mut extra, Duration::from_secs(2)).await);
    // A slot frees when a client leaves.
    drop(held.pop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut c = TcpStream::connect(addr(&s)).await.unwrap();
    c.write_all(b"GET /api/health HTTP/1.1\r\nHost: lobby\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    c.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    s.stop().await;
}

#[tokio::test]
async fn pages_and_api_answers_carry_the_security_headers() {
    let (_dir, s) = server(Limits::default()).await;
    for path in [
        "/staff",
        "/s/sometoken",
        "/congestion",
        "/api/health",
        "/api/nothing",
    ] {
        let res = s.http.get(s.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(
            csp.as_deref(),
            Some("default-src 'self'; frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
    s.stop().await;
}

#[tokio::test]
async fn tokens_travel_in_headers_and_cookies_not_in_urls_or_page_readable_json() {
    let (_dir, s, t) = crate::common::fresh().await;
    let site = crate::common::SITE;
    // A token in the query of an ordinary route is not accepted...
    let (status, _) = s
        .get(
            &format!("/api/sites/{site}/tickets?token={}", t.kiosk),
            None,
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::UNAUTHORIZED);
    // ...but the event stream (EventSource cannot set headers) takes it.
    let res = s
        .http
        .get(s.url(&format!("/api/sites/{site}/events?token={}", t.display)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    drop(res);
    // /api/me answers who is signed in, never the HttpOnly session token itself.
    let session = s.login("staff1", site, Some("3")).await;
    let (status, me) = s.get("/api/me", Some(&session)).await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert_eq!(me["user"], "staff1");
    assert!(me.get("token").is_none(), "{me}");
    assert!(!me.to_string().contains(&session));
}

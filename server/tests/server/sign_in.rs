//! Sign-in under a burst of wrong passwords: verifications are bounded, the burst is told to
//! back off (429 with Retry-After), kiosks keep issuing and counters keep calling, unknown
//! logins cannot be told from wrong passwords, and failures are in the audit log.

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, fresh};

#[tokio::test]
async fn a_burst_of_wrong_sign_ins_does_not_stall_issuing_or_calling() {
    let (_dir, s, t) = fresh().await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    let burst = futures_util::future::join_all((0..150).map(|i| {
        let (http, url) = (s.http.clone(), s.url("/api/login"));
        async move {
            let user = if i % 2 == 0 { "admin" } else { "nobody-here" };
            http.post(url)
                .json(&json!({"user": user, "password": format!("guess-{i}"), "site": SITE}))
                .send()
                .await
                .map(|r| (r.status(), r.headers().get("retry-after").cloned()))
                .unwrap()
        }
    }));
    // While the burst runs, the lobby goes on: every issue and call answers.
    let work = async {
        let mut answered = 0;
        for _ in 0..10 {
            let issued = s.issue(&t.kiosk, "pickup").await;
            assert!(issued["ticket"]["number"].is_string());
            let (status, _) = s.act(&staff, "3", "call-next", json!({})).await;
            assert_eq!(status, StatusCode::OK);
            answered += 2;
        }
        answered
    };
    let (results, answered) = tokio::join!(burst, work);
    assert_eq!(answered, 20);
    let refused: Vec<_> = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    let wrong = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(
        refused.len() + wrong,
        150,
        "every attempt is refused one way or the other"
    );
    assert!(!refused.is_empty(), "the burst is told to back off");
    assert!(
        refused.iter().all(|(_, retry)| retry.is_some()),
        "429 says when to retry"
    );
    // Far fewer than the burst were checked (at most 2 at a time for 750 ms each, and the
    // source is backed off after 5 failures); how many depends on the machine's speed.
    assert!(wrong < 150, "{wrong} passwords were verified");
    // Right after the burst this source is backed off: even a right password gets a clear
    // 429 (or, if the burst ended early enough, signs in), never a silent failure.
    let (status, body) = s
        .post(
            "/api/login",
            None,
            json!({"user": "staff1", "password": "staff1-pw", "site": SITE}),
        )
        .await;
    assert!(
        status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::OK,
        "{status} {body}"
    );
    // Failed sign-ins are audited, unknown logins and wrong passwords alike.
    let failed: Vec<i64> = crate::common::query_column(
        &s.db,
        "SELECT COUNT(*) FROM audit WHERE action = 'login_failed'",
        &[],
    )
    .await;
    assert_eq!(failed, [wrong as i64]);
    let actors: Vec<String> = crate::common::query_column(
        &s.db,
        "SELECT DISTINCT actor FROM audit WHERE action = 'login_failed' ORDER BY actor",
        &[],
    )
    .await;
    assert!(
        actors.iter().all(|a| a == "admin" || a == "nobody-here"),
        "{actors:?}"
    );
    eprintln!(
        "sign-in burst: 150 attempts, {wrong} verified, {} told to retry",
        refused.len()
    );
}

#[tokio::test]
async fn an_unknown_login_and_a_wrong_password_get_the_same_answer() {
    let (_dir, s, _t) = fresh().await;
    let (a, body_a) = s
        .post(
            "/api/login",
            None,
            json!({"user": "admin", "password": "wrong-password", "site": SITE}),
        )
        .await;
    let (b, body_b) = s
        .post(
            "/api/login",
            None,
            json!({"user": "no-such-user", "password": "wrong-password", "site": SITE}),
        )
        .await;
    assert_eq!((a, b), (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED));
    assert_eq!(body_a, body_b);
}

/// PostgreSQL text cannot hold NUL: on either store such input is an ordinary wrong login or
/// unknown ticket, never a storage failure (which would also fail every request committed with
/// it).
#[tokio::test]
async fn a_nul_character_in_input_is_refused_like_any_other_wrong_value() {
    let (_dir, s, t) = fresh().await;
    let (status, body) = s
        .post(
            "/api/login",
            None,
            json!({"user": "staff1\u{0}", "password": "wrong-password", "site": SITE}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body["message"].as_str().unwrap().contains("NUL"), "{body}");
    let (status, body) = s.get("/api/status/no%00such-token", None).await;
    assert!(status.is_client_error(), "{status} {body}");
    s.issue(&t.kiosk, "pickup").await;
}

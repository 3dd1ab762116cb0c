//! The report and staffing routes as a supervisor uses them: yesterday's 日報 with the day's
//! real figures, the 月報, manual counts, staffing advice, and who may read them.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{SITE, fresh};

#[tokio::test]
async fn yesterdays_daily_report_counts_what_happened_and_only_supervisors_get_it() {
    let (_dir, server, tokens) = fresh().await;
    let staff = server.login("staff1", SITE, Some("3")).await;
    for _ in 0..3 {
        server.issue(&tokens.kiosk, "pickup").await;
    }
    server.issue(&tokens.kiosk, "ecert").await;
    // Two served, one no-show, one left waiting at closing.
    let (status, _) = server.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    server.clock.advance(Duration::minutes(10));
    server.act(&staff, "3", "call-next", json!({})).await;
    server.clock.advance(Duration::minutes(10));
    server.act(&staff, "3", "no-show", json!({})).await;
    server.act(&staff, "3", "call-next", json!({})).await;
    server.clock.advance(Duration::minutes(5));
    server.act(&staff, "3", "done", json!({})).await;
    let (status, _) = server
        .post(
            &format!("/api/sites/{SITE}/manual-counts"),
            Some(&staff),
            json!({"kind": "phone", "label_ja": "電話対応", "count": 4}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // Next morning the supervisor downloads yesterday's report (the default date).
    server.clock.advance(Duration::hours(24));
    let staff = server.login("staff1", SITE, Some("3")).await;
    let boss = server.login("super1", SITE, None).await;
    let path = format!("/api/sites/{SITE}/reports/daily?format=csv");
    let res = server
        .http
        .get(server.url(&path))
        .bearer_auth(&boss)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains("nippo-yahatanishi-2026-11-25.csv"),
        "{disposition}"
    );
    let csv = res.text().await.unwrap();
    assert!(csv.contains("発券数,4"), "{csv}");
    assert!(csv.contains("不在(呼出に応答なし),1"), "{csv}");
    assert!(csv.contains("電話対応"), "{csv}");
    assert!(
        !csv.contains("A-001"),
        "a report must not name a ticket: {csv}"
    );

    let xlsx = server
        .http
        .get(server.url(&format!("/api/sites/{SITE}/reports/daily")))
        .bearer_auth(&boss)
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let body = xlsx.bytes().await.unwrap();
    assert_eq!(&body[..2], b"PK", "an XLSX file is a zip archive");

    let (status, err) = server.get(&path, Some(&staff)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{err}");
    let (status, err) = server
        .get(
            &format!("/api/sites/{SITE}/reports/daily?date=25-11-2026"),
            Some(&boss),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        err["message"].as_str().unwrap().contains("YYYY-MM-DD"),
        "{err}"
    );
}

#[tokio::test]
async fn monthly_report_and_staffing_advice_are_for_supervisors() {
    let (_dir, server, _tokens) = fresh().await;
    let staff = server.login("staff1", SITE, Some("3")).await;
    let boss = server.login("super1", SITE, None).await;

    let res = server
        .http
        .get(server.url("/api/reports/monthly?month=2026-10&format=html"))
        .bearer_auth(&boss)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("2025"),
        "the 月報 shows 2025 beside this year"
    );
    let (status, _) = server.get("/api/reports/monthly", Some(&staff)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, advice) = server
        .get(
            &format!("/api/sites/{SITE}/staffing?date=2027-03-11"),
            Some(&boss),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{advice}");
    let text = advice.to_string();
    assert!(text.contains("交付窓口"), "advice per counter kind: {text}");
    let (status, _) = server
        .get(
            &format!("/api/sites/{SITE}/staffing?date=2027-03-14"),
            Some(&boss),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a Sunday is closed");
    let (status, _) = server
        .get(&format!("/api/sites/{SITE}/staffing"), Some(&staff))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

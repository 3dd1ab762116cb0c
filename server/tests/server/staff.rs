//! Who is signed in at each counter (`GET /api/sites/{site}/staff`): the console's counter
//! table reads it; only staff of the site may, and signing out or an expired session removes
//! the name.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::common::{SITE, fresh};

fn pairs(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["counter"].as_str().unwrap().to_owned(),
                c["user"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_counter_table_names_who_is_signed_in_where() {
    let (_dir, s, t) = fresh().await;
    let path = format!("/api/sites/{SITE}/staff");
    let at3 = s.login("staff1", SITE, Some("3")).await;
    s.clock.advance(Duration::minutes(1));
    let at_city = s.login("staff1", SITE, Some("city-1")).await;
    let sup = s.login("super1", SITE, None).await;

    // Counter order of the configuration; a supervisor without a counter is at no counter.
    let (status, list) = s.get(&path, Some(&sup)).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(
        pairs(&list),
        [
            ("3".to_owned(), "staff1".to_owned()),
            ("city-1".to_owned(), "staff1".to_owned())
        ]
    );
    let first = &list[0];
    assert_eq!(first["role"], "staff");
    assert_eq!(first["since"], "2026-11-25T10:00:00+09:00");
    let mut keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["counter", "role", "since", "user"],
        "a login name, nothing more"
    );

    // Counter staff may read it too; devices, other sites and strangers may not.
    let (status, _) = s.get(&path, Some(&at3)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = s.get(&path, Some(&t.kiosk)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let other = s.login("orio1", "orio", None).await;
    let (status, err) = s.get(&path, Some(&other)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!err["message"].as_str().unwrap().is_empty());
    let (status, _) = s.get(&path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = s.get("/api/sites/nowhere/staff", Some(&sup)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The public board stays anonymous.
    let (_, board) = s.get(&format!("/api/sites/{SITE}/board"), None).await;
    assert!(!board.to_string().contains("staff1"), "{board}");

    // Signing out removes the name; a session past its 16 hours does too.
    let (status, _) = s
        .json(Method::POST, "/api/logout", Some(&at_city), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, list) = s.get(&path, Some(&sup)).await;
    assert_eq!(pairs(&list), [("3".to_owned(), "staff1".to_owned())]);
    s.clock.advance(Duration::hours(15) + Duration::minutes(58));
    let late = s.login("super1", SITE, None).await;
    s.clock.advance(Duration::minutes(2));
    let (_, list) = s.get(&path, Some(&late)).await;
    assert_eq!(pairs(&list), Vec::<(String, String)>::new());
    s.stop().await;
}

//! `madoguchi-server migrate-db`, run as the real binary: an office's SQLite history, made by
//! the real server over two days, moves into a PostgreSQL database with every ticket, number,
//! event id, audit row, user, device token and session as it was; the server then runs on
//! PostgreSQL and numbering, event ids and audit ids continue. A second copy, and a file of
//! another schema version, are refused with a sentence and nothing written. Needs PostgreSQL
//! (`MADOGUCHI_TEST_PG`, set by scripts/test-postgres.sh); skipped with a message without it.

use std::path::Path;
use std::process::{Command, Output};

use chrono::{Duration, NaiveDate};
use madoguchi_protocol::Timestamp;
use madoguchi_reports::Format;
use madoguchi_server::reports;
use madoguchi_server::store::{Store, open};
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{
    SITE, TestServer, Tokens, database, postgres_or_skip, seed, temp_db, weekday_10am,
};

fn migrate(from: &Path, to: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_madoguchi-server"))
        .args(["migrate-db", "--from"])
        .arg(from)
        .arg("--to")
        .arg(to)
        .output()
        .unwrap()
}

fn day(at: Timestamp) -> NaiveDate {
    madoguchi_server::store::day_of(at)
}

/// Everything a store gives back about the office, through the storage boundary, written
/// out with `Debug` (the rows have no `PartialEq`): equal text is equal rows.
async fn history(store: &dyn Store, days: [NaiveDate; 2]) -> Vec<String> {
    let mut out = vec![
        format!("{:?}", store.audit(SITE, 10_000).await.unwrap()),
        format!("{:?}", store.events_after(SITE, 0, 100_000).await.unwrap()),
        format!("{:?}", store.devices().await.unwrap()),
        format!("{:?}", store.sessions(SITE).await.unwrap()),
        format!("{:?}", store.user("staff1").await.unwrap()),
        format!("{:?}", store.notices().await.unwrap()),
        format!("{:?}", store.open_alerts(SITE).await.unwrap()),
        format!("{:?}", store.max_ticket_id().await.unwrap()),
        format!("{:?}", store.max_alert_id().await.unwrap()),
    ];
    for d in days {
        out.push(format!("{:?}", store.commands(SITE, d).await.unwrap()));
        out.push(format!("{:?}", store.report_day(SITE, d).await.unwrap()));
        let mut tokens = store.ticket_tokens(SITE, d).await.unwrap();
        tokens.sort();
        for (_, token) in tokens {
            let t = store.ticket_by_token(&token).await.unwrap().unwrap();
            out.push(format!("{token} {:?} {:?}", t.day, t.ticket));
        }
    }
    out
}

/// A day at 八幡西 through the real server: tickets issued, called, served, a no-show, an
/// assist alert, a manual count and a notice; returns the last ticket issued.
async fn busy_day(server: &TestServer, t: &Tokens) -> Value {
    let staff = server.login("staff1", SITE, Some("3")).await;
    for service in ["pickup", "pickup", "ecert"] {
        server.issue(&t.kiosk, service).await;
    }
    server.act(&staff, "3", "call-next", json!({})).await;
    server.clock.advance(Duration::minutes(7));
    server.act(&staff, "3", "done", json!({})).await;
    server.act(&staff, "3", "call-next", json!({})).await;
    server.act(&staff, "3", "no-show", json!({})).await;
    let assist = format!("/api/sites/{SITE}/assist");
    let (status, _) = server
        .post(&assist, Some(&t.kiosk), json!({"lang": "vi"}))
        .await;
    assert_eq!(status, 201);
    let count = json!({"kind": "phone", "label_ja": "電話対応", "count": 3});
    let path = format!("/api/sites/{SITE}/manual-counts");
    assert_eq!(server.post(&path, Some(&staff), count).await.0, 204);
    let boss = server.login("super1", SITE, None).await;
    let notice = json!({"text": "午後は混雑します"});
    let path = format!("/api/sites/{SITE}/notice");
    let (status, _) = server
        .json(Method::PUT, &path, Some(&boss), Some(notice))
        .await;
    assert!(status.is_success(), "{status}");
    server.issue(&t.kiosk, "pickup").await
}

fn number_of(issued: &Value) -> (String, u32) {
    let number = issued["ticket"]["number"].as_str().unwrap();
    let (prefix, digits) = number.split_at(number.find(|c: char| c.is_ascii_digit()).unwrap());
    (prefix.to_owned(), digits.parse().unwrap())
}

#[tokio::test]
async fn an_office_history_moves_to_postgres_with_every_id_kept() {
    if postgres_or_skip("migrate-db copies into PostgreSQL").is_none() {
        return;
    }
    let office_dir = tempfile::tempdir().unwrap();
    let office = office_dir.path().join("office.db");
    let (_pg_dir, city) = temp_db();
    let t = seed(&office).await;
    let yesterday = weekday_10am() - Duration::days(1);
    let server = TestServer::start(&office, yesterday).await;
    busy_day(&server, &t).await;
    server.clock.set(weekday_10am());
    let last = busy_day(&server, &t).await;
    server.stop().await;
    let days = [day(yesterday), day(weekday_10am())];
    let sqlite = open(&database(&office)).await.unwrap();
    let before = history(&*sqlite, days).await;
    let audit_max = sqlite.audit(SITE, 1).await.unwrap()[0].id;
    let event_max = sqlite.max_event_id(SITE).await.unwrap();
    drop(sqlite);

    let out = migrate(&office, &city);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for table in [
        "tickets",
        "events",
        "audit",
        "commands",
        "sessions",
        "manual_counts",
    ] {
        let line = stdout.lines().find(|l| l.starts_with(table)).unwrap();
        let n: u64 = line.split_whitespace().last().unwrap().parse().unwrap();
        assert!(n > 0, "{table} copied: {stdout}");
    }
    let pg = open(&database(&city)).await.unwrap();
    let after = history(&*pg, days).await;
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a);
    }
    // The reports read the same facts: yesterday's 日報 byte for byte on both stores.
    let sqlite = open(&database(&office)).await.unwrap();
    let config = madoguchi_engine::Config::shipped();
    for format in [Format::Csv, Format::Html] {
        let now = weekday_10am();
        let a = reports::daily(&*sqlite, &config, SITE, days[0], format, now).await;
        let b = reports::daily(&*pg, &config, SITE, days[0], format, now).await;
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.bytes, b.bytes, "{format:?}");
    }
    drop(sqlite);

    // The server on PostgreSQL carries on where the office stopped.
    let server = TestServer::start(&city, weekday_10am() + Duration::minutes(30)).await;
    let token = last["status_token"].as_str().unwrap();
    let (status, seen) = server.get(&format!("/api/status/{token}"), None).await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["number"], last["ticket"]["number"]);
    let next = server.issue(&t.kiosk, "pickup").await;
    let ((p1, n1), (p2, n2)) = (number_of(&last), number_of(&next));
    assert_eq!((p2, n2), (p1, n1 + 1), "the next number continues: {next}");
    let id = last["ticket"]["id"].as_i64().unwrap();
    assert_eq!(next["ticket"]["id"], id + 1);
    let events = pg.events_after(SITE, event_max, 10).await.unwrap();
    assert_eq!(events.first().map(|e| e.0), Some(event_max + 1));
    server.login("staff1", SITE, Some("3")).await;
    let newest = pg.audit(SITE, 1).await.unwrap();
    assert_eq!(newest[0].id, audit_max + 1, "audit ids continue");
    server.stop().await;

    // A second copy of the same days is refused, and nothing is written.
    let before = history(&*pg, days).await;
    let out = migrate(&office, &city);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("already holds rows for yahatanishi on 2026-11-24 and 1 more site-days"),
        "{err}"
    );
    assert_eq!(history(&*pg, days).await, before);
}

#[tokio::test]
async fn a_file_of_another_schema_version_is_refused() {
    if postgres_or_skip("migrate-db copies into PostgreSQL").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("old.db");
    let (_pg_dir, city) = temp_db();
    seed(&office).await;
    // A file written before the bookings joined the schema (version 7).
    let old = open(&database(&office)).await.unwrap();
    drop(old);
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!(
        "sqlite://{}",
        office.display()
    ))
    .await
    .unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = 7")
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);
    let out = migrate(&office, &city);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("schema version 6 and this madoguchi-server writes version 7"),
        "{err}"
    );
    assert!(err.contains("Nothing was copied"), "{err}");
    let missing = dir.path().join("missing.db");
    let err = String::from_utf8_lossy(&migrate(&missing, &city).stderr).into_owned();
    assert!(err.contains("There is no database at"), "{err}");
}

#[tokio::test]
async fn a_city_wide_key_already_taken_is_refused_by_name() {
    if postgres_or_skip("migrate-db copies into PostgreSQL").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_pg_dir, city) = temp_db();
    let (first, second) = (dir.path().join("a.db"), dir.path().join("b.db"));
    seed(&first).await;
    seed(&second).await;
    assert!(migrate(&first, &city).status.success());
    // Another office with the same logins (staff1, …): no site-day in common, but a login
    // is one person city-wide.
    let out = migrate(&second, &city);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("already has the users row Key (login)=(admin) already exists"),
        "{err}"
    );
}

//! Booked card pickups (交付予約): import by push (CSV and JSON) and by the command line,
//! personal columns dropped and named, a bad line named, check-in and each refusal of the
//! contract, idempotent retry, the booked ticket called ahead of walk-ins from its window,
//! a restart keeping the booking, and the audit rows. Store-agnostic (SQLite and PostgreSQL).

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::{SITE, TestServer, fresh, query_column, weekday_10am};

const CSV: &str = "予約番号,氏名,生年月日,業務,予約日,開始時刻,終了時刻,備考\n\
    K-0001,北九 太郎,1980-04-01,pickup,2026-11-25,10:00,10:30,\n\
    K-0002,門司 花子,1975-08-15,pickup,2026-11-25,11:00,11:30,車いす\n\
    K-0003,小倉 一郎,2001-12-24,pickup,2026-11-25,08:30,09:00,\n\
    K-0004,若松 さくら,1992-03-03,pickup,2026-11-26,10:00,10:30,\n";

async fn push_csv(s: &TestServer, token: &str, site: &str, csv: &str) -> (StatusCode, Value) {
    let res = s
        .http
        .post(s.url(&format!("/api/sites/{site}/reservations")))
        .bearer_auth(token)
        .header("content-type", "text/csv; charset=utf-8")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap())
}

async fn check_in(s: &TestServer, token: &str, reference: &str, key: &str) -> (StatusCode, Value) {
    let res = s
        .http
        .post(s.url(&format!("/api/sites/{SITE}/check-in")))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&json!({"reference": reference, "lang": "ja"}))
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap())
}

#[tokio::test]
async fn import_drops_personal_columns_and_names_a_bad_line() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    let staff = s.login("staff1", SITE, None).await;
    let (status, _) = push_csv(&s, &staff, SITE, CSV).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "staff cannot import");
    let (status, _) = push_csv(&s, &t.kiosk, SITE, CSV).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "kiosks cannot import");

    let (status, body) = push_csv(&s, &sup, SITE, CSV).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["imported"], 4);
    assert_eq!(
        body["dropped_personal_columns"],
        json!(["氏名", "生年月日"])
    );
    assert_eq!(body["ignored_columns"], json!(["備考"]));
    let refs: Vec<String> = query_column(
        &s.db,
        "SELECT reference FROM bookings WHERE site = $1 ORDER BY reference",
        &[SITE],
    )
    .await;
    assert_eq!(refs, ["K0001", "K0002", "K0003", "K0004"]);
    // No personal value reached the database, in any table.
    let audit: Vec<String> = query_column(
        &s.db,
        "SELECT detail FROM audit WHERE action = $1",
        &["bookings_import"],
    )
    .await;
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0].contains("dropped_personal=[氏名,生年月日]"),
        "{audit:?}"
    );
    assert!(!audit[0].contains("北九"));

    let bad = "reference,service,slot_start,slot_end\n\
               K-0101,pickup,2026-11-25 10:00,2026-11-25 10:30\n\
               K-0102,pickup,2026-11-25 10:00,2026-11-25 09:30\n";
    let (status, body) = push_csv(&s, &sup, SITE, bad).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "bad_bookings");
    let msg = body["message"].as_str().unwrap();
    assert!(msg.starts_with("line 3, field slot_end:"), "{msg}");
    let none: Vec<String> = query_column(
        &s.db,
        "SELECT reference FROM bookings WHERE reference = $1",
        &["K0101"],
    )
    .await;
    assert!(none.is_empty(), "a bad file stores nothing");

    // JSON push for systems that can, with a token of their own that does nothing else.
    let config = madoguchi_engine::Config::shipped();
    let store = madoguchi_server::store::open(&crate::common::database(&s.db))
        .await
        .unwrap();
    let system = madoguchi_server::cli::create_device(
        &*store,
        &config,
        madoguchi_protocol::Role::Reservations,
        SITE,
        "reserve",
    )
    .await
    .unwrap();
    let (status, _) = s
        .post(
            &format!("/api/sites/{SITE}/tickets"),
            Some(&system),
            json!({"service": "pickup", "lang": "ja"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the reservation system cannot issue tickets"
    );
    let (status, _) = check_in(&s, &system, "K-0001", "sys").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "nor check in");
    let (status, body) = push_csv(&s, &system, "orio", CSV).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "nor push another office's: {body}"
    );
    let (status, body) = push_csv(&s, &system, SITE, CSV).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let actors: Vec<String> = query_column(
        &s.db,
        "SELECT actor FROM audit WHERE action = $1 ORDER BY id",
        &["bookings_import"],
    )
    .await;
    assert_eq!(actors, ["super1", "reserve"]);
    let (status, body) = s
        .post(
            &format!("/api/sites/{SITE}/reservations"),
            Some(&sup),
            json!([{"reference": "J-1", "site": SITE, "service": "pickup",
                    "slot_start": "2026-11-25T13:00:00+09:00", "slot_end": "2026-11-25T13:30:00+09:00"}]),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "J-1 is too short: {body}");
    let (status, body) = s
        .post(
            &format!("/api/sites/{SITE}/reservations"),
            Some(&sup),
            json!([{"reference": "J-100", "site": SITE, "service": "pickup",
                    "slot_start": "2026-11-25T13:00:00+09:00", "slot_end": "2026-11-25T13:30:00+09:00"}]),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["imported"], 1);
    s.stop().await;
}

#[tokio::test]
async fn check_in_issues_a_booked_ticket_and_refuses_per_the_contract() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    push_csv(&s, &sup, SITE, CSV).await;
    let orio_sup_csv =
        "reference,service,slot_start,slot_end\nO-0001,pickup,2026-11-25 10:00,2026-11-25 10:30\n";
    let admin = s.login("admin", "orio", None).await;
    let (status, body) = push_csv(&s, &admin, "orio", orio_sup_csv).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // 10:00, slot 11:00–11:30: early, issued, called from 10:55.
    let (status, body) = check_in(&s, &t.kiosk, "k 0002", "key-1").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ticket = &body["ticket"];
    assert_eq!(ticket["number"], "R-001");
    assert_eq!(ticket["service"], "pickup");
    assert_eq!(ticket["booking"]["slot_start"], "2026-11-25T11:00:00+09:00");
    assert_eq!(ticket["booking"]["call_from"], "2026-11-25T10:55:00+09:00");
    assert_eq!(body["eta_min"], 55, "not called before 10:55: {body}");
    assert!(
        body["eta_range"]["low_min"].as_u64().unwrap() >= 55,
        "{body}"
    );

    // The same request again: the same ticket.
    let (status, again) = check_in(&s, &t.kiosk, "K-0002", "key-1").await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["ticket"]["id"], ticket["id"]);
    // A new attempt: used.
    let (status, body) = check_in(&s, &t.kiosk, "K-0002", "key-2").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("booking_used"))
    );
    assert!(body["message"].as_str().unwrap().contains("R-001"));
    // The kiosk gave up on the answer and reported R-001 as not printed: the visitor's next
    // attempt gets that same ticket (not a refusal, not a new number) to print.
    let id = ticket["id"].as_i64().unwrap();
    let (status, _) = s
        .post(
            &format!("/api/tickets/{id}/print-result"),
            Some(&t.kiosk),
            json!({"printed": false, "reason": "answer came after the kiosk gave up"}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = check_in(&s, &t.kiosk, "K-0002", "key-2b").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["ticket"]["id"], ticket["id"]);
    assert_eq!(body["ticket"]["number"], "R-001");
    // Printed this time: a further attempt is refused again.
    let (status, _) = s
        .post(
            &format!("/api/tickets/{id}/print-result"),
            Some(&t.kiosk),
            json!({"printed": true}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = check_in(&s, &t.kiosk, "K-0002", "key-2c").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("booking_used"))
    );

    let (status, body) = check_in(&s, &t.kiosk, "NOPE-1234", "key-3").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("booking_unknown"))
    );
    let (status, body) = check_in(&s, &t.kiosk, "O-0001", "key-4").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("booking_other_site"))
    );
    assert_eq!(body["site"], "orio");
    assert!(body["message"].as_str().unwrap().contains("折尾"), "{body}");
    // 08:30–09:00 + 10 min grace < 10:00.
    let (status, body) = check_in(&s, &t.kiosk, "K-0003", "key-5").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("booking_late"))
    );
    let (status, body) = check_in(&s, &t.kiosk, "K-0004", "key-6").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("booking_not_today"))
    );
    // Refusals used no number.
    let (status, body) = check_in(&s, &t.kiosk, "K-0001", "key-7").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["ticket"]["number"], "R-002");
    let state: Vec<String> = query_column(
        &s.db,
        "SELECT ticket_number FROM bookings WHERE state = $1 ORDER BY ticket_number",
        &["checked_in"],
    )
    .await;
    assert_eq!(state, ["R-001", "R-002"]);
    s.stop().await;
}

#[tokio::test]
async fn a_booked_ticket_is_called_ahead_of_walk_ins_from_its_window_and_survives_a_restart() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    push_csv(&s, &sup, SITE, CSV).await;
    let a1 = s.issue(&t.kiosk, "pickup").await;
    s.issue(&t.kiosk, "pickup").await;
    // K-0001: slot 10:00, checked in at 10:00: due now. K-0002: slot 11:00, not yet.
    let (_, early) = check_in(&s, &t.kiosk, "K-0002", "e").await;
    let (_, due) = check_in(&s, &t.kiosk, "K-0001", "d").await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    s.clock.advance(chrono::Duration::minutes(1));
    let (status, body) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["ticket"]["number"], due["ticket"]["number"], "{body}");
    assert_eq!(
        body["ticket"]["booking"]["slot_start"],
        "2026-11-25T10:00:00+09:00"
    );
    let (_, body) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(
        body["ticket"]["number"], a1["ticket"]["number"],
        "the early one waits for 10:55"
    );

    // Restart: the booked ticket keeps its slot, the reference stays used, R goes on.
    let db = s.db.clone();
    s.stop().await;
    let s = TestServer::start(&db, weekday_10am() + chrono::Duration::minutes(56)).await;
    let (_, list) = s
        .json(
            Method::GET,
            &format!("/api/sites/{SITE}/tickets"),
            Some(&sup),
            None,
        )
        .await;
    let kept = list
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["number"] == early["ticket"]["number"])
        .unwrap();
    assert_eq!(kept["booking"]["call_from"], "2026-11-25T10:55:00+09:00");
    let (status, body) = check_in(&s, &t.kiosk, "K-0002", "again").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("booking_used"))
    );
    let staff = s.login("staff1", SITE, Some("3")).await;
    let (_, body) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(
        body["ticket"]["number"], early["ticket"]["number"],
        "10:56: its window is open"
    );
    s.stop().await;
}

#[test]
fn the_command_line_imports_a_file_and_names_dropped_columns() {
    let (dir, db) = crate::common::temp_db();
    let file = dir.path().join("bookings.csv");
    std::fs::write(&file, CSV).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_madoguchi-server"))
        .args(["bookings", "import", "--site", SITE, "--db"])
        .arg(&db)
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("4 bookings imported"), "{text}");
    assert!(
        text.contains("Dropped as personal data (not stored): 氏名, 生年月日"),
        "{text}"
    );
    std::fs::write(
        &file,
        "reference,service,slot_start,slot_end\nK-1,pickup,x,y\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_madoguchi-server"))
        .args(["bookings", "import", "--site", SITE, "--db"])
        .arg(&db)
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("line 2, field slot_start"), "{err}");
}

async fn text(s: &TestServer, token: &str, path: &str) -> String {
    let res = s
        .http
        .get(s.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

#[tokio::test]
async fn daily_and_monthly_reports_count_bookings_and_waits_against_the_slot() {
    let (_dir, s, t) = fresh().await;
    let sup = s.login("super1", SITE, None).await;
    push_csv(&s, &sup, SITE, CSV).await;
    let staff = s.login("staff1", SITE, Some("3")).await;
    // K-0001 (10:00) on time, called 10:06: 6 min against its slot.
    check_in(&s, &t.kiosk, "K-0001", "a").await;
    s.clock.advance(chrono::Duration::minutes(6));
    let (_, called) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(called["ticket"]["number"], "R-001");
    // K-0002 (11:00) late at 11:05, called 11:07: 2 min from its late check-in.
    s.clock.set(weekday_10am() + chrono::Duration::minutes(65));
    let (status, _) = check_in(&s, &t.kiosk, "K-0002", "b").await;
    assert_eq!(status, StatusCode::CREATED);
    s.clock.advance(chrono::Duration::minutes(2));
    let (_, called) = s.act(&staff, "3", "call-next", json!({})).await;
    assert_eq!(called["ticket"]["number"], "R-002");
    // As every pickup at 八幡西, R-002 goes on to the city staff desk for the hand-over: the
    // 月報 still counts it as a card pickup (the service it was checked in for).
    let (status, body) = s
        .act(&staff, "3", "transfer", json!({"to_service": "city"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let city = s.login("staff1", SITE, Some("city-1")).await;
    let (_, body) = s.act(&city, "city-1", "call-next", json!({})).await;
    assert_eq!(body["ticket"]["number"], "R-002");
    let (status, _) = s.act(&city, "city-1", "done", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    // K-0003 (08:30) never came (too late to check in); K-0004 is tomorrow's.

    s.clock.advance(chrono::Duration::hours(24));
    let sup = s.login("super1", SITE, None).await;
    let csv = text(
        &s,
        &sup,
        &format!("/api/sites/{SITE}/reports/daily?date=2026-11-25&format=csv"),
    )
    .await;
    assert!(csv.contains("交付予約"), "{csv}");
    assert!(csv.contains("本日,3,2,1,1,4.0,6.0,6.0"), "{csv}");
    assert!(
        !csv.contains("K0001") && !csv.contains("R-001"),
        "no reference or number: {csv}"
    );
    let html = text(&s, &sup, "/api/reports/monthly?month=2026-11&format=html").await;
    let at = html
        .find("<h3>交付予約 (2026年、全区)</h3>")
        .expect("the 月報 has a bookings table");
    // The table's cells as text: the November row and the total (K-0004, on the 26th, not shown).
    let cells: String = html[at..]
        .split("</table>")
        .next()
        .unwrap()
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, t)| t))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("|");
    assert!(cells.contains("11月|4|2|1|2|4.0|6.0|6.0"), "{cells}");
    assert!(cells.contains("計|4|2|1|2|4.0|6.0|6.0"), "{cells}");
    let csv = text(&s, &sup, "/api/reports/monthly?month=2026-11&format=csv").await;
    assert!(
        csv.contains("card_pickup,card_pickup,yahatanishi,八幡西,2026-11,2,"),
        "both booked pickups count as card pickups: {csv}"
    );
    s.stop().await;
}

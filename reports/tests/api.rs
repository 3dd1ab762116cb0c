//! The server-facing functions: two-click defaults (yesterday's 日報, last month's 月報, XLSX),
//! the HTTP response (type, file name) and errors as `ApiError` with the right status.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

mod common;

use std::io::Cursor;

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use calamine::{Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use madoguchi_engine::Config;
use madoguchi_reports::api::{self, DailyQuery, ManualCountRequest, MonthlyQuery};
use madoguchi_reports::{Format, load};
use sqlx::sqlite::SqlitePoolOptions;

async fn pool(dir: &tempfile::TempDir) -> sqlx::SqlitePool {
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let pool = SqlitePoolOptions::new().connect(&url).await.unwrap();
    sqlx::migrate!("../server/migrations")
        .run(&pool)
        .await
        .unwrap();
    load::ensure_schema(&pool).await.unwrap();
    pool
}

#[tokio::test]
async fn yesterday_and_last_month_in_excel_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir).await;
    let config = Config::shipped();
    let now = common::at(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), "10:00");
    let req = ManualCountRequest {
        date: None,
        kind: "phone".into(),
        label_ja: "電話対応".into(),
        count: 2,
    };
    api::add_manual_count(&pool, "yahatanishi", "staff1", &req, now)
        .await
        .unwrap();

    let daily = api::daily_for_query(&pool, &config, "yahatanishi", &DailyQuery::default(), now)
        .await
        .unwrap();
    assert_eq!(daily.file_name, "nippo-yahatanishi-2026-11-24.xlsx");
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(daily.bytes.clone())).unwrap();
    assert_eq!(wb.sheet_names(), ["日報"]);
    // Yesterday is over: its configuration is frozen.
    let frozen: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM report_snapshots WHERE day = '2026-11-24'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(frozen, 1);

    // Today's manual count shows in today's report.
    let q = DailyQuery {
        date: Some("2026-11-25".into()),
        format: Some("csv".into()),
    };
    let today = api::daily_for_query(&pool, &config, "yahatanishi", &q, now)
        .await
        .unwrap();
    assert!(
        String::from_utf8(today.bytes.clone())
            .unwrap()
            .contains("電話対応,2,staff1")
    );

    let monthly = api::monthly_for_query(&pool, &config, &MonthlyQuery::default(), now)
        .await
        .unwrap();
    assert_eq!(monthly.file_name, "geppo-2026-10.xlsx");
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(monthly.bytes.clone())).unwrap();
    assert_eq!(wb.sheet_names().len(), 7);

    let res = daily.into_response();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        Format::Xlsx.content_type()
    );
    assert_eq!(
        res.headers()[header::CONTENT_DISPOSITION],
        "attachment; filename=\"nippo-yahatanishi-2026-11-24.xlsx\""
    );
}

#[tokio::test]
async fn bad_requests_answer_with_a_sentence_and_a_status() {
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir).await;
    let config = Config::shipped();
    let now = common::at(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), "10:00");
    let cases = [
        (
            DailyQuery {
                date: Some("24/11/2026".into()),
                format: None,
            },
            "yahatanishi",
            StatusCode::BAD_REQUEST,
            "YYYY-MM-DD",
        ),
        (
            DailyQuery {
                date: None,
                format: Some("pdf".into()),
            },
            "yahatanishi",
            StatusCode::BAD_REQUEST,
            "xlsx, csv or html",
        ),
        (
            DailyQuery::default(),
            "hakata",
            StatusCode::NOT_FOUND,
            "hakata",
        ),
    ];
    for (q, site, status, words) in cases {
        let err = api::daily_for_query(&pool, &config, site, &q, now)
            .await
            .unwrap_err();
        assert!(err.to_string().contains(words), "{err}");
        let res = err.into_response();
        assert_eq!(res.status(), status);
        let body = axum::body::to_bytes(res.into_body(), 10_000).await.unwrap();
        let e: madoguchi_protocol::ApiError = serde_json::from_slice(&body).unwrap();
        assert!(e.message.contains(words));
    }
    let q = MonthlyQuery {
        month: Some("2026-13".into()),
        format: None,
    };
    let err = api::monthly_for_query(&pool, &config, &q, now)
        .await
        .unwrap_err();
    assert_eq!(err.status_and_code().0, StatusCode::BAD_REQUEST);
    let empty = ManualCountRequest {
        date: None,
        kind: " ".into(),
        label_ja: "".into(),
        count: 1,
    };
    assert!(
        api::add_manual_count(&pool, "yahatanishi", "staff1", &empty, now)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_report_command_writes_files() {
    use madoguchi_reports::{ReportArgs, ReportKind, cli};
    let dir = tempfile::tempdir().unwrap();
    let pool = pool(&dir).await;
    let config = Config::shipped();
    let now = common::at(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), "10:00");
    let manual = ReportKind::Manual {
        site: "orio".into(),
        date: Some("2026-11-24".into()),
        kind: "phone".into(),
        label: "電話対応".into(),
        count: 7,
        by: "super1".into(),
    };
    cli(&pool, &config, ReportArgs { kind: manual }, now)
        .await
        .unwrap();
    let out = dir.path().join("d.csv");
    let daily = ReportKind::Daily {
        site: "orio".into(),
        date: Some("2026-11-24".into()),
        format: Format::Csv,
        out: Some(out.clone()),
    };
    cli(&pool, &config, ReportArgs { kind: daily }, now)
        .await
        .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("電話対応,7,super1"), "{text}");
    let out = dir.path().join("m.html");
    let monthly = ReportKind::Monthly {
        month: Some("2026-11".into()),
        format: Format::Html,
        baseline: None,
        out: Some(out.clone()),
    };
    cli(&pool, &config, ReportArgs { kind: monthly }, now)
        .await
        .unwrap();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("月報 2026年11月")
    );
    let unknown = ReportKind::Daily {
        site: "hakata".into(),
        date: None,
        format: Format::Xlsx,
        out: None,
    };
    let err = cli(&pool, &config, ReportArgs { kind: unknown }, now)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("yahatanishi"),
        "lists the known sites: {err}"
    );
}

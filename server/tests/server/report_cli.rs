//! The reports' requests on both stores: the two-click defaults (yesterday's 日報, last
//! month's 月報, XLSX), errors as sentences with their HTTP status, and the `report`
//! subcommand writing files.

use std::io::Cursor;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use madoguchi_engine::Config;
use madoguchi_reports::Format;
use madoguchi_reports::request::{DailyQuery, ManualCountRequest, MonthlyQuery};
use madoguchi_server::reports::cli::{ReportArgs, ReportKind};
use madoguchi_server::reports::{self, ReportFailure};
use madoguchi_server::store::Write;
use reqwest::StatusCode;

use crate::report_store::{SITE, d, store, t};

#[tokio::test]
async fn yesterday_and_last_month_in_excel_by_default() {
    let (_dir, store) = store().await;
    let store = &*store;
    let config = Config::shipped();
    let now = t("2026-11-25", "10:00");
    let req = ManualCountRequest {
        date: None,
        kind: "phone".into(),
        label_ja: "電話対応".into(),
        count: 2,
    };
    let row = reports::manual_count(SITE, "staff1", &req, now).unwrap();
    store.commit(vec![Write::ManualCount(row)]).await.unwrap();

    let q = DailyQuery::default();
    let daily = reports::daily_for_query(store, &config, SITE, &q, now)
        .await
        .unwrap();
    assert_eq!(daily.file_name, "nippo-yahatanishi-2026-11-24.xlsx");
    assert_eq!(
        daily.disposition(),
        "attachment; filename=\"nippo-yahatanishi-2026-11-24.xlsx\""
    );
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(daily.bytes.clone())).unwrap();
    assert_eq!(wb.sheet_names(), ["日報"]);
    // Yesterday is over: its configuration is frozen.
    let frozen = store.report_snapshots(d("2026-11-24"), d("2026-11-24"));
    assert_eq!(frozen.await.unwrap().len(), 1);

    // Today's manual count shows in today's report; today is not frozen yet.
    let q = DailyQuery {
        date: Some("2026-11-25".into()),
        format: Some("csv".into()),
    };
    let today = reports::daily_for_query(store, &config, SITE, &q, now)
        .await
        .unwrap();
    let csv = String::from_utf8(today.bytes).unwrap();
    assert!(csv.contains("電話対応,2,staff1"), "{csv}");
    let today_frozen = store.report_snapshot(SITE, d("2026-11-25")).await.unwrap();
    assert!(today_frozen.is_none());

    let q = MonthlyQuery::default();
    let monthly = reports::monthly_for_query(store, &config, &q, now)
        .await
        .unwrap();
    assert_eq!(monthly.file_name, "geppo-2026-10.xlsx");
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(monthly.bytes)).unwrap();
    assert_eq!(wb.sheet_names().len(), 7);
}

#[tokio::test]
async fn bad_requests_answer_with_a_sentence_and_a_status() {
    let (_dir, store) = store().await;
    let store = &*store;
    let config = Config::shipped();
    let now = t("2026-11-25", "10:00");
    let query = |date: Option<&str>, format: Option<&str>| DailyQuery {
        date: date.map(Into::into),
        format: format.map(Into::into),
    };
    let cases = [
        (
            query(Some("24/11/2026"), None),
            SITE,
            StatusCode::BAD_REQUEST,
            "YYYY-MM-DD",
        ),
        (
            query(None, Some("pdf")),
            SITE,
            StatusCode::BAD_REQUEST,
            "xlsx, csv or html",
        ),
        (query(None, None), "hakata", StatusCode::NOT_FOUND, "hakata"),
    ];
    for (q, site, status, words) in cases {
        let err = reports::daily_for_query(store, &config, site, &q, now)
            .await
            .unwrap_err();
        assert!(err.to_string().contains(words), "{err}");
        assert_eq!(status_of(err), status);
    }
    let q = MonthlyQuery {
        month: Some("2026-13".into()),
        format: None,
    };
    let err = reports::monthly_for_query(store, &config, &q, now).await;
    assert_eq!(status_of(err.unwrap_err()), StatusCode::BAD_REQUEST);
    let empty = ManualCountRequest {
        date: None,
        kind: " ".into(),
        label_ja: "".into(),
        count: 1,
    };
    assert!(reports::manual_count(SITE, "staff1", &empty, now).is_err());
}

fn status_of(err: ReportFailure) -> StatusCode {
    let status = madoguchi_server::error::AppError::from(err).status;
    StatusCode::from_u16(status.as_u16()).unwrap()
}

#[tokio::test]
async fn the_report_command_writes_files() {
    let (dir, store) = store().await;
    let store = &*store;
    let config = Config::shipped();
    let now = t("2026-11-25", "10:00");
    let run = |kind| reports::cli::run(store, &config, ReportArgs { kind }, now);
    run(ReportKind::Manual {
        site: "orio".into(),
        date: Some("2026-11-24".into()),
        kind: "phone".into(),
        label: "電話対応".into(),
        count: 7,
        by: "super1".into(),
    })
    .await
    .unwrap();
    let out = dir.path().join("d.csv");
    run(ReportKind::Daily {
        site: "orio".into(),
        date: Some("2026-11-24".into()),
        format: Format::Csv,
        out: Some(out.clone()),
    })
    .await
    .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("電話対応,7,super1"), "{text}");
    let out = dir.path().join("m.html");
    run(ReportKind::Monthly {
        month: Some("2026-11".into()),
        format: Format::Html,
        baseline: None,
        out: Some(out.clone()),
    })
    .await
    .unwrap();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("月報 2026年11月"));
    let err = run(ReportKind::Daily {
        site: "hakata".into(),
        date: None,
        format: Format::Xlsx,
        out: None,
    })
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains(SITE),
        "lists the known sites: {err}"
    );
}

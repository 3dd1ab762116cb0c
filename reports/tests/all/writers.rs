//! The writers: the XLSX read back with calamine, cell by cell against the report; the CSV and
//! HTML checked for the same figures; no output ever names a ticket or a single ticket's time.
#![allow(
    clippy::unwrap_used,
    reason = "a failed unwrap is a failed test or a broken sample"
)]

use crate::common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use madoguchi_reports::view::{Cell, daily_sheets, monthly_sheets};
use madoguchi_reports::write::{csv, html, xlsx};
use madoguchi_reports::*;

/// A worksheet as rows of cells.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

/// The cell of section `section`, row labelled `row`, column headed `column`.
fn cell<'a>(rows: &'a [Vec<Data>], section: &str, row: &str, column: &str) -> &'a Data {
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        _ => String::new(),
    };
    let start = rows
        .iter()
        .position(|r| text(&r[0]) == section)
        .unwrap_or_else(|| panic!("no section {section}"));
    let header = &rows[start + 1];
    let col = header
        .iter()
        .position(|h| text(h) == column)
        .unwrap_or_else(|| panic!("no column {column}"));
    let r = rows[start + 2..]
        .iter()
        .take_while(|r| !matches!(r[0], Data::Empty))
        .find(|r| text(&r[0]) == row)
        .unwrap_or_else(|| panic!("no row {row} in {section}"));
    &r[col]
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn daily_xlsx_reads_back_with_the_report_figures() {
    let r = daily_report(&common::daily_input());
    let bytes = xlsx::daily_xlsx(&r).unwrap();
    let rows = sheet(&bytes, "日報");
    assert_eq!(
        rows[0][0],
        Data::String("日報 八幡西区役所 2026年11月24日(火)".into())
    );
    assert_eq!(
        num(cell(&rows, "概要", "発券数", "値")),
        f64::from(r.totals.issued)
    );
    assert_eq!(num(cell(&rows, "概要", "不在(呼出に応答なし)", "値")), 1.0);
    assert_eq!(
        num(cell(&rows, "概要", "キオスクで他へ案内(発券なし)", "値")),
        3.0
    );
    let pickup = "カード受け取り(交付)";
    assert_eq!(num(cell(&rows, "用件別", pickup, "発券")), 3.0);
    let mean = num(cell(&rows, "用件別", pickup, "待ち 平均(分)"));
    assert!((mean - 40.0 / 3.0).abs() < 1e-9);
    assert_eq!(num(cell(&rows, "用件別", pickup, "待ち 90%値(分)")), 20.0);
    assert_eq!(num(cell(&rows, "用件別", "計", "発券")), 8.0);
    let hours = "時間帯別 発券数・待ち時間・開設窓口";
    assert_eq!(num(cell(&rows, hours, "9時台", "計")), 3.0);
    assert_eq!(num(cell(&rows, hours, "9時台", "開設窓口(平均)")), 1.5);
    assert_eq!(num(cell(&rows, hours, "9時台", "電子証明書の更新")), 1.0);
    assert_eq!(
        num(cell(&rows, "配慮の申出", "点字記名用の交付申請書", "件数")),
        1.0
    );
    assert_eq!(
        num(cell(&rows, "選択された言語", "Tiếng Việt", "発券数")),
        1.0
    );
    assert_eq!(
        num(cell(
            &rows,
            "キオスクで他へ案内した来庁者(発券なし)",
            "他区・他市の住民 (住所地での手続きを案内) [not_resident]",
            "人数"
        )),
        2.0
    );
    let manual = "発券のない業務(職員の手入力)";
    assert_eq!(num(cell(&rows, manual, "電話対応", "件数")), 10.0);
    assert_eq!(
        cell(&rows, manual, "電話対応", "入力者"),
        &Data::String("staff1、super1".into())
    );
    // No wait for the online window: "-" as in the city's tables, not 0.
    assert_eq!(
        cell(&rows, "用件別", "オンライン窓口", "待ち 平均(分)"),
        &Data::String("-".into())
    );
}

#[test]
fn monthly_xlsx_reads_back_with_the_report_figures() {
    let input = common::monthly_input();
    let r = monthly_report(&input);
    let bytes = xlsx::monthly_xlsx(&r).unwrap();
    let summary = sheet(&bytes, "概要");
    let pickup = "交付時来庁方式 交付枚数";
    assert_eq!(num(cell(&summary, pickup, "2026年11月", "八幡西")), 170.0);
    let base = input
        .baseline
        .get(Category::CardPickup, "yahatanishi", 11)
        .unwrap() as f64;
    assert_eq!(num(cell(&summary, pickup, "2025年11月", "八幡西")), base);
    assert_eq!(
        num(cell(&summary, pickup, "増減 2026年11月", "八幡西")),
        170.0 - base
    );
    assert_eq!(
        num(cell(&summary, pickup, "開庁日数 2026年11月", "八幡西")),
        20.0
    );
    assert_eq!(
        num(cell(&summary, pickup, "一日当たり 2026年11月", "八幡西")),
        8.5
    );
    assert_eq!(num(cell(&summary, "特急発行", "2026年11月", "全区")), 8.0);
    assert_eq!(
        cell(&summary, "電子証明書 出張所", "2026年11月", "松ヶ江"),
        &Data::String("-".into())
    );

    let table = sheet(&bytes, "交付時来庁方式_交付枚数");
    assert_eq!(
        num(cell(
            &table,
            "交付時来庁方式 交付枚数 (2026年)",
            "10月",
            "八幡西"
        )),
        30.0
    );
    assert_eq!(
        num(cell(
            &table,
            "交付時来庁方式 交付枚数 (2026年)",
            "計",
            "八幡西"
        )),
        200.0
    );
    assert_eq!(
        num(cell(
            &table,
            "交付時来庁方式 交付枚数 (2025年)",
            "1月",
            "門司"
        )),
        695.0
    );
    assert_eq!(
        num(cell(
            &table,
            "交付時来庁方式 交付枚数 (2025年)",
            "1月",
            "八幡西"
        )),
        2339.0
    );
    assert_eq!(
        num(cell(
            &table,
            "交付時来庁方式 交付枚数 増減 (2026年 − 2025年)",
            "10月",
            "八幡西"
        )),
        30.0 - 2922.0
    );
}

#[test]
fn csv_and_html_carry_the_same_figures() {
    let r = daily_report(&common::daily_input());
    let text = csv::daily_csv(&r);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n[用件別]\r\n"));
    assert!(
        text.contains("カード受け取り(交付),3,2,1,0,0,1,2,13.3,20.0,20.0,12.5,15.0,15.0\r\n"),
        "{text}"
    );
    assert!(text.contains("電話対応,10,staff1、super1\r\n"));

    let page = html::daily_html(&r);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg") && page.contains("時間帯別 発券数と平均待ち時間"));
    assert!(page.contains("<th>カード受け取り(交付)</th><td class=\"n\">3</td>"));

    let m = monthly_report(&common::monthly_input());
    let text = csv::monthly_csv(&m);
    let header = text.lines().next().unwrap();
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "table,category,site,site_ja,month,count,count_2025,change,change_pct,working_days,working_days_2025"
    );
    assert!(
        text.contains(
            "\r\ncard_pickup,card_pickup,yahatanishi,八幡西,2026-11,170,2559,-2389,-93.4,20,18\r\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\r\ne_certificate_branch,e_certificate,matsugae,松ヶ江,2026-11,,99,,,0,0\r\n"
        )
    );
    let page = html::monthly_html(&m);
    assert_eq!(page.matches("<svg").count(), TableId::ALL.len());
    // Thousands separators in HTML, as in the city's tables (2025 November at 八幡西: 2,559).
    assert!(page.contains("<td class=\"n\">2,559</td>"));
    assert!(page.contains("<td class=\"n neg\">-2,389</td>"));
}

#[test]
fn no_output_names_a_ticket_or_a_single_time() {
    let r = daily_report(&common::daily_input());
    let outputs = [csv::daily_csv(&r), html::daily_html(&r)];
    // Every issue/call/finish time of the fixture, as a clock time.
    let input = common::daily_input();
    for t in &input.tickets {
        for time in [Some(t.issued_at), t.called_at, t.served_at, t.finished_at]
            .into_iter()
            .flatten()
        {
            let hm = time.format("%H:%M").to_string();
            for out in &outputs {
                // 08:30 and 17:15 are the opening hours, not a ticket's time.
                if hm != "08:30" && hm != "17:15" {
                    assert!(!out.contains(&hm), "{hm} appears in an output");
                }
            }
        }
    }
    // No per-ticket rows: three times the tickets give exactly the same rows, other figures.
    let mut triple = common::daily_input();
    let more = triple.tickets.clone();
    triple.tickets.extend(more.clone());
    triple.tickets.extend(more);
    let shape = |r: &DailyReport| -> Vec<(String, usize)> {
        daily_sheets(r)
            .iter()
            .flat_map(|s| s.sections.iter())
            .map(|s| (s.title.clone(), s.rows.len()))
            .collect()
    };
    let r3 = daily_report(&triple);
    assert_eq!(shape(&r), shape(&r3));
    assert_eq!(r3.totals.issued, 3 * r.totals.issued);
    let first_cells = |r: &DailyReport| -> Vec<String> {
        daily_sheets(r)
            .iter()
            .flat_map(|s| s.sections.iter())
            .flat_map(|s| {
                s.rows
                    .iter()
                    .filter_map(|row| row.first().map(Cell::display))
            })
            .collect()
    };
    assert_eq!(first_cells(&r), first_cells(&r3));
    assert!(!monthly_sheets(&monthly_report(&common::monthly_input())).is_empty());
}

/// The formulas (`<c:f>`) of the first chart of an XLSX file.
fn chart_ranges(bytes: &[u8]) -> Vec<String> {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/charts/chart1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<c:f>")
        .skip(1)
        .map(|s| s.split("</c:f>").next().unwrap().to_string())
        .collect()
}

/// The numbers of a range such as `日報!$N$43:$N$52` (one column).
fn range_values(rows: &[Vec<Data>], range: &str) -> Vec<Data> {
    let cells = range.split('!').nth(1).unwrap().replace('$', "");
    let (a, b) = cells.split_once(':').unwrap();
    let pos = |c: &str| {
        let col = c.chars().next().unwrap() as usize - 'A' as usize;
        let row: usize = c[1..].parse().unwrap();
        (row - 1, col)
    };
    let ((r1, c), (r2, _)) = (pos(a), pos(b));
    (r1..=r2).map(|r| rows[r][c].clone()).collect()
}

#[test]
fn excel_charts_point_at_the_right_cells() {
    let r = daily_report(&common::daily_input());
    let bytes = xlsx::daily_xlsx(&r).unwrap();
    let rows = sheet(&bytes, "日報");
    let f = chart_ranges(&bytes);
    assert_eq!(f.len(), 4); // categories and values of arrivals, then of waits
    let hours: Vec<Data> = r
        .hours_rows
        .iter()
        .map(|h| Data::String(format!("{}時台", h.hour)))
        .collect();
    assert_eq!(range_values(&rows, &f[0]), hours);
    let issued: Vec<f64> = range_values(&rows, &f[1]).iter().map(num).collect();
    assert_eq!(
        issued,
        r.hours_rows
            .iter()
            .map(|h| f64::from(h.issued_total))
            .collect::<Vec<_>>()
    );
    let wait9 = &range_values(&rows, &f[3])[1];
    assert!((num(wait9) - 35.0 / 3.0).abs() < 1e-9);

    let m = monthly_report(&common::monthly_input());
    let bytes = xlsx::monthly_xlsx(&m).unwrap();
    let rows = sheet(&bytes, "交付時来庁方式_交付枚数");
    let f = chart_ranges(&bytes);
    let this_year: Vec<f64> = range_values(&rows, &f[1]).iter().map(num).collect();
    assert_eq!(this_year.len(), 11);
    assert_eq!(this_year[10], 170.0 + 7.0 + 4.0); // 八幡西 + 曾根 + 大里 in November
    assert_eq!(this_year[9], 30.0);
    let last_year: Vec<f64> = range_values(&rows, &f[3]).iter().map(num).collect();
    let base = common::monthly_input().baseline;
    let jan: u64 = [
        "moji",
        "kokurakita",
        "kokuraminami",
        "wakamatsu",
        "yahatahigashi",
        "yahatanishi",
        "tobata",
        "sone",
        "orio",
    ]
    .iter()
    .map(|s| base.get(Category::CardPickup, s, 1).unwrap())
    .sum();
    assert_eq!(last_year[0], jan as f64);
}

//! HTML: one self-contained page (inline CSS and SVG, no scripts, no external files) with the
//! report's tables and charts, for the supervisor view and for printing.

use std::fmt::Write as _;

use super::svg::{Series, bars_with_line, esc, grouped_bars};
use crate::view::{Cell, Sheet, daily_sheets, monthly_sheets};
use crate::{DailyReport, MonthlyReport};

const STYLE: &str = "body{font-family:'BIZ UDGothic','BIZ UDゴシック','Noto Sans CJK JP',sans-serif;\
margin:24px;color:#222}h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:2px solid #2b5d9b}\
h3{font-size:15px;margin:18px 0 6px}table{border-collapse:collapse;margin-bottom:12px;font-size:13px}\
th,td{border:1px solid #999;padding:3px 8px}th{background:#dde8f5;font-weight:bold}tbody th{white-space:nowrap;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}td.neg{color:#b00020}\
.charts{display:flex;flex-wrap:wrap}.charts svg{margin:6px 12px 6px 0;border:1px solid #ddd;max-width:100%;height:auto}.note{color:#555;font-size:12px}\
@media print{.charts svg{break-inside:avoid}}";

fn page(title: &str, charts: &[String], sheets: &[Sheet], note: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{t}</title><style>{STYLE}</style></head><body><h1>{t}</h1><p class=\"note\">{n}</p>",
        t = esc(title),
        n = esc(note)
    );
    if !charts.is_empty() {
        out.push_str("<div class=\"charts\">");
        charts.iter().for_each(|c| out.push_str(c));
        out.push_str("</div>");
    }
    for sheet in sheets {
        if sheets.len() > 1 {
            let _ = write!(out, "<h2>{}</h2>", esc(&sheet.title));
        }
        for s in &sheet.sections {
            let _ = write!(out, "<h3>{}</h3><table><thead><tr>", esc(&s.title));
            for h in &s.header {
                let _ = write!(out, "<th>{}</th>", esc(h));
            }
            out.push_str("</tr></thead><tbody>");
            for row in &s.rows {
                out.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    let class = match c {
                        Cell::Text(_) if i == 0 => "",
                        Cell::Text(_) => "",
                        Cell::Int(v) if *v < 0 => " class=\"n neg\"",
                        Cell::Pct(v) if *v < 0.0 => " class=\"n neg\"",
                        _ => " class=\"n\"",
                    };
                    let tag = if i == 0 { "th" } else { "td" };
                    let _ = write!(out, "<{tag}{class}>{}</{tag}>", esc(&grouped(c)));
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table>");
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// A cell as HTML shows it: whole numbers with thousands separators, as in the city's tables.
fn grouped(c: &Cell) -> String {
    match c {
        Cell::Int(v) => {
            let digits = v.unsigned_abs().to_string();
            let mut out = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(ch);
            }
            if *v < 0 { format!("-{out}") } else { out }
        }
        other => other.display(),
    }
}

/// Arrivals and mean waits per hour of a daily report, as an SVG chart.
pub fn daily_chart(r: &DailyReport) -> String {
    let labels: Vec<String> = r
        .hours_rows
        .iter()
        .map(|h| format!("{}時", h.hour))
        .collect();
    let bars = Series {
        name: "発券数",
        color: "#2b5d9b",
        values: r
            .hours_rows
            .iter()
            .map(|h| Some(f64::from(h.issued_total)))
            .collect(),
    };
    let line = Series {
        name: "平均待ち時間(分)",
        color: "#e07b00",
        values: r.hours_rows.iter().map(|h| h.wait.mean_min).collect(),
    };
    bars_with_line(
        "時間帯別 発券数と平均待ち時間",
        &labels,
        &bars,
        "件",
        &line,
        "分",
    )
}

pub fn daily_html(r: &DailyReport) -> String {
    let sheets = daily_sheets(r);
    let title = sheets.first().map_or_else(String::new, |s| s.title.clone());
    page(
        &title,
        &[daily_chart(r)],
        &sheets,
        "集計値のみを表示しています(番号・個々の来庁者の時刻は含みません)。待ち時間は発券から呼出まで、対応時間は対応開始(なければ呼出)から完了まで。",
    )
}

/// One chart per table: the table's columns summed per month, this year against the baseline year.
pub fn monthly_charts(r: &MonthlyReport) -> Vec<String> {
    r.tables
        .iter()
        .map(|t| {
            let labels: Vec<String> = t
                .rows
                .iter()
                .map(|row| format!("{}月", row.month))
                .collect();
            let sum = |vals: &[Option<u64>]| -> Option<f64> {
                let present: Vec<u64> = vals.iter().flatten().copied().collect();
                (!present.is_empty()).then(|| present.iter().sum::<u64>() as f64)
            };
            let current_name = format!("{}年", r.year);
            let base_name = format!("{}年", r.baseline_year);
            grouped_bars(
                &format!("{} (表の合計)", t.title_ja),
                "件",
                &labels,
                &[
                    Series {
                        name: &current_name,
                        color: "#2b5d9b",
                        values: t.rows.iter().map(|row| sum(&row.current)).collect(),
                    },
                    Series {
                        name: &base_name,
                        color: "#a9b7c6",
                        values: t.rows.iter().map(|row| sum(&row.baseline)).collect(),
                    },
                ],
            )
        })
        .collect()
}

pub fn monthly_html(r: &MonthlyReport) -> String {
    let sheets = monthly_sheets(r);
    page(
        &format!("月報 {}年{}月 (全区)", r.year, r.month),
        &monthly_charts(r),
        &sheets,
        &format!(
            "件数は対応を完了した発券の数(来庁目的の用件で計上)。{by}年の数値は市の実績表(R7)より。\"-\" は数値なし。一日当たり = 件数 ÷ 開庁日数(休日開庁日を含む)。",
            by = r.baseline_year
        ),
    )
}

//! The monthly report (月報) as sheets: a summary of the report month against the same month
//! of the baseline year, then one sheet per table of the seed (1月…, 計, 開庁日数, 一日当たり)
//! for this year, the baseline year and the change.

use super::{Cell, ChartSpec, Section, SeriesRef, Sheet};
use crate::{MonthlyReport, MonthlyTable, PeriodSummary};

fn header(first: &str, t: &MonthlyTable) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(t.columns.iter().map(|c| c.name_ja.clone()))
        .collect()
}

fn line(label: String, cells: impl Iterator<Item = Cell>) -> Vec<Cell> {
    std::iter::once(Cell::Text(label)).chain(cells).collect()
}

fn period_rows(s: &mut Section, p: &PeriodSummary, now: &str, base: &str, per_day: bool) {
    s.row(line(
        now.to_string(),
        p.current.iter().map(|v| Cell::opt_int(*v)),
    ));
    s.row(line(
        base.to_string(),
        p.baseline.iter().map(|v| Cell::opt_int(*v)),
    ));
    s.row(line(
        format!("増減 {now}"),
        p.change
            .iter()
            .map(|c| c.map_or(Cell::Empty, |c| Cell::Int(c.diff))),
    ));
    s.row(line(
        format!("増減率 {now}"),
        p.change
            .iter()
            .map(|c| c.and_then(|c| c.pct).map_or(Cell::Empty, Cell::Pct)),
    ));
    if per_day {
        s.row(line(
            format!("開庁日数 {now}"),
            p.working_days.iter().map(|&d| Cell::int(d)),
        ));
        s.row(line(
            format!("開庁日数 {base}"),
            p.baseline_working_days.iter().map(|&d| Cell::int(d)),
        ));
        s.row(line(
            format!("一日当たり {now}"),
            p.per_day.iter().map(|v| Cell::opt_num(*v)),
        ));
        s.row(line(
            format!("一日当たり {base}"),
            p.baseline_per_day.iter().map(|v| Cell::opt_num(*v)),
        ));
    }
}

fn summary_sheet(r: &MonthlyReport) -> Sheet {
    let (y, by, m) = (r.year, r.baseline_year, r.month);
    let mut sections = Vec::new();
    for t in &r.tables {
        let mut s = Section {
            title: t.title_ja.clone(),
            header: header("区分", t),
            rows: Vec::new(),
        };
        period_rows(
            &mut s,
            &t.month,
            &format!("{y}年{m}月"),
            &format!("{by}年{m}月"),
            true,
        );
        let range = if m == 1 {
            "1月".to_string()
        } else {
            format!("1–{m}月")
        };
        period_rows(
            &mut s,
            &t.year_to_date,
            &format!("累計 {y}年{range}"),
            &format!("累計 {by}年{range}"),
            true,
        );
        sections.push(s);
    }
    if !r.uncounted.is_empty() {
        let mut s = Section::new(
            format!("表の区分に入らない用件の完了数 ({y}年{m}月、全区)"),
            &["用件", "件数"],
        );
        for (service, n) in &r.uncounted {
            s.row(vec![Cell::text(service), Cell::opt_int(Some(*n))]);
        }
        sections.push(s);
    }
    if r.bookings_total.booked > 0 {
        sections.push(crate::bookings::month_section(
            &r.bookings,
            &r.bookings_total,
            y,
        ));
    }
    Sheet {
        name: "概要".into(),
        title: format!("月報 {y}年{m}月 ({by}年同月との比較)"),
        sections,
        charts: Vec::new(),
    }
}

/// Whether a table's year sections get a 計 column (tables of more than one column).
fn has_sum_column(t: &MonthlyTable) -> bool {
    t.columns.len() > 1
}

fn with_sum(t: &MonthlyTable, values: &[Option<u64>]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = values.iter().map(|v| Cell::opt_int(*v)).collect();
    if has_sum_column(t) {
        let present: Vec<u64> = values.iter().flatten().copied().collect();
        cells.push(Cell::opt_int(
            (!present.is_empty()).then(|| present.iter().sum()),
        ));
    }
    cells
}

fn year_section(t: &MonthlyTable, year: i32, baseline: bool) -> Section {
    let mut head = header("月", t);
    if has_sum_column(t) {
        head.push("計".into());
    }
    let mut s = Section {
        title: format!("{} ({year}年)", t.title_ja),
        header: head,
        rows: Vec::new(),
    };
    for row in &t.rows {
        let values = if baseline {
            &row.baseline
        } else {
            &row.current
        };
        s.row(line(
            format!("{}月", row.month),
            with_sum(t, values).into_iter(),
        ));
    }
    let p = &t.year_to_date;
    let (total, days, per_day) = if baseline {
        (&p.baseline, &p.baseline_working_days, &p.baseline_per_day)
    } else {
        (&p.current, &p.working_days, &p.per_day)
    };
    s.row(line("計".into(), with_sum(t, total).into_iter()));
    s.row(line("開庁日数".into(), days.iter().map(|&d| Cell::int(d))));
    s.row(line(
        "一日当たり".into(),
        per_day.iter().map(|v| Cell::opt_num(*v)),
    ));
    s
}

fn change_section(t: &MonthlyTable, year: i32, by: i32) -> Section {
    let mut s = Section {
        title: format!("{} 増減 ({year}年 − {by}年)", t.title_ja),
        header: header("月", t),
        rows: Vec::new(),
    };
    for row in &t.rows {
        let diffs = row.current.iter().zip(&row.baseline).map(|(c, b)| {
            crate::Change::between(*c, *b).map_or(Cell::Empty, |c| Cell::Int(c.diff))
        });
        s.row(line(format!("{}月", row.month), diffs));
    }
    s.row(line(
        "計".into(),
        t.year_to_date
            .change
            .iter()
            .map(|c| c.map_or(Cell::Empty, |c| Cell::Int(c.diff))),
    ));
    s
}

/// The sheets of a monthly report: 概要, then one per table.
pub fn monthly_sheets(r: &MonthlyReport) -> Vec<Sheet> {
    let mut sheets = vec![summary_sheet(r)];
    for t in &r.tables {
        // The table's total per month (計 column, or its single column), this year and last.
        let column = if has_sum_column(t) {
            t.columns.len() + 1
        } else {
            1
        };
        let series = |name: String, section| SeriesRef {
            name,
            section,
            column,
            rows: t.rows.len(),
            line_on_second_axis: false,
        };
        sheets.push(Sheet {
            name: t.title_ja.replace(' ', "_").chars().take(31).collect(),
            title: format!("{} {}年1–{}月", t.title_ja, r.year, r.month),
            sections: vec![
                year_section(t, r.year, false),
                year_section(t, r.baseline_year, true),
                change_section(t, r.year, r.baseline_year),
            ],
            charts: vec![ChartSpec {
                title: format!("{} 月別 ({}年と{}年)", t.title_ja, r.year, r.baseline_year),
                series: vec![
                    series(format!("{}年", r.year), 0),
                    series(format!("{}年", r.baseline_year), 1),
                ],
            }],
        });
    }
    sheets
}

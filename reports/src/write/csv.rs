//! CSV: the daily report as titled blocks (one table after another, a blank line between), the
//! monthly report as one long table (one line per table, site and month) that is easy to load
//! elsewhere. UTF-8 with a byte-order mark, so that Excel shows the Japanese right.

use std::fmt::Write as _;

use crate::view::{Sheet, daily_sheets};
use crate::{Change, DailyReport, MonthlyReport};

const BOM: &str = "\u{feff}";

/// Quotes a field when it holds a comma, a quote or a line break. A field a spreadsheet would
/// run as a formula (starting with `=`, `+`, `@`, a tab, or `-` not followed by a digit: free
/// text such as a manual-count label could carry one) gets a leading `'`, so it stays text.
pub fn field(s: &str) -> String {
    let formula = match s.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !s[1..].starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    };
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let fields: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// Sheets as titled CSV blocks.
pub fn sheets_csv(sheets: &[Sheet]) -> String {
    let mut out = String::from(BOM);
    for sheet in sheets {
        line(&mut out, [sheet.title.clone()]);
        for s in &sheet.sections {
            out.push_str("\r\n");
            line(&mut out, [format!("[{}]", s.title)]);
            line(&mut out, s.header.clone());
            for row in &s.rows {
                line(&mut out, row.iter().map(|c| c.display()));
            }
        }
        out.push_str("\r\n");
    }
    out
}

pub fn daily_csv(r: &DailyReport) -> String {
    sheets_csv(&daily_sheets(r))
}

/// The monthly report as one long table:
/// `table,category,site,site_ja,month,count,count_<baseline year>,change,change_pct,working_days,working_days_<baseline year>`.
pub fn monthly_csv(r: &MonthlyReport) -> String {
    let mut out = String::from(BOM);
    let by = r.baseline_year;
    line(
        &mut out,
        ["table", "category", "site", "site_ja", "month", "count"]
            .map(String::from)
            .into_iter()
            .chain([format!("count_{by}"), "change".into(), "change_pct".into()])
            .chain(["working_days".into(), format!("working_days_{by}")]),
    );
    let opt = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
    for t in &r.tables {
        for row in &t.rows {
            for (i, c) in t.columns.iter().enumerate() {
                let change = Change::between(row.current[i], row.baseline[i]);
                let mut pct = String::new();
                if let Some(p) = change.and_then(|c| c.pct) {
                    let _ = write!(pct, "{p:.1}");
                }
                line(
                    &mut out,
                    [
                        t.id.code().to_string(),
                        t.category.code().to_string(),
                        c.site.clone(),
                        c.name_ja.clone(),
                        format!("{}-{:02}", r.year, row.month),
                        opt(row.current[i]),
                        opt(row.baseline[i]),
                        change.map_or(String::new(), |c| c.diff.to_string()),
                        pct,
                        row.working_days[i].to_string(),
                        row.baseline_working_days[i].to_string(),
                    ],
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn formulas_stay_text_and_numbers_stay_numbers() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(field("+1+1"), "'+1+1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-cmd"), "'-cmd");
        assert_eq!(field("-3"), "-3");
        assert_eq!(field("-1.5"), "-1.5");
        assert_eq!(field("交付"), "交付");
        assert_eq!(field("a,b"), "\"a,b\"");
    }
}

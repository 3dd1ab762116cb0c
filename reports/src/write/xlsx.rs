//! XLSX with Japanese headings (rust_xlsxwriter): one worksheet per sheet of the view, each
//! section a titled, bordered table; figures are numbers (not text), so Excel can sum them.

use rust_xlsxwriter::{
    Chart, ChartType, Color, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::view::{Cell, ChartSpec, Sheet, daily_sheets, monthly_sheets};
use crate::{DailyReport, MonthlyReport};

/// Writing the workbook failed (this should not happen with our data; report it as a bug).
#[derive(Debug, thiserror::Error)]
#[error("the Excel file could not be written: {0}")]
pub struct XlsxWriteError(#[from] XlsxError);

struct Formats {
    title: Format,
    section: Format,
    head: Format,
    text: Format,
    int: Format,
    num: Format,
    pct: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            section: Format::new().set_bold(),
            head: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE8F5)),
            text: cell.clone(),
            int: cell.clone().set_num_format("#,##0"),
            num: cell.clone().set_num_format("#,##0.0"),
            pct: cell.set_num_format("+0.0\"%\";-0.0\"%\";0.0\"%\""),
        }
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    ws.write_string_with_format(0, 0, &sheet.title, &f.title)?;
    let mut row: u32 = 2;
    let mut widest = 0usize;
    // The worksheet row of each section's first data row, for the charts.
    let mut data_rows = Vec::new();
    for s in &sheet.sections {
        ws.write_string_with_format(row, 0, &s.title, &f.section)?;
        row += 1;
        data_rows.push(row + 1);
        for (c, h) in s.header.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, h, &f.head)?;
        }
        row += 1;
        for cells in &s.rows {
            for (c, cell) in cells.iter().enumerate() {
                let col = c as u16;
                match cell {
                    Cell::Text(t) => ws.write_string_with_format(row, col, t, &f.text)?,
                    Cell::Int(v) => ws.write_number_with_format(row, col, *v as f64, &f.int)?,
                    Cell::Num(v) => ws.write_number_with_format(row, col, *v, &f.num)?,
                    Cell::Pct(v) => ws.write_number_with_format(row, col, *v, &f.pct)?,
                    Cell::Empty => ws.write_string_with_format(row, col, "-", &f.text)?,
                };
            }
            row += 1;
            if let Some(Cell::Text(t)) = cells.first() {
                widest = widest.max(t.chars().count());
            }
        }
        row += 1;
    }
    // Japanese characters are about two columns wide.
    ws.set_column_width(0, (widest * 2).clamp(10, 40) as f64)?;
    let max_cols = sheet
        .sections
        .iter()
        .map(|s| s.header.len())
        .max()
        .unwrap_or(1);
    for c in 1..max_cols {
        ws.set_column_width(c as u16, 11)?;
    }
    for (i, spec) in sheet.charts.iter().enumerate() {
        let chart = chart(&sheet.name, spec, &data_rows);
        ws.insert_chart(2 + 18 * i as u32, max_cols as u16 + 1, &chart)?;
    }
    Ok(())
}

/// A native Excel chart over the sheet's cells: columns, and lines on a second axis.
fn chart(sheet: &str, spec: &ChartSpec, data_rows: &[u32]) -> Chart {
    let mut bars = Chart::new(ChartType::Column);
    let mut lines = Chart::new(ChartType::Line);
    let mut has_lines = false;
    for s in &spec.series {
        let Some(&first) = data_rows.get(s.section) else {
            continue;
        };
        let last = first + s.rows.max(1) as u32 - 1;
        let target = if s.line_on_second_axis {
            has_lines = true;
            &mut lines
        } else {
            &mut bars
        };
        let series = target
            .add_series()
            .set_name(s.name.as_str())
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, s.column as u16, last, s.column as u16));
        if s.line_on_second_axis {
            series.set_secondary_axis(true);
        }
    }
    if has_lines {
        bars.combine(&lines);
    }
    bars.title().set_name(spec.title.as_str());
    bars
}

/// A workbook of the given sheets, as bytes.
pub fn sheets_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxWriteError> {
    let mut wb = Workbook::new();
    let formats = Formats::new();
    for sheet in sheets {
        write_sheet(wb.add_worksheet(), sheet, &formats)?;
    }
    Ok(wb.save_to_buffer()?)
}

pub fn daily_xlsx(r: &DailyReport) -> Result<Vec<u8>, XlsxWriteError> {
    sheets_xlsx(&daily_sheets(r))
}

pub fn monthly_xlsx(r: &MonthlyReport) -> Result<Vec<u8>, XlsxWriteError> {
    sheets_xlsx(&monthly_sheets(r))
}

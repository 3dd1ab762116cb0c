//! XLSX with Japanese headings (rust_xlsxwriter): one worksheet per sheet of the view, each
//! section a titled, bordered table; figures are numbers (not text), so Excel can sum them.

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::view::{Cell, Sheet, daily_sheets, monthly_sheets};
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
    for s in &sheet.sections {
        ws.write_string_with_format(row, 0, &s.title, &f.section)?;
        row += 1;
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
    Ok(())
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

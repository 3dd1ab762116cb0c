//! The report as tables to show: titled sections of rows of cells, with Japanese headings.
//! Built once from a report (see `daily.rs`, `monthly.rs`) and drawn by every writer (CSV,
//! XLSX, HTML), so that the three formats always show the same figures.

mod daily;
mod monthly;

pub use daily::daily_sheets;
pub use monthly::monthly_sheets;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A figure shown with one decimal (minutes, per-day averages).
    Num(f64),
    /// A percentage (e.g. `-5.2` for −5.2 %), shown with one decimal and a sign.
    Pct(f64),
    /// No figure (shown as `-`, as in the city's tables).
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn int(v: impl Into<i64>) -> Cell {
        Cell::Int(v.into())
    }

    pub fn opt_int(v: Option<u64>) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Int(v as i64))
    }

    pub fn opt_num(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Num)
    }

    /// The cell as text, as CSV and HTML show it.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(v) => v.to_string(),
            Cell::Num(v) => format!("{v:.1}"),
            Cell::Pct(v) => format!("{v:+.1}%"),
            Cell::Empty => "-".to_string(),
        }
    }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Section {
    pub fn new(title: impl Into<String>, header: &[&str]) -> Section {
        Section {
            title: title.into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The cell in the row whose first cell reads `first`, under the column headed `column`.
    pub fn cell(&self, first: &str, column: &str) -> Option<&Cell> {
        let c = self.header.iter().position(|h| h == column)?;
        self.rows
            .iter()
            .find(|r| matches!(r.first(), Some(Cell::Text(t)) if t == first))?
            .get(c)
    }
}

/// A sheet (an XLSX worksheet, an HTML page part): a name, its sections and its charts.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// At most 31 characters (an Excel limit).
    pub name: String,
    pub title: String,
    pub sections: Vec<Section>,
    /// Charts drawn from the sections' cells (native Excel charts in the XLSX).
    pub charts: Vec<ChartSpec>,
}

/// A column of figures of one section, for a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRef {
    pub name: String,
    /// Index of the section in [`Sheet::sections`].
    pub section: usize,
    /// Column of the figures (the categories are column 0 of the same rows).
    pub column: usize,
    /// The first `rows` rows of the section.
    pub rows: usize,
    /// Drawn as a line on a second axis (e.g. waits over arrivals).
    pub line_on_second_axis: bool,
}

/// A bar chart (with optional lines) over sections of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub series: Vec<SeriesRef>,
}

//! What the calls panel draws, and how big: every number still at a counter, in one column
//! per area (or several areas to a column), at the largest size that fits the window.
//!
//! Nothing is cut off to make room: when more counters call, the columns multiply and the
//! rows shrink. Sizes are in viewport-min units (vmin) and the text widths are estimates on
//! the safe side (a kanji is 1 em, anything else 0.55 em); `crate::ui::calls` draws with the
//! same constants.

use madoguchi_protocol::{Lang, Timestamp};

use super::{AreaName, BoardView, CallLine, CallView};
use crate::i18n::Texts;

/// Largest and smallest number size of a call row.
pub const NUMBER_MAX: f32 = 8.5;
pub const NUMBER_MIN: f32 = 2.5;
/// A call row: the Japanese counter name and the caption name relative to the number.
pub const NAME_JA: f32 = 0.45;
pub const NAME_CAPTION: f32 = 0.3;
/// The staff mark's badge under a row: its text size, the padding around its text and the gap
/// above it, in ems of the number.
pub const MARK_TEXT: f32 = 0.4;
pub const MARK_PAD: f32 = 0.06;
pub const MARK_GAP: f32 = 0.06;
/// Horizontal padding of a row, and the gap between number and names (vmin).
pub const ROW_PAD_X: f32 = 1.5;
pub const ROW_PAD_Y: f32 = 0.5;
pub const ROW_GAP: f32 = 0.8;
/// The width of the number, and of the names block, in ems of the number.
const NUMBER_EM: f32 = 2.9;
const NAMES_EM: f32 = 2.9;
/// An area heading (vmin): Japanese name and caption name.
pub const AREA_TEXT: f32 = 2.6;
const AREA_H: f32 = AREA_TEXT * 1.3 + ROW_GAP;
/// Columns of calls and their gap (vmin).
pub const COLUMN_GAP: f32 = 1.5;
const MAX_COLUMNS: usize = 4;
/// Chips of finished and missed calls.
pub const CHIP_TEXT: f32 = 2.8;
pub const CHIP_PAD_X: f32 = 1.0;
pub const CHIP_GAP: f32 = 0.8;
const CHIP_H: f32 = CHIP_TEXT * 1.3 + 0.6 + 0.6;
const CHIPS_LABEL_H: f32 = 2.4 * 1.3 + 0.6 + 1.2;
/// The frame around the calls panel: header, bars, paddings, panel title (vmin).
pub const HEADER_H: f32 = 11.0;
pub const BAR_TEXT: f32 = 3.0;
pub const PANEL_PAD: f32 = 1.5;
pub const TITLE_TEXT: f32 = 3.6;
/// The share of the body the calls panel takes (width in landscape, height in portrait).
pub const CALLS_SHARE: f32 = 0.62;

/// The window in vmin (the shorter side is 100).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Space {
    pub width: f32,
    pub height: f32,
}

impl Space {
    pub fn window(width_px: f32, height_px: f32) -> Space {
        let vmin = width_px.min(height_px).max(1.0) / 100.0;
        Space {
            width: width_px / vmin,
            height: height_px / vmin,
        }
    }

    pub fn portrait(&self) -> bool {
        self.height > self.width
    }
}

/// One area's calls within a column.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSection {
    /// `None` when the site has a single area: no heading needed.
    pub area: Option<AreaName>,
    pub calls: Vec<CallLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridColumn {
    pub sections: Vec<GridSection>,
}

/// The numbers being called, by column, and the number size (vmin) that fits them all.
#[derive(Debug, Clone, PartialEq)]
pub struct CallGrid {
    pub columns: Vec<GridColumn>,
    pub size: f32,
}

/// A row of chips ("A-043 1番窓口").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chips {
    pub calls: Vec<CallLine>,
}

/// The calls panel as drawn in one caption language on one window.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    pub grid: CallGrid,
    /// Finished calls, as many as fit on one line.
    pub recent: Chips,
    /// Every call that went unanswered (kept until requeued or the day ends).
    pub missed: Chips,
}

impl Screen {
    pub fn new(
        view: &BoardView,
        texts: &Texts,
        lang: Lang,
        now: Timestamp,
        space: Space,
    ) -> Screen {
        let line = |c: &CallView| CallLine::of(c, texts, lang, now);
        let (panel_w, panel_h) = panels(view, space).calls;
        let missed: Vec<CallLine> = view.missed().map(line).collect();
        let missed_h = if missed.is_empty() {
            0.0
        } else {
            CHIPS_LABEL_H + chip_lines(&missed, panel_w) as f32 * CHIP_H
        };
        let mut recent = Vec::new();
        let mut used = 0.0;
        for call in view.recent(usize::MAX).map(line) {
            let w = chip_width(&call) + CHIP_GAP;
            if used + w > panel_w {
                break;
            }
            used += w;
            recent.push(call);
        }
        let recent_h = if recent.is_empty() {
            0.0
        } else {
            CHIPS_LABEL_H + CHIP_H
        };
        let grid_h = panel_h - missed_h - recent_h;
        let sections: Vec<GridSection> = view
            .areas
            .iter()
            .map(|a| GridSection {
                area: (view.areas.len() > 1).then(|| AreaName::of(a, texts, lang)),
                calls: view.now_calling_in(&a.name).map(line).collect(),
            })
            .filter(|s| !s.calls.is_empty())
            .collect();
        // A call whose area this screen does not list (a filter, an odd snapshot) still shows.
        let stray: Vec<CallLine> = view
            .now_calling()
            .filter(|c| !view.areas.iter().any(|a| a.name == c.area))
            .map(line)
            .collect();
        let mut sections = sections;
        if !stray.is_empty() {
            sections.push(GridSection {
                area: None,
                calls: stray,
            });
        }
        Screen {
            grid: grid(sections, panel_w, grid_h),
            recent: Chips { calls: recent },
            missed: Chips { calls: missed },
        }
    }

    /// Every ticket number this screen draws, current calls first.
    pub fn numbers(&self) -> Vec<&str> {
        let grid = self.grid.columns.iter().flat_map(|c| &c.sections);
        grid.flat_map(|s| &s.calls)
            .chain(&self.recent.calls)
            .chain(&self.missed.calls)
            .map(|c| c.number.as_str())
            .collect()
    }

    /// The rows of the grid, for tests and drawing.
    pub fn rows(&self) -> impl Iterator<Item = &CallLine> {
        let sections = self.grid.columns.iter().flat_map(|c| &c.sections);
        sections.flat_map(|s| &s.calls)
    }
}

/// The insides of the two panels (width, height in vmin), under their titles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Panels {
    pub calls: (f32, f32),
    pub queues: (f32, f32),
}

/// Where the calls and the waiting counts go on this window, after the header and bars.
pub fn panels(view: &BoardView, space: Space) -> Panels {
    let mut body_h = space.height - HEADER_H - 2.0 * PANEL_PAD;
    if view.offline_since.is_some() {
        body_h -= bar_height(2.0 * BAR_TEXT * 20.0, space.width);
    }
    if !view.notice.is_empty() {
        body_h -= bar_height(text_em(&view.notice) * 3.2 + 20.0, space.width);
    }
    let inner = |(w, h): (f32, f32)| {
        (
            w - 2.0 * PANEL_PAD,
            h - 2.0 * PANEL_PAD - TITLE_TEXT * 1.3 - 1.2,
        )
    };
    let (calls, queues) = if space.portrait() {
        let w = space.width - 2.0 * PANEL_PAD;
        let h = body_h - PANEL_PAD;
        ((w, h * CALLS_SHARE), (w, h * (1.0 - CALLS_SHARE)))
    } else {
        let w = space.width - 3.0 * PANEL_PAD;
        ((w * CALLS_SHARE, body_h), (w * (1.0 - CALLS_SHARE), body_h))
    };
    Panels {
        calls: inner(calls),
        queues: inner(queues),
    }
}

/// The height of a bar of text `width_vmin` long, wrapped to the window.
fn bar_height(width_vmin: f32, window: f32) -> f32 {
    let lines = (width_vmin / (window - 4.0).max(10.0)).ceil().max(1.0);
    lines * BAR_TEXT * 1.35 + 1.6
}

/// Lays sections out in 1 to 4 columns, keeping the site's area order, and picks the layout
/// whose rows can be largest.
fn grid(sections: Vec<GridSection>, width: f32, height: f32) -> CallGrid {
    let n = sections.len();
    let mut best: Option<(f32, Vec<usize>)> = None;
    for cols in 1..=n.clamp(1, MAX_COLUMNS) {
        for cuts in partitions(n, cols) {
            let size = fit(&sections, &cuts, width, height);
            if best.as_ref().is_none_or(|(s, _)| size > *s + 0.01) {
                best = Some((size, cuts));
            }
        }
    }
    let Some((size, cuts)) = best else {
        return CallGrid {
            columns: Vec::new(),
            size: NUMBER_MAX,
        };
    };
    let mut columns = Vec::new();
    let mut rest = sections.into_iter();
    let mut start = 0;
    for end in cuts {
        columns.push(GridColumn {
            sections: rest.by_ref().take(end - start).collect(),
        });
        start = end;
    }
    CallGrid {
        columns,
        size: size.max(NUMBER_MIN),
    }
}

/// Every way to cut `n` sections into `cols` non-empty runs, as the end index of each run.
fn partitions(n: usize, cols: usize) -> Vec<Vec<usize>> {
    if cols == 1 {
        return vec![vec![n]];
    }
    let mut out = Vec::new();
    for first in 1..=n.saturating_sub(cols - 1) {
        for rest in partitions(n - first, cols - 1) {
            let mut cut = vec![first];
            cut.extend(rest.into_iter().map(|e| e + first));
            out.push(cut);
        }
    }
    out
}

/// The largest number size at which these columns fit.
fn fit(sections: &[GridSection], cuts: &[usize], width: f32, height: f32) -> f32 {
    let cols = cuts.len() as f32;
    let col_w = (width - (cols - 1.0) * COLUMN_GAP) / cols;
    let mut size = NUMBER_MAX.min((col_w - 2.0 * ROW_PAD_X - ROW_GAP) / (NUMBER_EM + NAMES_EM));
    let mut start = 0;
    for &end in cuts {
        let col = &sections[start..end];
        start = end;
        let headings = col.iter().filter(|s| s.area.is_some()).count() as f32;
        let rows: Vec<&CallLine> = col.iter().flat_map(|s| &s.calls).collect();
        let fixed = headings * AREA_H + rows.len() as f32 * (2.0 * ROW_PAD_Y + ROW_GAP);
        let ems: f32 = rows.iter().map(|r| row_em(r)).sum();
        if ems > 0.0 {
            size = size.min((height - fixed) / ems);
        }
    }
    size
}

/// A row's height in ems of its number: the number, or the names block if taller, and the
/// staff mark's badge under both (its wrapped lines, padding and gap).
pub fn row_em(row: &CallLine) -> f32 {
    let caption_lines = row
        .counter_caption
        .as_deref()
        .map_or(0.0, |c| (text_em(c) * NAME_CAPTION / NAMES_EM).ceil());
    let names = NAME_JA * 1.3 + caption_lines * NAME_CAPTION * 1.3;
    let mark = row.staff_mark.as_ref().map_or(0.0, |m| {
        let width = NUMBER_EM + NAMES_EM - 2.0 * MARK_PAD;
        let lines = |s: &str| (text_em(s) * MARK_TEXT / width).ceil();
        let text = lines(&m.ja_line()) + m.caption.as_deref().map_or(0.0, lines);
        text * MARK_TEXT * 1.3 + 2.0 * MARK_PAD + MARK_GAP
    });
    names.max(1.25) + mark
}

fn chip_width(call: &CallLine) -> f32 {
    let text = format!("{} {}", call.number, call.counter_ja);
    let caption = call
        .counter_caption
        .as_deref()
        .map_or(0.0, |c| text_em(c) * 0.75 + 0.5);
    (text_em(&text) + caption) * CHIP_TEXT + 2.0 * CHIP_PAD_X
}

fn chip_lines(calls: &[CallLine], width: f32) -> usize {
    let mut lines = 1;
    let mut used = 0.0;
    for c in calls {
        let w = chip_width(c) + CHIP_GAP;
        if used + w > width && used > 0.0 {
            lines += 1;
            used = 0.0;
        }
        used += w;
    }
    lines
}

/// A safe estimate of a text's width in ems: 1 for CJK and kana, 0.6 for the rest.
pub fn text_em(s: &str) -> f32 {
    s.chars()
        .map(|c| {
            if u32::from(c) >= 0x1100 && !(0x1E00..0x2000).contains(&u32::from(c)) {
                1.0
            } else {
                0.6
            }
        })
        .sum()
}

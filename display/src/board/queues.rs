//! What the waiting-counts panel draws, and how big: every service of the site, each with its
//! waiting count and estimated wait (a range of minutes), in one or two columns at the largest
//! size that fits.
//!
//! No service is cut off to make room. When space is short the panel first drops the small
//! Japanese line under a translated service name, then goes to two columns, then shrinks the
//! rows (down to [`SCALE_MIN`]). Sizes are vmin at scale 1 and widths are the safe estimates of
//! [`layout::text_em`]; `crate::ui::queues` draws with the same constants.
//!
//! Every queue of the board is listed, the city staff desk (`city`, not offered at the kiosk)
//! included: a visitor sent there from another counter waits in that queue with the number
//! they already hold (card pickups go on to the city staff desk), so its count is theirs.

use madoguchi_protocol::{Lang, ServiceId, WaitRange};

use super::layout::{self, Space, text_em};
use super::{BoardView, WaitBand};
use crate::i18n::Texts;

/// Row parts at scale 1 (vmin): the prefix box and its letter, the service name, the
/// Japanese name under a translated one, the waiting count, the wait box and its band words.
pub const PREFIX_W: f32 = 6.0;
pub const PREFIX_TEXT: f32 = 4.8;
pub const NAME_TEXT: f32 = 2.6;
pub const NAME_JA_TEXT: f32 = 2.0;
pub const PEOPLE_TEXT: f32 = 3.0;
pub const WAIT_TEXT: f32 = 3.0;
pub const BAND_TEXT: f32 = 2.2;
pub const BAND_MIN_W: f32 = 16.0;
pub const BAND_PAD_X: f32 = 1.0;
pub const BAND_PAD_Y: f32 = 0.4;
/// Padding of a row, gap between its parts, gap between rows (vmin at scale 1).
pub const ROW_PAD: f32 = 0.8;
pub const ROW_INNER_GAP: f32 = 1.2;
pub const ROW_GAP: f32 = 1.0;
/// Gap between the lines of the names block (vmin, unscaled).
pub const LINE_GAP: f32 = 0.3;
/// The column headings ("Service", "Waiting / Estimated wait"), unscaled.
pub const HEAD_TEXT: f32 = 2.2;
/// Gap between the two columns.
pub const COLUMN_GAP: f32 = 1.5;
/// The smallest rows are drawn at this share of full size.
pub const SCALE_MIN: f32 = 0.45;
/// Rendered lines are taller than their font size.
const LINE_H: f32 = 1.3;
/// The gap the panel's column puts between title, headings and rows (`ui::sections`).
const PANEL_GAP: f32 = 1.2;

/// One service's line.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueRow {
    pub service: ServiceId,
    pub prefix: String,
    /// The service in the caption language.
    pub name: String,
    /// The Japanese name under a translated one; `None` under Japanese captions, when the
    /// locale has no translation, or when the panel dropped it for room.
    pub name_ja: Option<String>,
    /// "16 people".
    pub people: String,
    /// The wait box: "about 60–85 min", or the band words when nobody waits, or "paused".
    pub wait: String,
    /// The band words under the minutes, when there are minutes.
    pub band_words: Option<String>,
    pub band: WaitBand,
}

impl QueueRow {
    /// Every string the board draws for this service.
    pub fn texts(&self) -> Vec<&str> {
        let mut v = vec![self.prefix.as_str(), self.name.as_str()];
        v.extend(self.name_ja.as_deref());
        v.push(self.people.as_str());
        v.push(self.wait.as_str());
        v.extend(self.band_words.as_deref());
        v
    }
}

/// The waiting-counts panel in one caption language on one window.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePanel {
    /// "Service" and "Waiting / Estimated wait".
    pub head_service: String,
    pub head_wait: String,
    /// One or two columns, the site's service order running down the first, then the second.
    pub columns: Vec<Vec<QueueRow>>,
    /// The share of full size the rows are drawn at.
    pub scale: f32,
}

impl QueuePanel {
    pub fn new(view: &BoardView, texts: &Texts, lang: Lang, space: Space) -> QueuePanel {
        let japanese = matches!(lang, Lang::Ja | Lang::JaEasy);
        let rows: Vec<QueueRow> = view
            .queues
            .iter()
            .map(|q| {
                let name = texts.service(lang, &q.name_key, &q.name_ja);
                let people =
                    texts.args(lang, "display-people", &[("count", q.waiting.to_string())]);
                let (wait, band_words) = if q.no_counter_open {
                    (texts.get(lang, "display-paused"), None)
                } else if q.waiting == 0 {
                    (texts.get(lang, q.band.key()), None)
                } else {
                    // A server without ranges sends `0–0`: its one number then.
                    let r = if q.eta_range.high_min == 0 {
                        WaitRange {
                            low_min: q.eta_min,
                            high_min: q.eta_min,
                        }
                    } else {
                        q.eta_range
                    };
                    let range = range_text(texts, lang, r);
                    let min = texts.args(lang, "display-minutes", &[("range", range)]);
                    (min, Some(texts.get(lang, q.band.key())))
                };
                QueueRow {
                    service: q.service.clone(),
                    prefix: q.prefix.clone(),
                    name_ja: (!japanese && name != q.name_ja).then(|| q.name_ja.clone()),
                    name,
                    people,
                    wait,
                    band_words,
                    band: q.band,
                }
            })
            .collect();
        let head_service = texts.get(lang, "display-service");
        let head_wait = format!(
            "{} / {}",
            texts.get(lang, "display-waiting"),
            texts.get(lang, "display-wait")
        );
        let (width, height) = layout::panels(view, space).queues;
        let head = heading_lines(&head_service, &head_wait, width) * HEAD_TEXT * LINE_H + PANEL_GAP;
        let height = height - head;
        let ja_line = rows.iter().any(|r| r.name_ja.is_some());
        let best = |cols: usize, ja: bool| best_scale(&rows, cols, ja, width, height);
        // In order of preference, each with the smallest scale it is worth taking at.
        let mut choice = None;
        for (cols, ja, floor) in [
            (1, true, 0.8),
            (1, false, 0.7),
            (2, true, 0.75),
            (2, false, 0.6),
        ] {
            if ja && !ja_line {
                continue;
            }
            if let Some(k) = best(cols, ja).filter(|k| *k >= floor) {
                choice = Some((cols, ja, k));
                break;
            }
        }
        let (cols, ja, scale) = choice.unwrap_or_else(|| {
            let one = best(1, false).unwrap_or(0.0);
            let two = best(2, false).unwrap_or(0.0);
            if one >= two && one > 0.0 {
                (1, false, one)
            } else {
                (2, false, two.max(SCALE_MIN))
            }
        });
        let mut rows = rows;
        if !ja {
            for r in &mut rows {
                r.name_ja = None;
            }
        }
        QueuePanel {
            head_service,
            head_wait,
            columns: split(rows, cols),
            scale,
        }
    }

    /// Every service row, in the site's order.
    pub fn rows(&self) -> impl Iterator<Item = &QueueRow> {
        self.columns.iter().flatten()
    }

    /// Whether these columns fit the panel of `space` at this scale (what the layout chose
    /// is checked against the same estimate in tests).
    pub fn fits(&self, view: &BoardView, space: Space) -> bool {
        let (width, height) = layout::panels(view, space).queues;
        let head = heading_lines(&self.head_service, &self.head_wait, width) * HEAD_TEXT * LINE_H
            + PANEL_GAP;
        let col_w = column_width(width, self.columns.len());
        self.columns.iter().all(|c| {
            let rows: Vec<&QueueRow> = c.iter().collect();
            column_height(&rows, self.scale, col_w).is_some_and(|h| h <= height - head + 0.01)
        })
    }
}

/// The range of minutes as `lang` writes it (`10–20`, `10〜20`); one number when both ends
/// are equal.
fn range_text(texts: &Texts, lang: Lang, range: WaitRange) -> String {
    if range.low_min >= range.high_min {
        return range.high_min.to_string();
    }
    texts.args(
        lang,
        "display-range",
        &[
            ("low", range.low_min.to_string()),
            ("high", range.high_min.to_string()),
        ],
    )
}

/// Rows down the first column, then the second.
fn split(rows: Vec<QueueRow>, cols: usize) -> Vec<Vec<QueueRow>> {
    let per = rows.len().div_ceil(cols.max(1)).max(1);
    let mut out: Vec<Vec<QueueRow>> = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        if i % per == 0 {
            out.push(Vec::new());
        }
        if let Some(col) = out.last_mut() {
            col.push(row);
        }
    }
    out
}

fn column_width(width: f32, cols: usize) -> f32 {
    let n = cols.max(1) as f32;
    (width - (n - 1.0) * COLUMN_GAP) / n
}

/// The largest scale (in steps of 0.025) at which `rows` fit `cols` columns, if any does.
fn best_scale(rows: &[QueueRow], cols: usize, ja: bool, width: f32, height: f32) -> Option<f32> {
    let rows: Vec<QueueRow> = rows
        .iter()
        .cloned()
        .map(|mut r| {
            if !ja {
                r.name_ja = None;
            }
            r
        })
        .collect();
    let columns = split(rows, cols);
    let col_w = column_width(width, cols);
    let mut k = 1.0_f32;
    while k >= SCALE_MIN - 0.001 {
        let fits = columns.iter().all(|c| {
            let c: Vec<&QueueRow> = c.iter().collect();
            column_height(&c, k, col_w).is_some_and(|h| h <= height)
        });
        if fits {
            return Some(k);
        }
        k -= 0.025;
    }
    None
}

/// A column's height at scale `k`, `None` when a name has no room at all.
fn column_height(rows: &[&QueueRow], k: f32, width: f32) -> Option<f32> {
    let mut total = 0.0;
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            total += ROW_GAP * k;
        }
        total += row_height(row, k, width)?;
    }
    Some(total)
}

/// One row's height at scale `k` in a column `width` wide.
pub fn row_height(row: &QueueRow, k: f32, width: f32) -> Option<f32> {
    let band_w = band_width(row, k);
    let names_w = width - 2.0 * ROW_PAD * k - PREFIX_W * k - band_w - 2.0 * ROW_INNER_GAP * k;
    if names_w < 6.0 {
        return None;
    }
    let lines = |s: &str, size: f32| (text_em(s) * size / names_w).ceil().max(1.0);
    let mut names = lines(&row.name, NAME_TEXT * k) * NAME_TEXT * k * LINE_H
        + LINE_GAP
        + PEOPLE_TEXT * k * LINE_H;
    if let Some(ja) = &row.name_ja {
        names += lines(ja, NAME_JA_TEXT * k) * NAME_JA_TEXT * k * LINE_H + LINE_GAP;
    }
    let band_words = row
        .band_words
        .as_ref()
        .map_or(0.0, |_| BAND_TEXT * k * LINE_H + 0.2);
    let band = 2.0 * BAND_PAD_Y * k + WAIT_TEXT * k * LINE_H + band_words;
    let prefix = PREFIX_TEXT * k * LINE_H;
    Some(2.0 * ROW_PAD * k + names.max(band).max(prefix))
}

/// The wait box's width: at least `BAND_MIN_W`, wider for long words (they do not wrap).
pub fn band_width(row: &QueueRow, k: f32) -> f32 {
    let words = row
        .band_words
        .as_deref()
        .map_or(0.0, |w| text_em(w) * BAND_TEXT * k);
    let text = (text_em(&row.wait) * WAIT_TEXT * k).max(words);
    (BAND_MIN_W * k).max(text + 2.0 * BAND_PAD_X * k)
}

/// How many lines the column headings take in a panel `width` wide.
fn heading_lines(service: &str, wait: &str, width: f32) -> f32 {
    ((text_em(service) + text_em(wait)) * HEAD_TEXT / (width - 1.0).max(1.0))
        .ceil()
        .max(1.0)
}

//! Text setting with cosmic-text: shape a string in the family for its language, wrap it to
//! a width, and blend its glyphs into a [`Canvas`]. Also answers which glyphs are missing
//! and which face drew each character, for tests.
//!
//! Japanese and やさしい日本語 are broken into lines here, at the opportunities of
//! `madoguchi_linebreak` (BudouX phrases or spaces, with kinsoku), measured with the same
//! fonts; cosmic-text then sets each line as given. Other languages keep cosmic-text's own
//! UAX #14 wrapping.

use cosmic_text::{
    Align, Attrs, Buffer, Color, Family, FontSystem, Metrics, Shaping, SwashCache, Weight, Wrap,
};

use madoguchi_linebreak::Rules;

use crate::canvas::{Canvas, Ink};
use crate::fonts;

/// How one block of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font family name, usually from [`fonts::family_for`].
    pub family: &'static str,
    /// Font size in dots.
    pub size: f32,
    pub bold: bool,
    pub align: Align,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub ink: Ink,
    /// Where lines may break: by language (see [`Rules::for_lang`]).
    pub breaks: Rules,
}

impl TextStyle {
    pub fn new(family: &'static str, size: f32) -> Self {
        Self {
            family,
            size,
            bold: false,
            align: Align::Left,
            leading: 1.3,
            ink: Ink::Black,
            breaks: Rules::Renderer,
        }
    }

    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    pub fn centered(self) -> Self {
        Self {
            align: Align::Center,
            ..self
        }
    }

    pub fn leading(self, leading: f32) -> Self {
        Self { leading, ..self }
    }

    pub fn ink(self, ink: Ink) -> Self {
        Self { ink, ..self }
    }

    pub fn size(self, size: f32) -> Self {
        Self { size, ..self }
    }

    pub fn breaks(self, breaks: Rules) -> Self {
        Self { breaks, ..self }
    }
}

/// The font system and glyph cache. Building it parses every embedded font, so one
/// `Typesetter` lives as long as the program.
pub struct Typesetter {
    fonts: FontSystem,
    cache: SwashCache,
    /// Every block drawn since [`Typesetter::record`], for tests of the wrapped lines.
    recorded: Option<Vec<DrawnText>>,
}

/// One block of text as drawn: its style (with its line-breaking rules), the width it was
/// wrapped to, and the lines cosmic-text laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnText {
    pub text: String,
    pub style: TextStyle,
    pub width: u32,
    pub lines: Vec<String>,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

impl Typesetter {
    pub fn new() -> Self {
        Self {
            fonts: fonts::font_system(),
            cache: SwashCache::new(),
            recorded: None,
        }
    }

    /// Starts keeping every block [`Typesetter::draw`] draws, with its wrapped lines.
    pub fn record(&mut self) {
        self.recorded = Some(Vec::new());
    }

    /// The blocks drawn since [`Typesetter::record`]; stops recording.
    pub fn take_recorded(&mut self) -> Vec<DrawnText> {
        self.recorded.take().unwrap_or_default()
    }

    fn buffer(&mut self, text: &str, style: &TextStyle, width: Option<f32>) -> Buffer {
        match width {
            Some(w) if style.breaks != Rules::Renderer => {
                // Lines broken here are set as they are: cosmic-text must not break again.
                let lines = madoguchi_linebreak::wrap(text, style.breaks, w, |piece| {
                    self.measure_width(piece, style)
                });
                self.shape(&lines.join("\n"), style, width, Wrap::None)
            }
            _ => self.shape(text, style, width, Wrap::WordOrGlyph),
        }
    }

    fn shape(&mut self, text: &str, style: &TextStyle, width: Option<f32>, wrap: Wrap) -> Buffer {
        let size = style.size * fonts::size_factor(style.family);
        let metrics = Metrics::new(size, (size * style.leading).ceil());
        let mut buffer = Buffer::new(&mut self.fonts, metrics);
        buffer.set_wrap(wrap);
        buffer.set_size(width, None);
        let weight = if style.bold {
            Weight::BOLD
        } else {
            Weight::NORMAL
        };
        let attrs = Attrs::new()
            .family(Family::Name(style.family))
            .weight(weight);
        buffer.set_text(text, &attrs, Shaping::Advanced, Some(style.align));
        buffer.shape_until_scroll(&mut self.fonts, false);
        buffer
    }

    /// Width in dots of the widest line of `text` set without wrapping.
    pub fn measure_width(&mut self, text: &str, style: &TextStyle) -> f32 {
        let buffer = self.shape(text, style, None, Wrap::None);
        buffer
            .layout_runs()
            .map(|run| run.line_w)
            .fold(0.0, f32::max)
    }

    /// Height in dots `text` takes when wrapped to `width`.
    pub fn measure_height(&mut self, text: &str, style: &TextStyle, width: u32) -> u32 {
        let buffer = self.buffer(text, style, Some(width as f32));
        block_height(&buffer)
    }

    /// Draws `text` wrapped to `width` with its top-left at (`x`, `y`); returns its height.
    /// Glyphs no embedded font has (.notdef) are left out rather than printed as boxes.
    pub fn draw(
        &mut self,
        canvas: &mut Canvas,
        text: &str,
        style: &TextStyle,
        (x, y): (u32, u32),
        width: u32,
    ) -> u32 {
        let buffer = self.buffer(text, style, Some(width as f32));
        let height = block_height(&buffer);
        if let Some(recorded) = &mut self.recorded {
            recorded.push(DrawnText {
                text: text.to_owned(),
                style: *style,
                width,
                lines: buffer
                    .layout_runs()
                    .map(|run| run_text(run.text, run.glyphs))
                    .collect(),
            });
        }
        canvas.grow_to(y + height);
        let ink = style.ink;
        // Faces without a bold cut (Devanagari) are emboldened by smearing the glyph sideways.
        let smear = ((style.size / 20.0).round() as i32).max(1);
        for run in buffer.layout_runs() {
            for glyph in run.glyphs.iter().filter(|g| g.glyph_id != 0) {
                let fake_bold = style.bold
                    && self
                        .fonts
                        .db()
                        .face(glyph.font_id)
                        .is_some_and(|face| face.weight.0 < 600);
                let strokes = if fake_bold { smear + 1 } else { 1 };
                let physical = glyph.physical((x as f32, y as f32 + run.line_y), 1.0);
                for stroke in 0..strokes {
                    self.cache.with_pixels(
                        &mut self.fonts,
                        physical.cache_key,
                        Color::rgb(0, 0, 0),
                        |dx, dy, color| {
                            canvas.blend(physical.x + dx + stroke, physical.y + dy, color.a(), ink);
                        },
                    );
                }
            }
        }
        height
    }

    /// Characters of `text` that no embedded font could draw when set in `family`.
    pub fn missing_glyphs(&mut self, text: &str, family: &'static str) -> Vec<char> {
        let style = TextStyle::new(family, 24.0);
        let buffer = self.buffer(text, &style, None);
        let mut missing = Vec::new();
        for run in buffer.layout_runs() {
            for glyph in run.glyphs.iter().filter(|g| g.glyph_id == 0) {
                missing.extend(run.text[glyph.start..glyph.end].chars());
            }
        }
        missing.retain(|c| !c.is_whitespace() && !c.is_control());
        missing
    }

    /// For each shaped cluster of `text` set in `family`: the cluster and the family name of
    /// the face that drew it.
    pub fn faces_used(&mut self, text: &str, family: &'static str) -> Vec<(String, String)> {
        let style = TextStyle::new(family, 24.0);
        let buffer = self.buffer(text, &style, None);
        let mut used = Vec::new();
        for run in buffer.layout_runs() {
            for glyph in run.glyphs {
                let face = self
                    .fonts
                    .db()
                    .face(glyph.font_id)
                    .and_then(|face| face.families.first().map(|(name, _)| name.clone()))
                    .unwrap_or_default();
                used.push((run.text[glyph.start..glyph.end].to_owned(), face));
            }
        }
        used
    }
}

/// The text of one laid-out line: from its first glyph to its last (trailing spaces aside).
fn run_text(line: &str, glyphs: &[cosmic_text::LayoutGlyph]) -> String {
    let start = glyphs.iter().map(|g| g.start).min().unwrap_or(0);
    let end = glyphs.iter().map(|g| g.end).max().unwrap_or(0);
    line.get(start..end).unwrap_or_default().to_owned()
}

fn block_height(buffer: &Buffer) -> u32 {
    buffer
        .layout_runs()
        .map(|run| run.line_top + run.line_height)
        .fold(0.0, f32::max)
        .ceil() as u32
}

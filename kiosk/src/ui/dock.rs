//! The dock at the bottom of every screen, inside a seated visitor's reach: Back and the
//! primary action on one row, language, large text, low reach and Call staff on the next.
//! Every button keeps its place from screen to screen.

use bevy_egui::egui::{self, Rect, Ui, pos2, vec2};

use super::blocks::scaled;
use super::cards::{self, Style};
use super::draw::SCALES;
use super::layout::{ACT_H, GAP, UTIL_H};
use super::text::Sizes;
use crate::flow::KioskEvent;
use crate::view::{Button, ScreenView};

/// The dock's rows laid out for a width.
pub struct Dock<'a> {
    /// Back (left third) and the primary action (right two thirds).
    act: Option<(Option<&'a Button>, Option<&'a Button>, f32)>,
    /// Toggles without their pictogram: the check box says what matters and the label needs
    /// the width.
    util: (Vec<(Button, Style)>, f32),
    act_font: f32,
    util_font: f32,
    width: f32,
}

impl<'a> Dock<'a> {
    /// The dock at the largest text scale at which it is at most `budget` tall (the reach
    /// band), or at the smallest scale.
    pub fn fitted(
        ctx: &egui::Context,
        view: &'a ScreenView,
        width: f32,
        s: &Sizes,
        budget: f32,
    ) -> Dock<'a> {
        let mut dock = Dock::new(ctx, view, width, s.button, s.bar);
        for k in SCALES.into_iter().skip(1) {
            if dock.height() <= budget {
                break;
            }
            dock = Dock::new(ctx, view, width, scaled(s.button, k), scaled(s.bar, k));
        }
        dock
    }

    fn new(
        ctx: &egui::Context,
        view: &'a ScreenView,
        width: f32,
        act_font: f32,
        util_font: f32,
    ) -> Dock<'a> {
        let back = view.bar.back.as_ref();
        let primary = view.primary.as_ref();
        let style = primary.map_or(Style::Primary, primary_style);
        let third = (width - GAP) / 3.0;
        let act = (back.is_some() || primary.is_some()).then(|| {
            let h = [
                back.map(|b| cards::height(ctx, b, Style::Tool, act_font, third)),
                primary.map(|b| cards::height(ctx, b, style, act_font, width - third - GAP)),
            ]
            .into_iter()
            .flatten()
            .fold(ACT_H, f32::max);
            (back, primary, h)
        });
        let plain = |b: &Button| Button {
            icon: None,
            ..b.clone()
        };
        let util: Vec<(Button, Style)> = view
            .bar
            .language
            .iter()
            .map(|b| (b.clone(), Style::Tool))
            .chain([
                (plain(&view.bar.large_text), Style::Tool),
                (plain(&view.bar.low_reach), Style::Tool),
                (view.bar.call_staff.clone(), Style::Staff),
            ])
            .collect();
        let w = cell(width, util.len());
        let util_h = util
            .iter()
            .map(|(b, st)| cards::height(ctx, b, *st, util_font, w))
            .fold(UTIL_H, f32::max);
        Dock {
            act,
            util: (util, util_h),
            act_font,
            util_font,
            width,
        }
    }

    pub fn height(&self) -> f32 {
        self.act.map_or(0.0, |a| a.2 + GAP) + self.util.1
    }

    /// Paints the dock in `rect` (its height is [`Dock::height`]).
    pub fn paint(&self, ui: &mut Ui, rect: Rect, out: &mut Vec<KioskEvent>) {
        let mut y = rect.top();
        let id = ui.id().with("dock");
        let third = (self.width - GAP) / 3.0;
        if let Some((back, primary, h)) = self.act {
            if let Some(b) = back {
                let r = Rect::from_min_size(pos2(rect.left(), y), vec2(third, h));
                if cards::card(ui, id.with("back"), r, b, Style::Tool, self.act_font) {
                    out.push(b.event.clone());
                }
            }
            if let Some(b) = primary {
                let x = rect.left() + third + GAP;
                let r = Rect::from_min_size(pos2(x, y), vec2(rect.right() - x, h));
                if cards::card(
                    ui,
                    id.with("primary"),
                    r,
                    b,
                    primary_style(b),
                    self.act_font,
                ) {
                    out.push(b.event.clone());
                }
            }
            y += h + GAP;
        }
        let (buttons, h) = &self.util;
        let w = cell(self.width, buttons.len());
        for (i, (b, style)) in buttons.iter().enumerate() {
            let r = Rect::from_min_size(pos2(rect.left() + i as f32 * (w + GAP), y), vec2(w, *h));
            if cards::card(ui, id.with(i), r, b, *style, self.util_font) {
                out.push(b.event.clone());
            }
        }
    }
}

/// The right slot's style: yellow for the one thing to do now, blue for the purpose screen's
/// "I have a reservation" (a choice beside the purposes, not the way on for everyone).
fn primary_style(b: &Button) -> Style {
    if b.event == KioskEvent::StartBooking {
        Style::Choice
    } else {
        Style::Primary
    }
}

fn cell(width: f32, n: usize) -> f32 {
    let n = n.max(1) as f32;
    (width - GAP * (n - 1.0)) / n
}

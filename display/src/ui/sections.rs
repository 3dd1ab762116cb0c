//! The parts of the board: header, offline and notice bars, the calls, the queues, and the
//! closed screen. Numbers and counters use fixed fonts and sizes; only captions rotate.

use bevy::ecs::hierarchy::ChildSpawnerCommands;
use bevy::prelude::*;
use madoguchi_protocol::{Lang, Timestamp};

use super::Fonts;
use super::calls::calls_panel;
use super::parts::{self, column, padded, row, text};
use super::queues::queues_panel;
use crate::board::{BoardView, Opening, QueuePanel, Screen, Space, date_line, layout as dims};
use crate::i18n::Texts;

/// What every part needs to draw itself.
pub struct Ctx<'a> {
    pub fonts: &'a Fonts,
    pub texts: &'a Texts,
    pub lang: Lang,
    pub now: Timestamp,
    /// The window in vmin; a portrait screen stacks the calls above the queues.
    pub space: Space,
}

impl Ctx<'_> {
    pub(super) fn t(&self, key: &str) -> String {
        self.texts.get(self.lang, key)
    }
    fn ta(&self, key: &str, args: &[(&'static str, String)]) -> String {
        self.texts.args(self.lang, key, args)
    }
    pub(super) fn cap(&self, s: impl Into<String>, vh: f32, color: Color) -> impl Bundle {
        text(s, self.fonts.caption(self.lang), vh, color)
    }
    fn portrait(&self) -> bool {
        self.space.portrait()
    }
    /// Japanese captions, where the Japanese line already says everything.
    fn japanese(&self) -> bool {
        matches!(self.lang, Lang::Ja | Lang::JaEasy)
    }
}

/// The whole board.
pub fn board(commands: &mut Commands, root: Entity, ctx: &Ctx, view: &BoardView) {
    commands.entity(root).with_children(|p| {
        header(p, ctx, view);
        if let Some(since) = view.offline_since {
            offline_bar(p, ctx, since, view.last_update);
        }
        if !view.notice.is_empty() {
            notice_bar(p, ctx, &view.notice);
        }
        match &view.opening {
            Opening::Open => open_body(p, ctx, view),
            Opening::Closed {
                hours_today,
                next_opening,
            } => closed_body(p, ctx, hours_today.as_ref(), *next_opening),
        }
    });
}

/// Before the first snapshot: the site is not known yet.
pub fn waiting(commands: &mut Commands, root: Entity, ctx: &Ctx, status: &str) {
    commands.entity(root).with_children(|p| {
        p.spawn(Node {
            border_radius: BorderRadius::all(Val::VMin(0.8)),
            flex_grow: 1.0,
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_child(text(
            status.to_string(),
            ctx.fonts.japanese(),
            4.0,
            parts::DIM,
        ));
    });
}

fn header(p: &mut ChildSpawnerCommands, ctx: &Ctx, view: &BoardView) {
    let now = ctx.now;
    let clock = format!(
        "{} {}",
        date_line(ctx.texts, Lang::Ja, now),
        now.format("%H:%M")
    );
    p.spawn((
        Node {
            justify_content: JustifyContent::SpaceBetween,
            padding: UiRect::axes(Val::VMin(2.0), Val::VMin(1.2)),
            ..row(2.0)
        },
        BackgroundColor(parts::HEADER),
    ))
    .with_children(|h| {
        h.spawn(row(2.0)).with_children(|l| {
            l.spawn(text(
                view.site_name.clone(),
                ctx.fonts.japanese(),
                4.2,
                parts::WHITE,
            ));
            if !ctx.portrait() {
                l.spawn(text(
                    view.site_name_en.clone(),
                    ctx.fonts.caption(Lang::En),
                    2.6,
                    parts::DIM,
                ));
            }
        });
        h.spawn(Node {
            align_items: AlignItems::FlexEnd,
            ..column(0.3)
        })
        .with_children(|r| {
            r.spawn(text(clock, ctx.fonts.numbers(), 4.2, parts::WHITE));
            let mut second = ctx.lang.native_name().to_string();
            if !ctx.japanese() {
                second = format!("{second} · {}", date_line(ctx.texts, ctx.lang, now));
            }
            r.spawn(ctx.cap(second, 2.2, parts::DIM));
        });
    });
}

/// The offline mark: since when, and when the board last changed, in Japanese and in the
/// caption language.
fn offline_bar(p: &mut ChildSpawnerCommands, ctx: &Ctx, since: Timestamp, updated: Timestamp) {
    let args = [
        ("since", since.format("%H:%M").to_string()),
        ("time", updated.format("%H:%M:%S").to_string()),
    ];
    let say = |lang: Lang| {
        format!(
            "{} {}",
            ctx.texts.args(lang, "display-offline", &args),
            ctx.texts.args(lang, "display-last-update", &args)
        )
    };
    p.spawn((
        Node {
            flex_wrap: FlexWrap::Wrap,
            ..padded(row(3.0), 0.8)
        },
        BackgroundColor(parts::OFFLINE),
    ))
    .with_children(|b| {
        b.spawn(text(
            say(Lang::Ja),
            ctx.fonts.japanese(),
            dims::BAR_TEXT,
            parts::WHITE,
        ));
        if !ctx.japanese() {
            b.spawn(ctx.cap(say(ctx.lang), dims::BAR_TEXT * 0.87, parts::WHITE));
        }
    });
}

/// The supervisor's notice. It has no translation source (the server sends one Japanese
/// line), so other caption languages get a label saying it is in Japanese.
fn notice_bar(p: &mut ChildSpawnerCommands, ctx: &Ctx, notice: &str) {
    p.spawn((
        Node {
            flex_wrap: FlexWrap::Wrap,
            ..padded(row(1.5), 0.8)
        },
        BackgroundColor(parts::NOTICE),
    ))
    .with_children(|b| {
        if !ctx.japanese() {
            b.spawn(ctx.cap(ctx.t("display-notice"), 2.4, parts::DARK));
        }
        b.spawn(text(
            notice.to_string(),
            ctx.fonts.japanese(),
            3.2,
            parts::DARK,
        ));
    });
}

fn open_body(p: &mut ChildSpawnerCommands, ctx: &Ctx, view: &BoardView) {
    p.spawn(Node {
        flex_grow: 1.0,
        flex_direction: if ctx.portrait() {
            FlexDirection::Column
        } else {
            FlexDirection::Row
        },
        column_gap: Val::VMin(1.5),
        row_gap: Val::VMin(1.5),
        padding: UiRect::all(Val::VMin(1.5)),
        // Rows that do not fit are cut off rather than pushing the board off screen.
        min_height: Val::Px(0.0),
        overflow: Overflow::clip(),
        ..default()
    })
    .with_children(|body| {
        let screen = Screen::new(view, ctx.texts, ctx.lang, ctx.now, ctx.space);
        let queues = QueuePanel::new(view, ctx.texts, ctx.lang, ctx.space);
        body.spawn((
            Node {
                flex_grow: dims::CALLS_SHARE,
                flex_basis: Val::Px(0.0),
                min_width: Val::Px(0.0),
                min_height: Val::Px(0.0),
                overflow: Overflow::clip(),
                ..padded(column(1.2), 1.5)
            },
            BackgroundColor(parts::PANEL),
        ))
        .with_children(|left| calls_panel(left, ctx, &screen));
        body.spawn((
            Node {
                flex_grow: 1.0 - dims::CALLS_SHARE,
                flex_basis: Val::Px(0.0),
                min_width: Val::Px(0.0),
                min_height: Val::Px(0.0),
                overflow: Overflow::clip(),
                ..padded(column(1.2), 1.5)
            },
            BackgroundColor(parts::PANEL),
        ))
        .with_children(|right| queues_panel(right, ctx, &queues));
    });
}

fn closed_body(
    p: &mut ChildSpawnerCommands,
    ctx: &Ctx,
    hours: Option<&(String, String)>,
    next: Option<Timestamp>,
) {
    p.spawn(Node {
        flex_grow: 1.0,
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        ..column(3.0)
    })
    .with_children(|c| {
        let title = if hours.is_some() {
            ctx.t("display-closed")
        } else {
            ctx.t("display-closed-today")
        };
        c.spawn(ctx.cap(title, 7.0, parts::WHITE));
        if let Some((open, close)) = hours {
            let s = ctx.ta(
                "display-hours",
                &[("open", open.clone()), ("close", close.clone())],
            );
            c.spawn(ctx.cap(s, 4.5, parts::DIM));
        }
        if let Some(next) = next {
            let when = format!(
                "{} {}",
                date_line(ctx.texts, ctx.lang, next),
                next.format("%H:%M")
            );
            let s = ctx.ta("display-next-opening", &[("when", when)]);
            c.spawn(ctx.cap(s, 5.0, parts::NOTICE));
        }
    });
}

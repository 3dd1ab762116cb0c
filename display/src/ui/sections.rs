//! The parts of the board: header, offline and notice bars, the calls, the queues, and the
//! closed screen. Numbers and counters use fixed fonts and sizes; only captions rotate.

use bevy::ecs::hierarchy::ChildSpawnerCommands;
use bevy::prelude::*;
use chrono::Datelike;
use madoguchi_protocol::{Lang, Timestamp};

use super::Fonts;
use super::parts::{self, band_colors, column, padded, row, text};
use crate::board::{BoardView, CallView, Opening, QueueView};
use crate::i18n::Texts;

/// What every part needs to draw itself.
pub struct Ctx<'a> {
    pub fonts: &'a Fonts,
    pub texts: &'a Texts,
    pub lang: Lang,
    pub now: Timestamp,
    /// A portrait screen stacks the calls above the queues.
    pub portrait: bool,
}

impl Ctx<'_> {
    fn t(&self, key: &str) -> String {
        self.texts.get(self.lang, key)
    }
    fn ta(&self, key: &str, args: &[(&'static str, String)]) -> String {
        self.texts.args(self.lang, key, args)
    }
    fn cap(&self, s: impl Into<String>, vh: f32, color: Color) -> impl Bundle {
        text(s, self.fonts.caption(self.lang), vh, color)
    }
}

/// More areas calling at once than this are shown as one list.
const MAX_AREA_COLUMNS: usize = 2;
/// More services than this shrink the queue rows to fit.
const QUEUES_AT_FULL_SIZE: f32 = 6.0;

const WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// The whole board.
pub fn board(commands: &mut Commands, root: Entity, ctx: &Ctx, view: &BoardView) {
    commands.entity(root).with_children(|p| {
        header(p, ctx, view);
        if let Some(since) = view.offline_since {
            offline_bar(p, ctx, since);
        }
        if !view.notice.is_empty() {
            p.spawn((padded(row(1.0), 0.8), BackgroundColor(parts::NOTICE)))
                .with_child(text(
                    view.notice.clone(),
                    ctx.fonts.japanese(),
                    3.2,
                    parts::DARK,
                ));
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
        "{}月{}日({}) {}",
        now.month(),
        now.day(),
        WEEKDAYS[now.weekday().num_days_from_monday() as usize],
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
            if !ctx.portrait {
                l.spawn(text(
                    view.site_name_en.clone(),
                    ctx.fonts.caption(Lang::En),
                    2.6,
                    parts::DIM,
                ));
            }
        });
        h.spawn(row(2.0)).with_children(|r| {
            r.spawn(text(
                ctx.lang.native_name(),
                ctx.fonts.caption(ctx.lang),
                2.6,
                parts::DIM,
            ));
            r.spawn(text(clock, ctx.fonts.numbers(), 4.2, parts::WHITE));
        });
    });
}

fn offline_bar(p: &mut ChildSpawnerCommands, ctx: &Ctx, since: Timestamp) {
    let hhmm = since.format("%H:%M").to_string();
    let ja = ctx
        .texts
        .args(Lang::Ja, "display-offline", &[("since", hhmm.clone())]);
    p.spawn((padded(row(3.0), 0.8), BackgroundColor(parts::OFFLINE)))
        .with_children(|b| {
            b.spawn(text(ja, ctx.fonts.japanese(), 3.0, parts::WHITE));
            if ctx.lang != Lang::Ja {
                b.spawn(ctx.cap(
                    ctx.ta("display-offline", &[("since", hhmm)]),
                    2.6,
                    parts::WHITE,
                ));
            }
        });
}

fn open_body(p: &mut ChildSpawnerCommands, ctx: &Ctx, view: &BoardView) {
    p.spawn(Node {
        flex_grow: 1.0,
        flex_direction: if ctx.portrait {
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
        body.spawn((
            Node {
                flex_grow: 1.6,
                flex_basis: Val::Percent(55.0),
                min_height: Val::Px(0.0),
                overflow: Overflow::clip(),
                ..padded(column(1.2), 1.5)
            },
            BackgroundColor(parts::PANEL),
        ))
        .with_children(|left| calls_panel(left, ctx, view));
        body.spawn((
            Node {
                flex_grow: 1.0,
                flex_basis: Val::Percent(35.0),
                min_height: Val::Px(0.0),
                overflow: Overflow::clip(),
                ..padded(column(1.2), 1.5)
            },
            BackgroundColor(parts::PANEL),
        ))
        .with_children(|right| queues_panel(right, ctx, view));
    });
}

fn calls_panel(p: &mut ChildSpawnerCommands, ctx: &Ctx, view: &BoardView) {
    p.spawn(ctx.cap(ctx.t("display-now-calling"), 3.6, parts::WHITE));
    p.spawn(Node {
        flex_grow: 1.0,
        ..row(1.5)
    })
    .with_children(|cols| {
        for (area, calls) in view.call_columns(MAX_AREA_COLUMNS) {
            cols.spawn(Node {
                flex_grow: 1.0,
                flex_basis: Val::Px(0.0),
                align_self: AlignSelf::Stretch,
                ..column(1.0)
            })
            .with_children(|col| {
                if let Some(area) = area {
                    col.spawn(text(
                        area.to_string(),
                        ctx.fonts.japanese(),
                        2.8,
                        parts::DIM,
                    ));
                }
                for call in calls.into_iter().take(6) {
                    call_row(col, ctx, call);
                }
            });
        }
    });
    let recent: Vec<&CallView> = view.recent(10).collect();
    if !recent.is_empty() {
        chips(p, ctx, &ctx.t("display-recent"), &recent, parts::ROW);
    }
    let missed: Vec<&CallView> = view.missed().take(8).collect();
    if !missed.is_empty() {
        chips(p, ctx, &ctx.t("display-missed"), &missed, parts::MISSED);
    }
}

fn call_row(p: &mut ChildSpawnerCommands, ctx: &Ctx, call: &CallView) {
    let lit = call.highlighted(ctx.now);
    let (bg, fg) = if lit {
        (parts::HIGHLIGHT, parts::DARK)
    } else {
        (parts::ROW, parts::WHITE)
    };
    p.spawn((
        Node {
            justify_content: JustifyContent::SpaceBetween,
            padding: UiRect::axes(Val::VMin(2.0), Val::VMin(0.6)),
            ..row(2.0)
        },
        BackgroundColor(bg),
    ))
    .with_children(|r| {
        r.spawn(text(call.number.clone(), ctx.fonts.numbers(), 8.5, fg));
        r.spawn(text("→", ctx.fonts.numbers(), 5.0, fg));
        r.spawn(row(1.0)).with_children(|c| {
            c.spawn(ctx.cap(ctx.t("display-counter"), 2.6, fg));
            c.spawn(text(call.counter.clone(), ctx.fonts.numbers(), 8.5, fg));
        });
    });
}

fn chips(p: &mut ChildSpawnerCommands, ctx: &Ctx, label: &str, calls: &[&CallView], bg: Color) {
    p.spawn(column(0.6)).with_children(|c| {
        c.spawn(ctx.cap(label.to_string(), 2.4, parts::DIM));
        c.spawn(Node {
            border_radius: BorderRadius::all(Val::VMin(0.5)),
            flex_wrap: FlexWrap::Wrap,
            row_gap: Val::VMin(0.6),
            ..row(0.8)
        })
        .with_children(|r| {
            for call in calls {
                r.spawn((
                    Node {
                        padding: UiRect::axes(Val::VMin(1.0), Val::VMin(0.3)),
                        ..default()
                    },
                    BackgroundColor(bg),
                ))
                .with_child(text(
                    format!("{} → {}", call.number, call.counter),
                    ctx.fonts.numbers(),
                    3.2,
                    parts::WHITE,
                ));
            }
        });
    });
}

fn queues_panel(p: &mut ChildSpawnerCommands, ctx: &Ctx, view: &BoardView) {
    p.spawn(ctx.cap(ctx.t("display-queues"), 3.6, parts::WHITE));
    p.spawn(row(1.0)).with_children(|h| {
        h.spawn(Node {
            flex_grow: 1.0,
            ..default()
        })
        .with_child(ctx.cap(ctx.t("display-service"), 2.2, parts::DIM));
        h.spawn(ctx.cap(
            format!("{} / {}", ctx.t("display-waiting"), ctx.t("display-wait")),
            2.2,
            parts::DIM,
        ));
    });
    let scale = (QUEUES_AT_FULL_SIZE / view.queues.len().max(1) as f32).clamp(0.6, 1.0);
    for q in &view.queues {
        queue_row(p, ctx, q, scale);
    }
}

fn queue_row(p: &mut ChildSpawnerCommands, ctx: &Ctx, q: &QueueView, k: f32) {
    let (band_bg, band_fg) = band_colors(q.band);
    let name = ctx.texts.service(ctx.lang, &q.name_key, &q.name_ja);
    p.spawn((
        Node {
            padding: UiRect::all(Val::VMin(0.8 * k)),
            ..row(1.2)
        },
        BackgroundColor(parts::ROW),
    ))
    .with_children(|r| {
        r.spawn((
            Node {
                border_radius: BorderRadius::all(Val::VMin(0.5 * k)),
                width: Val::VMin(6.0 * k),
                justify_content: JustifyContent::Center,
                ..default()
            },
            BackgroundColor(parts::HEADER),
        ))
        .with_child(text(
            q.prefix.clone(),
            ctx.fonts.numbers(),
            4.8 * k,
            parts::WHITE,
        ));
        r.spawn(Node {
            border_radius: BorderRadius::all(Val::VMin(0.5 * k)),
            flex_grow: 1.0,
            flex_basis: Val::Px(0.0),
            ..column(0.3)
        })
        .with_children(|c| {
            c.spawn(ctx.cap(name, 2.6 * k, parts::WHITE));
            let people = ctx.ta("display-people", &[("count", q.waiting.to_string())]);
            c.spawn(ctx.cap(people, 3.0 * k, parts::WHITE));
        });
        r.spawn((
            Node {
                min_width: Val::VMin(16.0 * k),
                align_items: AlignItems::Center,
                padding: UiRect::axes(Val::VMin(1.0 * k), Val::VMin(0.4 * k)),
                ..column(0.2)
            },
            BackgroundColor(band_bg),
        ))
        .with_children(|b| {
            if q.no_counter_open {
                b.spawn(ctx.cap(ctx.t("display-paused"), 2.6 * k, band_fg));
            } else if q.waiting == 0 {
                b.spawn(ctx.cap(ctx.t(q.band.key()), 3.0 * k, band_fg));
            } else {
                let mins = ctx.ta("display-minutes", &[("min", q.eta_min.to_string())]);
                b.spawn(ctx.cap(mins, 3.0 * k, band_fg));
                b.spawn(ctx.cap(ctx.t(q.band.key()), 2.2 * k, band_fg));
            }
        });
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
            // The weekday kanji only in Japanese: other captions' fonts have no kanji.
            let when = if matches!(ctx.lang, Lang::Ja | Lang::JaEasy) {
                format!(
                    "{}月{}日({}) {}",
                    next.month(),
                    next.day(),
                    WEEKDAYS[next.weekday().num_days_from_monday() as usize],
                    next.format("%H:%M")
                )
            } else {
                next.format("%d/%m %H:%M").to_string()
            };
            let s = ctx.ta("display-next-opening", &[("when", when)]);
            c.spawn(ctx.cap(s, 5.0, parts::NOTICE));
        }
    });
}

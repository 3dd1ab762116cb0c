//! Draws the calls panel from its view model (`board::Screen`): every row and chip the model
//! lists, at the size it chose. Nothing here picks or drops a call.

use bevy::ecs::hierarchy::ChildSpawnerCommands;
use bevy::prelude::*;
use bevy::text::LineBreak;

use super::parts::{self, column, row, text};
use super::sections::Ctx;
use crate::board::{AreaName, CallLine, Chips, GridSection, Screen, StaffMark, layout as dims};

pub(super) fn calls_panel(p: &mut ChildSpawnerCommands, ctx: &Ctx, screen: &Screen) {
    p.spawn(ctx.cap(ctx.t("display-now-calling"), dims::TITLE_TEXT, parts::WHITE));
    p.spawn(Node {
        flex_grow: 1.0,
        align_items: AlignItems::FlexStart,
        min_height: Val::Px(0.0),
        ..row(dims::COLUMN_GAP)
    })
    .with_children(|cols| {
        for col in &screen.grid.columns {
            cols.spawn(Node {
                flex_grow: 1.0,
                flex_basis: Val::Px(0.0),
                min_width: Val::Px(0.0),
                ..column(dims::ROW_GAP)
            })
            .with_children(|c| {
                for section in &col.sections {
                    area_section(c, ctx, section, screen.grid.size);
                }
            });
        }
    });
    if !screen.recent.calls.is_empty() {
        chips(p, ctx, &ctx.t("display-recent"), &screen.recent, parts::ROW);
    }
    if !screen.missed.calls.is_empty() {
        chips(
            p,
            ctx,
            &ctx.t("display-missed"),
            &screen.missed,
            parts::MISSED,
        );
    }
}

fn area_section(p: &mut ChildSpawnerCommands, ctx: &Ctx, section: &GridSection, size: f32) {
    if let Some(area) = &section.area {
        area_heading(p, ctx, area);
    }
    for call in &section.calls {
        call_row(p, ctx, call, size);
    }
}

fn area_heading(p: &mut ChildSpawnerCommands, ctx: &Ctx, area: &AreaName) {
    p.spawn(Node {
        flex_wrap: FlexWrap::Wrap,
        align_items: AlignItems::Baseline,
        ..row(1.0)
    })
    .with_children(|h| {
        h.spawn(nowrap(text(
            area.ja.clone(),
            ctx.fonts.japanese(),
            dims::AREA_TEXT,
            parts::DIM,
        )));
        if let Some(caption) = &area.caption {
            h.spawn(nowrap(ctx.cap(
                caption.clone(),
                dims::AREA_TEXT * 0.8,
                parts::DIM,
            )));
        }
    });
}

fn call_row(p: &mut ChildSpawnerCommands, ctx: &Ctx, call: &CallLine, size: f32) {
    let (bg, fg) = if call.lit {
        (parts::HIGHLIGHT, parts::DARK)
    } else {
        (parts::ROW, parts::WHITE)
    };
    p.spawn((
        Node {
            padding: UiRect::axes(Val::VMin(dims::ROW_PAD_X), Val::VMin(dims::ROW_PAD_Y)),
            ..column(0.0)
        },
        BackgroundColor(bg),
    ))
    .with_children(|outer| {
        outer.spawn(row(dims::ROW_GAP)).with_children(|r| {
            r.spawn(nowrap(text(
                call.number.clone(),
                ctx.fonts.numbers(),
                size,
                fg,
            )));
            r.spawn(Node {
                flex_grow: 1.0,
                flex_basis: Val::Px(0.0),
                min_width: Val::Px(0.0),
                ..column(0.1)
            })
            .with_children(|names| {
                names.spawn(nowrap(text(
                    call.counter_ja.clone(),
                    ctx.fonts.numbers(),
                    size * dims::NAME_JA,
                    fg,
                )));
                if let Some(caption) = &call.counter_caption {
                    names.spawn(ctx.cap(caption.clone(), size * dims::NAME_CAPTION, fg));
                }
            });
        });
        if let Some(mark) = &call.staff_mark {
            staff_mark(outer, ctx, mark, size);
        }
    });
}

/// "★ 係員がお迎えにまいります" and the caption language's words, dark on white, across the
/// whole row under number and counter: a badge that stands out on a plain and on a highlighted
/// row alike.
fn staff_mark(p: &mut ChildSpawnerCommands, ctx: &Ctx, mark: &StaffMark, size: f32) {
    let pad = size * dims::MARK_PAD;
    p.spawn((
        Node {
            margin: UiRect::top(Val::VMin(size * dims::MARK_GAP)),
            padding: UiRect::all(Val::VMin(pad)),
            border_radius: BorderRadius::all(Val::VMin(pad)),
            ..column(0.1)
        },
        BackgroundColor(parts::WHITE),
    ))
    .with_children(|badge| {
        badge.spawn(text(
            mark.ja_line(),
            ctx.fonts.japanese(),
            size * dims::MARK_TEXT,
            parts::DARK,
        ));
        if let Some(caption) = &mark.caption {
            badge.spawn(ctx.cap(caption.clone(), size * dims::MARK_TEXT, parts::DARK));
        }
    });
}

fn chips(p: &mut ChildSpawnerCommands, ctx: &Ctx, label: &str, chips: &Chips, bg: Color) {
    p.spawn(column(0.6)).with_children(|c| {
        c.spawn(ctx.cap(label.to_string(), 2.4, parts::DIM));
        c.spawn(Node {
            flex_wrap: FlexWrap::Wrap,
            row_gap: Val::VMin(0.6),
            ..row(dims::CHIP_GAP)
        })
        .with_children(|r| {
            for call in &chips.calls {
                r.spawn((
                    Node {
                        padding: UiRect::axes(Val::VMin(dims::CHIP_PAD_X), Val::VMin(0.3)),
                        border_radius: BorderRadius::all(Val::VMin(0.5)),
                        align_items: AlignItems::Baseline,
                        ..row(0.8)
                    },
                    BackgroundColor(bg),
                ))
                .with_children(|chip| {
                    let s = format!("{} {}", call.number, call.counter_ja);
                    chip.spawn(nowrap(text(
                        s,
                        ctx.fonts.numbers(),
                        dims::CHIP_TEXT,
                        parts::WHITE,
                    )));
                    if let Some(caption) = &call.counter_caption {
                        let t = ctx.cap(caption.clone(), dims::CHIP_TEXT * 0.7, parts::WHITE);
                        chip.spawn(nowrap(t));
                    }
                });
            }
        });
    });
}

/// Numbers and names never break inside.
fn nowrap(bundle: impl Bundle) -> impl Bundle {
    (bundle, TextLayout::linebreak(LineBreak::NoWrap))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use madoguchi_protocol::Lang;

    use crate::board::{BoardView, Filter, Screen, Space};
    use crate::demo;
    use crate::i18n::Texts;
    use crate::ui::test_draw::drawn;

    #[test]
    fn the_drawing_has_every_row_and_chip_the_screen_lists() {
        let texts = Texts::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"));
        let (board, now) = demo::city_desk_board();
        let mut view = BoardView::from_board(&board, Filter::default(), now);
        view.set_offline(now);
        for lang in Lang::ALL {
            for (w, h) in [(1920.0, 1080.0), (1080.0, 1920.0)] {
                let space = Space::window(w, h);
                let screen = Screen::new(&view, &texts, lang, now, space);
                let strings = drawn(&view, &texts, lang, space);
                let rows: Vec<_> = screen.rows().collect();
                assert_eq!(rows.len(), 11, "eleven counters, city-1 with its new call");
                for row in rows {
                    for s in row.texts() {
                        assert!(strings.contains(&s), "{s} not drawn ({lang})");
                    }
                }
                for chip in screen.recent.calls.iter().chain(&screen.missed.calls) {
                    let s = format!("{} {}", chip.number, chip.counter_ja);
                    assert!(strings.contains(&s), "chip {s} not drawn");
                }
                // The offline bar says when the board last changed.
                let updated = view.last_update.format("%H:%M:%S").to_string();
                assert!(strings.iter().any(|d| d.contains(&updated)), "{lang}");
            }
        }
    }

    #[test]
    fn a_braille_form_call_is_marked_on_the_board_in_every_caption_language() {
        let texts = Texts::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"));
        let now = demo::demo_now() + chrono::TimeDelta::seconds(5);
        let mut view = BoardView::from_board(&demo::busy_board(), Filter::default(), now);
        let mut call = demo::call("A-900", "3", Lang::Vi, now);
        call.staff_to_visitor = true;
        let outcome = view.apply(&demo::called(view.last_event_id + 1, call.clone()), now);
        assert_eq!(outcome, crate::board::Outcome::Announce(call));
        for lang in Lang::ALL {
            for (w, h) in [(1920.0, 1080.0), (1080.0, 1920.0)] {
                let space = Space::window(w, h);
                let screen = Screen::new(&view, &texts, lang, now, space);
                let marked: Vec<_> = screen.rows().filter(|r| r.staff_mark.is_some()).collect();
                assert_eq!(marked.len(), 1, "only the braille-form call ({lang})");
                assert_eq!(marked[0].number, "A-900");
                let mark = marked[0].staff_mark.as_ref().unwrap();
                assert_eq!(mark.symbol, "★");
                assert_eq!(mark.ja, "係員がお迎えにまいります");
                match (lang, &mark.caption) {
                    (Lang::Ja | Lang::JaEasy, caption) => assert_eq!(caption, &None),
                    (_, None) => panic!("no {lang} words with the mark"),
                    (_, Some(caption)) => {
                        assert!(!caption.contains("display-"), "{lang}: {caption}");
                        if lang == Lang::En {
                            assert_eq!(caption, "Staff will come to you");
                        }
                    }
                }
                let strings = drawn(&view, &texts, lang, space);
                for s in marked[0].texts() {
                    assert!(strings.contains(&s), "{s} not drawn ({lang} {w}x{h})");
                }
                assert!(screen.grid.size >= crate::board::layout::NUMBER_MIN);
            }
        }
    }
}

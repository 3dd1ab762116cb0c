//! Draws the waiting-counts panel from its view model (`board::QueuePanel`): every service
//! row it lists, in its columns, at the scale it chose. Nothing here picks or drops a service.

use bevy::ecs::hierarchy::ChildSpawnerCommands;
use bevy::prelude::*;

use super::parts::{self, band_colors, column, row, text};
use super::sections::Ctx;
use crate::board::queues as dims;
use crate::board::{QueuePanel, QueueRow, layout};

pub(super) fn queues_panel(p: &mut ChildSpawnerCommands, ctx: &Ctx, panel: &QueuePanel) {
    p.spawn(ctx.cap(ctx.t("display-queues"), layout::TITLE_TEXT, parts::WHITE));
    p.spawn(row(1.0)).with_children(|h| {
        h.spawn(Node {
            flex_grow: 1.0,
            ..default()
        })
        .with_child(ctx.cap(panel.head_service.clone(), dims::HEAD_TEXT, parts::DIM));
        h.spawn(ctx.cap(panel.head_wait.clone(), dims::HEAD_TEXT, parts::DIM));
    });
    let k = panel.scale;
    p.spawn(Node {
        align_items: AlignItems::FlexStart,
        min_height: Val::Px(0.0),
        ..row(dims::COLUMN_GAP)
    })
    .with_children(|cols| {
        for col in &panel.columns {
            cols.spawn(Node {
                flex_grow: 1.0,
                flex_basis: Val::Px(0.0),
                min_width: Val::Px(0.0),
                ..column(dims::ROW_GAP * k)
            })
            .with_children(|c| {
                for q in col {
                    queue_row(c, ctx, q, k);
                }
            });
        }
    });
}

fn queue_row(p: &mut ChildSpawnerCommands, ctx: &Ctx, q: &QueueRow, k: f32) {
    let (band_bg, band_fg) = band_colors(q.band);
    p.spawn((
        Node {
            padding: UiRect::all(Val::VMin(dims::ROW_PAD * k)),
            ..row(dims::ROW_INNER_GAP * k)
        },
        BackgroundColor(parts::ROW),
    ))
    .with_children(|r| {
        r.spawn((
            Node {
                border_radius: BorderRadius::all(Val::VMin(0.5 * k)),
                width: Val::VMin(dims::PREFIX_W * k),
                flex_shrink: 0.0,
                justify_content: JustifyContent::Center,
                ..default()
            },
            BackgroundColor(parts::HEADER),
        ))
        .with_child(text(
            q.prefix.clone(),
            ctx.fonts.numbers(),
            dims::PREFIX_TEXT * k,
            parts::WHITE,
        ));
        r.spawn(Node {
            flex_grow: 1.0,
            flex_basis: Val::Px(0.0),
            min_width: Val::Px(0.0),
            ..column(dims::LINE_GAP)
        })
        .with_children(|c| {
            c.spawn(ctx.cap(q.name.clone(), dims::NAME_TEXT * k, parts::WHITE));
            if let Some(ja) = &q.name_ja {
                c.spawn(text(
                    ja.clone(),
                    ctx.fonts.japanese(),
                    dims::NAME_JA_TEXT * k,
                    parts::DIM,
                ));
            }
            c.spawn(ctx.cap(q.people.clone(), dims::PEOPLE_TEXT * k, parts::WHITE));
        });
        r.spawn((
            Node {
                min_width: Val::VMin(dims::BAND_MIN_W * k),
                flex_shrink: 0.0,
                align_items: AlignItems::Center,
                padding: UiRect::axes(
                    Val::VMin(dims::BAND_PAD_X * k),
                    Val::VMin(dims::BAND_PAD_Y * k),
                ),
                ..column(0.2)
            },
            BackgroundColor(band_bg),
        ))
        .with_children(|b| {
            b.spawn(ctx.cap(q.wait.clone(), dims::WAIT_TEXT * k, band_fg));
            if let Some(words) = &q.band_words {
                b.spawn(ctx.cap(words.clone(), dims::BAND_TEXT * k, band_fg));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use madoguchi_protocol::Lang;

    use crate::board::tests_queues::{WINDOWS, worst_boards};
    use crate::board::{BoardView, Filter, QueuePanel, Space};
    use crate::demo;
    use crate::i18n::Texts;
    use crate::ui::test_draw::drawn;

    #[test]
    fn the_drawing_has_every_service_row_the_panel_lists_at_every_site() {
        let texts = Texts::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"));
        let now = demo::demo_now();
        for (board, services) in worst_boards() {
            let mut view = BoardView::from_board(&board, Filter::default(), now);
            view.set_offline(now);
            for lang in Lang::ALL {
                for (w, h) in WINDOWS {
                    let space = Space::window(w, h);
                    let panel = QueuePanel::new(&view, &texts, lang, space);
                    assert_eq!(panel.rows().count(), services.len());
                    let strings = drawn(&view, &texts, lang, space);
                    for row in panel.rows() {
                        for s in row.texts() {
                            assert!(
                                strings.iter().any(|d| d == s),
                                "{s} not drawn ({} {} {w}x{h})",
                                board.site,
                                lang.code()
                            );
                        }
                    }
                    assert!(strings.contains(&panel.head_wait));
                }
            }
        }
    }
}

//! Tests of the drawing: spawn a whole board into a bare world and read back its strings.

use bevy::ecs::world::CommandQueue;
use bevy::prelude::*;
use madoguchi_protocol::Lang;

use crate::board::{BoardView, Space};
use crate::demo;
use crate::i18n::Texts;
use crate::ui::Fonts;
use crate::ui::sections::{self, Ctx};

/// Spawns the whole board into a bare world and returns every string drawn.
pub fn drawn(view: &BoardView, texts: &Texts, lang: Lang, space: Space) -> Vec<String> {
    let h = Handle::<Font>::default;
    let fonts = Fonts {
        ja: h(),
        ja_bold: h(),
        latin: h(),
        latin_bold: h(),
        deva: h(),
        ko: h(),
        sc: h(),
        tc: h(),
    };
    let ctx = Ctx {
        fonts: &fonts,
        texts,
        lang,
        now: demo::demo_now(),
        space,
    };
    let mut world = World::new();
    let mut queue = CommandQueue::default();
    {
        let mut commands = Commands::new(&mut queue, &world);
        let root = commands.spawn(Node::default()).id();
        sections::board(&mut commands, root, &ctx, view);
    }
    queue.apply(&mut world);
    let mut q = world.query::<&Text>();
    q.iter(&world).map(|t| t.0.clone()).collect()
}

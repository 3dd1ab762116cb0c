//! Font handles per script: BIZ UDGothic for Japanese and for every number, Noto for the
//! rest. Each caption picks its language's font explicitly rather than relying on fallback.

use bevy::prelude::*;
use bevy::text::FontSource;
use madoguchi_protocol::Lang;

#[derive(Resource, Clone)]
pub struct Fonts {
    pub ja: Handle<Font>,
    pub ja_bold: Handle<Font>,
    pub latin: Handle<Font>,
    pub latin_bold: Handle<Font>,
    pub deva: Handle<Font>,
    pub ko: Handle<Font>,
    pub sc: Handle<Font>,
    pub tc: Handle<Font>,
}

impl Fonts {
    /// The font for captions in `lang`.
    pub fn caption(&self, lang: Lang) -> FontSource {
        let h = match lang {
            Lang::Ja | Lang::JaEasy => &self.ja,
            Lang::ZhHans => &self.sc,
            Lang::ZhHant => &self.tc,
            Lang::Ko => &self.ko,
            Lang::Ne => &self.deva,
            Lang::En | Lang::Vi | Lang::Tl | Lang::Id | Lang::Pt => &self.latin,
        };
        h.clone().into()
    }

    /// Ticket and counter numbers: the universal-design Japanese face, bold.
    pub fn numbers(&self) -> FontSource {
        self.ja_bold.clone().into()
    }

    /// Japanese text that does not rotate (site name, notice, areas).
    pub fn japanese(&self) -> FontSource {
        self.ja.clone().into()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, load);
}

fn load(mut commands: Commands, assets: Res<AssetServer>) {
    commands.insert_resource(Fonts {
        ja: assets.load("fonts/BIZUDGothic-Regular.ttf"),
        ja_bold: assets.load("fonts/BIZUDGothic-Bold.ttf"),
        latin: assets.load("fonts/NotoSans-Regular.ttf"),
        latin_bold: assets.load("fonts/NotoSans-Bold.ttf"),
        deva: assets.load("fonts/NotoSansDevanagari-Regular.ttf"),
        ko: assets.load("fonts/NotoSansKR-Regular.otf"),
        sc: assets.load("fonts/NotoSansSC-Regular.otf"),
        tc: assets.load("fonts/NotoSansTC-Regular.otf"),
    });
}

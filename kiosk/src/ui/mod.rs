//! The window: bevy + egui shells that draw the view models (`draw`), lay out their text
//! (`text`: Japanese by phrase), load the fonts (`fonts`),
//! run the kiosk app (`app`) and step through every screen for screenshots (`tour`).

pub mod app;
pub mod draw;
pub mod fonts;
pub mod text;
pub mod tour;

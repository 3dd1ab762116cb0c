//! The window: bevy + egui shells that draw the view models. `draw` splits a screen by
//! `layout` (the stand's geometry and reach), stacks its text as `blocks`, fits its touch
//! targets as `cards` (with `icons`, in the `palette` of the waiting-room display) and puts the
//! bottom row in the `dock`; `text` lays out Japanese by phrase, `fonts` loads the fonts, `app`
//! runs the kiosk with speech mode beside it (`speech`; `keys` maps its keys) and `tour` steps
//! through every screen for screenshots; `typing` takes a keyboard's or scanner's keys on the
//! reservation pad.

pub mod app;
pub mod blocks;
pub mod cards;
pub mod dock;
pub mod draw;
pub mod fonts;
pub mod icons;
pub mod keys;
pub mod layout;
pub mod palette;
pub mod speech;
pub mod text;
pub mod tour;
pub mod typing;

//! The madoguchi waiting-room display: a pure board view model and announcer, and the thin
//! bevy, audio and network shells around them.

pub mod announce;
pub mod app;
pub mod audio;
pub mod bench;
pub mod board;
pub mod config;
pub mod demo;
pub mod i18n;
pub mod net;
pub mod staff_alert;
pub mod test_voice;
pub mod ui;

//! The madoguchi waiting-room display: a pure board view model and announcer, and the thin
//! bevy, audio and network shells around them.

pub mod announce;
pub mod board;
pub mod demo;

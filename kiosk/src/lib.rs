//! The madoguchi lobby kiosk: a pure triage flow (`flow`, `triage`), its texts (`i18n`), view
//! models per screen (`view`), and the shells that draw them (`ui`, bevy + egui), talk to the
//! server (`net`) and print tickets (`ticket`).

pub mod commands;
pub mod config;
pub mod flow;
pub mod i18n;
pub mod net;
pub mod sample;
pub mod speech;
pub mod ticket;
pub mod triage;
pub mod ui;
pub mod view;

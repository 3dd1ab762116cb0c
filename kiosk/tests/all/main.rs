//! The kiosk's integration tests, one binary (bevy is linked once, not once per file).

mod booking;
mod failover;
mod fixtures;
mod japanese_lines;
mod layout;
mod live_server;
mod locales;
mod network;
mod offline;
mod printing;
mod proxy;
mod screens;
mod speech_audio;
mod speech_audio_app;
mod speech_controls;
mod speech_keys;
mod speech_paths;
mod triage;
mod views;

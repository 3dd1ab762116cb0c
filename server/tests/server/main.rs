//! Integration tests: the real server over HTTP and SSE on loopback, a temporary database,
//! and a fixed clock (a weekday at 10:00 JST unless a test moves it).

#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any setup error"
)]

mod advice;
mod api;
mod assist_called;
mod bookings;
mod cli;
mod common;
mod counters;
mod crash;
mod display_alerts;
mod durability;
mod exactly_once;
mod failover;
mod failure;
mod handover;
mod migrate;
mod offline;
mod report_cli;
mod report_store;
mod reports;
mod revocation;
mod rights;
mod sign_in;
mod sse;
mod staff;
mod transport;

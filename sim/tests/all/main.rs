//! The simulator's integration tests, one test binary (each file a module): against Erlang C,
//! whole runs, and the shipped scenarios.

mod bookings;
mod erlang_validation;
mod follow;
mod runs;
mod scenarios;

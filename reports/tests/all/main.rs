//! The reports' integration tests, one test binary (each file a module): the calendar of the
//! 月報, the daily and monthly reports of known fixtures, stored facts → inputs, a simulated
//! day, and the writers read back.

mod calendar;
mod common;
mod daily;
mod facts;
mod monthly;
mod simulated;
mod writers;

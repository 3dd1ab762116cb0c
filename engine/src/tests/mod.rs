//! Unit and property tests of the engine, with a fixed clock (times are arguments).

mod advice;
mod bookings;
mod calendar;
mod config;
mod lease;
mod policy;
mod props;
mod queue;
mod range;
mod replay;

use chrono::{FixedOffset, TimeZone};
use madoguchi_protocol::{Lang, Needs, TicketId, Timestamp};

use crate::{Command, Config, SiteQueue};

/// JST time on a date.
pub(crate) fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
    FixedOffset::east_opt(9 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
}

/// Wednesday 2026-11-25, a working day.
pub(crate) fn wed(h: u32, min: u32) -> Timestamp {
    at(2026, 11, 25, h, min)
}

pub(crate) fn queue(site: &str) -> SiteQueue {
    let config = Config::shipped();
    SiteQueue::new(&config, site, wed(0, 0).date_naive()).unwrap()
}

pub(crate) fn issue(id: TicketId, service: &str) -> Command {
    Command::Issue {
        id,
        service: service.into(),
        lang: Lang::Ja,
        needs: Needs::default(),
        kiosk: Some("kiosk-1".into()),
    }
}

pub(crate) fn call(counter: &str) -> Command {
    Command::CallNext {
        counter: counter.into(),
    }
}

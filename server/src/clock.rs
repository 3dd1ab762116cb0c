//! Where the server gets "now": the system clock in production, a settable clock in tests,
//! so no test ever sleeps or depends on the time of day it runs at.

use std::sync::Mutex;

use chrono::{Duration, FixedOffset, Offset, SubsecRound as _, Utc};
use madoguchi_protocol::Timestamp;

/// Japan Standard Time, UTC+9 (no daylight saving).
pub fn jst() -> FixedOffset {
    // 9 hours is always a valid offset; `east_opt` only fails beyond ±24 h.
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| Utc.fix())
}

pub trait Clock: Send + Sync + 'static {
    /// The current time, in JST.
    fn now(&self) -> Timestamp;
}

/// The machine's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Utc::now().trunc_subsecs(3).with_timezone(&jst())
    }
}

/// A clock that stays where it is set (tests, the benchmark).
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<Timestamp>,
}

impl ManualClock {
    pub fn new(now: Timestamp) -> ManualClock {
        ManualClock {
            now: Mutex::new(now),
        }
    }

    pub fn set(&self, now: Timestamp) {
        if let Ok(mut guard) = self.now.lock() {
            *guard = now;
        }
    }

    pub fn advance(&self, by: Duration) {
        if let Ok(mut guard) = self.now.lock() {
            *guard += by;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        match self.now.lock() {
            Ok(guard) => *guard,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let t0 = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+09:00").unwrap();
        let clock = ManualClock::new(t0);
        assert_eq!(clock.now(), t0);
        clock.advance(Duration::minutes(5));
        assert_eq!(clock.now(), t0 + Duration::minutes(5));
        assert_eq!(SystemClock.now().offset().local_minus_utc(), 9 * 3600);
    }
}

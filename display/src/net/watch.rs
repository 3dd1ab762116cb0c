//! When a quiet event stream means a lost server: the pure timing rule, with time passed in.
//!
//! The server sends a `: keepalive` comment every [`SERVER_KEEPALIVE`] on an idle stream.
//! Comments are not events, so the watchdog hears raw bytes, not parsed events. After
//! [`SILENCE_LIMIT`] without a byte (two keep-alives missed, plus slack) the link is declared
//! dead, which puts the offline mark on the board well within the 20 s the city asks for.

use std::time::Duration;

/// The server's keep-alive interval (`server/src/sse.rs`, `KEEPALIVE`).
pub const SERVER_KEEPALIVE: Duration = Duration::from_secs(5);
/// No byte for this long: the link is dead.
pub const SILENCE_LIMIT: Duration = Duration::from_secs(12);
/// The longest a lost server may go unreported on the board.
pub const REPORT_WITHIN: Duration = Duration::from_secs(20);

/// Times are offsets from any fixed start (the network thread uses a monotonic `Instant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Watchdog {
    last_heard: Duration,
}

impl Watchdog {
    /// A link that was just opened at `now`.
    pub fn new(now: Duration) -> Watchdog {
        Watchdog { last_heard: now }
    }

    /// Bytes arrived at `at` (the latest of several reports wins).
    pub fn heard(&mut self, at: Duration) {
        self.last_heard = self.last_heard.max(at);
    }

    /// Whether the link is dead at `now`.
    pub fn is_dead(&self, now: Duration) -> bool {
        now.saturating_sub(self.last_heard) >= SILENCE_LIMIT
    }

    /// How long to wait from `now` before checking again: until the silence limit runs out.
    pub fn next_check(&self, now: Duration) -> Duration {
        (self.last_heard + SILENCE_LIMIT)
            .saturating_sub(now)
            .max(Duration::from_millis(100))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(secs: f64) -> Duration {
        Duration::from_secs_f64(secs)
    }

    /// Steps the watchdog as the network thread does: wait `next_check`, hear what arrived in
    /// that time, check. Returns when the link was declared dead, if it was before `end`.
    fn run(bytes_at: &[f64], end: f64) -> Option<f64> {
        let mut dog = Watchdog::new(s(0.0));
        let mut now = s(0.0);
        while now < s(end) {
            let next = now + dog.next_check(now);
            for &b in bytes_at.iter().filter(|&&b| s(b) > now && s(b) <= next) {
                dog.heard(s(b));
            }
            now = next;
            if dog.is_dead(now) {
                return Some(now.as_secs_f64());
            }
        }
        None
    }

    #[test]
    fn a_quiet_site_with_keepalives_stays_online_all_day() {
        let keepalive = SERVER_KEEPALIVE.as_secs_f64();
        // Keep-alives that arrive up to 2 s late still count.
        let bytes: Vec<f64> = (1..2000)
            .map(|i| f64::from(i) * keepalive + if i % 3 == 0 { 2.0 } else { 0.1 })
            .collect();
        assert_eq!(run(&bytes, 9000.0), None);
    }

    #[test]
    fn a_lost_server_is_reported_within_twenty_seconds_whenever_it_goes() {
        let keepalive = SERVER_KEEPALIVE.as_secs_f64();
        // The server dies at various moments between two keep-alives.
        for k in 0..50 {
            let died = 60.0 + f64::from(k) * 0.37;
            let bytes: Vec<f64> = (1..200)
                .map(|i| f64::from(i) * keepalive)
                .filter(|&b| b <= died)
                .collect();
            let reported = run(&bytes, 600.0).expect("a dead link is reported");
            assert!(reported > died, "not before it died ({died} → {reported})");
            assert!(
                reported - died <= REPORT_WITHIN.as_secs_f64(),
                "died at {died}, reported at {reported}"
            );
        }
    }

    #[test]
    fn the_limit_tolerates_one_lost_keepalive_and_reports_in_time() {
        assert!(SILENCE_LIMIT > SERVER_KEEPALIVE * 2);
        assert!(SILENCE_LIMIT < REPORT_WITHIN);
        // One keep-alive lost: still online.
        let keepalive = SERVER_KEEPALIVE.as_secs_f64();
        let bytes: Vec<f64> = (1..100)
            .filter(|i| *i != 10)
            .map(|i| f64::from(i) * keepalive)
            .collect();
        assert_eq!(run(&bytes, 400.0), None);
    }

    #[test]
    fn the_server_sends_keepalives_as_often_as_the_display_assumes() {
        let sse = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src/sse.rs"),
        )
        .unwrap();
        let line = sse
            .lines()
            .find(|l| l.contains("pub const KEEPALIVE"))
            .expect("server/src/sse.rs defines KEEPALIVE");
        let expected = format!("from_secs({})", SERVER_KEEPALIVE.as_secs());
        assert!(line.contains(&expected), "{line} ≠ {expected}");
    }
}

//! The wait range shown to visitors (`SiteQueue::wait_range`), on the shipped 折尾 branch:
//! counters 1 and 2 serve every kiosk service, `city-1` the city step.

use madoguchi_protocol::WaitRange;

use super::{call, issue, queue, wed};
use crate::Command;
use crate::range::{FIVE_MINUTE_STEPS_FROM, MIN_WIDTH};

fn width(r: WaitRange) -> u32 {
    r.high_min - r.low_min
}

fn pause(c: &str) -> Command {
    Command::Pause {
        counter: c.to_string(),
    }
}

/// 折尾 with both counters busy (two e-certificate visitors called).
fn busy_orio() -> crate::SiteQueue {
    let mut q = queue("orio");
    q.apply(&issue(1, "ecert"), wed(9, 0)).unwrap();
    q.apply(&issue(2, "ecert"), wed(9, 0)).unwrap();
    q.apply(&call("1"), wed(9, 1)).unwrap();
    q.apply(&call("2"), wed(9, 1)).unwrap();
    q
}

#[test]
fn next_with_a_counter_free_is_0_to_0_and_waiting_for_a_busy_one_is_not() {
    let q = queue("orio");
    assert_eq!(q.wait_range("ecert", 0, 0), WaitRange::default());
    // Both counters busy: nobody ahead still waits for one to finish.
    let q = busy_orio();
    let r = q.wait_range("ecert", 0, 0);
    assert_eq!(r.low_min, 0);
    assert!(r.high_min >= MIN_WIDTH, "{r:?}");
}

#[test]
fn the_range_widens_with_people_ahead() {
    let q = busy_orio();
    // The prior pace: 10 min per e-certificate over two counters, 5 min a call.
    let mut last = q.wait_range("ecert", 0, 0);
    for ahead in [1, 2, 4, 8, 16] {
        let r = q.wait_range("ecert", ahead, 5 * ahead);
        assert!(width(r) > width(last), "{ahead}: {r:?} after {last:?}");
        last = r;
    }
}

#[test]
fn the_range_widens_with_the_spread_of_the_calls() {
    // No calls yet, so the intervals below are the only ones measured.
    let mut regular = queue("orio");
    let mut irregular = queue("orio");
    for k in 0..20 {
        let t = 600.0 + 4.0 * f64::from(k);
        regular.eta.record_call("ecert", t, 5);
        // The same 4-minute mean, every other interval 1 and 7 minutes.
        irregular
            .eta
            .record_call("ecert", t + if k % 2 == 0 { 0.0 } else { 3.0 }, 5);
    }
    assert_eq!(regular.eta.pace_min("ecert"), Some(4.0));
    let (r, i) = (
        regular.wait_range("ecert", 6, 24),
        irregular.wait_range("ecert", 6, 24),
    );
    assert!(width(i) > width(r), "irregular {i:?}, regular {r:?}");
    assert!(r.low_min <= 24 && 24 <= r.high_min, "{r:?}");
}

#[test]
fn fewer_open_counters_leave_more_room_above() {
    let both = busy_orio();
    let mut one = busy_orio();
    one.apply(&pause("2"), wed(9, 2)).unwrap();
    let (b, o) = (
        both.wait_range("ecert", 4, 40),
        one.wait_range("ecert", 4, 40),
    );
    assert!(o.high_min > b.high_min, "one {o:?}, both {b:?}");
    assert_eq!(o.low_min, b.low_min);
}

#[test]
fn ranges_are_ordered_readable_and_around_the_estimate() {
    let q = busy_orio();
    for ahead in 0..40 {
        for eta in [0, 1, 3, 5 * ahead, 7 * ahead + 2, 200] {
            let r = q.wait_range("ecert", ahead, eta);
            assert!(
                r.low_min <= eta && eta <= r.high_min,
                "{ahead} {eta}: {r:?}"
            );
            assert!(width(r) >= MIN_WIDTH, "{ahead} {eta}: {r:?}");
            if r.low_min >= FIVE_MINUTE_STEPS_FROM {
                assert_eq!(r.low_min % 5, 0, "{r:?}");
            }
            if r.high_min >= FIVE_MINUTE_STEPS_FROM {
                assert_eq!(r.high_min % 5, 0, "{r:?}");
            }
        }
    }
    // Long waits: the estimate is near the middle of the range, not at an end.
    let r = q.wait_range("ecert", 12, 60);
    assert!(r.low_min < 55 && r.high_min > 65, "{r:?}");
}

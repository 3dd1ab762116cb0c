//! Counter opening spans from the day's pause/reopen commands: the engine opens every counter
//! at the start of the day; a pause closes it until a reopen; the day's window closes all.

use madoguchi_protocol::{CounterId, Timestamp};

use crate::CounterSpan;

/// A pause (`open: false`) or reopen (`open: true`) of a counter at a moment.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterToggle {
    pub at: Timestamp,
    pub counter: CounterId,
    pub open: bool,
}

/// The spans each counter of `counters` was open within `[from, to)`, given the toggles in
/// time order. Toggles of counters not in `counters` add them (a counter later removed from
/// the configuration still counts on the days it existed).
pub fn counter_spans(
    counters: &[CounterId],
    toggles: &[CounterToggle],
    from: Timestamp,
    to: Timestamp,
) -> Vec<CounterSpan> {
    let mut all: Vec<CounterId> = counters.to_vec();
    for t in toggles {
        if !all.contains(&t.counter) {
            all.push(t.counter.clone());
        }
    }
    let mut spans = Vec::new();
    for c in &all {
        let mut open_since = Some(from);
        for t in toggles.iter().filter(|t| &t.counter == c) {
            let at = t.at.clamp(from, to);
            match (open_since, t.open) {
                (Some(since), false) => {
                    if at > since {
                        spans.push(CounterSpan {
                            counter: c.clone(),
                            from: since,
                            to: at,
                        });
                    }
                    open_since = None;
                }
                (None, true) => open_since = Some(at),
                _ => {}
            }
        }
        if let Some(since) = open_since
            && to > since
        {
            spans.push(CounterSpan {
                counter: c.clone(),
                from: since,
                to,
            });
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime};

    use super::*;
    use crate::jst;

    fn at(hm: &str) -> Timestamp {
        let t = NaiveTime::parse_from_str(hm, "%H:%M").unwrap();
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_time(t)
            .and_local_timezone(jst())
            .single()
            .unwrap()
    }

    #[test]
    fn pauses_cut_spans_and_reopens_resume_them() {
        let toggle = |hm, c: &str, open| CounterToggle {
            at: at(hm),
            counter: c.into(),
            open,
        };
        let spans = counter_spans(
            &["1".into(), "2".into()],
            &[
                toggle("12:00", "1", false),
                toggle("13:00", "1", true),
                toggle("08:00", "2", false), // before opening: closed from the start
                toggle("09:00", "2", true),
                toggle("09:30", "2", true), // a second reopen changes nothing
                toggle("10:00", "3", true), // a counter not in the configuration
            ],
            at("08:30"),
            at("17:15"),
        );
        let got: Vec<(String, String, String)> = spans
            .iter()
            .map(|s| {
                (
                    s.counter.clone(),
                    s.from.format("%H:%M").to_string(),
                    s.to.format("%H:%M").to_string(),
                )
            })
            .collect();
        let want = [
            ("1", "08:30", "12:00"),
            ("1", "13:00", "17:15"),
            ("2", "09:00", "17:15"),
            ("3", "08:30", "17:15"),
        ];
        assert_eq!(
            got,
            want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        );
    }
}

//! Booked card pickups (交付予約): the calling window, the check-in that issues a booked ticket
//! (`R-001`, a number range of its own per site and day), and the cap that keeps walk-ins from
//! starving behind bookings.
//!
//! - **Check-in** ([`Command::CheckIn`]) issues a ticket for the booked service carrying a
//!   [`BookedSlot`]: its slot and `call_from` = slot start − `window_before_min`. It is refused
//!   when the slot is not on the queue's day (`booking_not_today`) or when `now` is later than
//!   slot end + `late_grace_min` (`booking_late`: the kiosk offers a normal ticket), and when
//!   its reference was already checked in today (`booking_used`). An early
//!   check-in is always issued; the ticket says from when it is called. Numbers are
//!   `{prefix}-{n:03}` (`R-001`…`R-999`) counted per site and day, separate from every service's
//!   numbers (validation refuses a service prefix equal to the booking prefix, and leases
//!   never lend booked numbers), so an R number is never issued twice on a day.
//! - **Calling** (see the `policy` module): a booked ticket is not called before its
//!   `call_from`; from then on it is called ahead of walk-ins, within the cap below. The calling
//!   window `window_before_min`…`window_after_min` around the slot start is the goal the
//!   simulator measures (p95 of the call's lateness against the slot start).
//! - **Cap**: at most `max_in_row` booked calls of a service in a row while the service's
//!   oldest waiting walk-in has waited `cap_walk_in_wait_min` or more; then that walk-in's
//!   turn comes by the ordinary weighted rule. The maximum-wait rule comes before both.

use madoguchi_protocol::{BookedSlot, Lang, Needs, TicketId, Timestamp};
use serde::{Deserialize, Serialize};

use crate::EngineError;
use crate::calendar::to_jst;
use crate::queue::{Outcome, SiteQueue};

/// `[bookings]` of the configuration: how booked tickets are numbered and called.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BookingsConfig {
    /// Prefix of booked tickets' numbers (`R` → `R-001`); no service may use it.
    pub prefix: String,
    /// A booked ticket is called from this many minutes before its slot starts.
    pub window_before_min: u32,
    /// The goal: called at the latest this many minutes after its slot starts.
    pub window_after_min: u32,
    /// A check-in later than slot end + this many minutes is refused as late.
    pub late_grace_min: u32,
    /// At most this many booked calls of a service in a row while a walk-in waits long…
    pub max_in_row: u32,
    /// …"long" being this many minutes (the service's oldest waiting walk-in).
    pub cap_walk_in_wait_min: u32,
}

impl Default for BookingsConfig {
    fn default() -> BookingsConfig {
        BookingsConfig {
            prefix: "R".to_string(),
            window_before_min: 5,
            window_after_min: 10,
            late_grace_min: 10,
            max_in_row: 2,
            cap_walk_in_wait_min: 15,
        }
    }
}

impl BookingsConfig {
    /// The slot a booking checked in for, with its `call_from`.
    pub fn booked_slot(&self, slot_start: Timestamp, slot_end: Timestamp) -> BookedSlot {
        BookedSlot {
            slot_start,
            slot_end,
            call_from: slot_start - chrono::Duration::minutes(i64::from(self.window_before_min)),
        }
    }

    /// Whether a check-in at `now` is beyond the grace after the slot.
    pub fn is_late(&self, slot_end: Timestamp, now: Timestamp) -> bool {
        now > slot_end + chrono::Duration::minutes(i64::from(self.late_grace_min))
    }
}

/// The fields of one check-in (see [`crate::Command::CheckIn`]).
pub(crate) struct CheckIn<'a> {
    pub(crate) id: TicketId,
    pub(crate) reference: &'a str,
    pub(crate) service: &'a str,
    pub(crate) lang: Lang,
    pub(crate) needs: Needs,
    pub(crate) kiosk: Option<String>,
    pub(crate) slot_start: Timestamp,
    pub(crate) slot_end: Timestamp,
}

impl SiteQueue {
    /// The ticket a booking reference (normalised) was checked in for today, if any.
    pub fn checked_in(&self, reference: &str) -> Option<TicketId> {
        self.checked_in.get(reference).copied()
    }

    /// The bookings configuration this queue calls by.
    pub fn bookings(&self) -> &BookingsConfig {
        &self.bookings
    }

    /// A live check-in: every check first (day, lateness, opening hours, numbers left).
    pub(crate) fn check_in(
        &mut self,
        c: CheckIn<'_>,
        now: Timestamp,
    ) -> Result<Outcome, EngineError> {
        if self.index.contains_key(&c.id) {
            return Err(EngineError::DuplicateTicket { id: c.id });
        }
        if self.service_cfg(c.service).is_none() {
            return Err(EngineError::UnknownService(c.service.to_string()));
        }
        if let Some(id) = self.checked_in.get(c.reference) {
            return Err(EngineError::BookingUsed {
                number: self
                    .ticket(*id)
                    .map(|t| t.number.clone())
                    .unwrap_or_default(),
            });
        }
        if to_jst(c.slot_start).date_naive() != self.date {
            return Err(EngineError::BookingNotToday);
        }
        if to_jst(now).date_naive() != self.date {
            return Err(EngineError::Closed {
                next_opening: self.calendar.next_opening(&self.site.id, now),
            });
        }
        if self.bookings.is_late(c.slot_end, now) {
            return Err(EngineError::BookingLate {
                grace_min: self.bookings.late_grace_min,
            });
        }
        self.check_open(now)
            .map_err(|next_opening| EngineError::Closed { next_opening })?;
        if self.next_booked > 999 {
            return Err(EngineError::NumbersExhausted(self.bookings.prefix.clone()));
        }
        Ok(self.insert_booked(c, None, now))
    }

    /// A stored check-in as a fact: the recorded number, no checks of day, time or hours.
    pub(crate) fn replay_check_in(
        &mut self,
        c: CheckIn<'_>,
        number: Option<&str>,
        at: Timestamp,
    ) -> Result<Outcome, EngineError> {
        if self.index.contains_key(&c.id) {
            return Err(EngineError::DuplicateTicket { id: c.id });
        }
        if self.service_cfg(c.service).is_none() {
            return Err(EngineError::UnknownService(c.service.to_string()));
        }
        Ok(self.insert_booked(c, number, at))
    }

    fn insert_booked(&mut self, c: CheckIn<'_>, number: Option<&str>, now: Timestamp) -> Outcome {
        let number = match number {
            Some(recorded) => {
                let digits: String = recorded.chars().filter(char::is_ascii_digit).collect();
                let n: u32 = digits.parse().unwrap_or(self.next_booked);
                self.next_booked = self.next_booked.max(n.saturating_add(1));
                recorded.to_string()
            }
            None => {
                let n = self.next_booked;
                self.next_booked += 1;
                format!("{}-{:03}", self.bookings.prefix, n)
            }
        };
        let slot = self.bookings.booked_slot(c.slot_start, c.slot_end);
        if !c.reference.is_empty() {
            self.checked_in.insert(c.reference.to_string(), c.id);
        }
        self.insert_ticket(
            c.id,
            c.service,
            number,
            c.lang,
            c.needs,
            c.kiosk,
            now,
            Some(slot),
            now,
        )
    }

    /// Whether booked tickets of `service` lose their priority at `now_us`: `max_in_row`
    /// booked calls of it in a row while its oldest waiting walk-in has waited the cap's
    /// minutes or more.
    pub(crate) fn booked_capped(&self, service: &str, now_us: i64) -> bool {
        let in_row = self.booked_in_row.get(service).copied().unwrap_or(0);
        if in_row < self.bookings.max_in_row {
            return false;
        }
        let cap_us = i64::from(self.bookings.cap_walk_in_wait_min) * 60_000_000;
        self.waiting
            .get(service)
            .into_iter()
            .flatten()
            .find(|k| {
                k.class == 1
                    && self
                        .index
                        .get(&k.id)
                        .is_some_and(|&i| self.tickets[i].booking.is_none())
            })
            .is_some_and(|k| now_us - k.entered >= cap_us)
    }

    /// Counts booked calls in a row per service (a walk-in's call of the service resets it).
    pub(crate) fn count_booked_call(&mut self, i: usize) {
        let t = &self.tickets[i];
        let n = self.booked_in_row.entry(t.service.clone()).or_default();
        if t.booking.is_some() {
            *n += 1;
        } else {
            *n = 0;
        }
    }
}

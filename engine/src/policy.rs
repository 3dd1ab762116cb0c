//! The call-next policy: which waiting ticket a free counter takes.
//!
//! # The madoguchi policy (the product's promise)
//!
//! A counter only ever takes a waiting ticket of a service it serves (weight ≥ 1). A ticket
//! transferred to a named counter is taken only by that counter, unless that counter is
//! paused; then any counter serving the ticket's service may take it.
//!
//! Among those candidates, with `wait` = `now` − the time the ticket entered its queue (its
//! issue time, or the time of its latest transfer; a skipped or requeued ticket keeps its
//! original time), the counter takes the first of:
//!
//! 1. **Maximum wait** — a ticket whose wait exceeds its service's `max_wait_min` (default
//!    twice `target_wait_min`): the one that entered its queue earliest. This rule comes first,
//!    so no service starves whatever the weights and transfers.
//! 2. **Transfers to this counter** — earliest transfer first.
//! 3. **Other transfers** — earliest transfer first. A visitor passed on from one counter to
//!    the next never goes to the back of a line.
//! 4. **Bookings** — a booked ticket (交付予約, see the `bookings` module) whose `call_from`
//!    (slot start − `window_before_min`) has passed: the earliest `call_from` first. Not while
//!    its service is *capped*: `max_in_row` booked calls of the service in a row (a walk-in
//!    call of it resets the count) while the service's oldest waiting walk-in has waited
//!    `cap_walk_in_wait_min` or more; then its booked tickets come after every walk-in the
//!    counter may take (rule 6) until a walk-in of the service is called. Because rule 1 comes first as well, no walk-in waits
//!    beyond its maximum behind bookings.
//! 5. **Weighted wait** — the highest score
//!    `(wait_seconds + 60) × weight(counter, service) / (target_wait_min × 60)`,
//!    computed in integers (×10⁶) so it is exact and reproducible. The extra 60 s lets weights
//!    decide between tickets that have only just been issued.
//! 6. **Capped bookings** — by the same score.
//!
//! A booked ticket is never called before its `call_from` (the kiosk printed that time;
//! the visitor may have gone for a coffee), by any rule or policy. Its wait counts from its
//! `call_from`, not from an early check-in.
//!
//! Ties at any step go to the earlier queue-entry time, then to the lower ticket id, so the
//! choice is a function of the state and `now` only (deterministic). The cost is one pass over
//! the transfers waiting in the counter's services plus, of each, the first walk-in arrival
//! and the first booked arrival (arrivals are sorted by queue entry, and the first of each kind
//! ranks best within its kind): O(transfers + today's check-ins), not O(waiting).
//!
//! # Fifo
//!
//! `Policy::Fifo`: the ticket that entered its queue earliest among those the counter may take
//! (same eligibility as above, no weights, no transfer preference, no maximum-wait rule, no
//! booking preference).

use madoguchi_protocol::{TicketState, Timestamp};

use crate::queue::{QueueKey, SiteQueue};

/// Call-next policies. The server runs `Madoguchi`; the simulator compares it with the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Weights, transfers first, a maximum-wait rule so no service starves (documented in
    /// this module).
    #[default]
    Madoguchi,
    /// Shared first come, first served: the oldest ticket the counter can serve.
    Fifo,
}

/// Sort key of a candidate: the smallest wins.
type Rank = (u8, i64, i64, i64);

impl SiteQueue {
    /// The index of the ticket counter `c` should call at `now`, if any.
    pub(crate) fn choose(&self, c: usize, now: Timestamp) -> Option<usize> {
        let counter = &self.counters[c];
        let now_us = now.timestamp_micros();
        let mut best: Option<(Rank, usize)> = None;
        for (service, weight) in &counter.weights {
            let Some(cfg) = self.service_cfg(service) else {
                continue;
            };
            let target_s = i64::from(cfg.target_wait_min.max(1)) * 60;
            let max_wait_us = i64::from(cfg.max_wait()) * 60_000_000;
            let capped = self.booked_capped(service, now_us);
            let queue = self.waiting.get(service).map_or(&[][..], Vec::as_slice);
            // The list is sorted by `QueueKey`: transfers (class 0) first, then new arrivals by
            // queue-entry time. Of the walk-in arrivals the first ranks best under either
            // policy (the longest wait: first past the maximum wait, highest weighted score,
            // earliest on a tie) and none is reserved, so only it is ranked; likewise the
            // first booked arrival among the booked ones (they enter at their `call_from`, so
            // the first is the earliest `call_from`; one not yet due means none is). Found
            // from today's check-ins, not by a scan: O(transfers + check-ins), not O(waiting).
            let transfers = queue.partition_point(|k| k.class == 0);
            let first_walk_in = queue[transfers..].iter().find(|k| {
                self.index
                    .get(&k.id)
                    .is_some_and(|&i| self.tickets[i].booking.is_none())
            });
            let first_booked = self.first_booked_arrival(service);
            for key in queue[..transfers]
                .iter()
                .chain(first_walk_in)
                .chain(first_booked.as_ref())
            {
                let Some(&i) = self.index.get(&key.id) else {
                    continue;
                };
                let reserved_here = match &self.meta[i].reserved {
                    None => false,
                    Some(r) if *r == counter.id => true,
                    Some(r) => {
                        // Reserved elsewhere: only if that counter is paused (or gone).
                        let open = self.counters.iter().any(|x| x.id == *r && x.open);
                        if open {
                            continue;
                        }
                        false
                    }
                };
                let booked = self.tickets[i].booking.as_ref();
                if booked.is_some_and(|b| b.call_from.timestamp_micros() > now_us) {
                    // Not before its call_from.
                    continue;
                }
                let wait_us = (now_us - key.entered).max(0);
                let rank: Rank = match self.policy {
                    Policy::Fifo => (0, 0, key.entered, key.id),
                    Policy::Madoguchi => {
                        if wait_us > max_wait_us {
                            (0, 0, key.entered, key.id)
                        } else if reserved_here {
                            (1, 0, key.entered, key.id)
                        } else if key.class == 0 {
                            (2, 0, key.entered, key.id)
                        } else if booked.is_some() && !capped {
                            (3, 0, key.entered, key.id)
                        } else {
                            let score = (wait_us / 1_000_000 + 60)
                                .saturating_mul(i64::from(*weight))
                                .saturating_mul(1_000_000)
                                / target_s;
                            // A capped booking yields to every walk-in for one call.
                            let class = if booked.is_some() { 5 } else { 4 };
                            (class, -score, key.entered, key.id)
                        }
                    }
                };
                if best.is_none_or(|(b, _)| rank < b) {
                    best = Some((rank, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }

    /// The waiting booked ticket of `service` that entered its queue first (not transferred).
    fn first_booked_arrival(&self, service: &str) -> Option<QueueKey> {
        self.checked_in
            .values()
            .filter_map(|id| self.index.get(id))
            .filter(|&&i| {
                let t = &self.tickets[i];
                t.state == TicketState::Waiting
                    && t.service == service
                    && self.meta[i].key.class == 1
            })
            .map(|&i| self.meta[i].key)
            .min()
    }
}

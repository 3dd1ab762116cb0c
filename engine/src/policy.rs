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
//! 4. **Weighted wait** — the highest score
//!    `(wait_seconds + 60) × weight(counter, service) / (target_wait_min × 60)`,
//!    computed in integers (×10⁶) so it is exact and reproducible. The extra 60 s lets weights
//!    decide between tickets that have only just been issued.
//!
//! Ties at any step go to the earlier queue-entry time, then to the lower ticket id, so the
//! choice is a function of the state and `now` only (deterministic). The cost is one pass over
//! the transfers waiting in the counter's services plus the first new arrival of each (the
//! arrivals are sorted by queue entry, and the first of them ranks best): O(transfers), not
//! O(waiting).
//!
//! # Fifo
//!
//! `Policy::Fifo`: the ticket that entered its queue earliest among those the counter may take
//! (same eligibility as above, no weights, no transfer preference, no maximum-wait rule).

use madoguchi_protocol::Timestamp;

use crate::queue::SiteQueue;

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
            let queue = self.waiting.get(service).map_or(&[][..], Vec::as_slice);
            // The list is sorted by `QueueKey`: transfers (class 0) first, then new arrivals by
            // queue-entry time. Of the arrivals the first ranks best under either policy (the
            // longest wait: first past the maximum wait, highest weighted score, earliest on a
            // tie) and none is reserved, so only it is ranked: O(transfers), not O(waiting).
            let transfers = queue.partition_point(|k| k.class == 0);
            let first_arrival = queue[transfers..]
                .iter()
                .find(|k| self.index.contains_key(&k.id));
            for key in queue[..transfers].iter().chain(first_arrival) {
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
                        } else {
                            let score = (wait_us / 1_000_000 + 60)
                                .saturating_mul(i64::from(*weight))
                                .saturating_mul(1_000_000)
                                / target_s;
                            (3, -score, key.entered, key.id)
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
}

//! The small moves every command is built from: calling a ticket to a counter, finishing it,
//! freeing a counter, and putting a ticket into or out of its service's sorted waiting list.

use madoguchi_protocol::{Call, EventBody, TicketState, Timestamp};

use crate::queue::{QueueKey, SiteQueue};

/// Minutes from `from` to `to`.
pub(crate) fn minutes(from: Timestamp, to: Timestamp) -> f64 {
    (to - from).num_milliseconds() as f64 / 60_000.0
}

impl SiteQueue {
    /// Calls ticket `i` (already out of the waiting list) to counter `c`.
    pub(crate) fn call(&mut self, c: usize, i: usize, now: Timestamp, recall: bool) -> EventBody {
        let counter = &mut self.counters[c];
        counter.current = Some(i);
        let t = &mut self.tickets[i];
        t.state = TicketState::Called;
        t.counter = Some(counter.id.clone());
        if recall {
            t.recalls += 1;
        }
        if t.called_at.is_none() || !recall {
            t.called_at = Some(now);
        }
        let call = Call {
            number: t.number.clone(),
            service: t.service.clone(),
            counter: counter.id.clone(),
            counter_name: counter.info.name.clone(),
            counter_number: counter.info.number,
            desk_key: counter.info.desk_key.clone(),
            area: counter.info.area.clone(),
            area_key: counter.info.area_key.clone(),
            lang: t.lang,
            at: now,
            recalls: t.recalls,
            staff_to_visitor: t.needs.staff_go_to_visitor(),
        };
        self.call_log.push(call.clone());
        if !recall {
            self.count_booked_call(i);
            // The measured pace of the service (see the eta module).
            let waiting = self.waiting.get(&call.service).map_or(0, Vec::len);
            let at_min = now.timestamp_millis() as f64 / 60_000.0;
            self.eta.record_call(&call.service, at_min, waiting);
        }
        EventBody::Called {
            call,
            ticket: self.tickets[i].clone(),
            queues: self.queues(now),
        }
    }

    /// Ends the service of ticket `i` at counter `c` (Called or Serving).
    pub(crate) fn finish(&mut self, c: usize, i: usize, now: Timestamp) {
        self.counters[c].current = None;
        let t = &mut self.tickets[i];
        t.state = TicketState::Done;
        t.finished_at = Some(now);
        if let Some(served) = t.served_at {
            let service = t.service.clone();
            self.eta.record(&service, minutes(served, now));
        }
    }

    pub(crate) fn within_grace(&self, i: usize, now: Timestamp) -> bool {
        let t = &self.tickets[i];
        t.state == TicketState::NoShow
            && t.finished_at
                .is_some_and(|at| now - at <= chrono::Duration::minutes(i64::from(self.grace_min)))
    }

    /// Frees whichever counter holds ticket `i`.
    pub(crate) fn release_counter(&mut self, i: usize) {
        for c in &mut self.counters {
            if c.current == Some(i) {
                c.current = None;
            }
        }
    }

    /// Ticket `i` waits again at its original place.
    pub(crate) fn put_back(&mut self, i: usize) {
        let t = &mut self.tickets[i];
        t.state = TicketState::Waiting;
        t.counter = None;
        let service = t.service.clone();
        let key = self.meta[i].key;
        self.insert_waiting(&service, key);
    }

    pub(crate) fn insert_waiting(&mut self, service: &str, key: QueueKey) {
        let q = self.waiting.entry(service.to_string()).or_default();
        let at = q.partition_point(|k| *k < key);
        q.insert(at, key);
    }

    pub(crate) fn remove_waiting(&mut self, i: usize) {
        let key = self.meta[i].key;
        if let Some(q) = self.waiting.get_mut(&self.tickets[i].service)
            && let Ok(at) = q.binary_search(&key)
        {
            q.remove(at);
        }
    }
}

//! `SiteQueue::apply`: each command checked in full first, then applied, so a refused
//! command leaves the state exactly as it was.
//!
//! Rules worth knowing:
//! - `Issue` is refused outside the site's hours and on a `now` whose JST date is not the
//!   queue's date (`Closed` with the next opening). Numbers run per service from the range's
//!   start; a non-kiosk service is only issued by staff (`kiosk: None`).
//! - `CallNext` on a counter whose current ticket is Called or Serving first finishes it
//!   (Done), then calls the next ticket by the policy. With nothing to call it answers
//!   `ticket: None`, and `event: None` unless it finished a ticket (then a `Done` event).
//! - `Recall` calls the counter's Called ticket again; with `ticket`, it calls that Waiting
//!   (e.g. skipped) ticket or a no-show within its grace at this counter, which must be free.
//! - `Skip` puts the Called ticket back at its original place; `Requeue` does the same for a
//!   no-show within `no_show_grace_min` minutes of being marked.
//! - `Transfer` (from Waiting, Called or Serving) keeps the number and moves the ticket to the
//!   target queue as a transfer: ahead of every non-transferred ticket, behind transfers that
//!   entered before it (see the policy module for the maximum-wait exception).

use madoguchi_protocol::{EventBody, Ticket, TicketState, Timestamp};

use crate::EngineError;
use crate::calendar::to_jst;
use crate::moves::minutes;
use crate::queue::{Command, Meta, Outcome, QueueKey, SiteQueue};

fn state_name(s: TicketState) -> &'static str {
    match s {
        TicketState::Waiting => "waiting",
        TicketState::Called => "called",
        TicketState::Serving => "being served",
        TicketState::Done => "done",
        TicketState::NoShow => "a no-show",
        TicketState::Cancelled => "cancelled",
        TicketState::Expired => "expired (the day ended)",
    }
}

fn invalid(t: &Ticket, action: &str) -> EngineError {
    EngineError::InvalidState {
        number: t.number.clone(),
        state: state_name(t.state).to_string(),
        action: action.to_string(),
    }
}

impl SiteQueue {
    /// Applies one command at time `now`. Deterministic: the same state, command and `now`
    /// always give the same result. On error the state is unchanged.
    pub fn apply(&mut self, command: &Command, now: Timestamp) -> Result<Outcome, EngineError> {
        match command {
            Command::Issue {
                id,
                service,
                lang,
                needs,
                kiosk,
            } => self.issue(*id, service, *lang, *needs, kiosk.clone(), now),
            Command::CheckIn {
                id,
                reference,
                service,
                lang,
                needs,
                kiosk,
                slot_start,
                slot_end,
            } => self.check_in(
                crate::bookings::CheckIn {
                    id: *id,
                    reference,
                    service,
                    lang: *lang,
                    needs: *needs,
                    kiosk: kiosk.clone(),
                    slot_start: *slot_start,
                    slot_end: *slot_end,
                },
                now,
            ),
            Command::CallNext { counter } => self.call_next(counter, now),
            Command::Lease {
                service,
                kiosk,
                from,
                to,
            } => self.lease(service, kiosk, *from, *to),
            Command::IssueOffline {
                id,
                service,
                number,
                lang,
                needs,
                kiosk,
                issued_at,
            } => self.issue_offline(*id, service, *number, *lang, *needs, kiosk, *issued_at, now),
            Command::Recall { counter, ticket } => self.recall(counter, *ticket, now),
            Command::Start { counter } => {
                let c = self.counter_idx(counter)?;
                let i = self.counters[c]
                    .current
                    .ok_or_else(|| EngineError::NoCurrentTicket(counter.clone()))?;
                if self.tickets[i].state != TicketState::Called {
                    return Err(invalid(&self.tickets[i], "start"));
                }
                let t = &mut self.tickets[i];
                t.state = TicketState::Serving;
                t.served_at = Some(now);
                let ticket = t.clone();
                Ok(self.outcome(ticket.clone(), EventBody::Started { ticket }))
            }
            Command::Done { counter } => {
                let c = self.counter_idx(counter)?;
                let i = self.counters[c]
                    .current
                    .ok_or_else(|| EngineError::NoCurrentTicket(counter.clone()))?;
                self.finish(c, i, now);
                let ticket = self.tickets[i].clone();
                let queues = self.queues(now);
                Ok(self.outcome(ticket.clone(), EventBody::Done { ticket, queues }))
            }
            Command::NoShow { counter } => {
                let c = self.counter_idx(counter)?;
                let i = self.counters[c]
                    .current
                    .ok_or_else(|| EngineError::NoCurrentTicket(counter.clone()))?;
                if self.tickets[i].state != TicketState::Called {
                    return Err(invalid(&self.tickets[i], "mark as a no-show"));
                }
                self.counters[c].current = None;
                let t = &mut self.tickets[i];
                t.state = TicketState::NoShow;
                t.finished_at = Some(now);
                let ticket = t.clone();
                let queues = self.queues(now);
                Ok(self.outcome(ticket.clone(), EventBody::NoShow { ticket, queues }))
            }
            Command::Skip { counter } => {
                let c = self.counter_idx(counter)?;
                let i = self.counters[c]
                    .current
                    .ok_or_else(|| EngineError::NoCurrentTicket(counter.clone()))?;
                if self.tickets[i].state != TicketState::Called {
                    return Err(invalid(&self.tickets[i], "skip"));
                }
                self.counters[c].current = None;
                self.put_back(i);
                let ticket = self.tickets[i].clone();
                let queues = self.queues(now);
                Ok(self.outcome(ticket.clone(), EventBody::Requeued { ticket, queues }))
            }
            Command::Requeue { ticket } => {
                let i = self.ticket_idx(*ticket)?;
                if !self.within_grace(i, now) {
                    return Err(invalid(&self.tickets[i], "put back in the queue"));
                }
                self.tickets[i].finished_at = None;
                self.put_back(i);
                let ticket = self.tickets[i].clone();
                let queues = self.queues(now);
                Ok(self.outcome(ticket.clone(), EventBody::Requeued { ticket, queues }))
            }
            Command::Cancel { ticket } => {
                let i = self.ticket_idx(*ticket)?;
                match self.tickets[i].state {
                    TicketState::Waiting => self.remove_waiting(i),
                    TicketState::Called => self.release_counter(i),
                    _ => return Err(invalid(&self.tickets[i], "cancel")),
                }
                let t = &mut self.tickets[i];
                t.state = TicketState::Cancelled;
                t.finished_at = Some(now);
                let ticket = t.clone();
                let queues = self.queues(now);
                Ok(self.outcome(ticket.clone(), EventBody::Cancelled { ticket, queues }))
            }
            Command::Transfer {
                ticket,
                to_service,
                to_counter,
            } => self.transfer(*ticket, to_service.as_deref(), to_counter.as_deref(), now),
            Command::Pause { counter } | Command::Reopen { counter } => {
                let c = self.counter_idx(counter)?;
                let open = matches!(command, Command::Reopen { .. });
                if self.counters[c].open == open {
                    return Ok(Outcome {
                        ticket: None,
                        event: None,
                    });
                }
                self.counters[c].open = open;
                let queues = self.queues(now);
                let counter = counter.clone();
                let event = if open {
                    EventBody::CounterOpened { counter, queues }
                } else {
                    EventBody::CounterPaused { counter, queues }
                };
                Ok(Outcome {
                    ticket: None,
                    event: Some(event),
                })
            }
            Command::SetWeights { counter, weights } => self.set_weights(counter, weights, now),
            Command::MarkPrinted { ticket, printed } => {
                let i = self.ticket_idx(*ticket)?;
                self.tickets[i].printed = Some(*printed);
                Ok(Outcome {
                    ticket: Some(self.tickets[i].clone()),
                    event: None,
                })
            }
        }
    }

    pub(crate) fn outcome(&self, ticket: Ticket, event: EventBody) -> Outcome {
        Outcome {
            ticket: Some(ticket),
            event: Some(event),
        }
    }

    fn issue(
        &mut self,
        id: i64,
        service: &str,
        lang: madoguchi_protocol::Lang,
        needs: madoguchi_protocol::Needs,
        kiosk: Option<String>,
        now: Timestamp,
    ) -> Result<Outcome, EngineError> {
        if self.index.contains_key(&id) {
            return Err(EngineError::DuplicateTicket { id });
        }
        let cfg = self
            .service_cfg(service)
            .filter(|s| s.kiosk || kiosk.is_none())
            .ok_or_else(|| EngineError::UnknownService(service.to_string()))?;
        if to_jst(now).date_naive() != self.date {
            return Err(EngineError::Closed {
                next_opening: self.calendar.next_opening(&self.site.id, now),
            });
        }
        self.check_open(now)
            .map_err(|next_opening| EngineError::Closed { next_opening })?;
        let n = self.next_number.get(service).copied().unwrap_or(cfg.first);
        if n > self.live_last(service, cfg.last) {
            return Err(EngineError::NumbersExhausted(service.to_string()));
        }
        let number = format!("{}-{:03}", cfg.prefix, n);
        self.next_number.insert(service.to_string(), n + 1);
        Ok(self.insert_issued(id, service, number, lang, needs, kiosk, now, now))
    }

    /// Adds an issued ticket at the end of its queue (no checks: the caller made them).
    #[expect(clippy::too_many_arguments, reason = "the fields of one ticket")]
    pub(crate) fn insert_issued(
        &mut self,
        id: i64,
        service: &str,
        number: String,
        lang: madoguchi_protocol::Lang,
        needs: madoguchi_protocol::Needs,
        kiosk: Option<String>,
        issued_at: Timestamp,
        now: Timestamp,
    ) -> Outcome {
        self.insert_ticket(
            id, service, number, lang, needs, kiosk, issued_at, None, now,
        )
    }

    /// [`SiteQueue::insert_issued`] for a walk-in (`booking: None`) or a booked ticket, which
    /// enters its queue at the later of its issue time and its `call_from`.
    #[expect(clippy::too_many_arguments, reason = "the fields of one ticket")]
    pub(crate) fn insert_ticket(
        &mut self,
        id: i64,
        service: &str,
        number: String,
        lang: madoguchi_protocol::Lang,
        needs: madoguchi_protocol::Needs,
        kiosk: Option<String>,
        issued_at: Timestamp,
        booking: Option<madoguchi_protocol::BookedSlot>,
        now: Timestamp,
    ) -> Outcome {
        let entered = booking
            .as_ref()
            .map_or(issued_at, |b| b.call_from.max(issued_at));
        let ticket = Ticket {
            id,
            site: self.site.id.clone(),
            service: service.to_string(),
            number,
            lang,
            needs,
            state: TicketState::Waiting,
            counter: None,
            issued_at,
            called_at: None,
            served_at: None,
            finished_at: None,
            transfers: 0,
            recalls: 0,
            kiosk,
            printed: None,
            offline: false,
            booking,
        };
        let key = QueueKey {
            class: 1,
            entered: entered.timestamp_micros(),
            id,
        };
        self.index.insert(id, self.tickets.len());
        self.tickets.push(ticket.clone());
        self.meta.push(Meta {
            key,
            reserved: None,
        });
        self.insert_waiting(service, key);
        let queues = self.queues(now);
        self.outcome(ticket.clone(), EventBody::Issued { ticket, queues })
    }

    fn call_next(&mut self, counter: &str, now: Timestamp) -> Result<Outcome, EngineError> {
        let c = self.counter_idx(counter)?;
        if !self.counters[c].open {
            return Err(EngineError::CounterPaused(counter.to_string()));
        }
        let finished = self.counters[c].current;
        if let Some(i) = finished {
            self.finish(c, i, now);
        }
        let target = self.choose(c, now);
        Ok(self.call_or_report_done(c, finished, target, now))
    }

    /// After counter `c` finished its ticket `finished` (if any): calls `target`, or, with
    /// nothing to call, reports the finished ticket as done (call-next and its replay share it).
    pub(crate) fn call_or_report_done(
        &mut self,
        c: usize,
        finished: Option<usize>,
        target: Option<usize>,
        now: Timestamp,
    ) -> Outcome {
        match target {
            Some(i) => {
                self.remove_waiting(i);
                let event = self.call(c, i, now, false);
                self.outcome(self.tickets[i].clone(), event)
            }
            None => Outcome {
                ticket: None,
                event: finished.map(|i| EventBody::Done {
                    ticket: self.tickets[i].clone(),
                    queues: self.queues(now),
                }),
            },
        }
    }

    fn recall(
        &mut self,
        counter: &str,
        ticket: Option<i64>,
        now: Timestamp,
    ) -> Result<Outcome, EngineError> {
        let c = self.counter_idx(counter)?;
        let current = self.counters[c].current;
        let target = match ticket {
            Some(id) => self.ticket_idx(id)?,
            None => current.ok_or_else(|| EngineError::NoCurrentTicket(counter.to_string()))?,
        };
        if Some(target) == current {
            if self.tickets[target].state != TicketState::Called {
                return Err(invalid(&self.tickets[target], "recall"));
            }
            let event = self.call(c, target, now, true);
            return Ok(self.outcome(self.tickets[target].clone(), event));
        }
        if let Some(busy) = current {
            return Err(invalid(
                &self.tickets[busy],
                "recall another ticket at this counter",
            ));
        }
        if !self.counters[c].open {
            return Err(EngineError::CounterPaused(counter.to_string()));
        }
        match self.tickets[target].state {
            TicketState::Waiting => self.remove_waiting(target),
            TicketState::NoShow if self.within_grace(target, now) => {
                self.tickets[target].finished_at = None;
            }
            _ => return Err(invalid(&self.tickets[target], "recall")),
        }
        let event = self.call(c, target, now, true);
        Ok(self.outcome(self.tickets[target].clone(), event))
    }

    fn transfer(
        &mut self,
        id: i64,
        to_service: Option<&str>,
        to_counter: Option<&str>,
        now: Timestamp,
    ) -> Result<Outcome, EngineError> {
        let i = self.ticket_idx(id)?;
        let state = self.tickets[i].state;
        if !matches!(
            state,
            TicketState::Waiting | TicketState::Called | TicketState::Serving
        ) {
            return Err(invalid(&self.tickets[i], "transfer"));
        }
        if to_service.is_none() && to_counter.is_none() {
            return Err(invalid(
                &self.tickets[i],
                "transfer without a service or counter",
            ));
        }
        let from_service = self.tickets[i].service.clone();
        let target = to_service.unwrap_or(&from_service).to_string();
        if self.service_cfg(&target).is_none() {
            return Err(EngineError::UnknownService(target));
        }
        if let Some(cid) = to_counter {
            let c = self.counter_idx(cid)?;
            if self.counters[c].weight(&target) == 0 {
                return Err(invalid(
                    &self.tickets[i],
                    &format!("transfer to counter {cid}, which does not serve \"{target}\""),
                ));
            }
        }
        // Checks done; change the state.
        match state {
            TicketState::Waiting => self.remove_waiting(i),
            TicketState::Serving => {
                if let Some(served) = self.tickets[i].served_at {
                    self.eta.record(&from_service, minutes(served, now));
                }
                self.release_counter(i);
            }
            _ => self.release_counter(i),
        }
        let t = &mut self.tickets[i];
        t.state = TicketState::Waiting;
        t.service = target.clone();
        t.counter = None;
        t.called_at = None;
        t.served_at = None;
        t.transfers += 1;
        let key = QueueKey {
            class: 0,
            entered: now.timestamp_micros(),
            id,
        };
        self.meta[i] = Meta {
            key,
            reserved: to_counter.map(str::to_string),
        };
        self.insert_waiting(&target, key);
        let ticket = self.tickets[i].clone();
        let queues = self.queues(now);
        Ok(self.outcome(
            ticket.clone(),
            EventBody::Transferred {
                ticket,
                from_service,
                to_counter: to_counter.map(str::to_string),
                queues,
            },
        ))
    }
}

//! Replay records facts, it does not re-decide. The server stores each command with what it
//! decided ([`Recorded`]: the number an issue printed, the ticket a call-next called) and
//! rebuilds a day with [`SiteQueue::replay`], which applies those facts without the policy
//! checks of a live request (opening hours, the calendar, which ticket the policy would pick
//! today, whether the kiosk may still issue the service). A changed opening time, a typhoon
//! closure or a restart without `--open-all-hours` therefore rebuilds exactly the state that
//! was answered. What cannot be rebuilt (a counter or service removed from the configuration,
//! a ticket in another state than recorded) is an error the caller must not ignore.

use madoguchi_protocol::{EventBody, Lang, Needs, TicketId, TicketState, Timestamp};
use serde::{Deserialize, Serialize};

use crate::EngineError;
use crate::queue::{Command, Outcome, SiteQueue};

/// A command as stored: the command and the facts it decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recorded {
    #[serde(flatten)]
    pub command: Command,
    /// For an issue or a check-in: the number it printed (`A-023`, `R-001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// For a call-next: the ticket it called, or that it called none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub called: Option<Called>,
    /// For an issue: the client's `Idempotency-Key`, so a repeat answers the same ticket, also
    /// after a restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<IdempotencyKey>,
}

/// An `Idempotency-Key` header value and who sent it (keys are unique per sender).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdempotencyKey {
    /// The device or staff login that sent the request.
    pub by: String,
    pub key: String,
}

/// What a call-next decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Called {
    Ticket(TicketId),
    Nothing,
}

impl Recorded {
    /// What to store for `command` once it was applied live with `outcome`.
    pub fn of(command: &Command, outcome: &Outcome) -> Recorded {
        let number = match command {
            Command::Issue { .. } | Command::CheckIn { .. } => {
                outcome.ticket.as_ref().map(|t| t.number.clone())
            }
            _ => None,
        };
        let called = match command {
            Command::CallNext { .. } => Some(match (&outcome.ticket, &outcome.event) {
                (Some(t), Some(EventBody::Called { .. })) => Called::Ticket(t.id),
                _ => Called::Nothing,
            }),
            _ => None,
        };
        Recorded {
            command: command.clone(),
            number,
            called,
            key: None,
        }
    }
}

impl SiteQueue {
    /// Applies a stored command as a fact (see the module documentation). Rows written before
    /// facts were recorded replay an issue without policy checks and a call-next by the policy.
    pub fn replay(&mut self, rec: &Recorded, at: Timestamp) -> Result<Outcome, EngineError> {
        match (&rec.command, rec.called) {
            (
                Command::Issue {
                    id,
                    service,
                    lang,
                    needs,
                    kiosk,
                },
                _,
            ) => self.replay_issue(
                *id,
                service,
                *lang,
                *needs,
                kiosk.clone(),
                rec.number.as_deref(),
                at,
            ),
            (
                Command::CheckIn {
                    id,
                    reference,
                    service,
                    lang,
                    needs,
                    kiosk,
                    slot_start,
                    slot_end,
                },
                _,
            ) => self.replay_check_in(
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
                rec.number.as_deref(),
                at,
            ),
            (Command::CallNext { counter }, Some(called)) => self.replay_call(counter, called, at),
            (command, _) => self.apply(command, at),
        }
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the fields of one recorded issue"
    )]
    fn replay_issue(
        &mut self,
        id: TicketId,
        service: &str,
        lang: Lang,
        needs: Needs,
        kiosk: Option<String>,
        number: Option<&str>,
        at: Timestamp,
    ) -> Result<Outcome, EngineError> {
        if self.index.contains_key(&id) {
            return Err(EngineError::DuplicateTicket { id });
        }
        let cfg = self
            .service_cfg(service)
            .ok_or_else(|| EngineError::UnknownService(service.to_string()))?
            .clone();
        let next = self.next_number.get(service).copied().unwrap_or(cfg.first);
        let number = match number {
            Some(recorded) => {
                let digits: String = recorded.chars().filter(char::is_ascii_digit).collect();
                let n: u32 = digits.parse().unwrap_or(next);
                self.next_number
                    .insert(service.to_string(), next.max(n.saturating_add(1)));
                recorded.to_string()
            }
            None => {
                self.next_number.insert(service.to_string(), next + 1);
                format!("{}-{:03}", cfg.prefix, next)
            }
        };
        Ok(self.insert_issued(id, service, number, lang, needs, kiosk, at, at))
    }

    fn replay_call(
        &mut self,
        counter: &str,
        called: Called,
        at: Timestamp,
    ) -> Result<Outcome, EngineError> {
        let c = self.counter_idx(counter)?;
        let target = match called {
            Called::Ticket(id) => {
                let i = self.ticket_idx(id)?;
                if self.tickets[i].state != TicketState::Waiting {
                    return Err(EngineError::InvalidState {
                        number: self.tickets[i].number.clone(),
                        state: format!("{:?}", self.tickets[i].state).to_lowercase(),
                        action: "be called as recorded".into(),
                    });
                }
                Some(i)
            }
            Called::Nothing => None,
        };
        let finished = self.counters[c].current;
        if let Some(i) = finished {
            self.finish(c, i, at);
        }
        Ok(self.call_or_report_done(c, finished, target, at))
    }
}

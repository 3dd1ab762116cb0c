//! Numbers lent to kiosks for a server outage. While online, a kiosk holds a small block of
//! each service's numbers for today (e.g. A-980…A-999 for kiosk-2), taken from the top of the
//! service's range downwards, so the numbers the server issues live (from the bottom up) never
//! reach them. Offline, the kiosk prints from its block; on reconnect it uploads each ticket
//! ([`Command::IssueOffline`]) and the ticket joins its queue at the place its issue time
//! earns. A number outside the kiosk's block, or one already uploaded, is refused; a block not
//! used by the end of the day simply ends with the day.

use madoguchi_protocol::{EventBody, Lang, Needs, TicketId, Timestamp};
use serde::{Deserialize, Serialize};

use crate::EngineError;
use crate::calendar::to_jst;
use crate::queue::{Command, SiteQueue};

/// One block of one service's numbers lent to one kiosk for the queue's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    pub service: String,
    pub kiosk: String,
    pub from: u32,
    pub to: u32,
    /// Numbers of the block already uploaded as tickets.
    pub used: Vec<u32>,
}

impl Lease {
    /// Numbers of the block not uploaded yet.
    pub fn unused(&self) -> usize {
        (self.to - self.from + 1) as usize - self.used.len()
    }
}

/// Numbers the server keeps for live issuing above the last issued one before it lends any.
const LIVE_MARGIN: u32 = 50;

impl SiteQueue {
    /// The last number live issuing may use: just below the lowest block lent out.
    pub(crate) fn live_last(&self, service: &str, last: u32) -> u32 {
        self.leases
            .iter()
            .filter(|l| l.service == service)
            .map(|l| l.from - 1)
            .min()
            .unwrap_or(last)
    }

    /// Today's leases of `kiosk`.
    pub fn leases_of(&self, kiosk: &str) -> Vec<Lease> {
        self.leases
            .iter()
            .filter(|l| l.kiosk == kiosk)
            .cloned()
            .collect()
    }

    /// The next block of `size` numbers of `service` that could be lent: just below the
    /// lowest block lent so far, keeping a margin above the numbers issued live. Build a
    /// [`Command::Lease`] from it.
    pub fn lease_block(&self, service: &str, size: u32) -> Result<(u32, u32), EngineError> {
        let cfg = self
            .service_cfg(service)
            .filter(|s| s.kiosk)
            .ok_or_else(|| EngineError::UnknownService(service.to_string()))?;
        let top = self.live_last(service, cfg.last);
        let next = self.next_number.get(service).copied().unwrap_or(cfg.first);
        let from = top.saturating_sub(size.max(1) - 1);
        if size == 0 || from < next.saturating_add(LIVE_MARGIN) || from > top {
            return Err(EngineError::NoLeaseRoom(service.to_string()));
        }
        Ok((from, top))
    }

    pub(crate) fn lease(
        &mut self,
        service: &str,
        kiosk: &str,
        from: u32,
        to: u32,
    ) -> Result<crate::Outcome, EngineError> {
        let cfg = self
            .service_cfg(service)
            .filter(|s| s.kiosk)
            .ok_or_else(|| EngineError::UnknownService(service.to_string()))?;
        let next = self.next_number.get(service).copied().unwrap_or(cfg.first);
        let overlaps = self
            .leases
            .iter()
            .any(|l| l.service == service && l.from <= to && from <= l.to);
        if from > to || to > cfg.last || from < next || overlaps {
            return Err(EngineError::NoLeaseRoom(service.to_string()));
        }
        self.leases.push(Lease {
            service: service.to_string(),
            kiosk: kiosk.to_string(),
            from,
            to,
            used: Vec::new(),
        });
        Ok(crate::Outcome {
            ticket: None,
            event: None,
        })
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the fields of one offline ticket"
    )]
    pub(crate) fn issue_offline(
        &mut self,
        id: TicketId,
        service: &str,
        number: u32,
        lang: Lang,
        needs: Needs,
        kiosk: &str,
        issued_at: Timestamp,
        now: Timestamp,
    ) -> Result<crate::Outcome, EngineError> {
        // A kiosk clock ahead of the server's cannot put a visitor in the future.
        let issued_at = issued_at.min(now);
        if self.index.contains_key(&id) {
            return Err(EngineError::DuplicateTicket { id });
        }
        let prefix = self
            .service_cfg(service)
            .ok_or_else(|| EngineError::UnknownService(service.to_string()))?
            .prefix
            .clone();
        let printed = format!("{prefix}-{number:03}");
        if to_jst(issued_at).date_naive() != self.date {
            return Err(EngineError::WrongDay);
        }
        let lease = self
            .leases
            .iter_mut()
            .find(|l| {
                l.service == service
                    && l.kiosk == kiosk
                    && (l.from..=l.to).contains(&number)
                    && !l.used.contains(&number)
            })
            .ok_or(EngineError::NotLeased {
                number: printed.clone(),
            })?;
        lease.used.push(number);
        let mut outcome = self.insert_issued(
            id,
            service,
            printed,
            lang,
            needs,
            Some(kiosk.to_string()),
            issued_at,
            now,
        );
        let i = self.index[&id];
        self.tickets[i].offline = true;
        if let Some(t) = outcome.ticket.as_mut() {
            t.offline = true;
        }
        if let Some(EventBody::Issued { ticket, .. }) = outcome.event.as_mut() {
            ticket.offline = true;
        }
        Ok(outcome)
    }
}

/// The command that lends the next block of `size` numbers of `service` to `kiosk`.
pub fn lease_command(
    queue: &SiteQueue,
    service: &str,
    kiosk: &str,
    size: u32,
) -> Result<Command, EngineError> {
    let (from, to) = queue.lease_block(service, size)?;
    Ok(Command::Lease {
        service: service.to_string(),
        kiosk: kiosk.to_string(),
        from,
        to,
    })
}

//! Issuing when no server can be reached, and catching up when it answers again: the issue
//! request with its retries, the ticket from the lease (journaled durably before it is shown or
//! printed), the lease refresh, the upload of the journal with each ticket's own
//! `Idempotency-Key` and original issue time, and print results kept until the server has them.

use std::time::{Duration, Instant};

use madoguchi_protocol::{
    ApiError, CheckInRequest, IssueTicketRequest, IssuedTicket, LeaseGrant, LeaseRequest,
    OfflineTicketRequest, PrintResult,
};
use reqwest::StatusCode;
use tracing::{error, info, warn};

use super::Worker;
use super::failover::gateway_failure;
use super::store::{JournalEntry, Refused, Store, new_key};
use super::{ISSUE_TRIES, RETRY_PAUSE};
use crate::flow::KioskEvent;
use crate::ticket;

/// Numbers asked for per service and block.
const LEASE_SIZE: u32 = 20;
/// How often the lease is topped up while online (it is also asked for after each issue).
const LEASE_EVERY: Duration = Duration::from_secs(180);
/// What staff read about an offline ticket whose printing the kiosk did not see finish.
const RESTARTED: &str = "The kiosk restarted while printing this offline ticket: check whether \
the visitor holds it.";

/// A store read at start: an offline ticket whose print never finished is reported as not
/// printed, so it cannot wait in the journal forever.
pub(super) fn after_restart(mut store: Store) -> Store {
    for entry in &mut store.journal {
        if entry.print.is_none() {
            entry.print = Some(PrintResult {
                printed: false,
                reason: RESTARTED.to_owned(),
            });
        }
    }
    store
}

/// Today in the sites' time zone, as lease days are written.
pub(super) fn today() -> String {
    chrono::Utc::now()
        .with_timezone(&madoguchi_engine::calendar::jst())
        .format("%Y-%m-%d")
        .to_string()
}

impl Worker {
    /// Sends one visitor's issue request, always with the one `key`: on to the next server when
    /// one gives no usable answer (no connection, a timeout, 502/503/504), again after a pause
    /// when the only server erred or was slow, and from the lease only when no server of the
    /// list can be reached at all.
    pub(super) async fn issue(
        &self,
        attempt: u64,
        request: &IssueTicketRequest,
        key: &str,
    ) -> KioskEvent {
        let path = format!("/api/sites/{}/tickets", self.settings.site);
        self.keyed(attempt, &path, request, key, Some(request))
            .await
    }

    /// Checks a booking in as an issue is sent (same failover, same key on every retry), but
    /// never from the lease: without a server there is no booking to check.
    pub(super) async fn check_in(
        &self,
        attempt: u64,
        request: &CheckInRequest,
        key: &str,
    ) -> KioskEvent {
        let path = format!("/api/sites/{}/check-in", self.settings.site);
        self.keyed(attempt, &path, request, key, None).await
    }

    /// POSTs `body` to `path` for attempt `attempt` with `key` until a server answers; when
    /// none can be reached, issues `lease` from the lease (`None`: gives up).
    async fn keyed(
        &self,
        attempt: u64,
        path: &str,
        body: &impl serde::Serialize,
        key: &str,
        lease: Option<&IssueTicketRequest>,
    ) -> KioskEvent {
        let path = path.to_owned();
        let failed = KioskEvent::IssueFailed { attempt };
        let servers = self.server_count();
        let tries = ISSUE_TRIES.max(u32::try_from(servers).unwrap_or(u32::MAX));
        // Servers in a row that refused the connection: when all did, nothing reached any.
        let mut unreachable = 0;
        let mut n = 0;
        loop {
            let (index, url) = self.target(&path);
            let sent = self
                .post(url)
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .await;
            match sent {
                Ok(r) if r.status().is_success() => {
                    let w = self.clone();
                    tokio::spawn(async move { w.refresh_lease().await });
                    return match r.json::<IssuedTicket>().await {
                        Ok(t) => KioskEvent::Issued {
                            attempt,
                            issued: Box::new(t),
                        },
                        Err(e) => {
                            warn!(cause = %e, attempt, "issue answer unreadable");
                            failed
                        }
                    };
                }
                Ok(r) if matches!(r.status(), StatusCode::CONFLICT | StatusCode::NOT_FOUND) => {
                    return match r.json::<ApiError>().await {
                        Ok(e) if e.code == "site_closed" => KioskEvent::IssueClosed {
                            attempt,
                            next_opening: e.next_opening,
                        },
                        Ok(e) if e.code.starts_with("booking_") => {
                            info!(code = %e.code, attempt, "check-in refused");
                            KioskEvent::CheckInRefused {
                                attempt,
                                code: e.code,
                                site: e.site,
                            }
                        }
                        _ => failed,
                    };
                }
                Ok(r) if r.status().is_server_error() => {
                    warn!(status = %r.status(), attempt, try_ = n + 1, "issue failed on the server; retrying with the same key");
                    if gateway_failure(r.status()) {
                        self.failed(index, r.status().as_str());
                    }
                }
                Ok(r) => {
                    warn!(status = %r.status(), attempt, "issue refused");
                    return failed;
                }
                // Nothing reached this server: no ticket can exist there for this attempt.
                Err(e) if e.is_connect() => {
                    unreachable += 1;
                    if unreachable >= servers {
                        let Some(request) = lease else {
                            warn!(cause = %e, attempt, "no server reachable");
                            return failed;
                        };
                        warn!(cause = %e, attempt, "no server reachable; issuing from the lease");
                        return self.issue_offline(attempt, request);
                    }
                    self.failed(index, &e.to_string());
                    continue;
                }
                Err(e) => {
                    warn!(cause = %e, attempt, try_ = n + 1, "issue got no answer; retrying with the same key");
                    self.failed(index, &e.to_string());
                }
            }
            unreachable = 0;
            n += 1;
            if n >= tries {
                return failed;
            }
            // Another server is asked at once; the same one after a pause.
            if self.target(&path).0 == index {
                tokio::time::sleep(RETRY_PAUSE).await;
            }
        }
    }

    /// Takes the next number of the service's lease, journals the ticket durably and answers
    /// it; never a number outside the lease or of another day.
    fn issue_offline(&self, attempt: u64, request: &IssueTicketRequest) -> KioskEvent {
        if !self.durable {
            return KioskEvent::IssueFailed { attempt };
        }
        let now = chrono::Utc::now().with_timezone(&madoguchi_engine::calendar::jst());
        let day = now.format("%Y-%m-%d").to_string();
        let Ok(mut store) = self.store.lock() else {
            return KioskEvent::IssueFailed { attempt };
        };
        let before = store.clone();
        let Some(taken) = store.take(&request.service, &day) else {
            info!(service = %request.service, "no lease number left; visitor sent to the counter");
            return KioskEvent::LeaseUsedUp { attempt };
        };
        let entry = JournalEntry {
            key: new_key(),
            number: taken.text(),
            request: OfflineTicketRequest {
                service: request.service.clone(),
                lang: request.lang,
                needs: request.needs,
                number: taken.number,
                issued_at: now,
            },
            uploaded: None,
            print: None,
        };
        store.journal.push(entry.clone());
        if let Err(e) = store.save(&self.settings.data_dir) {
            // Not durable, so not issued: the visitor goes to the counter.
            error!(cause = %e, "offline ticket not journaled; nothing issued");
            *store = before;
            return KioskEvent::IssueFailed { attempt };
        }
        let held = store.holds(&day);
        drop(store);
        info!(number = %entry.number, key = %entry.key, "issued offline from the lease");
        self.emit(KioskEvent::LeaseHeld(held));
        let issued = ticket::offline_issued(
            &self.settings.site,
            &self.settings.kiosk_id(),
            entry.number,
            &entry.request,
        );
        KioskEvent::Issued {
            attempt,
            issued: Box::new(issued),
        }
    }

    /// Hands a print result to the server, or keeps it on disk until it can: an offline ticket's
    /// goes into its journal entry, an online one's into the list of unsent reports.
    pub(super) async fn settle_print(&self, issued: &IssuedTicket, report: PrintResult) {
        if !issued.ticket.offline && self.report_print(issued.ticket.id, &report).await {
            return;
        }
        self.change(|store| {
            if issued.ticket.offline {
                if let Some(e) = store
                    .journal
                    .iter_mut()
                    .find(|e| e.number == issued.ticket.number)
                {
                    e.print = Some(report);
                }
            } else {
                store.reports.push((issued.ticket.id, report));
            }
        });
        if issued.ticket.offline {
            self.sync().await;
        }
    }

    /// Applies `f` to the store and writes it; a failed write is logged (memory still has it).
    fn change(&self, f: impl FnOnce(&mut Store)) {
        if let Ok(mut store) = self.store.lock() {
            f(&mut store);
            if self.durable
                && let Err(e) = store.save(&self.settings.data_dir)
            {
                error!(cause = %e, "offline journal not written");
            }
        }
    }

    /// Uploads the journal (oldest issue first) and unsent print results; stops at the first
    /// network error and tries again at the next poll.
    pub(super) async fn sync(&self) {
        let Ok(_one) = self.uploading.try_lock() else {
            return;
        };
        let mut entries = match self.store.lock() {
            Ok(s) if s.has_pending() => s.journal.clone(),
            _ => return,
        };
        entries.sort_by_key(|e| e.request.issued_at);
        for entry in entries {
            let mut id = entry.uploaded;
            if id.is_none() {
                match self.upload(&entry).await {
                    Upload::Done(ticket) => {
                        id = Some(ticket);
                        self.change(|s| {
                            if let Some(e) = s.journal.iter_mut().find(|e| e.key == entry.key) {
                                e.uploaded = Some(ticket);
                            }
                        });
                    }
                    Upload::Refused(reason) => {
                        error!(number = %entry.number, %reason, "offline ticket refused by the server; kept as a record");
                        self.change(|s| {
                            s.journal.retain(|e| e.key != entry.key);
                            s.refused.push(Refused {
                                entry: entry.clone(),
                                reason,
                            });
                        });
                        continue;
                    }
                    Upload::Later => return,
                }
            }
            if let (Some(id), Some(print)) = (id, &entry.print) {
                if !self.report_print(id, print).await {
                    return;
                }
                self.change(|s| s.journal.retain(|e| e.key != entry.key));
            }
        }
        let reports = self
            .store
            .lock()
            .map(|s| s.reports.clone())
            .unwrap_or_default();
        for (id, report) in reports {
            if !self.report_print(id, &report).await {
                return;
            }
            self.change(|s| s.reports.retain(|(t, _)| *t != id));
        }
    }

    async fn upload(&self, entry: &JournalEntry) -> Upload {
        let site = &self.settings.site;
        let sent = self
            .send(&format!("/api/sites/{site}/tickets/offline"), |url| {
                self.post(url)
                    .header("Idempotency-Key", &entry.key)
                    .json(&entry.request)
            })
            .await;
        match sent {
            Ok(r) if r.status().is_success() => match r.json::<IssuedTicket>().await {
                Ok(t) => {
                    info!(number = %entry.number, ticket = t.ticket.id, "offline ticket uploaded");
                    Upload::Done(t.ticket.id)
                }
                Err(e) => {
                    warn!(cause = %e, "offline upload answer unreadable");
                    Upload::Later
                }
            },
            Ok(r)
                if matches!(
                    r.status(),
                    StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY
                ) =>
            {
                let status = r.status();
                let reason = match r.json::<ApiError>().await {
                    Ok(e) => format!("{}: {}", e.code, e.message),
                    Err(_) => status.to_string(),
                };
                Upload::Refused(reason)
            }
            Ok(r) => {
                warn!(status = %r.status(), number = %entry.number, "offline upload not taken; retrying later");
                Upload::Later
            }
            Err(e) => {
                warn!(cause = %e, "offline upload failed; retrying later");
                Upload::Later
            }
        }
    }

    /// Whether the lease should be asked for at this poll.
    pub(super) fn lease_due(&self) -> bool {
        self.leased_at
            .lock()
            .map(|t| t.is_none_or(|t| t.elapsed() >= LEASE_EVERY))
            .unwrap_or(false)
    }

    /// Asks for numbers of every service this site issues at the kiosk and keeps the grant.
    pub(super) async fn refresh_lease(&self) {
        let services: Vec<String> = match self.site.lock() {
            Ok(s) => s
                .iter()
                .flat_map(|s| s.services.iter().filter(|x| x.kiosk).map(|x| x.id.clone()))
                .collect(),
            Err(_) => return,
        };
        if services.is_empty() || !self.durable {
            return;
        }
        if let Ok(mut t) = self.leased_at.lock() {
            *t = Some(Instant::now());
        }
        let site = &self.settings.site;
        let lease = LeaseRequest {
            services,
            size: LEASE_SIZE,
        };
        let sent = self
            .send(&format!("/api/sites/{site}/leases"), |url| {
                self.post(url).json(&lease)
            })
            .await;
        let grant = match sent {
            Ok(r) if r.status().is_success() => r.json::<LeaseGrant>().await,
            Ok(r) => {
                warn!(status = %r.status(), "lease refused");
                return;
            }
            Err(e) => {
                warn!(cause = %e, "lease not renewed");
                return;
            }
        };
        match grant {
            Ok(grant) => {
                if !grant.refused.is_empty() {
                    warn!(services = ?grant.refused, "no lease room left for these services");
                }
                let day = today();
                let mut held = false;
                self.change(|s| {
                    s.set_grant(grant);
                    held = s.holds(&day);
                });
                self.emit(KioskEvent::LeaseHeld(held));
            }
            Err(e) => warn!(cause = %e, "lease answer unreadable"),
        }
    }
}

enum Upload {
    Done(madoguchi_protocol::TicketId),
    /// 409/422: the server will never take it.
    Refused(String),
    Later,
}

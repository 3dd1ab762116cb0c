//! The network shell: one std::thread with a tokio runtime that carries the flow's effects to
//! the server (issue, booking check-in, assist, guided, print result), prints tickets, and polls the site's board.
//! The UI talks to it through channels only and never waits on it. Every issue answer carries the
//! attempt id of its request back, so the flow can drop an answer that comes too late.
//!
//! Every visitor's attempt gets one `Idempotency-Key`, sent on each retry of that attempt, so a
//! retry never makes a second ticket, also when the retry goes to another server of the list
//! (`failover`: every request goes to the current server, and on to the next when it stops
//! answering). When no server can be reached at all the kiosk issues from its lease and uploads
//! later (`offline`); what must survive a crash is kept on disk (`store`).

mod failover;
mod offline;
pub mod store;

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use madoguchi_printer::PrinterSpec;
use madoguchi_protocol::{Board, IssuedTicket, Lang, PrintResult, ServerList, SiteInfo};
use tracing::{error, info, warn};

use crate::config::Settings;
use crate::flow::{Effect, KioskEvent};
use crate::i18n::Localizer;
use crate::ticket;

/// What staff read about a ticket the server issued after the kiosk had given up on it.
pub const ABANDONED: &str = "The server answered after the kiosk had given up waiting, so this \
ticket was neither shown nor printed and no visitor holds it. Cancel it in the console.";

/// What staff read when the printer says its roll is nearly used up (the ticket did print).
pub const PAPER_NEAR_END: &str = "Printed, but the kiosk printer's paper is nearly used up: \
change the roll soon.";

/// How often the board (open/closed, waiting counts) is fetched; also the health check.
const POLL: Duration = Duration::from_secs(5);
/// How many times one visitor's issue request is sent (same key) when the server errs or is slow.
const ISSUE_TRIES: u32 = 3;
/// Pause between those tries.
const RETRY_PAUSE: Duration = Duration::from_millis(300);

/// The UI's end of the channels.
pub struct NetHandle {
    tx: tokio::sync::mpsc::UnboundedSender<Effect>,
    rx: Mutex<mpsc::Receiver<KioskEvent>>,
}

impl NetHandle {
    /// Hands an effect to the worker (never blocks).
    pub fn send(&self, effect: Effect) {
        if self.tx.send(effect).is_err() {
            warn!("network worker is gone; effect dropped");
        }
    }

    /// Everything the worker has reported since the last call.
    pub fn drain(&self) -> Vec<KioskEvent> {
        match self.rx.lock() {
            Ok(rx) => rx.try_iter().collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// Starts the worker thread.
pub fn spawn(settings: Settings, i18n: Arc<Localizer>) -> anyhow::Result<NetHandle> {
    let (tx, cmd_rx) = tokio::sync::mpsc::unbounded_channel();
    let (ev_tx, rx) = mpsc::channel();
    let spec: Result<PrinterSpec, String> = settings.printer.parse().map_err(|e| format!("{e}"));
    // A journal that cannot be read is left alone for staff: offline issuing is off until then.
    let (store, durable) = match store::Store::load(&settings.data_dir) {
        Ok(store) => (offline::after_restart(store), true),
        Err(e) => {
            error!(cause = %e, "offline issuing is off");
            (store::Store::default(), false)
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name("kiosk-net".into())
        .spawn(move || {
            let worker = Worker {
                client: reqwest::Client::builder()
                    .connect_timeout(Duration::from_millis(1500))
                    .timeout(Duration::from_secs(10))
                    .build()
                    .unwrap_or_default(),
                servers: Arc::new(Mutex::new(settings.server.clone())),
                settings,
                i18n,
                spec,
                events: ev_tx,
                site: Arc::new(Mutex::new(None)),
                store: Arc::new(Mutex::new(store)),
                durable,
                uploading: Arc::new(tokio::sync::Mutex::new(())),
                leased_at: Arc::new(Mutex::new(None)),
            };
            runtime.block_on(worker.run(cmd_rx));
        })?;
    Ok(NetHandle {
        tx,
        rx: Mutex::new(rx),
    })
}

#[derive(Clone)]
struct Worker {
    client: reqwest::Client,
    settings: Settings,
    /// The servers and which one requests go to now (shared by every request in flight).
    servers: Arc<Mutex<ServerList>>,
    i18n: Arc<Localizer>,
    spec: Result<PrinterSpec, String>,
    events: mpsc::Sender<KioskEvent>,
    site: Arc<Mutex<Option<SiteInfo>>>,
    /// The lease, the offline journal and unsent print results, as on disk.
    store: Arc<Mutex<store::Store>>,
    /// Whether the store could be read at start (else nothing is issued offline or written).
    durable: bool,
    /// Held while the journal is being uploaded (one upload at a time).
    uploading: Arc<tokio::sync::Mutex<()>>,
    /// When the lease was last asked for.
    leased_at: Arc<Mutex<Option<Instant>>>,
}

impl Worker {
    async fn run(self, mut cmds: tokio::sync::mpsc::UnboundedReceiver<Effect>) {
        let mut poll = tokio::time::interval(POLL);
        // A kiosk restarted while the server is down still issues from the lease on its disk.
        let held = self
            .store
            .lock()
            .map(|s| s.holds(&offline::today()))
            .unwrap_or(false);
        self.emit(KioskEvent::LeaseHeld(held));
        loop {
            tokio::select! {
                cmd = cmds.recv() => match cmd {
                    Some(effect) => {
                        let w = self.clone();
                        tokio::spawn(async move { w.handle(effect).await });
                    }
                    None => break,
                },
                _ = poll.tick() => {
                    let w = self.clone();
                    tokio::spawn(async move { w.poll().await });
                }
            }
        }
    }

    fn emit(&self, ev: KioskEvent) {
        let _ = self.events.send(ev);
    }

    /// A POST to `url` as this kiosk.
    fn post(&self, url: String) -> reqwest::RequestBuilder {
        self.client
            .post(url)
            .bearer_auth(&self.settings.token)
            .timeout(Duration::from_secs(10))
    }

    async fn poll(&self) {
        let site_id = &self.settings.site;
        let known = self.site.lock().map(|s| s.is_some()).unwrap_or(false);
        if !known {
            match self
                .get_json::<SiteInfo>(&format!("/api/sites/{site_id}"))
                .await
            {
                Ok(site) => {
                    if let Ok(mut s) = self.site.lock() {
                        *s = Some(site.clone());
                    }
                    self.emit(KioskEvent::SiteLoaded(Box::new(site)));
                }
                Err(e) => {
                    warn!(cause = %e, "site info unavailable");
                    self.emit(KioskEvent::ServerDown);
                    return;
                }
            }
        }
        match self
            .get_json::<Board>(&format!("/api/sites/{site_id}/board"))
            .await
        {
            Ok(b) => {
                self.emit(KioskEvent::BoardLoaded {
                    open: b.open,
                    next_opening: b.next_opening,
                    queues: b.queues,
                });
                // The server answers again: hand it what was issued and printed meanwhile,
                // then top up the lease (the upload marks numbers as used first).
                self.sync().await;
                if self.lease_due() {
                    self.refresh_lease().await;
                }
            }
            Err(e) => {
                warn!(cause = %e, "board unavailable");
                self.emit(KioskEvent::ServerDown);
            }
        }
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let resp = self
            .send(path, |url| {
                self.client.get(url).timeout(Duration::from_secs(2))
            })
            .await?
            .error_for_status()?;
        Ok(resp.json().await?)
    }

    async fn handle(&self, effect: Effect) {
        let site = &self.settings.site;
        match effect {
            Effect::Issue { attempt, request } => {
                // One key per visitor's attempt, the same on every retry of it.
                let key = store::new_key();
                let ev = self.issue(attempt, &request, &key).await;
                self.emit(ev);
            }
            Effect::CheckIn { attempt, request } => {
                let key = store::new_key();
                let ev = self.check_in(attempt, &request, &key).await;
                self.emit(ev);
            }
            Effect::Abandon { issued } => {
                warn!(ticket = %issued.ticket.number, "ticket came after the kiosk gave up; not printed");
                let report = PrintResult {
                    printed: false,
                    reason: ABANDONED.to_owned(),
                };
                self.settle_print(&issued, report).await;
            }
            Effect::Assist(req) => {
                let ok = self
                    .send(&format!("/api/sites/{site}/assist"), |url| {
                        self.post(url)
                            .header("X-Kiosk-Id", self.settings.kiosk_id())
                            .json(&req)
                    })
                    .await
                    .is_ok_and(|r| r.status().is_success());
                self.emit(KioskEvent::AssistResult(ok));
            }
            Effect::Guided(req) => {
                if let Err(e) = self
                    .send(&format!("/api/sites/{site}/guided"), |url| {
                        self.post(url).json(&req)
                    })
                    .await
                {
                    warn!(cause = %e, "guided visit not counted");
                }
            }
            Effect::Print { issued, lang } => {
                let result = self.print(&issued, lang).await;
                let report = match &result {
                    Ok(near_end) => PrintResult {
                        printed: true,
                        reason: if *near_end {
                            PAPER_NEAR_END.to_owned()
                        } else {
                            String::new()
                        },
                    },
                    Err(reason) => PrintResult {
                        printed: false,
                        reason: reason.clone(),
                    },
                };
                self.emit(KioskEvent::Printed(result.map(|_| ())));
                self.settle_print(&issued, report).await;
            }
        }
    }

    /// Tells the server whether a ticket was printed (staff reprint or cancel the ones that were
    /// not). Whether it got there.
    async fn report_print(&self, id: madoguchi_protocol::TicketId, report: &PrintResult) -> bool {
        let sent = self
            .send(&format!("/api/tickets/{id}/print-result"), |url| {
                self.post(url).json(report)
            })
            .await;
        match sent {
            Ok(r) if r.status().is_success() => {
                info!(ticket = id, printed = report.printed, "print reported");
                true
            }
            other => {
                warn!(ticket = id, answer = ?other.map(|r| r.status()), "print result not reported yet");
                false
            }
        }
    }

    /// Prints `issued`; `Ok(true)` when it printed but the roll is nearly used up.
    async fn print(&self, issued: &IssuedTicket, lang: Lang) -> Result<bool, String> {
        let spec = self.spec.clone()?;
        ticket::prepare(&spec);
        let site = self.site.lock().ok().and_then(|s| s.clone());
        let layout = ticket::layout(&self.i18n, lang, issued, site.as_ref());
        tokio::task::spawn_blocking(move || madoguchi_printer::print_with_report(&spec, &layout))
            .await
            .map_err(|e| format!("printing stopped: {e}"))?
            .map(|report| report.paper_near_end())
            .map_err(|e| e.to_string())
    }
}

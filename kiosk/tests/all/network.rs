//! The network worker against a fake madoguchi server on loopback: site and board polling,
//! issuing, printing through a `file:` printer and reporting the print result, and what happens
//! when the server cannot be reached.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use madoguchi_kiosk::config::Settings;
use madoguchi_kiosk::flow::{Effect, KioskEvent};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::net::{self, NetHandle};
use madoguchi_kiosk::sample;
use madoguchi_protocol::{IssueTicketRequest, IssuedTicket, Lang, Needs, PrintResult};

use crate::fixtures::open_board;

#[derive(Default)]
struct Seen {
    print_results: Vec<(String, PrintResult)>,
    issued: Vec<IssueTicketRequest>,
    auth: Vec<String>,
    /// The `Idempotency-Key` of every issue request, in order.
    keys: Vec<String>,
    /// Answer this many issue requests with 503 first.
    fail_next: usize,
}

type Shared = Arc<Mutex<Seen>>;

async fn fake_server() -> (String, Shared) {
    let seen: Shared = Arc::default();
    let app = Router::new()
        .route(
            "/api/sites/yahatanishi",
            get(|| async { Json(sample::site()) }),
        )
        .route(
            "/api/sites/yahatanishi/board",
            get(|| async { Json(open_board()) }),
        )
        .route(
            "/api/sites/yahatanishi/tickets",
            post(
                |State(seen): State<Shared>,
                 headers: axum::http::HeaderMap,
                 Json(req): Json<IssueTicketRequest>| async move {
                    let mut s = seen.lock().expect("test fixture");
                    s.auth.push(
                        headers
                            .get("authorization")
                            .map(|v| v.to_str().expect("test fixture").to_owned())
                            .unwrap_or_default(),
                    );
                    s.keys.push(
                        headers
                            .get("idempotency-key")
                            .map(|v| v.to_str().expect("test fixture").to_owned())
                            .unwrap_or_default(),
                    );
                    if s.fail_next > 0 {
                        s.fail_next -= 1;
                        return (
                            StatusCode::SERVICE_UNAVAILABLE,
                            Json(sample::issued(&req.service, req.lang, req.needs)),
                        );
                    }
                    s.issued.push(req.clone());
                    (
                        StatusCode::CREATED,
                        Json(sample::issued(&req.service, req.lang, req.needs)),
                    )
                },
            ),
        )
        .route(
            "/api/tickets/{id}/print-result",
            post(
                |State(seen): State<Shared>,
                 axum::extract::Path(id): axum::extract::Path<String>,
                 Json(r): Json<PrintResult>| async move {
                    seen.lock()
                        .expect("test fixture")
                        .print_results
                        .push((id, r));
                    StatusCode::NO_CONTENT
                },
            ),
        )
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("test fixture");
    let addr = listener.local_addr().expect("test fixture");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("test fixture") });
    (format!("http://{addr}"), seen)
}

static NEXT_DIR: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn settings(server: &str, printer: &str) -> Settings {
    Settings {
        server: server.parse().expect("a server list"),
        site: "yahatanishi".into(),
        token: "kiosk-secret".into(),
        printer: printer.into(),
        kiosk_id: Some("kiosk-test".into()),
        window: None,
        data_dir: temp(&format!(
            "data-{}",
            NEXT_DIR.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        )),
    }
}

/// Collects events until `done` says so or 8 s pass.
async fn wait_for(net: &NetHandle, done: impl Fn(&[KioskEvent]) -> bool) -> Vec<KioskEvent> {
    let start = Instant::now();
    let mut all = Vec::new();
    while start.elapsed() < Duration::from_secs(8) {
        all.extend(net.drain());
        if done(&all) {
            return all;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out; events so far: {all:?}");
}

fn temp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir()
        .join(format!("madoguchi-kiosk-net-{}", std::process::id()))
        .join(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issues_prints_and_reports_the_print_result() {
    let (url, seen) = fake_server().await;
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let out = temp("ok/ticket.bin");
    let net = net::spawn(settings(&url, &format!("file:{}", out.display())), i18n).expect("worker");
    let events = wait_for(&net, |e| {
        e.iter().any(|e| matches!(e, KioskEvent::SiteLoaded(_)))
            && e.iter()
                .any(|e| matches!(e, KioskEvent::BoardLoaded { open: true, .. }))
    })
    .await;
    assert!(!events.iter().any(|e| matches!(e, KioskEvent::ServerDown)));

    net.send(Effect::Issue {
        attempt: 7,
        request: IssueTicketRequest {
            service: "pickup".into(),
            lang: Lang::Vi,
            needs: Needs::default(),
        },
    });
    let events = wait_for(&net, |e| {
        e.iter().any(|e| matches!(e, KioskEvent::Issued { .. }))
    })
    .await;
    // The answer carries the attempt it belongs to, so the flow can drop a late one.
    let issued: IssuedTicket = events
        .into_iter()
        .find_map(|e| match e {
            KioskEvent::Issued { attempt: 7, issued } => Some(*issued),
            _ => None,
        })
        .expect("issued for attempt 7");
    assert_eq!(
        seen.lock().expect("test fixture").auth,
        vec!["Bearer kiosk-secret".to_owned()]
    );

    net.send(Effect::Print {
        issued: Box::new(issued.clone()),
        lang: Lang::Vi,
    });
    wait_for(&net, |e| e.contains(&KioskEvent::Printed(Ok(())))).await;
    let bytes = std::fs::read(&out).expect("the file printer got the ticket");
    assert!(madoguchi_printer::decode::decode(&bytes).is_ok());
    let start = Instant::now();
    while seen.lock().expect("test fixture").print_results.is_empty()
        && start.elapsed() < Duration::from_secs(5)
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let results = &seen.lock().expect("test fixture").print_results;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].0, issued.ticket.id.to_string());
    assert!(results[0].1.printed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_print_is_shown_and_reported_so_staff_can_reprint() {
    let (url, seen) = fake_server().await;
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let net = net::spawn(settings(&url, "tcp:127.0.0.1:1"), i18n).expect("worker");
    let issued = sample::issued("pickup", Lang::Ja, Needs::default());
    net.send(Effect::Print {
        issued: Box::new(issued),
        lang: Lang::Ja,
    });
    let events = wait_for(&net, |e| {
        e.iter().any(|e| matches!(e, KioskEvent::Printed(Err(_))))
    })
    .await;
    let reason = events.iter().find_map(|e| match e {
        KioskEvent::Printed(Err(r)) => Some(r.clone()),
        _ => None,
    });
    let start = Instant::now();
    while seen.lock().expect("test fixture").print_results.is_empty()
        && start.elapsed() < Duration::from_secs(5)
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let results = &seen.lock().expect("test fixture").print_results;
    assert_eq!(results.len(), 1);
    assert!(!results[0].1.printed);
    assert_eq!(Some(results[0].1.reason.clone()), reason);
    assert!(!results[0].1.reason.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_is_reported_quickly() {
    // Port 1 on loopback refuses connections.
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let net = net::spawn(settings("http://127.0.0.1:1", "file:/dev/null"), i18n).expect("worker");
    let start = Instant::now();
    wait_for(&net, |e| e.contains(&KioskEvent::ServerDown)).await;
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    net.send(Effect::Issue {
        attempt: 3,
        request: IssueTicketRequest {
            service: "pickup".into(),
            lang: Lang::En,
            needs: Needs::default(),
        },
    });
    // Nothing reached the server and this kiosk holds no lease: the visitor goes to the counter.
    wait_for(&net, |e| {
        e.contains(&KioskEvent::LeaseUsedUp { attempt: 3 })
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ticket_that_came_too_late_is_reported_unprinted_for_staff_to_cancel() {
    let (url, seen) = fake_server().await;
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let out = temp("late/ticket.bin");
    let net = net::spawn(settings(&url, &format!("file:{}", out.display())), i18n).expect("worker");
    let issued = sample::issued("pickup", Lang::Ja, Needs::default());
    net.send(Effect::Abandon {
        issued: Box::new(issued.clone()),
    });
    let start = Instant::now();
    while seen.lock().expect("test fixture").print_results.is_empty()
        && start.elapsed() < Duration::from_secs(5)
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let results = &seen.lock().expect("test fixture").print_results;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].0, issued.ticket.id.to_string());
    assert!(!results[0].1.printed);
    assert_eq!(results[0].1.reason, net::ABANDONED);
    assert!(!out.exists(), "nothing was printed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retries_of_one_attempt_carry_one_key_and_the_next_visitor_gets_a_new_one() {
    let (url, seen) = fake_server().await;
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let net = net::spawn(settings(&url, "file:/dev/null"), i18n).expect("worker");
    seen.lock().expect("test fixture").fail_next = 2;
    let request = IssueTicketRequest {
        service: "pickup".into(),
        lang: Lang::Ja,
        needs: Needs::default(),
    };
    for attempt in [1, 2] {
        net.send(Effect::Issue {
            attempt,
            request: request.clone(),
        });
        wait_for(&net, |e| {
            e.iter()
                .any(|e| matches!(e, KioskEvent::Issued { attempt: a, .. } if *a == attempt))
        })
        .await;
    }
    let s = seen.lock().expect("test fixture");
    // Attempt 1: two 503s and a success, all with one key; attempt 2: a new key.
    assert_eq!(s.keys.len(), 4, "{:?}", s.keys);
    assert_eq!(s.keys[0].len(), 36, "a UUID: {}", s.keys[0]);
    assert!(s.keys[..3].iter().all(|k| *k == s.keys[0]), "{:?}", s.keys);
    assert_ne!(s.keys[3], s.keys[0]);
    assert_eq!(s.issued.len(), 2);
}

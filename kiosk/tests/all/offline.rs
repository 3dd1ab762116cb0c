//! The kiosk through a server outage, against a fake server behind a proxy that can be cut
//! (connections refused, open ones dropped): the kiosk takes a lease while online, issues and
//! prints from it while the server is down (the printed raster is decoded and matches the
//! lease's number), says the lease is used up when it is, and uploads every offline ticket in
//! issue-time order with its own key when the server is back; a lost answer is retried with the
//! same key and creates nothing.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use madoguchi_kiosk::config::Settings;
use madoguchi_kiosk::flow::{Effect, KioskEvent};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::net::{self, NetHandle, store};
use madoguchi_kiosk::{sample, ticket};
use madoguchi_protocol::{
    IssueTicketRequest, IssuedTicket, Lang, Needs, OfflineTicketRequest, PrintResult,
};
use tokio::net::TcpListener;

use crate::fixtures::{open_board, pickup_lease};
use crate::proxy::Proxy;

#[derive(Default)]
struct Seen {
    /// Uploads by key, in arrival order of first sight.
    uploads: Vec<(String, OfflineTicketRequest)>,
    tickets: BTreeMap<String, i64>,
    print_results: Vec<(i64, PrintResult)>,
    /// Answer the next upload with 500 after taking it (a lost answer).
    lose_next: bool,
}

type Shared = Arc<Mutex<Seen>>;

async fn upload(
    State(seen): State<Shared>,
    headers: HeaderMap,
    Json(req): Json<OfflineTicketRequest>,
) -> (StatusCode, Json<IssuedTicket>) {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .expect("an Idempotency-Key")
        .to_owned();
    let mut s = seen.lock().expect("test fixture");
    let mut t = sample::issued(&req.service, req.lang, req.needs);
    let replay = s.tickets.contains_key(&key);
    if !replay {
        let id = 1000 + s.tickets.len() as i64;
        s.tickets.insert(key.clone(), id);
        s.uploads.push((key.clone(), req.clone()));
    }
    t.ticket.id = s.tickets[&key];
    if std::mem::take(&mut s.lose_next) {
        return (StatusCode::INTERNAL_SERVER_ERROR, Json(t));
    }
    (
        if replay {
            StatusCode::OK
        } else {
            StatusCode::CREATED
        },
        Json(t),
    )
}

async fn fake_server() -> (SocketAddr, Shared) {
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
            "/api/sites/yahatanishi/leases",
            post(|| async { Json(pickup_lease()) }),
        )
        .route("/api/sites/yahatanishi/tickets/offline", post(upload))
        .route(
            "/api/tickets/{id}/print-result",
            post(
                |State(seen): State<Shared>,
                 axum::extract::Path(id): axum::extract::Path<i64>,
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
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (addr, seen)
}

async fn wait_for(
    net: &NetHandle,
    all: &mut Vec<KioskEvent>,
    done: impl Fn(&[KioskEvent]) -> bool,
) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        all.extend(net.drain());
        if done(all) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out; events so far: {all:?}");
}

async fn until(what: &str, f: impl Fn() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn raster(bytes: &[u8]) -> image::GrayImage {
    let commands = madoguchi_printer::decode::decode(bytes).expect("ESC/POS");
    madoguchi_printer::decode::raster_image(&commands)
        .expect("raster")
        .expect("an image")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kiosk_issues_from_its_lease_through_an_outage_and_uploads_when_the_server_is_back() {
    let (backend, seen) = fake_server().await;
    let proxy = Proxy::new(backend).await;
    let addr = proxy.addr;
    proxy.start().await;
    let dir = std::env::temp_dir().join(format!("madoguchi-kiosk-offline-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.join("ticket.bin");
    let settings = Settings {
        server: format!("http://{addr}").parse().expect("a server list"),
        site: "yahatanishi".into(),
        token: "kiosk-secret".into(),
        printer: format!("file:{}", out.display()),
        kiosk_id: Some("kiosk-2".into()),
        window: None,
        data_dir: dir.join("data"),
    };
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let net = net::spawn(settings, i18n.clone()).expect("worker");
    let mut events = Vec::new();
    wait_for(&net, &mut events, |e| {
        e.contains(&KioskEvent::LeaseHeld(true))
    })
    .await;

    // Mid-morning the server goes away.
    proxy.stop();
    let request = IssueTicketRequest {
        service: "pickup".into(),
        lang: Lang::Vi,
        needs: Needs::default(),
    };
    let mut printed = Vec::new();
    for attempt in 1..=3 {
        net.send(Effect::Issue {
            attempt,
            request: request.clone(),
        });
        events.clear();
        wait_for(&net, &mut events, |e| {
            e.iter().any(|e| matches!(e, KioskEvent::Issued { .. }))
        })
        .await;
        let issued = events
            .iter()
            .find_map(|e| match e {
                KioskEvent::Issued { attempt: a, issued } if *a == attempt => Some(issued.clone()),
                _ => None,
            })
            .expect("an offline ticket for this attempt");
        assert!(issued.ticket.offline);
        net.send(Effect::Print {
            issued: issued.clone(),
            lang: Lang::Vi,
        });
        events.clear();
        wait_for(&net, &mut events, |e| {
            e.contains(&KioskEvent::Printed(Ok(())))
        })
        .await;
        printed.push((issued, std::fs::read(&out).expect("printed bytes")));
    }
    // Each paper ticket is the one the kiosk meant, with the lease's numbers in order.
    let site = sample::site();
    for (i, (issued, bytes)) in printed.iter().enumerate() {
        assert_eq!(issued.ticket.number, format!("A-{}", 980 + i));
        let expected = ticket::layout(&i18n, Lang::Vi, issued, Some(&site));
        let want = raster(&madoguchi_printer::encode(
            &madoguchi_printer::render(&expected, madoguchi_printer::WIDTH_80MM).expect("render"),
        ));
        assert_eq!(
            raster(bytes),
            want,
            "ticket {i} prints {}",
            issued.ticket.number
        );
        if i > 0 {
            assert_ne!(raster(bytes), raster(&printed[i - 1].1));
        }
    }
    // The lease is used up: the visitor is sent to the counter and nothing is printed.
    std::fs::remove_file(&out).expect("clean");
    net.send(Effect::Issue {
        attempt: 4,
        request: request.clone(),
    });
    events.clear();
    wait_for(&net, &mut events, |e| {
        e.contains(&KioskEvent::LeaseUsedUp { attempt: 4 })
    })
    .await;
    assert!(!out.exists());
    let journal = store::Store::load(&dir.join("data")).expect("journal");
    assert_eq!(journal.journal.len(), 3, "every offline ticket is on disk");
    assert!(seen.lock().expect("seen").uploads.is_empty());

    // The server is back; the first upload's answer is lost, and retried with the same key.
    seen.lock().expect("seen").lose_next = true;
    proxy.start().await;
    until("the journal to empty", || {
        store::Store::load(&dir.join("data")).is_ok_and(|s| s.journal.is_empty())
            && seen.lock().expect("seen").print_results.len() == 3
    })
    .await;
    let s = seen.lock().expect("seen");
    assert_eq!(s.uploads.len(), 3, "the retried upload created nothing");
    let numbers: Vec<u32> = s.uploads.iter().map(|(_, r)| r.number).collect();
    assert_eq!(
        numbers,
        vec![980, 981, 982],
        "issue-time order, unique, inside the lease"
    );
    assert!(
        s.uploads
            .windows(2)
            .all(|w| w[0].1.issued_at <= w[1].1.issued_at)
    );
    let keys: Vec<&String> = s.uploads.iter().map(|(k, _)| k).collect();
    assert!(keys.windows(2).all(|w| w[0] != w[1]), "one key per ticket");
    assert!(
        s.print_results
            .iter()
            .all(|(id, r)| r.printed && *id >= 1000)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

//! The kiosk with two servers (`--server a,b`): two fake servers sharing one "database" of
//! idempotency keys (as two madoguchi servers share PostgreSQL), each behind a proxy that can be
//! cut. Requests go to the first while it answers; when it dies holding an issue request it has
//! already committed, the retry goes to the second with the same `Idempotency-Key` and answers
//! the same ticket; the kiosk stays on the second when the first comes back; and only with both
//! gone does it issue from its lease. A first address that answers 502 (a proxy whose server is
//! gone) is left after one request.

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
use madoguchi_kiosk::sample;
use madoguchi_protocol::{IssueTicketRequest, IssuedTicket, Lang, Needs};
use tokio::net::TcpListener;

use crate::fixtures::{open_board, pickup_lease};
use crate::proxy::Proxy;

/// What both servers store: each key's ticket, and which server made it.
#[derive(Default)]
struct Db {
    tickets: BTreeMap<String, (IssuedTicket, &'static str)>,
}

/// What one server saw.
#[derive(Default)]
struct Seen {
    /// The `Idempotency-Key` of every issue request, in order.
    keys: Vec<String>,
    board_polls: usize,
    /// Commit the next issue request, then never answer it (the server dies holding it).
    hold_next: bool,
    /// An issue request is being held.
    holding: bool,
}

#[derive(Clone)]
struct Fake {
    name: &'static str,
    db: Arc<Mutex<Db>>,
    seen: Arc<Mutex<Seen>>,
}

async fn issue(
    State(fake): State<Fake>,
    headers: HeaderMap,
    Json(req): Json<IssueTicketRequest>,
) -> (StatusCode, Json<IssuedTicket>) {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .expect("an Idempotency-Key")
        .to_owned();
    let hold = {
        let mut seen = fake.seen.lock().expect("seen");
        seen.keys.push(key.clone());
        let hold = std::mem::take(&mut seen.hold_next);
        seen.holding = hold;
        hold
    };
    let (status, ticket) = {
        let mut db = fake.db.lock().expect("db");
        match db.tickets.get(&key) {
            // A retry of a committed request: the same ticket, nothing new.
            Some((t, _)) => (StatusCode::OK, t.clone()),
            None => {
                let n = db.tickets.len() as i64 + 1;
                let mut t = sample::issued(&req.service, req.lang, req.needs);
                t.ticket.id = 500 + n;
                t.ticket.number = format!("A-{n:03}");
                db.tickets.insert(key, (t.clone(), fake.name));
                (StatusCode::CREATED, t)
            }
        }
    };
    if hold {
        std::future::pending::<()>().await;
    }
    (status, Json(ticket))
}

async fn fake_server(name: &'static str, db: Arc<Mutex<Db>>) -> (SocketAddr, Fake) {
    let fake = Fake {
        name,
        db,
        seen: Arc::default(),
    };
    let app = Router::new()
        .route(
            "/api/sites/yahatanishi",
            get(|| async { Json(sample::site()) }),
        )
        .route(
            "/api/sites/yahatanishi/board",
            get(|State(fake): State<Fake>| async move {
                fake.seen.lock().expect("seen").board_polls += 1;
                Json(open_board())
            }),
        )
        .route(
            "/api/sites/yahatanishi/leases",
            post(|| async { Json(pickup_lease()) }),
        )
        .route("/api/sites/yahatanishi/tickets", post(issue))
        .with_state(fake.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (addr, fake)
}

async fn until(what: &str, f: impl Fn() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Sends one visitor's issue request and returns the ticket the kiosk answered.
async fn visitor(net: &NetHandle, attempt: u64) -> IssuedTicket {
    net.send(Effect::Issue {
        attempt,
        request: IssueTicketRequest {
            service: "pickup".into(),
            lang: Lang::Vi,
            needs: Needs::default(),
        },
    });
    let start = Instant::now();
    let mut all = Vec::new();
    while start.elapsed() < Duration::from_secs(10) {
        for e in net.drain() {
            if let KioskEvent::Issued { attempt: a, issued } = &e
                && *a == attempt
            {
                return (**issued).clone();
            }
            all.push(e);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("attempt {attempt} got no ticket; events: {all:?}");
}

fn keys(fake: &Fake) -> Vec<String> {
    fake.seen.lock().expect("seen").keys.clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dying_first_server_is_left_for_the_second_with_the_same_key_and_no_offline_ticket() {
    let db: Arc<Mutex<Db>> = Arc::default();
    let (a_addr, a) = fake_server("a", db.clone()).await;
    let (b_addr, b) = fake_server("b", db.clone()).await;
    let (pa, pb) = (Proxy::new(a_addr).await, Proxy::new(b_addr).await);
    pa.start().await;
    pb.start().await;
    let dir = std::env::temp_dir().join(format!("madoguchi-kiosk-failover-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let settings = Settings {
        server: format!("http://{},http://{}", pa.addr, pb.addr)
            .parse()
            .expect("a server list"),
        site: "yahatanishi".into(),
        token: "kiosk-secret".into(),
        printer: "file:/dev/null".into(),
        kiosk_id: Some("kiosk-3".into()),
        window: None,
        data_dir: dir.join("data"),
    };
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let net = net::spawn(settings, i18n).expect("worker");
    until("a lease from the first server", || {
        store::Store::load(&dir.join("data")).is_ok_and(|s| s.grant.is_some())
    })
    .await;

    // While the first server answers, everything goes to it.
    let first = visitor(&net, 1).await;
    assert_eq!(first.ticket.number, "A-001");
    assert_eq!(keys(&a).len(), 1);
    assert!(keys(&b).is_empty());
    assert_eq!(b.seen.lock().expect("seen").board_polls, 0);

    // The first server commits the next visitor's ticket and dies before answering.
    a.seen.lock().expect("seen").hold_next = true;
    let (second, ()) = tokio::join!(visitor(&net, 2), async {
        until("the first server to hold the request", || {
            a.seen.lock().expect("seen").holding
        })
        .await;
        pa.stop();
    });
    let held_key = keys(&a)[1].clone();
    assert_eq!(
        keys(&b),
        std::slice::from_ref(&held_key),
        "the retry went to the second server with the same key"
    );
    assert!(!second.ticket.offline);
    assert_eq!(
        second.ticket.number, "A-002",
        "the ticket the first server committed, not a second number"
    );
    assert_eq!(db.lock().expect("db").tickets.len(), 2);

    // The next visitor is served by the second server, with a key of its own.
    let third = visitor(&net, 3).await;
    assert_eq!(third.ticket.number, "A-003");
    assert!(!third.ticket.offline);
    let on_b = keys(&b);
    assert_eq!(on_b.len(), 2);
    assert_ne!(on_b[1], held_key);
    assert_eq!(db.lock().expect("db").tickets[&on_b[1]].1, "b");

    // The first server is back: the kiosk stays on the second, which works.
    pa.start().await;
    let fourth = visitor(&net, 4).await;
    assert_eq!(fourth.ticket.number, "A-004");
    assert_eq!(keys(&b).len(), 3);
    assert_eq!(
        keys(&a).len(),
        2,
        "no request went back to the first server"
    );
    let journal = store::Store::load(&dir.join("data")).expect("journal");
    assert!(journal.journal.is_empty(), "nothing was issued offline");

    // Both gone: the visitor's ticket comes from the lease, as with one server.
    pa.stop();
    pb.stop();
    let fifth = visitor(&net, 5).await;
    assert!(fifth.ticket.offline);
    assert_eq!(fifth.ticket.number, "A-980");
    let journal = store::Store::load(&dir.join("data")).expect("journal");
    assert_eq!(journal.journal.len(), 1);
    assert_eq!(db.lock().expect("db").tickets.len(), 4);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A proxy whose server is gone: 502 Bad Gateway for everything.
async fn bad_gateway() -> (SocketAddr, Arc<Mutex<usize>>) {
    let hits: Arc<Mutex<usize>> = Arc::default();
    let app = Router::new()
        .fallback(|State(hits): State<Arc<Mutex<usize>>>| async move {
            *hits.lock().expect("hits") += 1;
            StatusCode::BAD_GATEWAY
        })
        .with_state(hits.clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (addr, hits)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_502_from_the_first_address_sends_every_request_to_the_second_and_nothing_offline() {
    let (gone, hits) = bad_gateway().await;
    let (b_addr, b) = fake_server("b", Arc::default()).await;
    let dir = std::env::temp_dir().join(format!(
        "madoguchi-kiosk-failover-502-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let settings = Settings {
        server: format!("http://{gone},http://{b_addr}")
            .parse()
            .expect("a server list"),
        site: "yahatanishi".into(),
        token: "kiosk-secret".into(),
        printer: "file:/dev/null".into(),
        kiosk_id: Some("kiosk-4".into()),
        window: None,
        data_dir: dir.join("data"),
    };
    let net =
        net::spawn(settings, Arc::new(Localizer::shipped().expect("locales"))).expect("worker");
    until("the board from the second server", || {
        b.seen.lock().expect("seen").board_polls > 0
    })
    .await;
    let ticket = visitor(&net, 1).await;
    assert!(!ticket.ticket.offline);
    assert_eq!(keys(&b).len(), 1);
    // Only the first poll met the 502; the kiosk stayed on the second server since.
    assert_eq!(*hits.lock().expect("hits"), 1);
    let journal = store::Store::load(&dir.join("data")).expect("journal");
    assert!(journal.journal.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

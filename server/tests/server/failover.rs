//! Failover: two real `madoguchi-server` processes on one PostgreSQL database, kiosks issuing
//! (with idempotency keys) and counters calling next against both at once, `kill -9` of one at
//! a random moment, clients carrying on against the other with the same keys. Afterwards every
//! acknowledged ticket exists exactly once, no number is held twice, no ticket was called to two
//! counters, and a display on the surviving server, folding the events it was sent (the other
//! server's too), shows what that server's board shows. Several rounds, new servers each round.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{SITE, postgres_or_skip, seed, temp_db};
use crate::crash::{Child9, free_port};

/// 503 answers: a server lost a site to the other's decision (or was dying); the client retried.
static RETRIED_503: AtomicUsize = AtomicUsize::new(0);

/// An answered request: status and body, or `None` when no server answered.
type Answer = Option<(StatusCode, Value)>;

/// Sends `request` to `bases[*at]`; on no answer or a 503 moves to the other server and sends
/// it again (same body, same key), as a client with a list of servers does.
async fn with_failover<F, Fut>(bases: &[String; 2], at: &mut usize, request: F) -> Answer
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<reqwest::Response, reqwest::Error>>,
{
    for _ in 0..40 {
        if let Ok(res) = request(bases[*at].clone()).await {
            let status = res.status();
            if status != StatusCode::SERVICE_UNAVAILABLE
                && let Ok(body) = res.json::<Value>().await
            {
                return Some((status, body));
            }
            if status == StatusCode::SERVICE_UNAVAILABLE {
                RETRIED_503.fetch_add(1, Ordering::Relaxed);
            }
        }
        *at ^= 1;
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    None
}

/// What a display shows, kept from the board it loaded and the events it was sent since.
#[derive(Debug, Default, Clone, PartialEq)]
struct Shown {
    last: u64,
    waiting: HashMap<String, u64>,
    current: HashMap<String, Option<String>>,
}

impl Shown {
    fn of_board(board: &Value) -> Shown {
        let mut shown = Shown {
            last: board["last_event_id"].as_u64().unwrap(),
            ..Shown::default()
        };
        shown.queues(&board["queues"]);
        for c in board["counters"].as_array().unwrap() {
            shown.current.insert(
                c["id"].as_str().unwrap().into(),
                c["current"].as_str().map(str::to_owned),
            );
        }
        shown
    }

    fn queues(&mut self, queues: &Value) {
        for q in queues.as_array().into_iter().flatten() {
            self.waiting.insert(
                q["service"].as_str().unwrap().into(),
                q["waiting"].as_u64().unwrap(),
            );
        }
    }

    fn fold(&mut self, event: &Value) {
        self.last = event["id"].as_u64().unwrap();
        self.queues(&event["queues"]);
        let number = event["ticket"]["number"].as_str().map(str::to_owned);
        match event["kind"].as_str().unwrap() {
            "called" => {
                let counter = event["call"]["counter"].as_str().unwrap().to_owned();
                for current in self.current.values_mut() {
                    if *current == number {
                        *current = None;
                    }
                }
                self.current.insert(counter, number);
            }
            "done" | "no_show" | "cancelled" | "transferred" | "requeued" => {
                for current in self.current.values_mut() {
                    if *current == number {
                        *current = None;
                    }
                }
            }
            _ => {}
        }
    }
}

/// A display on `base`: loads the board, then follows the event stream from its id.
async fn display(http: reqwest::Client, base: String, token: String, shown: Arc<Mutex<Shown>>) {
    let Ok(res) = http
        .get(format!("{base}/api/sites/{SITE}/board"))
        .send()
        .await
    else {
        return;
    };
    let Ok(board) = res.json::<Value>().await else {
        return;
    };
    assert!(board["last_event_id"].is_u64(), "the board: {board}");
    let start = Shown::of_board(&board);
    let last = start.last;
    *shown.lock().unwrap() = start;
    let Ok(res) = http
        .get(format!("{base}/api/sites/{SITE}/events"))
        .bearer_auth(&token)
        .header("Last-Event-ID", last.to_string())
        .send()
        .await
    else {
        return;
    };
    let mut events = res.bytes_stream().eventsource();
    while let Some(Ok(event)) = events.next().await {
        let data: Value = serde_json::from_str(&event.data).unwrap();
        assert_eq!(
            event.id,
            data["id"].to_string(),
            "the SSE id is the stored id"
        );
        shown.lock().unwrap().fold(&data);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_database_survive_a_kill_9() {
    if postgres_or_skip("two servers share one PostgreSQL database").is_none() {
        return;
    }
    let rounds: usize = std::env::var("MADOGUCHI_FAILOVER_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let (_dir, db) = temp_db();
    let tokens = seed(&db).await;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(20261205);
    // (key, number, status token) of every acknowledged issue.
    let acked: Arc<Mutex<Vec<(String, String, String)>>> = Arc::default();
    // (number, counter) of every acknowledged call.
    let calls: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let services = ["pickup", "ecert", "apply", "express"];
    let (mut unanswered, mut displays_checked) = (0, 0);
    for round in 0..rounds {
        let mut servers = [
            Some(Child9::start(&db, free_port())),
            Some(Child9::start(&db, free_port())),
        ];
        for s in servers.iter().flatten() {
            s.wait_ready(&http).await;
        }
        let bases: [String; 2] = [0, 1].map(|i| servers[i].as_ref().unwrap().base.clone());
        let shown: [Arc<Mutex<Shown>>; 2] = Default::default();
        let watchers: Vec<_> = (0..2)
            .map(|i| {
                tokio::spawn(display(
                    http.clone(),
                    bases[i].clone(),
                    tokens.display.clone(),
                    Arc::clone(&shown[i]),
                ))
            })
            .collect();
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = Vec::new();
        for client in 0..4 {
            let (http, bases, kiosk, acked, stop) = (
                http.clone(),
                bases.clone(),
                tokens.kiosk.clone(),
                Arc::clone(&acked),
                Arc::clone(&stop),
            );
            let service = services[client % services.len()];
            tasks.push(tokio::spawn(async move {
                let (mut at, mut n, mut lost) = (client % 2, 0, 0);
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let key = format!("f{round}-k{client}-{n}");
                    let answer = with_failover(&bases, &mut at, |base| {
                        http.post(format!("{base}/api/sites/{SITE}/tickets"))
                            .bearer_auth(&kiosk)
                            .header("Idempotency-Key", &key)
                            .json(&json!({"service": service, "lang": "en"}))
                            .send()
                    })
                    .await;
                    match answer {
                        Some((status, body)) if status.is_success() => {
                            acked.lock().unwrap().push((
                                key,
                                body["ticket"]["number"].as_str().unwrap().into(),
                                body["status_token"].as_str().unwrap().into(),
                            ));
                        }
                        Some((_, body)) if body["code"] == "numbers_exhausted" => break,
                        Some((status, body)) => panic!("issue answered {status}: {body}"),
                        None => lost += 1,
                    }
                }
                lost
            }));
        }
        for counter in ["3", "4"] {
            let (http, bases, calls, stop) = (
                http.clone(),
                bases.clone(),
                Arc::clone(&calls),
                Arc::clone(&stop),
            );
            let login = json!({"user": "staff1", "password": "staff1-pw", "site": SITE, "counter": counter});
            tasks.push(tokio::spawn(async move {
                let mut at = usize::from(counter == "4");
                let Some((StatusCode::OK, body)) = with_failover(&bases, &mut at, |base| {
                    http.post(format!("{base}/api/login")).json(&login).send()
                })
                .await
                else {
                    panic!("staff could not sign in");
                };
                let token = body["token"].as_str().unwrap().to_string();
                let (mut n, mut lost) = (0, 0);
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let key = format!("f{round}-c{counter}-{n}");
                    let answer = with_failover(&bases, &mut at, |base| {
                        http.post(format!(
                            "{base}/api/sites/{SITE}/counters/{counter}/call-next"
                        ))
                        .bearer_auth(&token)
                        .header("Idempotency-Key", &key)
                        .json(&json!({}))
                        .send()
                    })
                    .await;
                    match answer {
                        Some((status, body)) if status.is_success() => {
                            if let Some(number) = body["ticket"]["number"].as_str() {
                                calls.lock().unwrap().push((number.into(), counter.into()));
                            }
                        }
                        // Nobody waiting: not an error.
                        Some((status, _)) if status.is_client_error() => {}
                        Some((status, body)) => panic!("call-next answered {status}: {body}"),
                        None => lost += 1,
                    }
                    // Each server alternately: both decide for the site all the time.
                    at ^= 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                lost
            }));
        }
        tokio::time::sleep(Duration::from_millis(rng.random_range(300..1200))).await;
        let victim = rng.random_range(0..2);
        servers[victim].take().unwrap().kill9();
        // The clients carry on against the survivor for a while.
        tokio::time::sleep(Duration::from_millis(500)).await;
        stop.store(true, Ordering::SeqCst);
        for t in tasks {
            unanswered += t.await.unwrap();
        }
        // The survivor's display catches up with the survivor's board.
        let survivor = 1 - victim;
        let board: Value = http
            .get(format!("{}/api/sites/{SITE}/board", bases[survivor]))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let want = Shown::of_board(&board);
        let mut got = Shown::default();
        for _ in 0..100 {
            got = shown[survivor].lock().unwrap().clone();
            if got.last >= want.last {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            got, want,
            "round {round}: the display on the survivor shows another board"
        );
        displays_checked += 1;
        for w in watchers {
            w.abort();
        }
        servers[survivor].take().unwrap().kill9();
    }

    // Every acknowledged ticket exists once, with the number it was acknowledged with.
    let server = Child9::start(&db, free_port());
    server.wait_ready(&http).await;
    let acked = acked.lock().unwrap().clone();
    let mut lost = 0;
    for (key, number, token) in &acked {
        let body: Value = http
            .get(format!("{}/api/status/{token}", server.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if body["number"] != number.as_str() {
            lost += 1;
            eprintln!("lost: {key} {number} answered {body}");
        }
    }
    let mut by_number: HashMap<&str, &str> = HashMap::new();
    let mut duplicated = 0;
    for (key, number, _) in &acked {
        if let Some(first) = by_number.insert(number.as_str(), key.as_str())
            && first != key
        {
            duplicated += 1;
            eprintln!("duplicated: {number} for {first} and {key}");
        }
    }
    let calls = calls.lock().unwrap().clone();
    let mut called_to: HashMap<&str, &str> = HashMap::new();
    let mut two_counters = 0;
    for (number, counter) in &calls {
        if let Some(first) = called_to.insert(number.as_str(), counter.as_str())
            && first != counter
        {
            two_counters += 1;
            eprintln!("{number} called to counters {first} and {counter}");
        }
    }
    let staff: Value = http
        .post(format!("{}/api/login", server.base))
        .json(&json!({"user": "super1", "password": "super1-pw", "site": SITE}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let all: Vec<Value> = http
        .get(format!("{}/api/sites/{SITE}/tickets", server.base))
        .bearer_auth(staff["token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let numbers: std::collections::HashSet<&str> =
        all.iter().filter_map(|t| t["number"].as_str()).collect();
    assert_eq!(numbers.len(), all.len(), "a number is held by two tickets");
    server.kill9();
    eprintln!(
        "failover test: rounds={rounds} acknowledged={} calls={} held_by_server={} \
         gave_up_unanswered={unanswered} displays_checked={displays_checked} lost={lost} \
         duplicated={duplicated} at_two_counters={two_counters} retried_after_503={}",
        acked.len(),
        calls.len(),
        all.len(),
        RETRIED_503.load(Ordering::Relaxed)
    );
    assert!(
        acked.len() > rounds * 10,
        "too few tickets to mean anything"
    );
    assert!(calls.len() > rounds * 5, "too few calls to mean anything");
    assert_eq!(lost, 0);
    assert_eq!(duplicated, 0);
    assert_eq!(two_counters, 0);
}

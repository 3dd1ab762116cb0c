//! The display with two servers (`--server a,b`) against two fake servers on loopback: when the
//! first one's stream is lost (the server stops, or falls silent past the watchdog's limit), the
//! display moves to the second at once and resumes the stream there with `Last-Event-ID`, without
//! a new snapshot and without going offline.

use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use madoguchi_display::demo;
use madoguchi_display::net::{self, Endpoint, NetMsg, Servers, watch};
use madoguchi_protocol::Lang;

/// How the first server's stream ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// The server stops: the stream is closed and new connections are refused.
    Stops,
    /// The connection stays open and nothing comes (a machine gone, no FIN).
    FallsSilent,
}

/// A fake madoguchi server: the demo board with `last_event_id` = `board_last`, and an event
/// stream that sends the event after the client's `Last-Event-ID`.
struct Fake {
    base: String,
    /// Every request head received, as text.
    heads: Arc<Mutex<Vec<String>>>,
    /// Set: the server stops (its open stream ends, its port refuses).
    stop: Arc<AtomicBool>,
}

fn fake_server(board_last: u64, ends: Ends) -> Fake {
    let listener = TcpListener::bind("127.0.0.1:0").expect("fake server");
    listener.set_nonblocking(true).expect("fake server");
    let base = format!("http://{}", listener.local_addr().expect("fake server"));
    let heads: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let (seen, stopped) = (heads.clone(), stop.clone());
    std::thread::spawn(move || {
        // Polls so that the listener is dropped (the port refuses) as soon as it stops.
        while !stopped.load(Ordering::SeqCst) {
            match listener.accept() {
                Ok((stream, _)) => {
                    stream.set_nonblocking(false).expect("fake server");
                    let (seen, stopped) = (seen.clone(), stopped.clone());
                    std::thread::spawn(move || answer(stream, board_last, ends, &seen, &stopped));
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(_) => return,
            }
        }
    });
    Fake { base, heads, stop }
}

fn answer(
    mut stream: TcpStream,
    board_last: u64,
    ends: Ends,
    seen: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) {
    let mut head = String::new();
    let mut reader = BufReader::new(stream.try_clone().expect("fake server"));
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    seen.lock().expect("fake server").push(head.clone());
    let mut board = demo::busy_board();
    board.last_event_id = board_last;
    if head.starts_with("GET /api/sites/yahatanishi/board") {
        let body = serde_json::to_string(&board).expect("fake server");
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    } else if head.starts_with("GET /api/sites/yahatanishi/events") {
        let after = last_event_id(&head).unwrap_or(board_last);
        let number = format!("A-{:03}", 100 + after);
        let call = demo::call(&number, "1", Lang::Ja, demo::demo_now());
        let event = demo::called(after + 1, call);
        let data = serde_json::to_string(&event).expect("fake server");
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\nid: {}\nevent: called\ndata: {data}\n\n",
            event.id
        );
        let _ = stream.flush();
        // Open until the server stops (then closed), or silent until the test is over.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if ends == Ends::Stops && stop.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    } else {
        let _ = write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
}

fn last_event_id(head: &str) -> Option<u64> {
    head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("last-event-id")
            .then(|| value.trim().parse().ok())
            .flatten()
    })
}

/// Names a message for the assertions (events by id).
fn name(msg: NetMsg) -> String {
    match msg {
        NetMsg::Snapshot(b) => format!("snapshot {}", b.last_event_id),
        NetMsg::Online => "online".into(),
        NetMsg::Event(e) => format!("event {}", e.id),
        NetMsg::Offline(why) => format!("offline: {why}"),
    }
}

fn events_heads(fake: &Fake) -> Vec<String> {
    fake.heads
        .lock()
        .expect("fake server")
        .iter()
        .filter(|h| h.contains("/events "))
        .cloned()
        .collect()
}

/// Follows A then B; returns how long after A's stream ended the display was on B.
fn the_stream_moves_to_the_second_server(ends: Ends) -> Duration {
    let last = demo::busy_board().last_event_id;
    let a = fake_server(last, ends);
    // B shares A's database: its board already counts the event A sent.
    let b = fake_server(last + 1, Ends::Stops);
    let ep = Endpoint {
        servers: Servers::new(
            format!("{},{}", a.base, b.base)
                .parse()
                .expect("a server list"),
        ),
        site: "yahatanishi".into(),
        token: "display-token".into(),
    };
    let (rx, _cmd) = net::spawn(ep).expect("network thread");
    let next = || name(rx.recv_timeout(Duration::from_secs(25)).expect("a message"));
    let first: Vec<String> = (0..3).map(|_| next()).collect();
    assert_eq!(
        first,
        [
            format!("snapshot {last}"),
            "online".into(),
            format!("event {}", last + 1)
        ]
    );
    assert!(
        b.heads.lock().expect("fake server").is_empty(),
        "B is not asked while A answers"
    );

    a.stop.store(true, Ordering::SeqCst);
    let lost = Instant::now();
    let then: Vec<String> = (0..2).map(|_| next()).collect();
    let took = lost.elapsed();
    // No offline mark and no new snapshot: the board carries on from where it was.
    assert_eq!(then, ["online".to_owned(), format!("event {}", last + 2)]);
    let on_b = events_heads(&b);
    assert_eq!(on_b.len(), 1, "{on_b:?}");
    assert_eq!(
        last_event_id(&on_b[0]),
        Some(last + 1),
        "B resumes after the last event A sent: {}",
        on_b[0]
    );
    assert!(
        on_b[0]
            .to_ascii_lowercase()
            .contains("authorization: bearer display-token"),
        "{}",
        on_b[0]
    );
    assert_eq!(events_heads(&a).len(), 1, "A is not asked again");
    b.stop.store(true, Ordering::SeqCst);
    took
}

#[test]
fn when_the_first_server_stops_the_stream_resumes_on_the_second_with_the_last_event_id() {
    let took = the_stream_moves_to_the_second_server(Ends::Stops);
    assert!(
        took < Duration::from_secs(3),
        "at once, not after a back-off: {took:?}"
    );
}

#[test]
fn when_the_first_server_falls_silent_the_watchdog_moves_the_stream_to_the_second() {
    let took = the_stream_moves_to_the_second_server(Ends::FallsSilent);
    assert!(
        took >= watch::SILENCE_LIMIT - Duration::from_secs(1) && took < watch::REPORT_WITHIN,
        "{took:?}"
    );
}

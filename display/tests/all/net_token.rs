//! The display's requests against a fake server on loopback: the device token travels in the
//! `Authorization: Bearer` header of every request (board and event stream), never in a URL.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use madoguchi_display::demo;
use madoguchi_display::net::{self, Endpoint, NetMsg, Servers};

const TOKEN: &str = "display-secret-token-42";

/// Every request head the fake server received, as text.
type Heads = Arc<Mutex<Vec<String>>>;

/// Serves `GET …/board` (the demo board) and `GET …/events` (one event, then 2 s of silence)
/// on a loopback port; records every request head.
fn fake_server() -> (String, Heads) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("fake server");
    let base = format!("http://{}", listener.local_addr().expect("fake server"));
    let heads: Heads = Arc::default();
    let seen = heads.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || answer(stream, &seen));
        }
    });
    (base, heads)
}

fn answer(mut stream: TcpStream, seen: &Mutex<Vec<String>>) {
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
    let board = demo::busy_board();
    if head.starts_with("GET /api/sites/yahatanishi/board") {
        let body = serde_json::to_string(&board).expect("fake server");
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    } else if head.starts_with("GET /api/sites/yahatanishi/events") {
        let call = demo::call("A-050", "1", madoguchi_protocol::Lang::Ja, demo::demo_now());
        let event = demo::called(board.last_event_id + 1, call);
        let data = serde_json::to_string(&event).expect("fake server");
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\nid: {}\nevent: called\ndata: {data}\n\n",
            event.id
        );
        let _ = stream.flush();
        std::thread::sleep(Duration::from_secs(2));
    } else {
        let _ = write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
}

/// Runs the display's network thread against the fake server until it has a snapshot, is
/// online and has one event; returns the request heads the server saw.
fn follow(token: &str) -> Vec<String> {
    let (base, heads) = fake_server();
    let ep = Endpoint {
        servers: Servers::new(base.parse().expect("a server list")),
        site: "yahatanishi".into(),
        token: token.into(),
    };
    let (rx, _cmd) = net::spawn(ep).expect("fake server");
    let wait = Duration::from_secs(20);
    let got: Vec<&str> = (0..3)
        .map(
            |_| match rx.recv_timeout(wait).expect("the network thread answers") {
                NetMsg::Snapshot(_) => "snapshot",
                NetMsg::Online => "online",
                NetMsg::Event(_) => "event",
                NetMsg::Offline(why) => panic!("offline: {why}"),
            },
        )
        .collect();
    assert_eq!(got, ["snapshot", "online", "event"]);
    drop(rx);
    heads.lock().expect("fake server").clone()
}

#[test]
fn the_token_goes_in_the_authorization_header_of_every_request_and_never_in_the_url() {
    let heads = follow(TOKEN);
    let lines: Vec<&str> = heads.iter().filter_map(|h| h.lines().next()).collect();
    assert!(lines.iter().any(|l| l.contains("/board ")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("/events ")), "{lines:?}");
    for head in &heads {
        let request_line = head.lines().next().unwrap();
        assert!(
            !request_line.contains(TOKEN),
            "token in the URL: {request_line}"
        );
        assert!(
            !request_line.contains('?'),
            "a query string: {request_line}"
        );
        let auth: Vec<&str> = head
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with("authorization:"))
            .collect();
        assert_eq!(
            auth.iter()
                .map(|l| l.split_once(':').unwrap().1.trim())
                .collect::<Vec<_>>(),
            [format!("Bearer {TOKEN}")],
            "{request_line}"
        );
    }
    // The stream resumes after the snapshot's last event.
    let events = heads.iter().find(|h| h.contains("/events ")).unwrap();
    let last = demo::busy_board().last_event_id;
    assert!(
        events
            .to_ascii_lowercase()
            .contains(&format!("last-event-id: {last}")),
        "{events}"
    );
}

#[test]
fn without_a_token_no_authorization_header_is_sent() {
    for head in follow("") {
        assert!(
            !head.to_ascii_lowercase().contains("authorization"),
            "{head}"
        );
        assert!(!head.lines().next().unwrap().contains('?'), "{head}");
    }
}

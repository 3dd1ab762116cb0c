//! A booking checked in at the kiosk against a fake server: a headless bevy app (MinimalPlugins,
//! injected keyboard messages as a barcode scanner types them) with the real network worker and
//! a `file:` printer. The reference typed key by key and Enter get the `R` ticket of the booked
//! slot, printed and decoded back; a used booking gets its sentence and the normal ticket.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyCode, KeyboardInput};
use bevy::prelude::*;
use madoguchi_kiosk::config::Settings;
use madoguchi_kiosk::flow::{KioskEvent, KioskState, PrintStatus, Refusal, Screen};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::ui::app::Kiosk;
use madoguchi_kiosk::ui::typing;
use madoguchi_kiosk::{net, sample, ticket, view};
use madoguchi_protocol::{ApiError, CheckInRequest, Lang};

use crate::fixtures::open_board;

#[derive(Default)]
struct Seen {
    /// Every check-in: its reference and `Idempotency-Key`.
    check_ins: Vec<(String, String)>,
}

type Shared = Arc<Mutex<Seen>>;

/// `R2611-0042` is booked (checked in as `R-004`); `R9999` was used; anything else is unknown.
async fn check_in(
    State(seen): State<Shared>,
    headers: HeaderMap,
    Json(req): Json<CheckInRequest>,
) -> Response {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    seen.lock()
        .expect("test fixture")
        .check_ins
        .push((req.reference.clone(), key));
    let refuse = |status, code: &str| {
        let error = ApiError {
            code: code.into(),
            message: "refused".into(),
            next_opening: None,
            site: None,
        };
        (status, Json(error)).into_response()
    };
    match req.reference.as_str() {
        "R2611-0042" => (StatusCode::CREATED, Json(sample::booked(req.lang))).into_response(),
        "R9999" => refuse(StatusCode::CONFLICT, "booking_used"),
        _ => refuse(StatusCode::NOT_FOUND, "booking_unknown"),
    }
}

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
        .route("/api/sites/yahatanishi/check-in", post(check_in))
        .route(
            "/api/tickets/{id}/print-result",
            post(|| async { StatusCode::NO_CONTENT }),
        )
        .with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("test fixture");
    let addr = listener.local_addr().expect("test fixture");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("test fixture") });
    (format!("http://{addr}"), seen)
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir()
        .join(format!("madoguchi-kiosk-booking-{}", std::process::id()))
        .join(name)
}

/// Feeds the worker's answers and the clock into the flow, as the window's frame does.
fn frame(mut kiosk: ResMut<Kiosk>) {
    let incoming = kiosk
        .net
        .as_ref()
        .map(net::NetHandle::drain)
        .unwrap_or_default();
    for ev in incoming {
        kiosk.apply(ev);
    }
    kiosk.apply(KioskEvent::Tick);
}

/// A kiosk window without a window: the worker on `server`, printing to `printer`.
fn kiosk_app(server: &str, printer: &Path, data: &str) -> App {
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let settings = Settings {
        server: server.parse().expect("a server list"),
        site: "yahatanishi".into(),
        token: "kiosk-secret".into(),
        printer: format!("file:{}", printer.display()),
        kiosk_id: Some("kiosk-test".into()),
        window: None,
        data_dir: temp(data),
    };
    let net = net::spawn(settings, i18n.clone()).expect("worker");
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_message::<KeyboardInput>()
        .insert_resource(Kiosk {
            state: KioskState::new(tree),
            i18n,
            start: Instant::now(),
            net: Some(net),
            effects: Vec::new(),
            fixed_now: None,
        })
        .add_systems(Update, frame)
        .add_plugins(typing::plugin);
    app
}

fn state(app: &App) -> &KioskState {
    &app.world().resource::<Kiosk>().state
}

/// Updates the app until `done` or 10 s.
fn until(app: &mut App, what: &str, done: impl Fn(&KioskState) -> bool) {
    let start = Instant::now();
    while !done(state(app)) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{what}: still {:?}",
            state(app).screen
        );
        app.update();
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn tap(app: &mut App, event: KioskEvent) {
    app.world_mut().resource_mut::<Kiosk>().apply(event);
}

/// What a keyboard-wedge scanner sends for `text` and its Enter, one message per key.
fn scan(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = match c {
            '-' => KeyCode::Minus,
            'r' | 'R' => KeyCode::KeyR,
            '0' => KeyCode::Digit0,
            '1' => KeyCode::Digit1,
            '2' => KeyCode::Digit2,
            '4' => KeyCode::Digit4,
            '6' => KeyCode::Digit6,
            '9' => KeyCode::Digit9,
            other => panic!("no key code for {other:?} in this test"),
        };
        send(app, code, Key::Character(c.to_string().into()));
    }
    send(app, KeyCode::Enter, Key::Enter);
}

fn send(app: &mut App, key_code: KeyCode, logical_key: Key) {
    app.world_mut().write_message(KeyboardInput {
        key_code,
        logical_key,
        state: ButtonState::Pressed,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
    app.update();
}

/// The kiosk on the reservation pad in `lang`, the site loaded.
fn on_pad(server: &str, printer: &Path, data: &str, lang: Lang) -> App {
    let mut app = kiosk_app(server, printer, data);
    until(&mut app, "site loaded", |k| k.site.is_some() && k.online);
    tap(&mut app, KioskEvent::ChooseLang(lang));
    tap(&mut app, KioskEvent::StartBooking);
    assert!(matches!(state(&app).screen, Screen::BookingEntry { .. }));
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scanned_reference_gets_the_booked_r_ticket_printed() {
    let (url, seen) = fake_server().await;
    let out = temp("booked/ticket.bin");
    let mut app = on_pad(&url, &out, "data-booked", Lang::Vi);
    // The scanner types lower case; the pad shows upper case.
    scan(&mut app, "r2611-0042");
    until(&mut app, "ticket printed", |k| {
        matches!(
            &k.screen,
            Screen::Ticket {
                print: PrintStatus::Printed,
                ..
            }
        )
    });
    let check_ins = seen.lock().expect("test fixture").check_ins.clone();
    assert_eq!(check_ins.len(), 1, "{check_ins:?}");
    assert_eq!(check_ins[0].0, "R2611-0042");
    assert!(!check_ins[0].1.is_empty(), "an Idempotency-Key");

    let kiosk = app.world().resource::<Kiosk>();
    let v = view::build(&kiosk.state, &kiosk.i18n, kiosk.now());
    let panel = v.ticket.expect("ticket panel");
    assert_eq!(panel.number, "R-004");
    assert_eq!(panel.ahead, "Lịch hẹn 10:30–11:00");
    assert_eq!(panel.eta, "Được gọi từ khoảng 10:25");

    // The printer got exactly the booked ticket's layout, with the same lines.
    let layout = ticket::layout(
        &kiosk.i18n,
        Lang::Vi,
        &sample::booked(Lang::Vi),
        Some(&sample::site()),
    );
    assert_eq!(layout.number, "R-004");
    assert_eq!(layout.people_ahead, panel.ahead);
    assert_eq!(layout.eta, panel.eta);
    let bytes = std::fs::read(&out).expect("the file printer got the ticket");
    let commands = madoguchi_printer::decode::decode(&bytes).expect("ESC/POS");
    let printed = madoguchi_printer::decode::raster_image(&commands)
        .expect("raster")
        .expect("an image");
    let rendered = madoguchi_printer::threshold(
        &madoguchi_printer::render(&layout, printed.width()).expect("render"),
    );
    assert_eq!(printed.dimensions(), rendered.dimensions());
    assert!(
        printed.pixels().zip(rendered.pixels()).all(|(a, b)| a == b),
        "the printed ticket is not the booked one"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_used_booking_is_refused_in_the_visitors_language_with_a_normal_ticket_offered() {
    let (url, _seen) = fake_server().await;
    let out = temp("used/ticket.bin");
    let mut app = on_pad(&url, &out, "data-used", Lang::Pt);
    scan(&mut app, "R9999");
    until(&mut app, "refused", |k| {
        matches!(k.screen, Screen::BookingRefused { .. })
    });
    assert!(matches!(
        &state(&app).screen,
        Screen::BookingRefused {
            refusal: Refusal::Used,
            ..
        }
    ));
    let kiosk = app.world().resource::<Kiosk>();
    let v = view::build(&kiosk.state, &kiosk.i18n, kiosk.now());
    let said: Vec<&str> = v.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(said, [kiosk.i18n.t(Lang::Pt, "booking-used").as_str()]);
    assert!(
        v.buttons
            .iter()
            .any(|b| b.event == KioskEvent::NormalTicket),
        "{:?}",
        v.buttons
    );
    assert!(!out.exists(), "nothing printed");
}

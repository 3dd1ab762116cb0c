//! End to end against a running madoguchi server (ignored by default; needs one):
//!
//! ```sh
//! cargo run -p madoguchi-server -- init-demo --db /tmp/k.db --out /tmp/k.env
//! cargo run -p madoguchi-server -- serve --db /tmp/k.db --listen 127.0.0.1:18081 --open-all-hours &
//! set -a; . /tmp/k.env; set +a
//! MADOGUCHI_SERVER=http://127.0.0.1:18081 cargo test -p madoguchi-kiosk --test live_server -- --ignored
//! ```
//!
//! The flow and the network worker take a Vietnamese card-pickup ticket in three taps, print it
//! through a `file:` printer, and the printed QR code leads to the ticket's live status.

use std::sync::Arc;
use std::time::{Duration, Instant};

use madoguchi_kiosk::config::Settings;
use madoguchi_kiosk::flow::{Effect, KioskEvent, KioskState, PrintStatus, Screen};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::net;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_protocol::{Lang, TicketStatus};

#[test]
#[ignore = "needs a running madoguchi server (see the module doc)"]
fn a_visitor_takes_a_ticket_from_the_real_server() {
    let server = std::env::var("MADOGUCHI_SERVER").expect("MADOGUCHI_SERVER");
    let out = std::env::temp_dir().join(format!("madoguchi-live-{}.bin", std::process::id()));
    let settings = Settings {
        server: server.parse().expect("MADOGUCHI_SERVER: a server list"),
        site: std::env::var("MADOGUCHI_SITE").unwrap_or_else(|_| "yahatanishi".into()),
        token: std::env::var("MADOGUCHI_KIOSK_TOKEN").expect("MADOGUCHI_KIOSK_TOKEN"),
        printer: format!("file:{}", out.display()),
        kiosk_id: Some("live-test".into()),
        window: None,
        data_dir: std::env::temp_dir().join(format!("madoguchi-live-data-{}", std::process::id())),
    };
    let i18n = Arc::new(Localizer::shipped().expect("locales"));
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let handle = net::spawn(settings, i18n).expect("worker");
    let mut k = KioskState::new(tree);
    let start = Instant::now();
    let step = |k: &mut KioskState, until: &dyn Fn(&KioskState) -> bool| {
        while !until(k) {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "stuck on {:?}",
                k.screen
            );
            for ev in handle.drain() {
                for e in k.apply(ev, start.elapsed()) {
                    handle.send(e);
                }
            }
            k.apply(KioskEvent::Tick, start.elapsed());
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    step(&mut k, &|k| k.site.is_some());
    let pickup = k
        .tree
        .purposes
        .iter()
        .position(|p| p.label == "purpose-pickup")
        .expect("pickup");
    for tap in [
        KioskEvent::ChooseLang(Lang::Vi),
        KioskEvent::ChoosePurpose(pickup),
        KioskEvent::Answer(0),
        KioskEvent::Confirm,
    ] {
        for e in k.apply(tap, start.elapsed()) {
            assert!(matches!(e, Effect::Issue { .. }));
            handle.send(e);
        }
    }
    step(&mut k, &|k| {
        matches!(
            k.screen,
            Screen::Ticket {
                print: PrintStatus::Printed | PrintStatus::Failed(_),
                ..
            }
        )
    });
    let Screen::Ticket { issued, print, .. } = &k.screen else {
        unreachable!()
    };
    assert_eq!(print, &PrintStatus::Printed);
    println!(
        "issued {} ({} ahead, ~{} min) → {}",
        issued.ticket.number, issued.people_ahead, issued.eta_min, issued.status_url
    );

    let bytes = std::fs::read(&out).expect("printed file");
    let commands = madoguchi_printer::decode::decode(&bytes).expect("ESC/POS");
    let image = madoguchi_printer::decode::raster_image(&commands)
        .expect("raster")
        .expect("an image");
    let (w, h) = image.dimensions();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
            image.get_pixel(x as u32, y as u32).0[0]
        });
    let (_, url) = prepared.detect_grids()[0].decode().expect("QR decodes");
    assert_eq!(url, issued.status_url);

    let status: TicketStatus =
        reqwest::blocking_get(&format!("{server}/api/status/{}", issued.status_token));
    assert_eq!(status.number, issued.ticket.number);
    assert_eq!(status.lang, Lang::Vi);
}

mod reqwest {
    /// A GET on a throwaway runtime (the kiosk's client is async only).
    pub fn blocking_get<T: serde::de::DeserializeOwned>(url: &str) -> T {
        tokio::runtime::Runtime::new()
            .expect("runtime")
            .block_on(async {
                ::reqwest::get(url)
                    .await
                    .expect("GET")
                    .error_for_status()
                    .expect("2xx")
                    .json()
                    .await
                    .expect("JSON")
            })
    }
}

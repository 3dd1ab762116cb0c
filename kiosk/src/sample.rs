//! Sample server answers (a shipped ward office and an issued ticket) for the screenshot tour, the
//! benchmark, `test-print` and tests, so they need no server.

use madoguchi_protocol::{
    IssuedTicket, Lang, Needs, QueueStatus, SiteInfo, Ticket, TicketState, Timestamp, WaitRange,
};

/// 2026-11-25 09:41 JST.
pub fn time() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T09:41:00+09:00").unwrap_or_default()
}

/// The site the tour, `test-print` and tests show by default: 八幡西区役所 from the shipped
/// configuration (`config/madoguchi.toml`), exactly what the server answers for it.
pub fn site() -> SiteInfo {
    site_of(DEFAULT_SITE).unwrap_or_else(|| SiteInfo {
        id: DEFAULT_SITE.into(),
        name_ja: String::new(),
        name_en: String::new(),
        kind: madoguchi_protocol::SiteKind::Ward,
        address: String::new(),
        floor: String::new(),
        services: Vec::new(),
        counters: Vec::new(),
    })
}

/// The default site of the tour and of `test-print`.
pub const DEFAULT_SITE: &str = "yahatanishi";

/// Any shipped site, as the server answers `GET /api/sites/{site}`.
pub fn site_of(id: &str) -> Option<SiteInfo> {
    madoguchi_engine::Config::shipped().site_info(id)
}

/// Waiting counts for the purpose buttons.
pub fn queues() -> Vec<QueueStatus> {
    queues_of(&site())
}

/// Made-up waiting counts for every service of `site` (the same for every run).
pub fn queues_of(site: &SiteInfo) -> Vec<QueueStatus> {
    site.services
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let waiting = (i as u32 * 3) % 7;
            // Nobody waiting is `0–0`, as the server sends it.
            let eta_min = if waiting == 0 {
                0
            } else {
                (i as u32 * 7) % 25 + 5
            };
            let eta_range = if waiting == 0 {
                WaitRange::default()
            } else {
                WaitRange {
                    low_min: eta_min - eta_min / 3,
                    high_min: eta_min + eta_min / 2,
                }
            };
            QueueStatus {
                service: s.id.clone(),
                prefix: s.prefix.clone(),
                name_key: s.name_key.clone(),
                name_ja: s.name_ja.clone(),
                waiting,
                eta_min,
                eta_range,
                target_min: 20,
                counters_open: 2,
            }
        })
        .collect()
}

/// A freshly issued ticket `A-023` for `service` at the default site.
pub fn issued(service: &str, lang: Lang, needs: Needs) -> IssuedTicket {
    issued_at(&site(), service, lang, needs)
}

/// A freshly issued ticket number 23 for `service` at `site`.
pub fn issued_at(site: &SiteInfo, service: &str, lang: Lang, needs: Needs) -> IssuedTicket {
    let prefix = site
        .services
        .iter()
        .find(|s| s.id == service)
        .map(|s| s.prefix.clone())
        .unwrap_or_else(|| "A".into());
    IssuedTicket {
        ticket: Ticket {
            id: 4242,
            site: site.id.clone(),
            service: service.into(),
            number: format!("{prefix}-023"),
            lang,
            needs,
            state: TicketState::Waiting,
            counter: None,
            issued_at: time(),
            called_at: None,
            served_at: None,
            finished_at: None,
            transfers: 0,
            recalls: 0,
            kiosk: Some("kiosk-1".into()),
            printed: None,
            offline: false,
            booking: None,
        },
        people_ahead: 4,
        eta_min: 15,
        eta_range: WaitRange {
            low_min: 10,
            high_min: 20,
        },
        status_token: "q8Jx3vN0aR7tK2mP9sL4wY".into(),
        status_url: "http://127.0.0.1:8080/s/q8Jx3vN0aR7tK2mP9sL4wY".into(),
    }
}

/// A checked-in booking `R-004` for the card pickup at the default site, its slot 10:30–11:00
/// (called from 10:25), checked in at 09:41: early.
pub fn booked(lang: Lang) -> IssuedTicket {
    let mut issued = issued("pickup", lang, Needs::default());
    let at = |hm: &str| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-11-25T{hm}:00+09:00"))
            .unwrap_or_default()
    };
    issued.ticket.number = "R-004".into();
    issued.ticket.booking = Some(madoguchi_protocol::BookedSlot {
        slot_start: at("10:30"),
        slot_end: at("11:00"),
        call_from: at("10:25"),
    });
    issued.people_ahead = 0;
    issued
}

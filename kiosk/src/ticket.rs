//! The printed ticket: fills a `madoguchi_printer::TicketLayout` with the visitor's language
//! (and Japanese for staff) from the server's answer, or from the lease when the server is down.
//!
//! A ticket issued offline prints no QR code: the status page's token is made by the server
//! when the ticket is uploaded, so any code printed before that would lead nowhere. The ticket
//! says the waiting time is not known yet instead of people ahead and minutes.

use madoguchi_printer::{PrinterSpec, TicketLayout};
use madoguchi_protocol::{IssuedTicket, Lang, SiteInfo};

use crate::flow::Need;
use crate::i18n::Localizer;
use crate::view::{documents, service_name, shown_range, wait_text};

/// Where the visitor will be called, as printed: the site's floor and the areas of the
/// counters whose main job the service is, in `lang` and, when that differs, in Japanese (the
/// signs in the office are Japanese): `4F 交付窓口`, `4F Card handover / 交付窓口`.
pub fn place(
    i18n: &Localizer,
    lang: Lang,
    site: &SiteInfo,
    service: Option<&madoguchi_protocol::ServiceInfo>,
) -> String {
    let areas: Vec<String> = service
        .map(|s| s.areas.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|a| {
            let local = i18n.t(lang, &a.key);
            if local == a.name_ja || lang == Lang::Ja {
                a.name_ja.clone()
            } else {
                format!("{local} / {}", a.name_ja)
            }
        })
        .collect();
    let floor = site.floor.trim();
    match (floor.is_empty(), areas.is_empty()) {
        (_, true) => floor.to_string(),
        (true, false) => areas.join(" · "),
        (false, false) => format!("{floor} {}", areas.join(" · ")),
    }
}

/// The layout of `issued` in `lang`.
pub fn layout(
    i18n: &Localizer,
    lang: Lang,
    issued: &IssuedTicket,
    site: Option<&SiteInfo>,
) -> TicketLayout {
    let ticket = &issued.ticket;
    let info = site.and_then(|s| s.services.iter().find(|x| x.id == ticket.service));
    let area = site.map(|s| place(i18n, lang, s, info)).unwrap_or_default();
    let needs = Need::ALL
        .into_iter()
        .filter(|n| n.is_set(&ticket.needs))
        .map(|n| {
            let local = i18n.t(lang, n.key());
            let ja = i18n.t(Lang::Ja, n.key());
            if local == ja {
                local
            } else {
                format!("{local} / {ja}")
            }
        })
        .collect();
    let slot = ticket
        .booking
        .as_ref()
        .map(|b| crate::view::slot_lines(i18n, lang, issued, b));
    TicketLayout {
        lang: lang.code().to_owned(),
        site_name: site.map(|s| s.name_ja.clone()).unwrap_or_default(),
        area,
        number: ticket.number.clone(),
        service_local: service_name(i18n, lang, &ticket.service, info),
        service_ja: service_name(i18n, Lang::Ja, &ticket.service, info),
        issued_at: ticket.issued_at.format("%Y-%m-%d %H:%M").to_string(),
        // A booking: its slot, and when it is called if that is later than now.
        people_ahead: if let Some((reserved, _)) = &slot {
            reserved.clone()
        } else if ticket.offline {
            // A ticket from the lease has no place in a queue the kiosk can see yet.
            i18n.t(lang, "ticket-wait-unknown")
        } else {
            i18n.t_args(
                lang,
                "ticket-ahead",
                &[("count", issued.people_ahead.into())],
            )
        },
        eta: if let Some((_, Some(call))) = &slot {
            call.clone()
        } else if ticket.offline {
            i18n.t(lang, "ticket-offline-printed")
        } else {
            wait_text(
                i18n,
                lang,
                "ticket-eta",
                "ticket-eta-next",
                shown_range(issued.eta_range, issued.eta_min, issued.people_ahead),
            )
        },
        documents_title: i18n.t(lang, "ticket-bring"),
        documents: documents(i18n, lang, info),
        needs,
        qr_url: issued.status_url.clone(),
        qr_caption: i18n.t(lang, "ticket-qr"),
        footer: i18n.t(lang, "ticket-footer"),
    }
}

/// A `file:` or `png:` printer writes into a folder that may not exist yet (e.g. the default
/// `png:data/tickets/last.png`): create it. Device files under /dev are left alone.
pub fn prepare(spec: &PrinterSpec) {
    if let PrinterSpec::File(path) | PrinterSpec::Png(path) = spec
        && let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
        && !path.starts_with("/dev")
    {
        let _ = std::fs::create_dir_all(dir);
    }
}

/// The ticket the kiosk shows and prints for a number it issued from its lease (id 0, no status
/// page yet: the server makes both when the ticket is uploaded).
pub fn offline_issued(
    site: &str,
    kiosk: &str,
    number: String,
    request: &madoguchi_protocol::OfflineTicketRequest,
) -> IssuedTicket {
    IssuedTicket {
        ticket: madoguchi_protocol::Ticket {
            id: 0,
            site: site.to_owned(),
            service: request.service.clone(),
            number,
            lang: request.lang,
            needs: request.needs,
            state: madoguchi_protocol::TicketState::Waiting,
            counter: None,
            issued_at: request.issued_at,
            called_at: None,
            served_at: None,
            finished_at: None,
            transfers: 0,
            recalls: 0,
            kiosk: Some(kiosk.to_owned()),
            printed: None,
            offline: true,
            booking: None,
        },
        people_ahead: 0,
        eta_min: 0,
        eta_range: madoguchi_protocol::WaitRange::default(),
        status_token: String::new(),
        status_url: String::new(),
    }
}

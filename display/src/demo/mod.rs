//! A built-in busy board of 八幡西区役所 and event builders: used by the screenshot mode
//! (no network) and by the tests.

use chrono::{FixedOffset, Offset, TimeDelta, TimeZone};
use madoguchi_protocol::{
    Board, Call, CounterStatus, EventBody, Lang, Needs, QueueStatus, SiteEvent, Ticket,
    TicketState, Timestamp,
};

/// The site id of the demo board.
pub const SITE: &str = "yahatanishi";

/// Japan Standard Time.
pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| chrono::Utc.fix())
}

/// A JST time on the demo day (a working Wednesday).
pub fn at(hour: u32, min: u32, sec: u32) -> Timestamp {
    jst()
        .with_ymd_and_hms(2026, 11, 25, hour, min, sec)
        .single()
        .unwrap_or_else(|| chrono::DateTime::UNIX_EPOCH.with_timezone(&jst()))
}

/// The demo board's clock: 10:42.
pub fn demo_now() -> Timestamp {
    at(10, 42, 0)
}

/// (id, name, area, services) of the demo site's counters.
const COUNTERS: [(&str, &str, &str, &[&str]); 6] = [
    ("1", "1番窓口", "交付窓口", &["pickup"]),
    ("2", "2番窓口", "交付窓口", &["pickup"]),
    ("3", "3番窓口", "交付窓口", &["pickup", "ecert"]),
    ("4", "4番窓口", "申請窓口", &["apply", "express"]),
    ("5", "5番窓口", "申請窓口", &["apply", "express"]),
    ("6", "6番窓口", "申請窓口", &["ecert", "inquiry"]),
];

/// (service, prefix, name_ja, waiting, eta_min, target) of the demo queues.
const QUEUES: [(&str, &str, &str, u32, u32, u32); 5] = [
    ("pickup", "A", "マイナンバーカードの受け取り", 14, 35, 30),
    ("apply", "B", "マイナンバーカードの申請", 6, 18, 30),
    ("express", "C", "特急発行", 3, 72, 30),
    ("ecert", "D", "電子証明書の更新", 9, 25, 20),
    ("inquiry", "E", "お問い合わせ", 1, 5, 10),
];

/// The demo site's queues.
pub fn queues() -> Vec<QueueStatus> {
    QUEUES
        .iter()
        .map(
            |&(service, prefix, name_ja, waiting, eta_min, target_min)| QueueStatus {
                service: service.into(),
                prefix: prefix.into(),
                name_key: format!("service-{service}"),
                name_ja: name_ja.into(),
                waiting,
                eta_min,
                target_min,
                counters_open: 2,
            },
        )
        .collect()
}

/// A call of `number` (e.g. `A-023`) to `counter` at `at`.
pub fn call(number: &str, counter: &str, lang: Lang, at: Timestamp) -> Call {
    let (_, name, area, services) = COUNTERS
        .iter()
        .find(|c| c.0 == counter)
        .copied()
        .unwrap_or(("?", "?", "交付窓口", &["pickup"]));
    let service = service_of(number).unwrap_or(services[0]);
    Call {
        number: number.into(),
        service: service.into(),
        counter: counter.into(),
        counter_name: name.into(),
        counter_number: counter.parse().ok(),
        desk_key: None,
        area: area.into(),
        area_key: String::new(),
        lang,
        at,
        recalls: 0,
    }
}

fn service_of(number: &str) -> Option<&'static str> {
    let prefix = number.split('-').next()?;
    QUEUES.iter().find(|q| q.1 == prefix).map(|q| q.0)
}

/// A ticket as the server would send it with an event.
pub fn ticket(number: &str, lang: Lang, state: TicketState, at: Timestamp) -> Ticket {
    Ticket {
        id: number.bytes().map(i64::from).sum(),
        site: SITE.into(),
        service: service_of(number).unwrap_or("pickup").into(),
        number: number.into(),
        lang,
        needs: Needs::default(),
        state,
        counter: None,
        issued_at: at - TimeDelta::minutes(30),
        called_at: None,
        served_at: None,
        finished_at: None,
        transfers: 0,
        recalls: 0,
        kiosk: Some("kiosk-1".into()),
        printed: Some(true),
    }
}

/// A numbered event of the demo site.
pub fn event(id: u64, at: Timestamp, body: EventBody) -> SiteEvent {
    SiteEvent {
        id,
        site: SITE.into(),
        at,
        body,
    }
}

/// The `Called` event for `call`.
pub fn called(id: u64, call: Call) -> SiteEvent {
    let ticket = ticket(&call.number, call.lang, TicketState::Called, call.at);
    event(
        id,
        call.at,
        EventBody::Called {
            call,
            ticket,
            queues: queues(),
        },
    )
}

/// A busy mid-morning board: six counters in two areas, a dozen calls in several languages.
pub fn busy_board() -> Board {
    let now = demo_now();
    let mins = |m: i64| now - TimeDelta::minutes(m);
    let current = [
        ("A-046", "1", Lang::Vi, 0),
        ("B-018", "4", Lang::Ja, 1),
        ("A-045", "2", Lang::Ne, 3),
        ("D-031", "6", Lang::ZhHans, 4),
        ("C-007", "5", Lang::En, 6),
        ("A-044", "3", Lang::Ja, 7),
    ];
    let past = [
        ("A-043", "1", Lang::Ko, 9),
        ("B-017", "4", Lang::Ja, 11),
        ("A-042", "2", Lang::Tl, 12),
        ("D-030", "6", Lang::Ja, 14),
        ("A-041", "3", Lang::Pt, 15),
        ("B-016", "5", Lang::Id, 17),
        ("A-040", "1", Lang::Ja, 19),
    ];
    let calls = current
        .iter()
        .chain(past.iter())
        .map(|&(n, c, l, m)| call(n, c, l, mins(m)))
        .collect();
    let counters = COUNTERS
        .iter()
        .map(|&(id, name, area, services)| CounterStatus {
            id: id.into(),
            name: name.into(),
            name_en: format!("Counter {id}"),
            number: id.parse().ok(),
            desk_key: None,
            area: area.into(),
            area_key: String::new(),
            services: services.iter().map(|s| (*s).to_string()).collect(),
            open: true,
            current: current.iter().find(|c| c.1 == id).map(|c| c.0.to_string()),
        })
        .collect();
    Board {
        site: SITE.into(),
        site_name: "八幡西区役所 市民課".into(),
        site_name_en: "Yahatanishi Ward Office".into(),
        now,
        open: true,
        hours_today: Some(("08:30".into(), "17:15".into())),
        next_opening: None,
        notice: "本日は大変混雑しています。お呼び出しまでしばらくお待ちください。".into(),
        calls,
        queues: queues(),
        counters,
        last_event_id: 120,
    }
}

/// The demo board on the evening of the demo day: closed, opening tomorrow at 08:30.
pub fn closed_board() -> Board {
    let mut board = busy_board();
    board.now = at(18, 5, 0);
    board.open = false;
    board.next_opening = Some(at(8, 30, 0) + TimeDelta::days(1));
    board.calls.clear();
    board.notice = "土曜日・日曜日・祝日は閉庁しています。".into();
    for c in &mut board.counters {
        c.current = None;
        c.open = false;
    }
    board.queues.iter_mut().for_each(|q| {
        q.waiting = 0;
        q.eta_min = 0;
    });
    board
}

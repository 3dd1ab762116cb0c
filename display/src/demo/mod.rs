//! Demo boards and event builders, made from the shipped configuration through the engine:
//! the screenshot mode draws them (no network) and the tests read them.
//!
//! The busy board is 八幡西区役所 at 10:00 on a working Wednesday after a scripted morning
//! ([`day::Day`]): its eleven real counters in four areas all calling, numbers in several
//! languages. [`city_desk_board`] adds a fresh call to a named city staff desk.

pub mod day;

use chrono::{FixedOffset, Offset, TimeDelta, TimeZone};
use madoguchi_engine::Config;
use madoguchi_protocol::{
    Board, Call, EventBody, Lang, Needs, QueueStatus, SiteEvent, Ticket, TicketState, Timestamp,
};

pub use day::Day;

/// The site id of the demo board.
pub const SITE: &str = "yahatanishi";

/// The supervisor's notice on the busy board.
pub const NOTICE: &str = "本日は大変混雑しています。お呼び出しまでしばらくお待ちください。";

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

/// The busy board's clock: 10:00, as in the issue's 八幡西 morning.
pub fn demo_now() -> Timestamp {
    at(10, 0, 0)
}

/// The scripted morning at 八幡西 played until `until`.
pub fn morning(until: Timestamp) -> Option<Day> {
    let mut day = Day::new(SITE)?;
    day.run_until(until, |_, _| {});
    Some(day)
}

/// 八幡西 at 10:00: every counter calling or serving, in four areas.
pub fn busy_board() -> Board {
    morning(demo_now()).map_or_else(empty_board, |d| d.board(NOTICE))
}

/// The busy board a few seconds after city staff desk 1 (`city-1`) called a visitor: the newest
/// call, highlighted and announced. The visitor asked for the braille-signature form, so the
/// call carries the "staff will come to you" mark.
pub fn city_desk_board() -> (Board, Timestamp) {
    let Some(mut day) = morning(demo_now()) else {
        return (empty_board(), demo_now());
    };
    let then = day.now + TimeDelta::seconds(15);
    let issue = madoguchi_engine::Command::Issue {
        id: 10_000,
        service: "city".into(),
        lang: Lang::Vi,
        needs: Needs {
            braille_form: true,
            ..Needs::default()
        },
        kiosk: None,
    };
    // The desk finishes its visitor and calls this one by its id, as staff do for a visitor
    // they go and fetch.
    let done = madoguchi_engine::Command::Done {
        counter: "city-1".into(),
    };
    let call = madoguchi_engine::Command::Recall {
        counter: "city-1".into(),
        ticket: Some(10_000),
    };
    for cmd in [issue, done, call] {
        if let Ok(outcome) = day.queue.apply(&cmd, then)
            && let Some(body) = outcome.event
        {
            day.events
                .push(event(day.events.len() as u64 + 1, then, body));
        }
    }
    day.now = then;
    (day.board(NOTICE), then + TimeDelta::seconds(3))
}

/// The busy board's site in the evening: closed, opening tomorrow at 08:30.
pub fn closed_board() -> Board {
    let day = Day::new(SITE);
    let evening = at(18, 5, 0);
    let mut board = day.map_or_else(empty_board, |d| d.queue.board(evening, "", 0));
    board.notice = "土曜日・日曜日・祝日は閉庁しています。".into();
    board
}

/// What the demo shows if the shipped configuration could not be read (it is tested).
fn empty_board() -> Board {
    Board {
        site: SITE.into(),
        site_name: "八幡西区役所".into(),
        site_name_en: "Yahatanishi Ward Office".into(),
        now: demo_now(),
        open: true,
        hours_today: None,
        next_opening: None,
        notice: String::new(),
        calls: Vec::new(),
        queues: Vec::new(),
        counters: Vec::new(),
        last_event_id: 0,
    }
}

/// The busy board's queues.
pub fn queues() -> Vec<QueueStatus> {
    busy_board().queues
}

/// A call of `number` (e.g. `A-023`) to the 八幡西 counter `counter` at `at`, named as the
/// shipped configuration names it. A counter id the site lacks but that is a number (tests
/// of long numbers such as 12) is a plain "N番窓口" in the site's first area.
pub fn call(number: &str, counter: &str, lang: Lang, at: Timestamp) -> Call {
    let config = Config::shipped();
    let site = config.site(SITE);
    let info = site
        .and_then(|s| s.counter(counter))
        .map(|c| config.counter_info(c));
    let service = service_of(&config, number).unwrap_or_else(|| "pickup".into());
    let (name, number_of, desk_key, area, area_key) = match info {
        Some(i) => (i.name, i.number, i.desk_key, i.area, i.area_key),
        None => {
            let n: Option<u32> = counter.parse().ok();
            let (area, key) = config.area_names("support");
            let name = n.map_or_else(|| "窓口".to_string(), |n| format!("{n}番窓口"));
            (name, n, None, area, key)
        }
    };
    Call {
        number: number.into(),
        service,
        counter: counter.into(),
        counter_name: name,
        counter_number: number_of,
        desk_key,
        area,
        area_key,
        lang,
        at,
        recalls: 0,
        staff_to_visitor: false,
    }
}

/// The service whose prefix starts `number` (`A-023` → pickup).
fn service_of(config: &Config, number: &str) -> Option<String> {
    let prefix = number.split('-').next()?;
    config
        .services
        .iter()
        .find(|s| s.prefix == prefix)
        .map(|s| s.id.clone())
}

/// A ticket as the server would send it with an event.
pub fn ticket(number: &str, lang: Lang, state: TicketState, at: Timestamp) -> Ticket {
    let service = service_of(&Config::shipped(), number).unwrap_or_else(|| "pickup".into());
    Ticket {
        id: number.bytes().map(i64::from).sum(),
        site: SITE.into(),
        service,
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
        offline: false,
        booking: None,
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

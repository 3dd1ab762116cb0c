//! What the fake servers of these tests answer alike: 八幡西's open board and a lease of
//! A-980…A-982 for card pickup today.

use madoguchi_kiosk::sample;
use madoguchi_protocol::{Board, LeaseBlock, LeaseGrant};

/// Today in Japan, as the server names a day.
pub fn today() -> String {
    chrono::Utc::now()
        .with_timezone(&madoguchi_engine::calendar::jst())
        .format("%Y-%m-%d")
        .to_string()
}

/// 八幡西's board, open, with the sample site's queues and nobody called.
pub fn open_board() -> Board {
    Board {
        site: "yahatanishi".into(),
        site_name: "八幡西区役所".into(),
        site_name_en: "Yahatanishi".into(),
        now: sample::time(),
        open: true,
        hours_today: Some(("08:30".into(), "17:15".into())),
        next_opening: None,
        notice: String::new(),
        calls: vec![],
        queues: sample::queues(),
        counters: vec![],
        last_event_id: 0,
    }
}

/// Three card-pickup numbers lent for today.
pub fn pickup_lease() -> LeaseGrant {
    LeaseGrant {
        day: today(),
        leases: vec![LeaseBlock {
            service: "pickup".into(),
            prefix: "A".into(),
            from: 980,
            to: 982,
            used: vec![],
        }],
        refused: vec![],
    }
}

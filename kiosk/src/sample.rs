//! Sample server answers (a ward office and an issued ticket) for the screenshot tour, the
//! benchmark, `test-print` and tests, so they need no server.

use madoguchi_protocol::{
    CounterInfo, DocumentInfo, IssuedTicket, Lang, Needs, QueueStatus, ServiceInfo, SiteInfo,
    SiteKind, Ticket, TicketState, Timestamp,
};

fn doc(key: &str, name_ja: &str) -> DocumentInfo {
    DocumentInfo {
        key: key.into(),
        name_ja: name_ja.into(),
    }
}

/// 2026-11-25 09:41 JST.
pub fn time() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T09:41:00+09:00").unwrap_or_default()
}

/// 八幡西区役所 with every kiosk service.
pub fn site() -> SiteInfo {
    let svc = |id: &str, prefix: &str, ja: &str, en: &str, docs: Vec<DocumentInfo>| ServiceInfo {
        id: id.into(),
        prefix: prefix.into(),
        name_key: format!("service-{id}"),
        name_ja: ja.into(),
        name_en: en.into(),
        target_wait_min: 20,
        documents: docs,
        kiosk: id != "city",
    };
    let photo_id = || doc("doc-photo-id", "本人確認書類");
    let card = || doc("doc-current-card", "お持ちのマイナンバーカード");
    SiteInfo {
        id: "yahatanishi".into(),
        name_ja: "八幡西区役所 市民課".into(),
        name_en: "Yahatanishi Ward Office".into(),
        kind: SiteKind::Ward,
        address: "北九州市八幡西区黒崎三丁目15-3 コムシティ4F".into(),
        services: vec![
            svc(
                "pickup",
                "A",
                "交付",
                "Card pickup",
                vec![
                    doc("doc-notice-postcard", "交付通知書"),
                    photo_id(),
                    doc("doc-notification-card", "通知カード"),
                ],
            ),
            svc(
                "apply",
                "B",
                "申請(申請時来庁方式)",
                "Application",
                vec![doc("doc-application-form", "交付申請書"), photo_id()],
            ),
            svc(
                "assist",
                "C",
                "申請(マイナアシスト)",
                "Application with tablet",
                vec![photo_id()],
            ),
            svc(
                "express",
                "D",
                "特急発行",
                "Express issuance",
                vec![photo_id(), doc("doc-photo", "顔写真")],
            ),
            svc(
                "online",
                "E",
                "オンライン窓口",
                "Online window",
                vec![doc("doc-application-id", "申請書ID"), card()],
            ),
            svc(
                "ecert",
                "F",
                "電子証明書",
                "E-certificate renewal",
                vec![card(), doc("doc-pin", "暗証番号")],
            ),
            svc("face", "G", "券面記載", "Card face update", vec![card()]),
            svc(
                "overseas",
                "H",
                "国外転出者",
                "Overseas movers",
                vec![doc("doc-passport", "パスポート"), photo_id()],
            ),
            svc(
                "form",
                "K",
                "交付申請書の発行",
                "Application form",
                vec![photo_id()],
            ),
            svc(
                "pin",
                "P",
                "暗証番号の再設定",
                "PIN reset",
                vec![card(), photo_id()],
            ),
            svc("inquiry", "Q", "問い合わせ", "Questions", vec![]),
            svc("city", "S", "市職員", "City staff", vec![]),
        ],
        counters: vec![CounterInfo {
            id: "1".into(),
            name: "1番窓口".into(),
            area: "4F マイナンバーカード窓口".into(),
            services: vec!["pickup".into(), "apply".into(), "ecert".into()],
        }],
    }
}

/// Waiting counts for the purpose buttons.
pub fn queues() -> Vec<QueueStatus> {
    site()
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| QueueStatus {
            service: s.id.clone(),
            prefix: s.prefix.clone(),
            name_key: s.name_key.clone(),
            name_ja: s.name_ja.clone(),
            waiting: (i as u32 * 3) % 7,
            eta_min: (i as u32 * 7) % 25 + 5,
            target_min: 20,
            counters_open: 2,
        })
        .collect()
}

/// A freshly issued ticket `A-023` for `service`.
pub fn issued(service: &str, lang: Lang, needs: Needs) -> IssuedTicket {
    let prefix = site()
        .services
        .iter()
        .find(|s| s.id == service)
        .map(|s| s.prefix.clone())
        .unwrap_or_else(|| "A".into());
    IssuedTicket {
        ticket: Ticket {
            id: 4242,
            site: "yahatanishi".into(),
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
        },
        people_ahead: 4,
        eta_min: 15,
        status_token: "q8Jx3vN0aR7tK2mP9sL4wY".into(),
        status_url: "http://127.0.0.1:8080/s/q8Jx3vN0aR7tK2mP9sL4wY".into(),
    }
}

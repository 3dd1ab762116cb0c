//! The daily report (日報) as one sheet of sections with Japanese headings.

use chrono::Datelike;

use super::{Cell, ChartSpec, Section, SeriesRef, Sheet};
use crate::{DailyReport, DurationStats, TicketCounts};

const WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

fn stats_cells(s: &DurationStats) -> [Cell; 3] {
    [
        Cell::opt_num(s.mean_min),
        Cell::opt_num(s.p90_min),
        Cell::opt_num(s.max_min),
    ]
}

fn count_cells(c: &TicketCounts) -> [Cell; 7] {
    [
        Cell::int(c.issued),
        Cell::int(c.done),
        Cell::int(c.no_show),
        Cell::int(c.cancelled),
        Cell::int(c.unfinished),
        Cell::int(c.transfers),
        Cell::int(c.recalls),
    ]
}

/// The Japanese words for a kiosk guidance reason (`assets/triage/triage.toml`); an unknown
/// reason is shown as its id.
pub fn reason_ja(reason: &str) -> String {
    let words = match reason {
        "not_resident" => "他区・他市の住民 (住所地での手続きを案内)",
        "licence_online" => "マイナ免許証の手続き (案内先を表示)",
        "no_application_id" => "申請書IDなし (オンライン窓口の前に取得を案内)",
        "no_card" => "カード未所持 (申請方法を案内)",
        "service_not_offered" => "この庁舎で扱わない用件",
        other => return other.to_string(),
    };
    format!("{words} [{reason}]")
}

/// The date as the city writes it, e.g. `2026年11月24日(火)`.
pub fn date_ja(d: chrono::NaiveDate) -> String {
    format!(
        "{}年{}月{}日({})",
        d.year(),
        d.month(),
        d.day(),
        WEEKDAYS[d.weekday().num_days_from_monday() as usize]
    )
}

/// The sheets of a daily report (one).
pub fn daily_sheets(r: &DailyReport) -> Vec<Sheet> {
    let mut summary = Section::new("概要", &["項目", "値"]);
    let kv = |s: &mut Section, k: &str, v: Cell| s.row(vec![Cell::text(k), v]);
    kv(&mut summary, "場所", Cell::text(&r.site_name_ja));
    kv(&mut summary, "日付", Cell::text(date_ja(r.date)));
    let hours = r.hours.map_or_else(
        || "閉庁日".to_string(),
        |(o, c)| format!("開庁 {}–{}", o.format("%H:%M"), c.format("%H:%M")),
    );
    kv(&mut summary, "開庁", Cell::text(hours));
    let t = &r.totals;
    for (k, v) in [
        ("発券数", t.issued),
        ("対応完了", t.done),
        ("不在(呼出に応答なし)", t.no_show),
        ("取消", t.cancelled),
        ("未完了", t.unfinished),
        ("うち閉庁後に失効", t.expired),
        ("転送", t.transfers),
        ("再呼出", t.recalls),
        ("キオスク発券", t.by_kiosk),
        ("職員発券", t.by_staff),
    ] {
        kv(&mut summary, k, Cell::int(v));
    }
    let [wm, wp, wx] = stats_cells(&r.wait);
    kv(&mut summary, "待ち時間 平均(分)", wm);
    kv(&mut summary, "待ち時間 90%値(分)", wp);
    kv(&mut summary, "待ち時間 最大(分)", wx);
    kv(
        &mut summary,
        "対応時間 平均(分)",
        Cell::opt_num(r.service_time.mean_min),
    );
    kv(
        &mut summary,
        "キオスクで他へ案内(発券なし)",
        Cell::int(r.guided_total),
    );
    kv(&mut summary, "発券の印刷失敗", Cell::int(r.print_failed));
    kv(&mut summary, "キオスクからの職員呼出", Cell::int(r.assist));

    let mut services = Section::new(
        "用件別",
        &[
            "用件",
            "発券",
            "完了",
            "不在",
            "取消",
            "未完了",
            "転送",
            "再呼出",
            "待ち 平均(分)",
            "待ち 90%値(分)",
            "待ち 最大(分)",
            "対応 平均(分)",
            "対応 90%値(分)",
            "対応 最大(分)",
        ],
    );
    for s in &r.services {
        let mut row = vec![Cell::text(&s.name_ja)];
        row.extend(count_cells(&s.counts));
        row.extend(stats_cells(&s.wait));
        row.extend(stats_cells(&s.service_time));
        services.row(row);
    }
    let mut total = vec![Cell::text("計")];
    total.extend(count_cells(&r.totals));
    total.extend(stats_cells(&r.wait));
    total.extend(stats_cells(&r.service_time));
    services.row(total);

    let mut header: Vec<String> = vec!["時間帯".into()];
    header.extend(r.services.iter().map(|s| s.name_ja.clone()));
    header.extend(["計", "平均待ち(分)", "開設窓口(平均)", "開設窓口(数)"].map(String::from));
    let mut hours = Section {
        title: "時間帯別 発券数・待ち時間・開設窓口".into(),
        header,
        rows: Vec::new(),
    };
    for h in &r.hours_rows {
        let mut row = vec![Cell::text(format!("{}時台", h.hour))];
        row.extend(h.issued.iter().map(|&n| Cell::int(n)));
        row.push(Cell::int(h.issued_total));
        row.push(Cell::opt_num(h.wait.mean_min));
        row.push(Cell::Num(h.counters_open_mean));
        row.push(Cell::int(h.counters_open));
        hours.row(row);
    }

    let mut needs = Section::new("配慮の申出", &["配慮", "件数"]);
    let n = &r.needs;
    for (k, v) in [
        ("点字記名用の交付申請書", n.braille_form),
        ("車いす", n.wheelchair),
        ("筆談", n.written),
        ("通訳・言語の調整", n.interpreter),
        ("職員の手助け", n.help),
        ("その他", n.other),
        ("いずれかの申出あり(発券数)", n.any),
    ] {
        kv(&mut needs, k, Cell::int(v));
    }

    let mut langs = Section::new("選択された言語", &["言語", "コード", "発券数"]);
    for (l, c) in &r.langs {
        langs.row(vec![
            Cell::text(l.native_name()),
            Cell::text(l.code()),
            Cell::int(*c),
        ]);
    }

    let mut guided = Section::new("キオスクで他へ案内した来庁者(発券なし)", &["理由", "人数"]);
    for (reason, c) in &r.guided {
        kv(&mut guided, &reason_ja(reason), Cell::int(*c));
    }
    kv(&mut guided, "計", Cell::int(r.guided_total));

    let mut manual = Section::new("発券のない業務(職員の手入力)", &["業務", "件数", "入力者"]);
    for m in &r.manual {
        manual.row(vec![
            Cell::text(&m.label_ja),
            Cell::int(m.count),
            Cell::text(m.entered_by.join("、")),
        ]);
    }

    let n = r.hours_rows.len();
    let total_col = r.services.len() + 1;
    let chart = ChartSpec {
        title: "時間帯別 発券数と平均待ち時間".into(),
        series: vec![
            SeriesRef {
                name: "発券数".into(),
                section: 2,
                column: total_col,
                rows: n,
                line_on_second_axis: false,
            },
            SeriesRef {
                name: "平均待ち時間(分)".into(),
                section: 2,
                column: total_col + 1,
                rows: n,
                line_on_second_axis: true,
            },
        ],
    };
    vec![Sheet {
        name: "日報".into(),
        title: format!("日報 {} {}", r.site_name_ja, date_ja(r.date)),
        sections: vec![
            summary,
            services,
            hours,
            needs,
            langs,
            guided,
            manual,
            crate::bookings::day_section(&r.bookings),
        ],
        charts: vec![chart],
    }]
}

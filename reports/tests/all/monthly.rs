//! The monthly report of the known month: every figure checked against what was fed, the 2025
//! figures against the CSV, working days against the test calendar (holidays, 休日開庁).
#![allow(
    clippy::unwrap_used,
    reason = "a failed unwrap is a failed test or a broken sample"
)]

use crate::common;

use madoguchi_reports::sites::ALL_SITES;
use madoguchi_reports::*;

fn table(r: &MonthlyReport, id: TableId) -> &MonthlyTable {
    r.tables.iter().find(|t| t.id == id).unwrap()
}

fn col(t: &MonthlyTable, site: &str) -> usize {
    t.columns
        .iter()
        .position(|c| c.site == site)
        .unwrap_or_else(|| panic!("no column {site}"))
}

#[test]
fn counts_land_in_the_seed_tables() {
    let input = common::monthly_input();
    let r = monthly_report(&input);
    assert_eq!((r.year, r.month, r.baseline_year), (2026, 11, 2025));
    let ids: Vec<TableId> = r.tables.iter().map(|t| t.id).collect();
    assert_eq!(ids, TableId::ALL);

    let pickup = table(&r, TableId::CardPickup);
    assert_eq!(pickup.rows.len(), 11); // January to November
    let yn = col(pickup, "yahatanishi");
    assert_eq!(pickup.rows[10].current[yn], Some(170)); // 100 + 50 + 20 (休日開庁 Sunday)
    assert_eq!(pickup.rows[9].current[yn], Some(30));
    assert_eq!(pickup.rows[0].current[yn], Some(0));
    assert_eq!(pickup.year_to_date.current[yn], Some(200)); // December and 2025 rows ignored
    assert_eq!(pickup.rows[10].current[col(pickup, "sone")], Some(7));
    // 大里 is not in the seed's pickup table: a column is added for it.
    assert_eq!(pickup.columns.len(), 10);
    assert_eq!(pickup.columns[9].name_ja, "大里");
    assert_eq!(pickup.rows[10].current[9], Some(4));
    assert_eq!(pickup.rows[10].baseline[9], None);

    let apply = table(&r, TableId::ApplyAtCounter);
    assert_eq!(apply.month.current[col(apply, "yahatanishi")], Some(8)); // apply 3 + assist 5

    let express = table(&r, TableId::Express);
    assert_eq!(express.columns.len(), 1);
    assert_eq!(express.columns[0].name_ja, "全区");
    assert_eq!(express.month.current[0], Some(8)); // 6 at 小倉北 + 2 at 折尾
    assert_eq!(table(&r, TableId::Overseas).month.current[0], Some(3));

    let ward = table(&r, TableId::ECertificateWard);
    assert_eq!(ward.month.current[col(ward, "yahatanishi")], Some(120));
    let branch = table(&r, TableId::ECertificateBranch);
    assert_eq!(branch.month.current[col(branch, "orio")], Some(40));
    assert_eq!(branch.month.current[col(branch, "dairi")], Some(0));
    // 松ヶ江 has 2025 figures but no madoguchi: shown as "-" this year.
    let mg = col(branch, "matsugae");
    assert!(!branch.columns[mg].counted);
    assert_eq!(branch.month.current[mg], None);
    assert_eq!(branch.month.baseline[mg], Some(99));
    assert_eq!(branch.month.change[mg], None);

    assert_eq!(r.uncounted, vec![("online".to_string(), 9)]);
    // Nothing fed is lost: every counted November figure sums to what was fed.
    let fed: u64 = input
        .counts
        .iter()
        .filter(|c| c.date.format("%Y-%m").to_string() == "2026-11" && c.category.is_some())
        .map(|c| c.count)
        .sum();
    let shown: u64 = r
        .tables
        .iter()
        .flat_map(|t| t.month.current.iter())
        .flatten()
        .sum();
    assert_eq!(shown, fed);
}

#[test]
fn baseline_change_and_per_working_day() {
    let input = common::monthly_input();
    let r = monthly_report(&input);
    let b = &input.baseline;
    let pickup = table(&r, TableId::CardPickup);
    let yn = col(pickup, "yahatanishi");
    let base_nov = b.get(Category::CardPickup, "yahatanishi", 11).unwrap();
    assert_eq!(pickup.rows[10].baseline[yn], Some(base_nov));
    let change = pickup.month.change[yn].unwrap();
    assert_eq!(change.diff, 170 - base_nov as i64);
    let pct = change.pct.unwrap();
    assert!((pct - (170.0 - base_nov as f64) * 100.0 / base_nov as f64).abs() < 1e-9);

    // November 2026: 21 weekdays, less 3 and 23 November, plus the 休日開庁 Sunday at 八幡西.
    assert_eq!(pickup.month.working_days[yn], 20);
    assert_eq!(pickup.month.working_days[col(pickup, "moji")], 19);
    assert_eq!(pickup.month.per_day[yn], Some(170.0 / 20.0));
    // November 2025: 20 weekdays, less 3 and 24 November.
    assert_eq!(pickup.month.baseline_working_days[yn], 18);
    assert_eq!(
        pickup.month.baseline_per_day[yn],
        Some(base_nov as f64 / 18.0)
    );

    let ytd_base: u64 = (1..=11)
        .map(|m| b.get(Category::CardPickup, "yahatanishi", m).unwrap())
        .sum();
    assert_eq!(pickup.year_to_date.baseline[yn], Some(ytd_base));
    let ytd_days: u32 = input.working_days["yahatanishi"][..11].iter().sum();
    assert_eq!(pickup.year_to_date.working_days[yn], ytd_days);
    assert_eq!(
        pickup.year_to_date.per_day[yn],
        Some(200.0 / f64::from(ytd_days))
    );

    // The citywide column divides by the days any site was open (20, thanks to 八幡西).
    let express = table(&r, TableId::Express);
    assert_eq!(express.month.working_days[0], 20);
    assert_eq!(input.working_days[ALL_SITES][10], 20);
    // Overseas movers: the city shows "-" for early 2025, kept as none, not zero.
    let overseas = table(&r, TableId::Overseas);
    assert_eq!(overseas.rows[0].baseline[0], None);
    assert_eq!(overseas.rows[6].baseline[0], Some(7));
    assert_eq!(
        overseas.year_to_date.baseline[0],
        Some(7 + 14 + 7 + 18 + 20)
    );
}

#[test]
fn a_full_year_of_2025_reproduces_the_seed_totals() {
    let mut input = common::monthly_input();
    input.month = 12;
    input.counts.clear();
    // 240 working days in the seed's 一日当たり; a stand-in calendar with exactly 240 days.
    input.baseline_working_days = [("yahatanishi".to_string(), [20u32; 12])]
        .into_iter()
        .collect();
    let r = monthly_report(&input);
    let pickup = table(&r, TableId::CardPickup);
    let yn = col(pickup, "yahatanishi");
    assert_eq!(pickup.year_to_date.baseline[yn], Some(29_702));
    let per_day = pickup.year_to_date.baseline_per_day[yn].unwrap();
    assert_eq!(format!("{per_day:.1}"), "123.8"); // as printed in the seed
    assert_eq!(pickup.year_to_date.current[yn], Some(0));
    assert_eq!(pickup.year_to_date.change[yn].unwrap().diff, -29_702);
}

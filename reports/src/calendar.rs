//! Working days per site and month, counted with any `is_working_day(site, date)` function
//! (in production the engine's calendar: holidays, 29 Dec – 3 Jan, 休日開庁 days).

use chrono::{Datelike, NaiveDate};

use crate::WorkingDays;
use crate::sites::ALL_SITES;

/// Working days of `site` in each month of `year`.
pub fn working_days_of_year(
    year: i32,
    site: &str,
    is_working_day: &dyn Fn(&str, NaiveDate) -> bool,
) -> [u32; 12] {
    let mut days = [0u32; 12];
    let Some(mut d) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return days;
    };
    while d.year() == year {
        if is_working_day(site, d) {
            days[d.month0() as usize] += 1;
        }
        let Some(next) = d.succ_opt() else { break };
        d = next;
    }
    days
}

/// Working days of every site in `sites` in `year`, plus [`ALL_SITES`]: the days on which at
/// least one of them was open (the divisor of citywide columns such as 特急発行).
pub fn working_days_table(
    year: i32,
    sites: &[&str],
    is_working_day: &dyn Fn(&str, NaiveDate) -> bool,
) -> WorkingDays {
    let mut table = WorkingDays::new();
    for site in sites {
        table.insert(
            (*site).to_string(),
            working_days_of_year(year, site, is_working_day),
        );
    }
    let any = |_: &str, d: NaiveDate| sites.iter().any(|s| is_working_day(s, d));
    table.insert(
        ALL_SITES.to_string(),
        working_days_of_year(year, ALL_SITES, &any),
    );
    table
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;

    #[test]
    fn counts_weekdays_and_extra_days_per_site() {
        // Weekdays only, plus one Sunday at "b" (休日開庁).
        let extra = NaiveDate::from_ymd_opt(2027, 3, 7).unwrap();
        let cal = |site: &str, d: NaiveDate| {
            !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || (site == "b" && d == extra)
        };
        let t = working_days_table(2027, &["a", "b"], &cal);
        assert_eq!(t["a"][2], 23); // March 2027 has 23 weekdays
        assert_eq!(t["b"][2], 24);
        assert_eq!(t[ALL_SITES][2], 24);
        assert_eq!(t["a"][1], 20); // February 2027
        assert_eq!(t["a"].iter().sum::<u32>(), 261);
    }
}

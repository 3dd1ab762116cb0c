//! Booked card pickups coming in: the reservation system's CSV export (or its JSON push)
//! checked and turned into [`BookingRow`]s, with no personal data kept.
//!
//! # The CSV format (`docs/bookings.md`, sample `docs/bookings-sample.csv`)
//! UTF-8 (a BOM is fine), comma-separated, `"` quotes, one header line. Columns, by header
//! (case and spaces ignored; Japanese headers of the reservation system's export accepted):
//! - `reference` (`予約番号`, `受付番号`, `booking_reference`): letters, digits, `-` or
//!   spaces, 3–32 characters; stored without case, spaces or hyphens. Twelve digits alone
//!   (what a My Number looks like) are refused.
//! - `service` (`業務`, `予約業務`): a service id of the site (`pickup`) or its Japanese name.
//! - `slot_start`, `slot_end` (`開始`, `開始時刻`, `終了`, `終了時刻`): `2026-11-25 10:30`
//!   (JST), RFC 3339, or `10:30` with a `date` column (`予約日`, `日付`) as `2026-11-25` or
//!   `2026/11/25`.
//!
//! A column whose header looks like personal data (name, 氏名, フリガナ, birth, 生年月日,
//! address, 住所, phone, 電話, mail, my number, 個人番号, card number, カード番号, gender, 性別,
//! age, 年齢…) is dropped before anything else is read and named in the answer; any other
//! column is ignored and named. A bad line stops the import with its line number and field,
//! and nothing is stored.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use madoguchi_engine::Config;
use madoguchi_protocol::{Booking, BookingImport, Timestamp};

use crate::store::{BookingRow, day_of};

/// Why an import was refused, as a sentence naming the line and field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

fn at_line(line: usize, field: &str, message: impl std::fmt::Display) -> ImportError {
    ImportError(format!("line {line}, field {field}: {message}"))
}

/// A reference as stored and compared: upper case, no spaces or hyphens.
pub fn normalise(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != 'ー' && *c != '－')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Header fragments that mark a column as personal data (compared in lower case).
const PERSONAL: &[&str] = &[
    "name",
    "氏名",
    "名前",
    "姓",
    "フリガナ",
    "ふりがな",
    "カナ",
    "kana",
    "birth",
    "生年月日",
    "誕生",
    "dob",
    "address",
    "住所",
    "phone",
    "tel",
    "電話",
    "mail",
    "メール",
    "mynumber",
    "my number",
    "my_number",
    "個人番号",
    "マイナンバー",
    "card number",
    "card_number",
    "cardnumber",
    "カード番号",
    "gender",
    "性別",
    "sex",
    "age",
    "年齢",
    "郵便",
    "zip",
    "postal",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Reference,
    Service,
    Start,
    End,
    Date,
}

fn field_of(header: &str) -> Option<Field> {
    let h: String = header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(match h.as_str() {
        "reference" | "booking_reference" | "bookingreference" | "予約番号" | "受付番号" => {
            Field::Reference
        }
        "service" | "業務" | "予約業務" => Field::Service,
        "slot_start" | "start" | "開始" | "開始時刻" | "予約開始" => Field::Start,
        "slot_end" | "end" | "終了" | "終了時刻" | "予約終了" => Field::End,
        "date" | "予約日" | "日付" => Field::Date,
        _ => return None,
    })
}

fn is_personal(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    PERSONAL.iter().any(|p| h.contains(p))
}

/// Splits CSV text into records of fields, each with its line number (quoted fields may
/// hold commas, doubled quotes and line breaks).
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                out.push((start_line, std::mem::take(&mut fields)));
                line += 1;
                start_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(ImportError(format!(
            "line {start_line}: a quoted field is not closed (a \" is missing)"
        )));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start_line, fields));
    }
    // Blank lines carry nothing.
    out.retain(|(_, f)| f.iter().any(|x| !x.trim().is_empty()));
    Ok(out)
}

fn jst(local: NaiveDateTime) -> Timestamp {
    crate::clock::jst()
        .from_local_datetime(&local)
        .single()
        .unwrap_or_else(|| crate::clock::jst().from_utc_datetime(&local))
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d"))
        .ok()
}

fn parse_time(value: &str, date: Option<NaiveDate>) -> Result<Timestamp, String> {
    let v = value.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Ok(t);
    }
    for f in [
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, f) {
            return Ok(jst(t));
        }
    }
    if let Ok(t) = NaiveTime::parse_from_str(v, "%H:%M") {
        return match date {
            Some(d) => Ok(jst(d.and_time(t))),
            None => Err(format!(
                "\"{v}\" has no date; give \"2026-11-25 10:30\" or add a date column"
            )),
        };
    }
    Err(format!(
        "\"{v}\" is not a time; write \"2026-11-25 10:30\" (JST) or \"10:30\" with a date column"
    ))
}

/// Checks one booking's fields for `site` and returns its row (`line` names it in errors).
#[expect(
    clippy::too_many_arguments,
    reason = "the fields of one booking and who imports it"
)]
fn checked(
    config: &Config,
    site: &str,
    line: usize,
    reference: &str,
    service: &str,
    start: Timestamp,
    end: Timestamp,
    by: &str,
    now: Timestamp,
) -> Result<BookingRow, ImportError> {
    let r = reference.trim();
    let norm = normalise(r);
    if norm.len() < 3
        || norm.len() > 32
        || !r
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ')
    {
        return Err(at_line(
            line,
            "reference",
            format!(
                "\"{r}\" is not a booking reference; use the reservation system's reference (3–32 letters, digits or -)"
            ),
        ));
    }
    if norm.len() == 12 && norm.chars().all(|c| c.is_ascii_digit()) {
        return Err(at_line(
            line,
            "reference",
            "twelve digits look like an individual number (マイナンバー), which must never be stored; export the booking reference instead",
        ));
    }
    let site_cfg = config
        .site(site)
        .ok_or_else(|| ImportError(format!("there is no site \"{site}\"")))?;
    let s = service.trim();
    let service_id = config
        .site_services(site_cfg)
        .into_iter()
        .find(|x| x.id == s || x.name_ja == s)
        .map(|x| x.id.clone())
        .ok_or_else(|| {
            at_line(
                line,
                "service",
                format!(
                    "\"{s}\" is not a service of this office; use its id (e.g. pickup) or Japanese name"
                ),
            )
        })?;
    if end <= start {
        return Err(at_line(
            line,
            "slot_end",
            "the slot ends before it starts; check the times",
        ));
    }
    if day_of(start) != day_of(end) {
        return Err(at_line(
            line,
            "slot_end",
            "the slot ends on another day than it starts",
        ));
    }
    Ok(BookingRow {
        reference: norm,
        site: site.to_string(),
        day: day_of(start),
        service: service_id,
        slot_start: start,
        slot_end: end,
        checked_in: None,
        called_at: None,
        imported_at: now,
        imported_by: by.to_string(),
    })
}

/// Reads a CSV export for `site`: the rows to store and what was left out.
pub fn parse_csv(
    config: &Config,
    site: &str,
    text: &str,
    by: &str,
    now: Timestamp,
) -> Result<(Vec<BookingRow>, BookingImport), ImportError> {
    let recs = records(text)?;
    let Some(((_, header), rows)) = recs.split_first() else {
        return Err(ImportError(
            "the file is empty; it needs a header line (reference,service,slot_start,slot_end) and one line per booking".into(),
        ));
    };
    let mut report = BookingImport::default();
    let mut columns: Vec<Option<Field>> = Vec::new();
    for h in header {
        if is_personal(h) {
            report.dropped_personal_columns.push(h.trim().to_string());
            columns.push(None);
            continue;
        }
        let f = field_of(h);
        if f.is_some() && columns.contains(&f) {
            return Err(at_line(1, h.trim(), "this column appears twice"));
        }
        if f.is_none() {
            report.ignored_columns.push(h.trim().to_string());
        }
        columns.push(f);
    }
    for (need, name) in [
        (Field::Reference, "reference"),
        (Field::Service, "service"),
        (Field::Start, "slot_start"),
        (Field::End, "slot_end"),
    ] {
        if !columns.contains(&Some(need)) {
            return Err(at_line(
                1,
                name,
                "the header has no such column; the file needs reference, service, slot_start and slot_end",
            ));
        }
    }
    let mut out: Vec<BookingRow> = Vec::new();
    for (line, fields) in rows {
        let get = |f: Field| -> &str {
            columns
                .iter()
                .position(|c| *c == Some(f))
                .and_then(|i| fields.get(i))
                .map_or("", |s| s.as_str())
        };
        let date = match get(Field::Date).trim() {
            "" => None,
            d => Some(parse_date(d).ok_or_else(|| {
                at_line(
                    *line,
                    "date",
                    format!("\"{d}\" is not a date; write 2026-11-25"),
                )
            })?),
        };
        let start =
            parse_time(get(Field::Start), date).map_err(|m| at_line(*line, "slot_start", m))?;
        let end = parse_time(get(Field::End), date).map_err(|m| at_line(*line, "slot_end", m))?;
        let row = checked(
            config,
            site,
            *line,
            get(Field::Reference),
            get(Field::Service),
            start,
            end,
            by,
            now,
        )?;
        if out.iter().any(|b| b.reference == row.reference) {
            return Err(at_line(
                *line,
                "reference",
                format!("{} appears twice in the file", row.reference),
            ));
        }
        out.push(row);
    }
    report.imported = u32::try_from(out.len()).unwrap_or(u32::MAX);
    Ok((out, report))
}

/// Checks a pushed JSON list for `site` (items numbered from 1 as "line").
pub fn check_json(
    config: &Config,
    site: &str,
    list: &[Booking],
    by: &str,
    now: Timestamp,
) -> Result<(Vec<BookingRow>, BookingImport), ImportError> {
    let mut out: Vec<BookingRow> = Vec::new();
    for (i, b) in list.iter().enumerate() {
        let n = i + 1;
        if b.site != site {
            return Err(ImportError(format!(
                "item {n}, field site: \"{}\" is not this office (\"{site}\"); push each office's bookings to its own URL",
                b.site
            )));
        }
        let row = checked(
            config,
            site,
            n,
            &b.reference,
            &b.service,
            b.slot_start,
            b.slot_end,
            by,
            now,
        )
        .map_err(|e| ImportError(e.0.replacen("line", "item", 1)))?;
        if out.iter().any(|x| x.reference == row.reference) {
            return Err(ImportError(format!(
                "item {n}, field reference: {} appears twice",
                row.reference
            )));
        }
        out.push(row);
    }
    let report = BookingImport {
        imported: u32::try_from(out.len()).unwrap_or(u32::MAX),
        ..BookingImport::default()
    };
    Ok((out, report))
}

/// `madoguchi-server bookings …`.
#[derive(Debug, clap::Subcommand)]
pub enum BookingsCmd {
    /// Store a site's bookings from the reservation system's CSV export; prints what was
    /// imported and which columns were ignored or dropped as personal data.
    Import {
        #[arg(long)]
        site: String,
        file: std::path::PathBuf,
        #[arg(long, default_value = "madoguchi.db")]
        db: crate::store::Database,
        #[arg(long)]
        config: Option<std::path::PathBuf>,
    },
}

/// Runs a `bookings` subcommand: one transaction with the rows and an audit row.
pub async fn run(command: BookingsCmd) -> anyhow::Result<()> {
    use crate::clock::Clock;
    let BookingsCmd::Import {
        site,
        file,
        db,
        config,
    } = command;
    let config = match config.as_deref() {
        Some(p) => Config::load(p)?,
        None => Config::shipped(),
    };
    if config.site(&site).is_none() {
        anyhow::bail!("There is no site \"{site}\" in the configuration.");
    }
    let bytes = std::fs::read(&file)
        .map_err(|e| anyhow::anyhow!("{}: cannot be read: {e}", file.display()))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}: not UTF-8; save the export as CSV UTF-8 and import again",
            file.display()
        )
    })?;
    let now = crate::clock::SystemClock.now();
    let (rows, report) = parse_csv(&config, &site, text, "cli", now)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))?;
    let store = crate::store::open(&db)
        .await
        .map_err(|e| anyhow::anyhow!("opening the database {db}: {e}"))?;
    let mut writes: Vec<crate::store::Write> =
        rows.into_iter().map(crate::store::Write::Booking).collect();
    writes.push(crate::store::Write::Audit(crate::store::AuditDraft {
        at: now,
        actor: "cli".into(),
        role: madoguchi_protocol::Role::Admin,
        site: site.clone(),
        counter: None,
        action: "bookings_import".into(),
        ticket: None,
        detail: format!(
            "file={} imported={} ignored=[{}] dropped_personal=[{}]",
            file.display(),
            report.imported,
            report.ignored_columns.join(","),
            report.dropped_personal_columns.join(",")
        ),
    }));
    store.commit(writes).await?;
    println!("{} bookings imported for {site}.", report.imported);
    if !report.ignored_columns.is_empty() {
        println!("Ignored columns: {}", report.ignored_columns.join(", "));
    }
    if !report.dropped_personal_columns.is_empty() {
        println!(
            "Dropped as personal data (not stored): {}",
            report.dropped_personal_columns.join(", ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-25T08:00:00+09:00").unwrap()
    }

    #[test]
    fn personal_columns_are_dropped_and_named_and_others_ignored() {
        let csv = "\u{feff}予約番号,氏名,生年月日,業務,予約日,開始時刻,終了時刻,備考,電話番号\r\n\
                   R-2611-0001,山田 太郎,1980-01-01,pickup,2026/11/25,10:30,11:00,\"窓口, 2F\",090\r\n\
                   r 2611 0002,\"鈴木\",1990-02-02,カード受け取り(交付),2026-11-25,11:00,11:30,,\r\n";
        let (rows, report) = parse_csv(&Config::shipped(), "yahatanishi", csv, "t", now()).unwrap();
        assert_eq!(report.imported, 2);
        assert_eq!(
            report.dropped_personal_columns,
            ["氏名", "生年月日", "電話番号"]
        );
        assert_eq!(report.ignored_columns, ["備考"]);
        assert_eq!(rows[0].reference, "R26110001");
        assert_eq!(rows[1].reference, "R26110002");
        assert_eq!(rows[1].service, "pickup");
        assert_eq!(rows[0].slot_start.to_rfc3339(), "2026-11-25T10:30:00+09:00");
        let stored = format!("{rows:?}");
        assert!(
            !stored.contains("山田") && !stored.contains("1980"),
            "{stored}"
        );
    }

    #[test]
    fn a_bad_line_is_named_with_its_field() {
        let csv = "reference,service,slot_start,slot_end\n\
                   A-1001,pickup,2026-11-25 10:30,2026-11-25 11:00\n\
                   A-1002,pickup,2026-11-25 25:00,2026-11-25 11:00\n";
        let err = parse_csv(&Config::shipped(), "yahatanishi", csv, "t", now()).unwrap_err();
        assert!(err.0.starts_with("line 3, field slot_start:"), "{err}");
        let csv = "reference,service,slot_start,slot_end\nA-1001,passport,2026-11-25 10:30,2026-11-25 11:00\n";
        let err = parse_csv(&Config::shipped(), "yahatanishi", csv, "t", now()).unwrap_err();
        assert!(err.0.starts_with("line 2, field service:"), "{err}");
        let csv = "reference,service,slot_start,slot_end\n123456789012,pickup,2026-11-25 10:30,2026-11-25 11:00\n";
        let err = parse_csv(&Config::shipped(), "yahatanishi", csv, "t", now()).unwrap_err();
        assert!(err.0.contains("individual number"), "{err}");
        let err = parse_csv(
            &Config::shipped(),
            "yahatanishi",
            "reference,service\n",
            "t",
            now(),
        )
        .unwrap_err();
        assert!(err.0.starts_with("line 1, field slot_start"), "{err}");
    }

    #[test]
    fn the_sample_file_imports() {
        let text = include_str!("../../docs/bookings-sample.csv");
        let (rows, report) =
            parse_csv(&Config::shipped(), "yahatanishi", text, "t", now()).unwrap();
        assert!(rows.len() >= 3);
        assert!(!report.dropped_personal_columns.is_empty());
    }
}

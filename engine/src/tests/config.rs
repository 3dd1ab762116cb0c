//! Configuration tests: the shipped file, and errors that name file and field.

use crate::{Config, ConfigError};

fn shipped() -> Config {
    Config::from_toml(Config::shipped_text(), "config/madoguchi.toml").unwrap()
}

/// The shipped text with `from` replaced by `to` (which must occur).
fn edited(from: &str, to: &str) -> Result<Config, ConfigError> {
    let text = Config::shipped_text();
    assert!(text.contains(from), "{from}");
    Config::from_toml(&text.replacen(from, to, 1), "test.toml")
}

#[test]
fn shipped_config_loads_with_13_sites() {
    let config = shipped();
    assert_eq!(config.sites.len(), 13);
    let wards = config
        .sites
        .iter()
        .filter(|s| s.kind == madoguchi_protocol::SiteKind::Ward)
        .count();
    assert_eq!(wards, 7);
    assert_eq!(config.sites.len() - wards, 6);
    assert_eq!(Config::shipped(), config);
    let info = config.site_info("yahatanishi").unwrap();
    assert!(info.address.contains("コムシティ"));
    assert!(info.counters.len() >= 8);
    let orio = config.site_info("orio").unwrap();
    assert!(orio.services.iter().any(|s| s.id == "pickup"));
    let dairi = config.site_info("dairi").unwrap();
    assert!(!dairi.services.iter().any(|s| s.id == "pickup"));
    assert!(dairi.services.iter().any(|s| s.id == "ecert"));
    let city = info.services.iter().find(|s| s.id == "city").unwrap();
    assert!(!city.kiosk);
    assert!(config.site_info("nowhere").is_none());
}

#[test]
fn load_reads_a_file_and_names_a_missing_one() {
    let dir = std::env::temp_dir().join(format!("madoguchi-engine-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ok.toml");
    std::fs::write(&path, Config::shipped_text()).unwrap();
    assert_eq!(Config::load(&path).unwrap(), shipped());
    let missing = dir.join("missing.toml");
    let err = Config::load(&missing).unwrap_err();
    assert!(err.file.ends_with("missing.toml"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_service_at_a_counter_names_the_field() {
    let err = edited(
        "services = { inquiry = 8, form = 8, apply = 4, assist = 4, pickup = 3,",
        "services = { inquiry = 8, form = 8, apply = 4, assist = 4, pickupp = 3,",
    )
    .unwrap_err();
    assert_eq!(err.file, "test.toml");
    assert_eq!(err.field, "sites[0].counters[0].services.pickupp");
    assert!(err.message.contains("unknown service"), "{err}");
    assert!(
        err.to_string()
            .starts_with("test.toml: sites[0].counters[0].services.pickupp: ")
    );
}

#[test]
fn unknown_key_is_an_error_with_its_path() {
    let err = edited(
        "no_show_grace_min = 30",
        "no_show_grace_min = 30\ncolour = 1",
    )
    .unwrap_err();
    assert_eq!(err.file, "test.toml");
    assert!(err.message.contains("colour"), "{err}");
    let err = edited("kind = \"branch\"", "kind = \"branch\"\nelevator = 4").unwrap_err();
    assert!(err.field.starts_with("sites[7]"), "{err}");
    assert!(err.message.contains("elevator"), "{err}");
}

#[test]
fn wrong_type_names_the_field() {
    let err = edited("target_wait_min = 30", "target_wait_min = \"half an hour\"").unwrap_err();
    assert_eq!(err.field, "services[0].target_wait_min", "{err}");
}

#[test]
fn validation_errors_name_their_fields() {
    let cases = [
        (
            "id = \"apply\"",
            "id = \"pickup\"",
            "services[1].id",
            "used twice",
        ),
        (
            "prefix = \"B\"",
            "prefix = \"A\"",
            "sites[0].services[1]",
            "prefix",
        ),
        (
            "first = 1\nlast = 999",
            "first = 5\nlast = 4",
            "services[0].first",
            "range",
        ),
        ("last = 999", "last = 1000", "services[0].first", "999"),
        (
            "thu = \"08:30-19:00\"",
            "thu = \"19:00-08:30\"",
            "hours.ward.thu",
            "before",
        ),
        (
            "thu = \"08:30-19:00\"",
            "thu = \"8.30 to 7pm\"",
            "hours.ward.thu",
            "08:30",
        ),
        (
            "date = \"2027-03-28\"",
            "date = \"2027-02-30\"",
            "special_days[0].date",
            "not a date",
        ),
        (
            "sites = [\"kokurakita\", \"yahatanishi\"]",
            "sites = [\"kokurakita\", \"yahata\"]",
            "special_days[0].sites[1]",
            "unknown site",
        ),
        (
            "pickup = 8, overseas = 4",
            "pickup = 11, overseas = 4",
            "sites[0].counters[2].services.pickup",
            "1 to 10",
        ),
        (
            "id = \"moji\"",
            "id = \"tobata\"",
            "sites[6].id",
            "used twice",
        ),
        (
            "name_key = \"service-apply\"",
            "name_key = \"apply\"",
            "services[1].name_key",
            "service-apply",
        ),
        (
            "target_wait_min = 30",
            "target_wait_min = 0",
            "services[0].target_wait_min",
            "at least",
        ),
        (
            "key = \"doc-passport\"",
            "key = \"passport\"",
            "services[7].documents[1].key",
            "doc-",
        ),
    ];
    for (from, to, field, words) in cases {
        let err = edited(from, to).unwrap_err();
        assert_eq!(err.file, "test.toml");
        assert_eq!(err.field, field, "{from} -> {to}: {err}");
        assert!(err.message.contains(words), "{from} -> {to}: {err}");
    }
}

#[test]
fn a_kiosk_service_without_a_counter_is_refused() {
    let mut config = shipped();
    let site = config.sites.iter_mut().find(|s| s.id == "dairi").unwrap();
    for c in &mut site.counters {
        c.services.remove("pin");
    }
    let err = config.validate("edited").unwrap_err();
    assert_eq!(err.field, "sites[7].services[3]");
    assert!(err.message.contains("no counter serves \"pin\""), "{err}");
}

#[test]
fn a_config_edited_in_code_validates_again() {
    let mut config = shipped();
    let services: Vec<String> = config.sites[0].services.clone();
    for c in &mut config.sites[0].counters {
        c.services = services.iter().map(|s| (s.clone(), 5)).collect();
    }
    config.validate("edited").unwrap();
    let info = config.site_info("moji").unwrap();
    assert_eq!(info.counters[0].services.len(), services.len());
}

/// The shipped counters are cross-trained: at every site each non-city counter serves every
/// kiosk service of its site, with its main job (weight 8 at wards) above the rest,
/// and the city desks keep the internal `city` service. The simulator measured what happens
/// otherwise (three of 八幡西's nine counters renewing e-certificates: 41 min mean wait).
#[test]
fn shipped_counters_serve_every_kiosk_service_of_their_site() {
    let config = shipped();
    for site in &config.sites {
        let services = config.site_services(site);
        let kiosk: Vec<&str> = services
            .iter()
            .filter(|s| s.kiosk)
            .map(|s| s.id.as_str())
            .collect();
        assert!(!kiosk.is_empty(), "{}", site.id);
        for c in &site.counters {
            let at = format!("{} counter {}", site.id, c.id);
            if c.id.starts_with("city") {
                assert!(c.weight("city") >= 1, "{at}");
                continue;
            }
            assert_eq!(c.weight("city"), 0, "{at}");
            for s in &kiosk {
                assert!(c.weight(s) >= 1, "{at} does not serve {s}");
            }
            let top = c.services.values().copied().max().unwrap_or(0);
            if site.kind == madoguchi_protocol::SiteKind::Ward {
                assert_eq!(top, 8, "{at}");
                let mins = c.services.values().filter(|w| **w < 4).count();
                assert!(mins >= kiosk.len() / 2, "{at}: most services are side jobs");
            }
        }
    }
}

#[test]
fn every_counter_of_every_shipped_site_has_its_own_spoken_name() {
    let config = Config::shipped();
    assert_eq!(config.sites.len(), 13);
    for site in &config.sites {
        let mut names = std::collections::HashSet::new();
        for c in &site.counters {
            let label = config.counter_label(c);
            let info = config.counter_info(c);
            assert!(names.insert(label.name_ja()), "{}: {}", site.id, c.id);
            // A staff desk is never "N番窓口"; a numbered counter is always its number.
            if c.id.starts_with("city") {
                let desk = if site.kind == madoguchi_protocol::SiteKind::Ward {
                    ("desk-city", "市職員窓口", "City staff desk")
                } else {
                    ("desk-branch-staff", "出張所職員窓口", "Branch staff desk")
                };
                assert_eq!(info.desk_key.as_deref(), Some(desk.0), "{}", c.id);
                assert!(info.name.starts_with(desk.1), "{}", info.name);
                assert!(!info.name.contains("番窓口"), "{}", info.name);
                assert!(info.name_en.starts_with(desk.2), "{}", info.name_en);
            } else {
                let n: u32 = c.id.parse().expect("numbered counters have numeric ids");
                assert_eq!(info.desk_key, None);
                assert_eq!(info.number, Some(n));
                assert_eq!(info.name, format!("{n}番窓口"));
                assert_eq!(info.name_en, format!("Counter {n}"));
            }
            assert!(config.area(&c.area).is_some(), "{}: {}", site.id, c.area);
        }
    }
}

#[test]
fn a_counter_without_number_or_desk_is_refused() {
    let err = edited("number = 5\narea = \"online\"", "area = \"online\"").unwrap_err();
    assert!(err.message.contains("give it a number"), "{err}");
    let err = edited("desk = \"city\"\nnumber = 1", "desk = \"cty\"\nnumber = 1").unwrap_err();
    assert!(err.field.ends_with(".desk"), "{err}");
    let err = edited(
        "number = 2\narea = \"support\"",
        "number = 1\narea = \"support\"",
    )
    .unwrap_err();
    assert!(err.message.contains("both be called"), "{err}");
}

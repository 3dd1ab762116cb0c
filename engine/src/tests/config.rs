//! Configuration tests: the shipped file, and errors that name file and field.

use crate::Config;

#[test]
fn shipped_config_loads_with_13_sites() {
    let config = Config::from_toml(Config::shipped_text(), "config/madoguchi.toml").unwrap();
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
}

//! Where else an errand can be done: the city's offices from the shipped configuration
//! (`config/madoguchi.toml`), so a kiosk at a branch office that does not hand out cards can name
//! the ward office that does, instead of hiding the purpose or sending the visitor nowhere.

use std::sync::{Arc, OnceLock};

use madoguchi_engine::Config;
use madoguchi_protocol::{ServiceId, SiteId, SiteInfo, SiteKind};

/// An office a visitor can be sent to, as the guidance screen names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub id: SiteId,
    pub name_ja: String,
    pub name_en: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    office: Office,
    kind: SiteKind,
    /// The services visitors can take a ticket for there.
    services: Vec<ServiceId>,
}

/// Every office of the city and what it offers at its kiosk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    entries: Vec<Entry>,
}

/// `北九州市門司区大里原町…` → `北九州市門司区`: the ward an address lies in (empty when the
/// address names no ward).
fn ward_of(address: &str) -> &str {
    address
        .char_indices()
        .find(|(_, c)| *c == '区')
        .map_or("", |(i, c)| &address[..i + c.len_utf8()])
}

impl Directory {
    /// The offices of a configuration.
    pub fn from_config(config: &Config) -> Self {
        let entries = config
            .sites
            .iter()
            .map(|site| Entry {
                office: Office {
                    id: site.id.clone(),
                    name_ja: site.name_ja.clone(),
                    name_en: site.name_en.clone(),
                    address: site.address.clone(),
                },
                kind: site.kind,
                services: config
                    .site_services(site)
                    .into_iter()
                    .filter(|s| s.kiosk)
                    .map(|s| s.id)
                    .collect(),
            })
            .collect();
        Directory { entries }
    }

    /// The shipped configuration's offices, read once.
    pub fn shipped() -> Arc<Directory> {
        static SHIPPED: OnceLock<Arc<Directory>> = OnceLock::new();
        SHIPPED
            .get_or_init(|| Arc::new(Directory::from_config(&Config::shipped())))
            .clone()
    }

    /// The office `id`.
    pub fn office(&self, id: &str) -> Option<&Office> {
        self.entries.iter().map(|e| &e.office).find(|o| o.id == id)
    }

    /// The nearest other office that offers `service`: the ward office of the same ward, then
    /// another office of the same ward, then the first ward office of the city, then any office.
    pub fn nearest(&self, from: &SiteInfo, service: &str) -> Option<&Office> {
        let ward = ward_of(&from.address);
        let rank = |e: &Entry| {
            let same_ward = !ward.is_empty() && ward_of(&e.office.address) == ward;
            match (same_ward, e.kind) {
                (true, SiteKind::Ward) => 0,
                (true, _) => 1,
                (false, SiteKind::Ward) => 2,
                (false, _) => 3,
            }
        };
        self.entries
            .iter()
            .filter(|e| e.office.id != from.id && e.services.iter().any(|s| s == service))
            .min_by_key(|e| rank(e))
            .map(|e| &e.office)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_branch_office_sends_visitors_to_its_own_wards_office() {
        let config = Config::shipped();
        let dir = Directory::from_config(&config);
        let ward_office = |site: &str| {
            let info = config.site_info(site).expect("shipped site");
            dir.nearest(&info, "pickup").map(|o| o.id.clone())
        };
        assert_eq!(ward_of("北九州市門司区大里原町12番12号"), "北九州市門司区");
        assert_eq!(ward_office("dairi").as_deref(), Some("moji"));
        assert_eq!(ward_office("shimago").as_deref(), Some("wakamatsu"));
        assert_eq!(ward_office("kojaku").as_deref(), Some("yahatanishi"));
        assert_eq!(ward_office("yahataminami").as_deref(), Some("yahatanishi"));
        for site in config.sites.iter().filter(|s| s.kind == SiteKind::Branch) {
            let info = config.site_info(&site.id).expect("shipped site");
            for service in ["pickup", "apply", "overseas", "online"] {
                let office = dir.nearest(&info, service).expect("some office offers it");
                assert_ne!(office.id, site.id);
                assert_eq!(
                    ward_of(&office.address),
                    ward_of(&site.address),
                    "{}: {service} is sent out of the ward",
                    site.id
                );
            }
        }
    }
}

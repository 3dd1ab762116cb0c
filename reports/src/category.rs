//! The categories of the city's monthly statistics and the tables they are laid out in, as at
//! the end of the seed: which services count in which category, and which columns each table has.
//!
//! The mapping from service id to category is code, not configuration: the service ids are
//! fixed by the project (`pickup`, `apply`, …), and a report of a past month must not change
//! when someone edits today's configuration.

use madoguchi_protocol::SiteKind;
use serde::{Deserialize, Serialize};

use crate::sites::{ALL_SITES, STAT_SITES};

/// A category of the monthly statistics; `code()` is the category column of the 2025 CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CardPickup,
    ApplyAtCounter,
    ExpressIssuance,
    OverseasMoverIssuance,
    ECertificate,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::CardPickup,
        Category::ApplyAtCounter,
        Category::ExpressIssuance,
        Category::OverseasMoverIssuance,
        Category::ECertificate,
    ];

    /// The code used in the CSV, e.g. `card_pickup`.
    pub fn code(self) -> &'static str {
        match self {
            Category::CardPickup => "card_pickup",
            Category::ApplyAtCounter => "apply_at_counter",
            Category::ExpressIssuance => "express_issuance",
            Category::OverseasMoverIssuance => "overseas_mover_issuance",
            Category::ECertificate => "e_certificate",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The category's name in the city's tables.
    pub fn name_ja(self) -> &'static str {
        match self {
            Category::CardPickup => "交付時来庁方式 交付枚数",
            Category::ApplyAtCounter => "申請時来庁方式",
            Category::ExpressIssuance => "特急発行",
            Category::OverseasMoverIssuance => "国外転出者の交付枚数",
            Category::ECertificate => "電子証明書",
        }
    }

    /// The category a service counts in, by its fixed id; `None` for services the city's
    /// tables do not count (online window, face update, forms, PIN, inquiries, city desk).
    pub fn of_service(service: &str) -> Option<Category> {
        match service {
            "pickup" => Some(Category::CardPickup),
            "apply" | "assist" => Some(Category::ApplyAtCounter),
            "express" => Some(Category::ExpressIssuance),
            "overseas" => Some(Category::OverseasMoverIssuance),
            "ecert" => Some(Category::ECertificate),
            _ => None,
        }
    }
}

/// One table of the monthly report, as in the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    CardPickup,
    ApplyAtCounter,
    Express,
    Overseas,
    ECertificateWard,
    ECertificateBranch,
}

impl TableId {
    pub const ALL: [TableId; 6] = [
        TableId::CardPickup,
        TableId::ApplyAtCounter,
        TableId::Express,
        TableId::Overseas,
        TableId::ECertificateWard,
        TableId::ECertificateBranch,
    ];

    pub fn category(self) -> Category {
        match self {
            TableId::CardPickup => Category::CardPickup,
            TableId::ApplyAtCounter => Category::ApplyAtCounter,
            TableId::Express => Category::ExpressIssuance,
            TableId::Overseas => Category::OverseasMoverIssuance,
            TableId::ECertificateWard | TableId::ECertificateBranch => Category::ECertificate,
        }
    }

    /// The table's heading, as in the seed.
    pub fn title_ja(self) -> &'static str {
        match self {
            TableId::ECertificateWard => "電子証明書 区役所",
            TableId::ECertificateBranch => "電子証明書 出張所",
            other => other.category().name_ja(),
        }
    }

    /// A short ASCII name, for file and sheet names.
    pub fn code(self) -> &'static str {
        match self {
            TableId::CardPickup => "card_pickup",
            TableId::ApplyAtCounter => "apply_at_counter",
            TableId::Express => "express_issuance",
            TableId::Overseas => "overseas_mover_issuance",
            TableId::ECertificateWard => "e_certificate_ward",
            TableId::ECertificateBranch => "e_certificate_branch",
        }
    }

    /// Whether the table has one citywide column (全区) instead of one per site.
    pub fn citywide(self) -> bool {
        matches!(self, TableId::Express | TableId::Overseas)
    }

    /// The table a count of `category` at `site` goes in (`site_kind` `None`: unknown site,
    /// counted with the ward offices).
    pub fn for_count(category: Category, site_kind: Option<SiteKind>) -> TableId {
        match category {
            Category::CardPickup => TableId::CardPickup,
            Category::ApplyAtCounter => TableId::ApplyAtCounter,
            Category::ExpressIssuance => TableId::Express,
            Category::OverseasMoverIssuance => TableId::Overseas,
            Category::ECertificate => match site_kind {
                Some(SiteKind::Branch) => TableId::ECertificateBranch,
                _ => TableId::ECertificateWard,
            },
        }
    }

    /// The columns of the seed's table (site ids, or [`ALL_SITES`]); a report adds a column
    /// for any other site that has counts.
    pub fn seed_columns(self) -> Vec<&'static str> {
        let wards = || {
            STAT_SITES
                .iter()
                .filter(|s| s.kind == SiteKind::Ward)
                .map(|s| s.id)
        };
        match self {
            TableId::CardPickup => wards().chain(["sone", "orio"]).collect(),
            TableId::ApplyAtCounter | TableId::ECertificateWard => wards().collect(),
            TableId::Express | TableId::Overseas => vec![ALL_SITES],
            TableId::ECertificateBranch => STAT_SITES
                .iter()
                .filter(|s| s.kind == SiteKind::Branch)
                .map(|s| s.id)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_map_to_the_seed_categories() {
        assert_eq!(Category::of_service("pickup"), Some(Category::CardPickup));
        assert_eq!(
            Category::of_service("assist"),
            Some(Category::ApplyAtCounter)
        );
        assert_eq!(
            Category::of_service("apply"),
            Some(Category::ApplyAtCounter)
        );
        assert_eq!(Category::of_service("online"), None);
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn tables_have_the_seed_columns() {
        assert_eq!(TableId::CardPickup.seed_columns().len(), 9);
        assert_eq!(TableId::ECertificateWard.seed_columns().len(), 7);
        assert_eq!(TableId::ECertificateBranch.seed_columns().len(), 9);
        assert_eq!(TableId::Express.seed_columns(), vec![ALL_SITES]);
        assert_eq!(
            TableId::for_count(Category::ECertificate, Some(SiteKind::Branch)),
            TableId::ECertificateBranch
        );
    }
}

//! Live advice for a site's supervisor: the predicted wait of a visitor arriving now, in 30 and
//! in 60 minutes per service, and for each service about to pass its target a concrete move
//! (a counter's weights for today, reopening a paused counter) or the extra counter it needs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{CounterId, ServiceId, Timestamp};

/// `GET /api/sites/{site}/advice`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LiveAdvice {
    pub site: String,
    pub at: Timestamp,
    /// Per service of the site, in the site's order.
    pub services: Vec<WaitForecast>,
    /// Moves, the most urgent first; empty when every service stays within its target.
    pub advice: Vec<AdviceItem>,
}

/// Predicted waits (minutes) of a visitor of `service` arriving now, in 30 and in 60 minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WaitForecast {
    pub service: ServiceId,
    pub name_ja: String,
    pub name_en: String,
    pub target_min: u32,
    pub waiting: u32,
    pub now_min: u32,
    pub in_30_min: u32,
    pub in_60_min: u32,
}

/// One service about to pass its target and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AdviceItem {
    pub service: ServiceId,
    pub service_ja: String,
    pub service_en: String,
    /// The highest predicted wait within the hour, without the move (minutes).
    pub predicted_min: u32,
    /// When the predicted wait first passes the target.
    pub at: Timestamp,
    pub target_min: u32,
    /// The highest predicted wait within the hour with the move made.
    pub after_min: u32,
    #[serde(rename = "move")]
    pub action: AdviceMove,
}

/// A move a supervisor can make in madoguchi, or the counter madoguchi cannot add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AdviceMove {
    /// Give `counter` these weights for today (`POST …/counters/{counter}/weights`).
    SetWeights {
        counter: CounterId,
        counter_ja: String,
        counter_en: String,
        weights: BTreeMap<ServiceId, u32>,
        /// The share of the next hour the counter is predicted idle without the move (%).
        idle_pct: u32,
        /// These are the counter's configured weights: the earlier move is no longer needed.
        #[serde(default)]
        usual: bool,
    },
    /// Reopen a paused counter that serves the service (`POST …/counters/{counter}/reopen`).
    Reopen {
        counter: CounterId,
        counter_ja: String,
        counter_en: String,
    },
    /// What madoguchi cannot do: staff `count` more counters like `like` from `from` to `to`.
    ExtraCounter {
        like: CounterId,
        like_ja: String,
        like_en: String,
        count: u32,
        /// `"10:00"` (JST).
        from: String,
        to: String,
    },
}

/// `POST /api/sites/{site}/counters/{counter}/weights`: the counter's weights for today (1–10
/// per service it serves in the configuration; services left out keep their weight).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WeightsRequest {
    pub weights: BTreeMap<ServiceId, u32>,
}

/// A counter's weights after a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CounterWeights {
    pub counter: CounterId,
    pub weights: BTreeMap<ServiceId, u32>,
}

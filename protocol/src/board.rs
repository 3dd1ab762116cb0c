//! What a site's waiting-room display and congestion page show: calls and queues, no people.

use serde::{Deserialize, Serialize};

use crate::{CounterId, Lang, ServiceId, SiteId, Timestamp};

/// One call on the board: "number → counter".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Call {
    pub number: String,
    pub service: ServiceId,
    pub counter: CounterId,
    /// The counter's Japanese written name (`3番窓口`, `市職員窓口1`).
    pub counter_name: String,
    /// The number said and shown for the counter (`3`), absent for an unnumbered desk.
    #[serde(default)]
    pub counter_number: Option<u32>,
    /// Locale key (and voice clip) of the counter's desk (`desk-city`); absent for "N番窓口".
    #[serde(default)]
    pub desk_key: Option<String>,
    /// The counter's area (e.g. `交付窓口`), for boards laid out in columns.
    pub area: String,
    /// Locale key of the area's name (`area-handover`).
    #[serde(default)]
    pub area_key: String,
    /// The ticket's language: the display announces in Japanese and then in this one.
    pub lang: Lang,
    pub at: Timestamp,
    /// How many times this ticket has been recalled (0 for the first call).
    pub recalls: u32,
    /// Staff go to the visitor and bring them to the counter (the ticket asked for the
    /// braille-signature form, [`Needs::staff_go_to_visitor`](crate::Needs::staff_go_to_visitor)):
    /// the display says the counter twice and marks the call; the visitor need not read the board.
    #[serde(default)]
    pub staff_to_visitor: bool,
}

/// Waiting count and estimated wait for one service of a site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QueueStatus {
    pub service: ServiceId,
    pub prefix: String,
    /// Locale key of the service name, e.g. `service-pickup`.
    pub name_key: String,
    pub name_ja: String,
    pub waiting: u32,
    /// Estimated wait in minutes for a ticket issued now (the range's midpoint).
    pub eta_min: u32,
    /// The estimated wait as a range ("about 10–20 minutes") for a ticket issued now.
    #[serde(default)]
    pub eta_range: WaitRange,
    pub target_min: u32,
    /// Counters open now that serve this service.
    pub counters_open: u32,
}

/// One counter's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CounterStatus {
    pub id: CounterId,
    /// Japanese written name (`3番窓口`, `市職員窓口1`).
    pub name: String,
    /// English written name (`Counter 3`, `City staff desk 1`).
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(default)]
    pub desk_key: Option<String>,
    pub area: String,
    #[serde(default)]
    pub area_key: String,
    pub services: Vec<ServiceId>,
    pub open: bool,
    /// The ticket number currently called or served there.
    pub current: Option<String>,
}

/// Everything a display needs to draw a site's board from scratch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Board {
    pub site: SiteId,
    pub site_name: String,
    pub site_name_en: String,
    pub now: Timestamp,
    /// Open for tickets now.
    pub open: bool,
    /// Today's hours, e.g. `("08:30", "17:15")`, `None` on a closed day.
    pub hours_today: Option<(String, String)>,
    /// The next opening when closed now.
    pub next_opening: Option<Timestamp>,
    /// The supervisor's notice line (empty for none).
    pub notice: String,
    /// Newest first: the current calls at each counter and then older ones.
    pub calls: Vec<Call>,
    pub queues: Vec<QueueStatus>,
    pub counters: Vec<CounterStatus>,
    /// The id of the last event folded into this board; an SSE client resumes after it.
    pub last_event_id: u64,
}

/// An estimated wait as a range of whole minutes (`low_min ≤ high_min`): what visitors are
/// shown ("about 10–20 minutes") instead of one number. `0–0` means "next" or not waiting.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct WaitRange {
    pub low_min: u32,
    pub high_min: u32,
}

//! Request and response bodies of the HTTP API (`protocol/API.md` lists the routes).

use serde::{Deserialize, Serialize};

use crate::{CounterId, Lang, Needs, ServiceId, SiteId, Ticket, TicketId, Timestamp};

/// Ward office (区役所) or branch office (出張所).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    Ward,
    Branch,
}

/// A document a visitor must have ready, by locale key (e.g. `doc-notice-postcard`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentInfo {
    pub key: String,
    pub name_ja: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ServiceInfo {
    pub id: ServiceId,
    /// Ticket number prefix, e.g. `A`.
    pub prefix: String,
    /// Locale key of the name, e.g. `service-pickup`.
    pub name_key: String,
    pub name_ja: String,
    pub name_en: String,
    pub target_wait_min: u32,
    pub documents: Vec<DocumentInfo>,
    /// Whether the kiosk offers it (internal services such as the city staff desk are not).
    pub kiosk: bool,
    /// Where the visitor will be called: the areas of the site's counters that serve it as
    /// their main job (highest weight). Empty outside a site's answer.
    #[serde(default)]
    pub areas: Vec<AreaName>,
}

/// A counter area as tickets and boards name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AreaName {
    /// Locale key, e.g. `area-handover`.
    pub key: String,
    pub name_ja: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CounterInfo {
    pub id: CounterId,
    /// Japanese written name (`3番窓口`, `市職員窓口1`).
    pub name: String,
    /// English written name (`Counter 3`, `City staff desk 1`).
    pub name_en: String,
    /// The number said and shown for the counter, absent for an unnumbered desk.
    pub number: Option<u32>,
    /// Locale key (and voice clip) of the counter's desk (`desk-city`); absent for "N番窓口".
    pub desk_key: Option<String>,
    pub area: String,
    /// Locale key of the area's name (`area-handover`).
    pub area_key: String,
    pub services: Vec<ServiceId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SiteInfo {
    pub id: SiteId,
    pub name_ja: String,
    pub name_en: String,
    pub kind: SiteKind,
    pub address: String,
    /// The floor of the counters, as printed on tickets (`4F`).
    pub floor: String,
    pub services: Vec<ServiceInfo>,
    pub counters: Vec<CounterInfo>,
}

/// `POST /api/sites/{site}/tickets`: a kiosk (or staff, by hand) issues a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IssueTicketRequest {
    pub service: ServiceId,
    pub lang: Lang,
    #[serde(default)]
    pub needs: Needs,
}

/// The answer to an issue: the ticket, where it stands, and the status page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IssuedTicket {
    pub ticket: Ticket,
    pub people_ahead: u32,
    pub eta_min: u32,
    /// The estimated wait as a range, printed and shown instead of `eta_min`.
    #[serde(default)]
    pub eta_range: crate::WaitRange,
    /// The unguessable token of the public status page (≥128 random bits, URL-safe).
    pub status_token: String,
    /// Absolute URL of the status page, for the QR code.
    pub status_url: String,
}

/// Body of counter actions that need one: transfer, and actions on a ticket other than the
/// counter's current one (recall, requeue of a no-show).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct CounterActionRequest {
    /// The ticket to act on; `None` means the counter's current ticket.
    pub ticket: Option<TicketId>,
    /// Transfer: the service whose queue the ticket joins.
    pub to_service: Option<ServiceId>,
    /// Transfer: a named counter that should take it next.
    pub to_counter: Option<CounterId>,
}

/// The answer to a counter action: the ticket it touched, if any (`call-next` on an empty
/// queue answers `ticket: null`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CounterActionResponse {
    pub ticket: Option<Ticket>,
}

/// `POST /api/sites/{site}/assist`: a visitor pressed "call staff".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssistRequest {
    pub lang: Lang,
}

/// The alert kind a display raises when its sound fails or it cannot name a counter.
pub const DISPLAY_SOUND_ALERT: &str = "display_sound";

/// The alert kind raised when a ticket whose visitor staff must fetch
/// ([`Needs::staff_go_to_visitor`](crate::Needs::staff_go_to_visitor)) is called or recalled.
pub const ASSIST_CALLED_ALERT: &str = "assist_called";

/// `POST /api/sites/{site}/display-alerts`: a display tells staff about its own problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DisplayAlertRequest {
    /// `display_sound` ([`DISPLAY_SOUND_ALERT`]).
    pub kind: String,
    /// A sentence for staff: what fails and what to do.
    pub detail: String,
}

/// `POST /api/tickets/{id}/print-result`: the kiosk says whether the paper came out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PrintResult {
    pub printed: bool,
    /// Why not, in words for staff (e.g. `paper out`), when `printed` is false.
    #[serde(default)]
    pub reason: String,
}

/// `PUT /api/sites/{site}/notice`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NoticeRequest {
    pub text: String,
}

/// `POST /api/login`: a staff member signs in at a site and counter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LoginRequest {
    pub user: String,
    pub password: String,
    pub site: SiteId,
    #[serde(default)]
    pub counter: Option<CounterId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Kiosk,
    Display,
    Staff,
    Supervisor,
    /// 統括管理者: supervisor of every site.
    Admin,
    /// The city's reservation system (交付予約): a device token that may only push a site's
    /// bookings (`POST /api/sites/{site}/reservations`).
    Reservations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LoginResponse {
    /// Bearer token for the session (also set as the HttpOnly `madoguchi_session` cookie).
    /// Only the sign-in answers it; `GET /api/me` leaves it out, so a script on the page can
    /// never read the session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub token: String,
    pub user: String,
    pub role: Role,
    pub site: SiteId,
    pub counter: Option<CounterId>,
}

/// Who is signed in at a counter (`GET /api/sites/{site}/staff`, staff of the site only): the
/// staff login and when the session began; no other personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CounterStaff {
    pub counter: CounterId,
    /// The staff member's login name.
    pub user: String,
    pub role: Role,
    /// When the session began.
    pub since: Timestamp,
}

/// One line of the audit log: who did what, where, to which ticket, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Timestamp,
    pub actor: String,
    pub role: Role,
    pub site: SiteId,
    pub counter: Option<CounterId>,
    pub action: String,
    pub ticket: Option<String>,
    pub detail: String,
}

/// An alert staff must acknowledge: a kiosk assistance request or an unprinted ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Alert {
    pub id: i64,
    pub site: SiteId,
    pub at: Timestamp,
    /// `assist`, `print_failed`, `printer_warning`, `display_sound`, or `assist_called` (a
    /// ticket whose visitor staff fetch from the waiting area was called; `ticket` is it).
    pub kind: String,
    pub kiosk: Option<String>,
    pub ticket: Option<Ticket>,
    pub lang: Option<Lang>,
    pub detail: String,
    pub acknowledged_by: Option<String>,
}

/// Every error the API returns: HTTP status plus this body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiError {
    /// Machine-readable code, e.g. `unknown_site`, `site_closed`, `forbidden`, `bad_request`.
    pub code: String,
    /// A sentence for a person that says what to do.
    pub message: String,
    /// For `site_closed`: when the site opens next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_opening: Option<Timestamp>,
    /// For `booking_other_site`: the office the booking is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteId>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_request_defaults_needs_and_rejects_unknown_language() {
        let req: IssueTicketRequest =
            serde_json::from_str(r#"{"service":"pickup","lang":"vi"}"#).unwrap();
        assert_eq!(req.lang, Lang::Vi);
        assert!(!req.needs.any());
        let err = serde_json::from_str::<IssueTicketRequest>(r#"{"service":"pickup","lang":"xx"}"#);
        assert!(err.is_err());
    }

    #[test]
    fn api_error_omits_next_opening_when_absent() {
        let e = ApiError {
            code: "unknown_site".into(),
            message: "No site with id x.".into(),
            next_opening: None,
            site: None,
        };
        let json = serde_json::to_string(&e).unwrap();
        assert!(!json.contains("next_opening"), "{json}");
    }
}

/// `POST /api/sites/{site}/guided`: the kiosk sent a visitor elsewhere without a ticket
/// (a wrong-queue visit avoided). Only the reason and language are counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GuidedRequest {
    /// The triage outcome's id, e.g. `not_resident`, `no_application_id`.
    pub reason: String,
    pub lang: Lang,
}

/// `POST /api/sites/{site}/leases`: a kiosk asks for numbers to issue while the server is
/// unreachable. The server tops up each service whose unused numbers fell below half of `size`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LeaseRequest {
    pub services: Vec<ServiceId>,
    /// Numbers per block (1–50; 20 by default).
    #[serde(default = "default_lease_size")]
    pub size: u32,
}

fn default_lease_size() -> u32 {
    20
}

/// One block of one service's numbers lent to the asking kiosk for `day`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LeaseBlock {
    pub service: ServiceId,
    pub prefix: String,
    pub from: u32,
    pub to: u32,
    /// Numbers of the block already uploaded as tickets.
    pub used: Vec<u32>,
}

/// Every block the kiosk holds today, and the services that got none (no room left).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LeaseGrant {
    /// The day the blocks are for, `YYYY-MM-DD` (JST); they end with it.
    pub day: String,
    pub leases: Vec<LeaseBlock>,
    pub refused: Vec<ServiceId>,
}

/// `POST /api/sites/{site}/tickets/offline`: a ticket the kiosk printed from its lease while
/// offline, uploaded with its original issue time (and its `Idempotency-Key`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OfflineTicketRequest {
    pub service: ServiceId,
    pub lang: Lang,
    #[serde(default)]
    pub needs: Needs,
    /// The number printed, from the kiosk's lease (e.g. 980 for `A-980`).
    pub number: u32,
    pub issued_at: Timestamp,
}

//! The serde types that the madoguchi server, kiosk, display and web console exchange.
//!
//! Also the list of servers a kiosk or display talks to, and the rule for moving between them
//! (`ServerList`), shared so that both follow one rule.
//!
//! Everything here is plain data: no I/O, no async runtime, no UI. The HTTP API that carries
//! these types is described in `protocol/API.md` (and served as OpenAPI by the server).
//! Tickets are anonymous by construction: no type here has a field for a name, an address,
//! a birth date or a My Number.

mod advice;
mod api;
mod board;
mod booking;
mod event;
mod lang;
mod servers;
mod ticket;

pub use advice::*;
pub use api::*;
pub use board::*;
pub use booking::*;
pub use event::*;
pub use lang::*;
pub use servers::{ServerList, ServerListError, Switch};
pub use ticket::*;

/// Local time at the sites (JST, UTC+9). All timestamps on the wire carry their offset.
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;

/// Site identifier, ASCII, e.g. `yahatanishi`, `orio`.
pub type SiteId = String;
/// Service identifier, ASCII, e.g. `pickup`, `apply`, `express`, `ecert`.
pub type ServiceId = String;
/// Counter identifier within a site, ASCII, e.g. `1`, `2`, `city-a`.
pub type CounterId = String;
/// Server-assigned ticket id, unique across all sites and days.
pub type TicketId = i64;

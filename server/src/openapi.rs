//! The OpenAPI 3.1 document served at `/api/openapi.json`, built from [`ROUTES`], the same
//! table as `protocol/API.md` (a test checks they agree).

use serde_json::{Map, Value, json};

/// One documented route: method, path, who may call it, request and response.
pub struct RouteDoc {
    pub method: &'static str,
    pub path: &'static str,
    pub who: &'static str,
    pub summary: &'static str,
    pub request: Option<&'static str>,
    pub response: &'static str,
    pub status: u16,
}

const fn r(
    method: &'static str,
    path: &'static str,
    who: &'static str,
    summary: &'static str,
    request: Option<&'static str>,
    response: &'static str,
    status: u16,
) -> RouteDoc {
    RouteDoc {
        method,
        path,
        who,
        summary,
        request,
        response,
        status,
    }
}

pub const ROUTES: &[RouteDoc] = &[
    r(
        "get",
        "/api/health",
        "anyone",
        "Liveness and version",
        None,
        "Health",
        200,
    ),
    r(
        "get",
        "/api/openapi.json",
        "anyone",
        "This document",
        None,
        "OpenApi",
        200,
    ),
    r(
        "get",
        "/api/sites",
        "anyone",
        "Every site with services and counters",
        None,
        "SiteInfo[]",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}",
        "anyone",
        "One site",
        None,
        "SiteInfo",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/board",
        "anyone",
        "What a waiting-room display shows",
        None,
        "Board",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/events",
        "display, staff, supervisor of the site",
        "SSE of SiteEvent; Last-Event-ID or ?last_event_id= replays; ': keepalive' every 5 s",
        None,
        "text/event-stream",
        200,
    ),
    r(
        "post",
        "/api/sites/{site}/tickets",
        "kiosk of the site, staff",
        "Issue a ticket; 409 site_closed outside hours; header Idempotency-Key: a repeat answers 200 with the same ticket (Idempotent-Replayed: true), another request with the same key 422 idempotency_key_reused",
        Some("IssueTicketRequest"),
        "IssuedTicket",
        201,
    ),
    r(
        "post",
        "/api/sites/{site}/leases",
        "kiosk of the site",
        "Numbers lent to this kiosk for today, to issue while the server is unreachable; tops up services below half a block",
        Some("LeaseRequest"),
        "LeaseGrant",
        200,
    ),
    r(
        "post",
        "/api/sites/{site}/tickets/offline",
        "kiosk of the site",
        "Upload a ticket printed offline from the kiosk's lease (original issue time, Idempotency-Key); 409 not_leased outside the lease",
        Some("OfflineTicketRequest"),
        "IssuedTicket",
        201,
    ),
    r(
        "post",
        "/api/sites/{site}/check-in",
        "kiosk of the site, staff",
        "Check a booking (交付予約) in by its reference: a booked ticket (R-001) of the booked service whose booking carries its slot and call_from; 404 booking_unknown, 409 booking_used, booking_other_site (ApiError.site: the booking's office), booking_late, booking_not_today; Idempotency-Key as for issuing",
        Some("CheckInRequest"),
        "IssuedTicket",
        201,
    ),
    r(
        "post",
        "/api/sites/{site}/reservations",
        "supervisor of the site, admin, the reservation system's token of the site",
        "Store the site's bookings: a CSV body (Content-Type: text/csv, docs/bookings.md) or a JSON list of Booking; personal-data columns dropped and named; 400 bad_bookings names the line and field; audited",
        Some("Booking[]"),
        "BookingImport",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/tickets",
        "staff",
        "Today's tickets, ?state=waiting filters",
        None,
        "Ticket[]",
        200,
    ),
    r(
        "get",
        "/api/status/{token}",
        "anyone with the token",
        "Public status of one ticket",
        None,
        "TicketStatus",
        200,
    ),
    r(
        "get",
        "/api/status/{token}/events",
        "anyone with the token",
        "SSE of 'status' events (TicketStatus)",
        None,
        "text/event-stream",
        200,
    ),
    r(
        "post",
        "/api/tickets/{id}/print-result",
        "kiosk",
        "Whether the paper ticket came out; false raises a print_failed alert",
        Some("PrintResult"),
        "empty",
        204,
    ),
    r(
        "post",
        "/api/tickets/{id}/reprint",
        "staff",
        "The same ticket again (same number and token)",
        None,
        "IssuedTicket",
        200,
    ),
    r(
        "post",
        "/api/sites/{site}/assist",
        "kiosk",
        "A visitor pressed 'call staff'",
        Some("AssistRequest"),
        "Alert",
        201,
    ),
    r(
        "post",
        "/api/sites/{site}/display-alerts",
        "display of the site",
        "A display's own problem for staff (kind display_sound: its sound fails)",
        Some("DisplayAlertRequest"),
        "Alert",
        201,
    ),
    r(
        "post",
        "/api/sites/{site}/guided",
        "kiosk",
        "A visitor was guided elsewhere without a ticket (counted)",
        Some("GuidedRequest"),
        "empty",
        204,
    ),
    r(
        "get",
        "/api/sites/{site}/alerts",
        "staff",
        "Alerts not yet acknowledged",
        None,
        "Alert[]",
        200,
    ),
    r(
        "post",
        "/api/alerts/{id}/ack",
        "staff",
        "Acknowledge an alert",
        None,
        "empty",
        204,
    ),
    r(
        "post",
        "/api/sites/{site}/counters/{counter}/{action}",
        "staff signed in at that site",
        "Counter action: call-next, recall, start, done, no-show, requeue, skip, cancel, transfer, pause, reopen; calling a braille-form ticket raises an assist_called alert",
        Some("CounterActionRequest"),
        "CounterActionResponse",
        200,
    ),
    r(
        "post",
        "/api/sites/{site}/counters/{counter}/weights",
        "supervisor of the site",
        "A counter's weights for today (1-10 per service it serves; the configuration's again tomorrow); audited, event counter_weights",
        Some("WeightsRequest"),
        "CounterWeights",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/counters/{counter}/weights",
        "staff, supervisor of the site",
        "A counter's weights today",
        None,
        "CounterWeights",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/advice",
        "staff, supervisor of the site",
        "Live advice: predicted waits per service now, in 30 and 60 min, and the moves that keep them within target",
        None,
        "LiveAdvice",
        200,
    ),
    r(
        "put",
        "/api/sites/{site}/notice",
        "supervisor",
        "Set the display's notice line",
        Some("NoticeRequest"),
        "empty",
        204,
    ),
    r(
        "get",
        "/api/sites/{site}/audit",
        "supervisor",
        "Audit log, newest first, ?limit=N",
        None,
        "AuditEntry[]",
        200,
    ),
    r(
        "post",
        "/api/login",
        "anyone",
        "Sign in; sets the madoguchi_session cookie",
        Some("LoginRequest"),
        "LoginResponse",
        200,
    ),
    r(
        "post",
        "/api/logout",
        "signed in",
        "Sign out",
        None,
        "empty",
        204,
    ),
    r(
        "get",
        "/api/me",
        "signed in",
        "The current session",
        None,
        "LoginResponse",
        200,
    ),
    r(
        "post",
        "/api/handover",
        "signed-in staff session",
        "A short-lived single-use pass that moves this session to a peer server, and the peers",
        None,
        "HandoverPass",
        200,
    ),
    r(
        "post",
        "/api/handover/exchange",
        "anyone with a pass",
        "Trades a hand-over pass for a session on this server; sets the madoguchi_session cookie",
        Some("HandoverExchange"),
        "LoginResponse",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/staff",
        "staff, supervisor of the site",
        "Who is signed in at each counter (login name only)",
        None,
        "CounterStaff[]",
        200,
    ),
    r(
        "get",
        "/api/boards",
        "anyone",
        "Boards of every site",
        None,
        "Board[]",
        200,
    ),
    r(
        "get",
        "/api/status/{token}/qr.svg",
        "anyone with the token",
        "QR code of the status page",
        None,
        "image/svg+xml",
        200,
    ),
    r(
        "get",
        "/api/sites/{site}/reports/daily",
        "supervisor of the site",
        "Daily report (日報): query date=YYYY-MM-DD, format=xlsx|csv|html",
        None,
        "ReportFile",
        200,
    ),
    r(
        "get",
        "/api/reports/monthly",
        "supervisor, admin",
        "Monthly report (月報) with 2025: query month=YYYY-MM, format=xlsx|csv|html",
        None,
        "ReportFile",
        200,
    ),
    r(
        "post",
        "/api/sites/{site}/manual-counts",
        "staff of the site",
        "Count work without a ticket",
        Some("ManualCountRequest"),
        "empty",
        204,
    ),
    r(
        "get",
        "/api/sites/{site}/staffing",
        "supervisor of the site",
        "Staffing advice per hour (query date=YYYY-MM-DD)",
        None,
        "Advice",
        200,
    ),
];

/// The JSON Schemas of the protocol's API types (derived with schemars from the same serde
/// types the server uses), keyed by type name, ready for `components/schemas`.
fn protocol_schemas() -> Map<String, Value> {
    use madoguchi_protocol as p;
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    macro_rules! each {
        ($($t:ident),* $(,)?) => {{
            let mut named = Map::new();
            $(
                let schema = generator.subschema_for::<p::$t>();
                named.insert(stringify!($t).to_owned(), schema.to_value());
            )*
            named
        }};
    }
    let named = each!(
        IssueTicketRequest,
        IssuedTicket,
        Booking,
        BookingImport,
        CheckInRequest,
        BookedSlot,
        Ticket,
        TicketStatus,
        CounterActionRequest,
        CounterActionResponse,
        AssistRequest,
        DisplayAlertRequest,
        PrintResult,
        NoticeRequest,
        LoginRequest,
        LoginResponse,
        CounterStaff,
        AuditEntry,
        Alert,
        ApiError,
        GuidedRequest,
        LeaseRequest,
        LeaseGrant,
        OfflineTicketRequest,
        Board,
        SiteInfo,
        SiteEvent,
        LiveAdvice,
        WeightsRequest,
        CounterWeights,
    );
    let mut all: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    // A type schemars inlined (no definition of its own) is kept under its name too.
    for (name, schema) in named {
        if schema.get("$ref").is_none() {
            all.entry(name).or_insert(schema);
        }
    }
    all
}

fn schema_ref(name: &str) -> Value {
    if let Some(item) = name.strip_suffix("[]") {
        json!({ "type": "array", "items": { "$ref": format!("#/components/schemas/{item}") } })
    } else {
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }
}

/// The whole document.
pub fn document() -> Value {
    let mut paths = Map::new();
    let mut schemas = protocol_schemas();
    for route in ROUTES {
        let params: Vec<Value> = route
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
            .map(|name| {
                let ty = if name == "id" { "integer" } else { "string" };
                json!({ "name": name, "in": "path", "required": true, "schema": { "type": ty } })
            })
            .collect();
        let content = match route.response {
            "empty" => None,
            "text/event-stream" | "image/svg+xml" => {
                Some(json!({ route.response: { "schema": { "type": "string" } } }))
            }
            other => {
                schemas.entry(other.trim_end_matches("[]").to_owned()).or_insert_with(|| json!({ "type": "object", "description": format!("madoguchi_protocol::{}", other.trim_end_matches("[]")) }));
                Some(json!({ "application/json": { "schema": schema_ref(other) } }))
            }
        };
        let mut response = json!({ "description": route.summary });
        if let Some(c) = content {
            response["content"] = c;
        }
        let mut op = json!({
            "summary": route.summary,
            "description": format!("Who: {}.", route.who),
            "parameters": params,
            "responses": {
                route.status.to_string(): response,
                "default": { "description": "ApiError", "content": { "application/json": { "schema": schema_ref("ApiError") } } }
            }
        });
        if let Some(req) = route.request {
            let named = req.trim_end_matches("[]");
            schemas.entry(named.to_owned()).or_insert_with(
                || json!({ "type": "object", "description": format!("madoguchi_protocol::{named}") }),
            );
            op["requestBody"] = json!({ "required": req != "CounterActionRequest", "content": { "application/json": { "schema": schema_ref(req) } } });
        }
        let entry = paths
            .entry(route.path.to_owned())
            .or_insert_with(|| json!({}));
        entry[route.method] = op;
    }
    schemas.entry("ApiError").or_insert_with(|| {
        json!({ "type": "object", "required": ["code", "message"], "properties": {
            "code": { "type": "string" }, "message": { "type": "string" },
            "next_opening": { "type": "string", "format": "date-time" } } })
    });
    json!({
        "openapi": "3.1.0",
        "info": { "title": "madoguchi", "version": env!("CARGO_PKG_VERSION"),
                  "description": "Queue ticketing for the My Number Card counters of Kitakyushu. Contract: protocol/API.md." },
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer" },
                "session": { "type": "apiKey", "in": "cookie", "name": "madoguchi_session" }
            }
        },
        "paths": paths
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of protocol/API.md's table is documented here, and nothing else.
    #[test]
    fn routes_match_the_api_contract() {
        let api = include_str!("../../protocol/API.md");
        let mut contract: Vec<(String, String)> = api
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                let method = cells.get(1)?;
                if !matches!(*method, "GET" | "POST" | "PUT" | "DELETE") {
                    return None;
                }
                let path = cells.get(2)?.trim_matches('`');
                let path = path.split('?').next()?.to_owned();
                Some((method.to_lowercase(), path))
            })
            .collect();
        let mut ours: Vec<(String, String)> = ROUTES
            .iter()
            .map(|r| (r.method.to_owned(), r.path.to_owned()))
            .collect();
        contract.sort();
        ours.sort();
        assert!(contract.len() >= 20, "{contract:?}");
        assert_eq!(contract, ours);
        let doc = document();
        assert_eq!(doc["openapi"], "3.1.0");
        assert!(doc["paths"]["/api/sites/{site}/tickets"]["post"]["requestBody"].is_object());
    }
}

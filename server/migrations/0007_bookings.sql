-- Booked card pickups (交付予約), imported from the city's reservation system or pushed by it.
-- No personal data: a reference, a site, a service and a slot. `reference` is normalised
-- (upper case, no spaces or hyphens) and city-wide. `state` is `booked` or `checked_in`; a
-- checked-in booking names its ticket (`ticket_id`, `ticket_number`), so a ticket's slot is
-- kept here for the reports and survives restarts (the day's commands also carry it).
CREATE TABLE bookings (
    reference TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    service TEXT NOT NULL,
    slot_start TEXT NOT NULL,
    slot_end TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'booked',
    ticket_id INTEGER,
    ticket_number TEXT,
    checked_in_at TEXT,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);
CREATE INDEX bookings_site_day ON bookings (site, day);
CREATE INDEX bookings_ticket ON bookings (ticket_id);

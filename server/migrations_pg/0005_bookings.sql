-- Booked card pickups (交付予約), imported from the city's reservation system or pushed by it.
-- No personal data: a reference, a site, a service and a slot. `reference` is normalised
-- (upper case, no spaces or hyphens) and city-wide. `state` is `booked` or `checked_in`; a
-- checked-in booking names its ticket (`ticket_id`, `ticket_number`), so a ticket's slot is
-- kept here for the reports and survives restarts (the day's commands also carry it).
CREATE TABLE bookings (
    reference TEXT COLLATE "C" PRIMARY KEY,
    site TEXT COLLATE "C" NOT NULL,
    day TEXT COLLATE "C" NOT NULL,
    service TEXT COLLATE "C" NOT NULL,
    slot_start TEXT COLLATE "C" NOT NULL,
    slot_end TEXT COLLATE "C" NOT NULL,
    state TEXT COLLATE "C" NOT NULL DEFAULT 'booked',
    ticket_id BIGINT,
    ticket_number TEXT COLLATE "C",
    checked_in_at TEXT COLLATE "C",
    imported_at TEXT COLLATE "C" NOT NULL,
    imported_by TEXT COLLATE "C" NOT NULL
);
CREATE INDEX bookings_site_day ON bookings (site, day);
CREATE INDEX bookings_ticket ON bookings (ticket_id);

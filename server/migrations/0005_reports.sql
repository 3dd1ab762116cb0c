-- The reports' tables (they were created by the reports crate itself before; IF NOT EXISTS
-- keeps such a database as it is). No column holds a visitor's personal data.

-- Work without a ticket that staff count by hand (第13: e.g. phone consultations), per site
-- and day, with the staff member (user login) who entered it.
CREATE TABLE IF NOT EXISTS manual_counts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    label_ja TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS manual_counts_site_day ON manual_counts (site, day);

-- What the configuration said about a site on a day (name, kind, hours, services with their
-- names and report categories, counters), frozen the first time it is written, so that a past
-- day's report never changes when the configuration changes later.
CREATE TABLE IF NOT EXISTS report_snapshots (
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    json TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (site, day)
);

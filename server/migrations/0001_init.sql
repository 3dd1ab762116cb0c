-- madoguchi schema v1. Documented in server/src/store/mod.rs. No column may hold a person's
-- name, address, birth date or My Number: tickets are anonymous.

CREATE TABLE commands (
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (site, day, seq)
);

CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    service TEXT NOT NULL,
    number TEXT NOT NULL,
    lang TEXT NOT NULL,
    need_braille_form INTEGER NOT NULL DEFAULT 0,
    need_wheelchair INTEGER NOT NULL DEFAULT 0,
    need_written INTEGER NOT NULL DEFAULT 0,
    need_interpreter INTEGER NOT NULL DEFAULT 0,
    need_help INTEGER NOT NULL DEFAULT 0,
    need_other INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    counter TEXT,
    issued_at TEXT NOT NULL,
    called_at TEXT,
    served_at TEXT,
    finished_at TEXT,
    transfers INTEGER NOT NULL DEFAULT 0,
    recalls INTEGER NOT NULL DEFAULT 0,
    kiosk TEXT,
    printed INTEGER,
    status_token TEXT NOT NULL UNIQUE
);
CREATE INDEX tickets_site_day ON tickets (site, day);

CREATE TABLE events (
    site TEXT NOT NULL,
    id INTEGER NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (site, id)
);

CREATE TABLE notices (
    site TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    kiosk TEXT,
    ticket_id INTEGER,
    lang TEXT,
    detail TEXT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TEXT
);
CREATE INDEX alerts_site_open ON alerts (site, acknowledged_by);

CREATE TABLE guided (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    kiosk TEXT NOT NULL,
    reason TEXT NOT NULL,
    lang TEXT NOT NULL
);
CREATE INDEX guided_site_day ON guided (site, day);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    site TEXT NOT NULL,
    counter TEXT,
    action TEXT NOT NULL,
    ticket TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_site ON audit (site, id);

CREATE TABLE device_tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    site TEXT NOT NULL,
    device TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    login TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    site TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    login TEXT NOT NULL,
    role TEXT NOT NULL,
    site TEXT NOT NULL,
    counter TEXT,
    created_at TEXT NOT NULL
);

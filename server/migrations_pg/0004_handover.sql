-- Moving a signed-in staff console to another server of the same database (`--peer`).
-- A session made by a hand-over belongs to the family of the sign-in it came from (`family`:
-- that sign-in's token hash; NULL for a sign-in itself): signing out of one ends them all.
ALTER TABLE sessions ADD COLUMN family TEXT;
CREATE INDEX sessions_family ON sessions (family);
-- Hand-over passes: SHA-256 of a short-lived, single-use pass, and the session it stands for.
CREATE TABLE handovers (
    pass_hash TEXT PRIMARY KEY,
    session_hash TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX handovers_expires ON handovers (expires_at);

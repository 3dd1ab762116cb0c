-- Tickets a kiosk issued from its lease while the server was unreachable, uploaded later.
ALTER TABLE tickets ADD COLUMN offline INTEGER NOT NULL DEFAULT 0;

-- Revocation: a stolen kiosk or display token, a staff member who left.
ALTER TABLE device_tokens ADD COLUMN revoked_at TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;

//! The rarer [`Write`]s (notices, alerts, guidance, devices, users, sessions, revocation,
//! health, day end), one statement each, inside the commit's PostgreSQL transaction. The SQL
//! is the SQLite writer's with `$n` placeholders.

use sqlx::{Postgres, Transaction};

use super::{opt_text, text};
use crate::store::rows::{day_str, enum_str};
use crate::store::{StoreResult, Write, day_of};

pub(super) async fn write_one(tx: &mut Transaction<'_, Postgres>, w: &Write) -> StoreResult<()> {
    match w {
        // The frequent rows go in multi-row statements (`writes.rs`).
        Write::Command { .. } | Write::Ticket { .. } | Write::Event { .. } | Write::Audit(_) => {}
        Write::Notice {
            site,
            text: notice,
            at,
            by,
        } => {
            sqlx::query(
                "INSERT INTO notices (site, text, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (site) DO UPDATE SET text = excluded.text, \
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            )
            .bind(text(site))
            .bind(text(notice))
            .bind(at.to_rfc3339())
            .bind(text(by))
            .execute(&mut **tx)
            .await?;
        }
        Write::Alert(a) => {
            sqlx::query(
                "INSERT INTO alerts (id, site, day, at, kind, kiosk, ticket_id, lang, detail) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(a.id)
            .bind(text(&a.site))
            .bind(day_str(day_of(a.at)))
            .bind(a.at.to_rfc3339())
            .bind(text(&a.kind))
            .bind(opt_text(&a.kiosk))
            .bind(a.ticket_id)
            .bind(a.lang.map(|l| l.code()))
            .bind(text(&a.detail))
            .execute(&mut **tx)
            .await?;
        }
        Write::AlertAck { id, by, at } => {
            sqlx::query(
                "UPDATE alerts SET acknowledged_by = $1, acknowledged_at = $2 \
                 WHERE id = $3 AND acknowledged_by IS NULL",
            )
            .bind(text(by))
            .bind(at.to_rfc3339())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        }
        Write::Guided {
            site,
            at,
            kiosk,
            reason,
            lang,
        } => {
            sqlx::query(
                "INSERT INTO guided (site, day, at, kiosk, reason, lang) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(text(site))
            .bind(day_str(day_of(*at)))
            .bind(at.to_rfc3339())
            .bind(text(kiosk))
            .bind(text(reason))
            .bind(lang.code())
            .execute(&mut **tx)
            .await?;
        }
        Write::Device(d) => {
            sqlx::query(
                "INSERT INTO device_tokens (token_hash, kind, site, device, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(text(&d.token_hash))
            .bind(enum_str(&d.kind))
            .bind(text(&d.site))
            .bind(text(&d.device))
            .bind(d.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::User(u) => {
            sqlx::query(
                "INSERT INTO users (login, role, site, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login) DO UPDATE SET \
                 role = excluded.role, site = excluded.site, \
                 password_hash = excluded.password_hash, disabled_at = NULL",
            )
            .bind(text(&u.login))
            .bind(enum_str(&u.role))
            .bind(opt_text(&u.site))
            .bind(text(&u.password_hash))
            .bind(u.at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::Session(s) => {
            sqlx::query(
                "INSERT INTO sessions \
                 (token_hash, login, role, site, counter, created_at, family) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(text(&s.token_hash))
            .bind(text(&s.login))
            .bind(enum_str(&s.role))
            .bind(text(&s.site))
            .bind(opt_text(&s.counter))
            .bind(s.at.to_rfc3339())
            .bind(opt_text(&s.family))
            .execute(&mut **tx)
            .await?;
        }
        Write::EndSession { token_hash } => {
            // The sign-in and every session handed over from it (its family).
            sqlx::query(
                "DELETE FROM sessions WHERE token_hash IN \
                 (SELECT COALESCE(family, token_hash) FROM sessions WHERE token_hash = $1) \
                 OR family IN \
                 (SELECT COALESCE(family, token_hash) FROM sessions WHERE token_hash = $1)",
            )
            .bind(text(token_hash))
            .execute(&mut **tx)
            .await?;
        }
        Write::HandoverPass(h) => {
            sqlx::query("DELETE FROM handovers WHERE expires_at < $1")
                .bind(h.at.to_rfc3339())
                .execute(&mut **tx)
                .await?;
            sqlx::query(
                "INSERT INTO handovers (pass_hash, session_hash, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(text(&h.pass_hash))
            .bind(text(&h.session_hash))
            .bind(h.at.to_rfc3339())
            .bind(h.expires.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::RevokeDevice { site, device, at } => {
            sqlx::query(
                "UPDATE device_tokens SET revoked_at = $1 \
                 WHERE site = $2 AND device = $3 AND revoked_at IS NULL",
            )
            .bind(at.to_rfc3339())
            .bind(text(site))
            .bind(text(device))
            .execute(&mut **tx)
            .await?;
        }
        Write::DisableUser { login, at } => {
            sqlx::query("UPDATE users SET disabled_at = $1 WHERE login = $2")
                .bind(at.to_rfc3339())
                .bind(text(login))
                .execute(&mut **tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE login = $1")
                .bind(text(login))
                .execute(&mut **tx)
                .await?;
        }
        Write::EndUserSessions { login } => {
            sqlx::query("DELETE FROM sessions WHERE login = $1")
                .bind(text(login))
                .execute(&mut **tx)
                .await?;
        }
        Write::Health { at } => {
            sqlx::query(
                "INSERT INTO health (id, at) VALUES (1, $1) \
                 ON CONFLICT (id) DO UPDATE SET at = excluded.at",
            )
            .bind(at.to_rfc3339())
            .execute(&mut **tx)
            .await?;
        }
        Write::ExpireBefore { site, day, at } => {
            sqlx::query(
                "UPDATE tickets SET state = 'expired', finished_at = COALESCE(finished_at, $1) \
                 WHERE site = $2 AND day < $3 AND state IN ('waiting', 'called', 'serving')",
            )
            .bind(at.to_rfc3339())
            .bind(text(site))
            .bind(day_str(*day))
            .execute(&mut **tx)
            .await?;
        }
        Write::ManualCount(_) | Write::ReportSnapshot(_) => {
            super::reports::write_report(tx, w).await?;
        }
        Write::Booking(_) | Write::BookingCheckedIn { .. } => {
            super::bookings::write_booking(tx, w).await?;
        }
    }
    Ok(())
}

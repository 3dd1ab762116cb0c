//! Writing [`Write`]s inside an open PostgreSQL transaction, in the same order as the SQLite
//! writer: the frequent rows (commands, tickets, events, audit) of a whole group commit in
//! multi-row statements, then every other row in the order it came.
//!
//! One difference needs care: a multi-row `INSERT … ON CONFLICT DO UPDATE` in PostgreSQL
//! refuses to touch one row twice, while SQLite applies the rows one after another. A group
//! commit can hold a ticket's issue and its call, so tickets are folded to one row per id
//! first: the last state, with the first row's status token (the token is only used on
//! insert). The result is the row SQLite ends with.

use std::collections::HashMap;

use madoguchi_protocol::Ticket;
use sqlx::{Postgres, QueryBuilder, Transaction};

use super::{opt_text, text};
use crate::store::rows::{day_str, enum_str};
use crate::store::{StoreResult, Write, day_of};

/// Rows per multi-row statement (tickets have 24 columns; PostgreSQL allows 65,535 parameters).
const CHUNK: usize = 500;

const TICKET_COLUMNS: &str = "INSERT INTO tickets (id, site, day, service, number, lang, \
    need_braille_form, need_wheelchair, need_written, need_interpreter, need_help, need_other, \
    state, counter, issued_at, called_at, served_at, finished_at, transfers, recalls, kiosk, \
    printed, status_token, offline) ";

const TICKET_UPSERT: &str = " ON CONFLICT (id) DO UPDATE SET service = excluded.service, \
    state = excluded.state, counter = excluded.counter, called_at = excluded.called_at, \
    served_at = excluded.served_at, finished_at = excluded.finished_at, \
    transfers = excluded.transfers, recalls = excluded.recalls, printed = excluded.printed";

/// Writes every row, in order within each table.
pub(super) async fn write_all(
    tx: &mut Transaction<'_, Postgres>,
    writes: &[Write],
) -> StoreResult<()> {
    let commands: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Command { .. }))
        .collect();
    for chunk in commands.chunks(CHUNK) {
        let mut qb =
            QueryBuilder::<Postgres>::new("INSERT INTO commands (site, day, seq, at, json) ");
        qb.push_values(chunk, |mut b, w| {
            if let Write::Command {
                site,
                day,
                seq,
                at,
                json,
            } = w
            {
                b.push_bind(text(site))
                    .push_bind(day_str(*day))
                    .push_bind(*seq)
                    .push_bind(at.to_rfc3339())
                    .push_bind(json.clone());
            }
        });
        qb.build().execute(&mut **tx).await?;
    }
    let tickets = fold_tickets(writes);
    for chunk in tickets.chunks(CHUNK) {
        let mut qb = QueryBuilder::<Postgres>::new(TICKET_COLUMNS);
        qb.push_values(chunk, |mut b, (t, day, status_token)| {
            b.push_bind(t.id)
                .push_bind(text(&t.site))
                .push_bind(day_str(**day))
                .push_bind(text(&t.service))
                .push_bind(text(&t.number))
                .push_bind(t.lang.code())
                .push_bind(t.needs.braille_form)
                .push_bind(t.needs.wheelchair)
                .push_bind(t.needs.written)
                .push_bind(t.needs.interpreter)
                .push_bind(t.needs.help)
                .push_bind(t.needs.other)
                .push_bind(enum_str(&t.state))
                .push_bind(opt_text(&t.counter))
                .push_bind(t.issued_at.to_rfc3339())
                .push_bind(t.called_at.map(|x| x.to_rfc3339()))
                .push_bind(t.served_at.map(|x| x.to_rfc3339()))
                .push_bind(t.finished_at.map(|x| x.to_rfc3339()))
                .push_bind(i64::from(t.transfers))
                .push_bind(i64::from(t.recalls))
                .push_bind(opt_text(&t.kiosk))
                .push_bind(t.printed)
                .push_bind(text(status_token))
                .push_bind(t.offline);
        });
        qb.push(TICKET_UPSERT);
        qb.build().execute(&mut **tx).await?;
    }
    let events: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Event { .. }))
        .collect();
    for chunk in events.chunks(CHUNK) {
        let mut qb =
            QueryBuilder::<Postgres>::new("INSERT INTO events (site, id, at, kind, json) ");
        qb.push_values(chunk, |mut b, w| {
            if let Write::Event {
                site,
                id,
                at,
                kind,
                json,
            } = w
            {
                b.push_bind(text(site))
                    .push_bind(i64::try_from(*id).unwrap_or(i64::MAX))
                    .push_bind(at.to_rfc3339())
                    .push_bind(*kind)
                    .push_bind(json.clone());
            }
        });
        qb.build().execute(&mut **tx).await?;
    }
    let audits: Vec<&Write> = writes
        .iter()
        .filter(|w| matches!(w, Write::Audit(_)))
        .collect();
    for chunk in audits.chunks(CHUNK) {
        let mut qb = QueryBuilder::<Postgres>::new(
            "INSERT INTO audit (at, day, actor, role, site, counter, action, ticket, detail) ",
        );
        qb.push_values(chunk, |mut b, w| {
            if let Write::Audit(a) = w {
                b.push_bind(a.at.to_rfc3339())
                    .push_bind(day_str(day_of(a.at)))
                    .push_bind(text(&a.actor))
                    .push_bind(enum_str(&a.role))
                    .push_bind(text(&a.site))
                    .push_bind(opt_text(&a.counter))
                    .push_bind(text(&a.action))
                    .push_bind(opt_text(&a.ticket))
                    .push_bind(text(&a.detail));
            }
        });
        qb.build().execute(&mut **tx).await?;
    }
    for w in writes {
        if !matches!(
            w,
            Write::Command { .. } | Write::Ticket { .. } | Write::Event { .. } | Write::Audit(_)
        ) {
            super::write_one::write_one(tx, w).await?;
        }
    }
    Ok(())
}

/// One row per ticket id, in the order of first appearance: the last state written, with the
/// day and status token of the first write (an upsert never changes those).
fn fold_tickets(writes: &[Write]) -> Vec<(&Ticket, &chrono::NaiveDate, &str)> {
    let mut rows: Vec<(&Ticket, &chrono::NaiveDate, &str)> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    for w in writes {
        if let Write::Ticket {
            ticket,
            day,
            status_token,
        } = w
        {
            match index.get(&ticket.id) {
                Some(&i) => {
                    let (_, first_day, first_token) = rows[i];
                    rows[i] = (ticket, first_day, first_token);
                }
                None => {
                    index.insert(ticket.id, rows.len());
                    rows.push((ticket, day, status_token.as_str()));
                }
            }
        }
    }
    rows
}

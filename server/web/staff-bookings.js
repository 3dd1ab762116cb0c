// Booked card pickups (交付予約) in the staff console: the mark a booked ticket carries in
// the waiting lists and at the counter — "予約 10:30–11:00" — with, as its title, from when
// it is called ahead of walk-ins (the slot start minus the calling window); and the
// supervisor's import of the reservation system's CSV export, which says what was stored and
// which columns were left out (personal data dropped) or, for a bad file, the line and field.

import { clockTime, el, fill } from '/web/common.js';
import { t } from '/web/staff-i18n.js';
import { state } from '/web/staff-state.js';

const $ = (id) => document.getElementById(id);

/** The booked mark of a ticket with `booking`, or null for a walk-in. */
export function bookedMark(tk) {
  const b = tk && tk.booking;
  if (!b) return null;
  const slot = `${clockTime(b.slot_start)}–${clockTime(b.slot_end)}`;
  return el('span', {
    class: 'booked-mark',
    title: t('booked_hint', { from: clockTime(b.call_from) }),
    dataset: { slot },
  }, el('span', { 'aria-hidden': 'true' }, '◆ '), t('booked', { slot }));
}

/** Wires the supervisor's import form (once). */
export function wireBookingImport() {
  $('bookings-form').addEventListener('submit', importBookings);
}

async function importBookings(ev) {
  ev.preventDefault();
  const out = $('bookings-result');
  const file = $('bookings-file').files[0];
  if (!file) {
    fill(out, t('bookings_pick'));
    return;
  }
  const site = encodeURIComponent(state.me.site);
  let res;
  let body = null;
  try {
    res = await fetch(`/api/sites/${site}/reservations`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      body: await file.text(),
    });
    body = await res.json().catch(() => null);
  } catch {
    fill(out, el('span', { class: 'error' }, t('bookings_offline')));
    return;
  }
  if (!res.ok) {
    out.className = 'error-box';
    fill(out, t('bookings_failed', { msg: (body && body.message) || res.status }));
    return;
  }
  out.className = '';
  const parts = [t('bookings_done', { n: body.imported })];
  if (body.ignored_columns.length) parts.push(' ', t('bookings_ignored', { cols: body.ignored_columns.join('、') }));
  if (body.dropped_personal_columns.length) {
    parts.push(' ', el('strong', {}, t('bookings_dropped', { cols: body.dropped_personal_columns.join('、') })));
  }
  fill(out, ...parts);
  $('bookings-file').value = '';
}

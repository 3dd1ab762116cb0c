// Booked card pickups (交付予約) in the staff console: the mark a booked ticket carries in
// the waiting lists and at the counter — "予約 10:30–11:00" — with, as its title, from when
// it is called ahead of walk-ins (the slot start minus the calling window).

import { clockTime, el } from '/web/common.js';
import { t } from '/web/staff-i18n.js';

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

// The staff console's shared state (who is signed in, the site, its board, today's tickets,
// open alerts) and the lookups and messages every part of the console uses.

import { ApiFailure, el, fill } from '/web/common.js';
import { hasText, t, uiLang } from '/web/staff-i18n.js';

export const state = {
  /** `LoginResponse` of the session. */
  me: null,
  /** `SiteInfo` of the signed-in site. */
  site: null,
  /** Latest `Board` of the site. */
  board: null,
  /** Today's tickets of the site by id. */
  tickets: new Map(),
  /** Alerts not yet acknowledged. */
  alerts: [],
  /** `CounterStaff` lines: who is signed in at which counter. */
  staff: [],
  /** Sessions that are supervisors or admins see the supervisor block. */
  isSupervisor: false,
};

export function isSupervisorRole(role) {
  return role === 'supervisor' || role === 'admin';
}

export function serviceInfo(id) {
  return state.site?.services.find((s) => s.id === id) || null;
}

/** The service's name in the console's language, with its ticket prefix. */
export function serviceName(id) {
  const s = serviceInfo(id);
  if (!s) return id;
  return uiLang() === 'en' ? s.name_en : s.name_ja;
}

export function counterInfo(id) {
  return state.site?.counters.find((c) => c.id === id) || null;
}

/** The counter's written name in the console's language (`市職員窓口1` / `City staff desk 1`). */
export function counterName(id) {
  const c = counterInfo(id) || state.board?.counters.find((b) => b.id === id);
  if (!c) return id;
  return uiLang() === 'en' && c.name_en ? c.name_en : c.name;
}

/** An area's name: the configuration's Japanese, or English by its locale key. */
export function areaName(area, key) {
  return uiLang() === 'en' && key && hasText(key) ? t(key) : area;
}

/** Counters in the order staff look for them: numbered ones by number, then each named desk's. */
export function byPlace(a, b) {
  const desk = (c) => c.desk_key || '';
  return desk(a).localeCompare(desk(b)) || (a.number ?? 0) - (b.number ?? 0) || a.id.localeCompare(b.id);
}

/** Login names of the staff signed in at a counter, newest first. */
export function staffAt(counterId) {
  return state.staff.filter((s) => s.counter === counterId).map((s) => s.user);
}

/** The counter's live state from the board (`open`, `current`). */
export function counterStatus(id) {
  return state.board?.counters.find((c) => c.id === id) || null;
}

/** The ticket called or served at a counter now, if any. */
export function currentTicketAt(counterId) {
  let best = null;
  for (const tk of state.tickets.values()) {
    if (tk.counter !== counterId || (tk.state !== 'called' && tk.state !== 'serving')) continue;
    if (!best || (tk.called_at || '') > (best.called_at || '')) best = tk;
  }
  return best;
}

/** Known error codes get a sentence in the console's language; the server's own sentence follows. */
export function errorText(err) {
  if (!(err instanceof ApiFailure)) return t('err_generic', { code: String(err && err.message ? err.message : err) });
  if (err.status === 0) return t('err_network');
  let local = '';
  if (hasText(`err_${err.code}`)) local = t(`err_${err.code}`);
  else if (err.status === 401) local = t('err_unauthorized');
  else if (err.status === 403) local = t('err_forbidden');
  let server = err.message || '';
  if (err.body && err.body.next_opening) server = `${server} ${t('next_opening', { at: dateTime(err.body.next_opening) })}`.trim();
  if (!local) return server || t('err_generic', { code: err.code });
  return server ? `${local} — ${server}` : local;
}

const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit',
});

function dateTime(ts) {
  const d = Date.parse(ts);
  return Number.isNaN(d) ? ts : dateTimeFormat.format(new Date(d));
}

let messageTimer = null;

/** Shows a message under the header: errors stay until the next action, notes fade after 6 s. */
export function showMessage(kind, text) {
  const box = document.getElementById('message');
  clearTimeout(messageTimer);
  box.className = `message ${kind}`;
  fill(box, text);
  box.hidden = false;
  if (kind === 'info') messageTimer = setTimeout(() => { box.hidden = true; }, 6000);
}

export function showError(err) {
  showMessage('error', errorText(err));
}

export function clearMessage() {
  const box = document.getElementById('message');
  if (box.classList.contains('error')) box.hidden = true;
}

/** Needs of a ticket as marks with words, or nothing when it has none. */
export function needsBadges(needs, marks) {
  const items = [];
  for (const [key, mark] of Object.entries(marks)) {
    if (needs && needs[key]) {
      items.push(el('span', { class: 'need' }, el('span', { 'aria-hidden': 'true' }, `${mark} `), t(`need_${key}`)));
    }
  }
  return items.length ? el('span', { class: 'needs' }, items) : null;
}

/** A braille-signature-form visitor may not see the board: staff go and fetch them when called. */
export function goesToVisitor(tk) {
  return Boolean(tk && tk.needs && tk.needs.braille_form);
}

/** The "staff go to the visitor" mark (★, as on the waiting-room display), or null. */
export function goToVisitorMark(tk) {
  return goesToVisitor(tk)
    ? el('span', { class: 'go-to-visitor', title: t('go_to_visitor_hint') }, el('span', { 'aria-hidden': 'true' }, '★ '), t('go_to_visitor'))
    : null;
}

/** "issued offline": a kiosk printed this ticket from its lease while the server was down. */
export function offlineMark(tk) {
  return tk && tk.offline
    ? el('span', { class: 'offline-mark', title: t('offline_ticket_hint') }, t('offline_ticket'))
    : null;
}

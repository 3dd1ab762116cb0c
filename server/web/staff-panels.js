// The staff console's site-wide panels: alerts to acknowledge, the waiting queues with needs and
// waits, the counters and who is signed in at them, issuing a ticket by hand, reprinting, and the
// transfer, cancel and ticket-slip dialogs.

import {
  api, clockTime, el, fill, isUnreachable, minutesSince, NEED_KEYS, NEED_MARKS, newKey,
} from '/web/common.js';
import { alertText, noteAlerts } from '/web/staff-alerts.js';
import { bookedMark } from '/web/staff-bookings.js';
import { LANGS, langName, t } from '/web/staff-i18n.js';
import {
  areaName, byPlace, counterName, goesToVisitor, goToVisitorMark, needsBadges, offlineMark, serviceName, showError,
  staffAt, state,
} from '/web/staff-state.js';

const $ = (id) => document.getElementById(id);
let wired = false;
let runCounterAction = async () => null;

/** The slip's wait as the visitor sees it elsewhere: a range of minutes (the console's queue
 *  lines keep the one estimate staff plan with). */
function slipWait(issued) {
  const r = issued.eta_range;
  if (!r || r.high_min === 0) {
    return issued.people_ahead > 0 ? t('slip_ahead', { n: issued.people_ahead, eta: issued.eta_min }) : t('slip_next');
  }
  const eta = r.low_min >= r.high_min ? String(r.high_min) : t('wait_range', { low: r.low_min, high: r.high_min });
  return t('slip_ahead', { n: issued.people_ahead, eta });
}

/** Fills the selects of the hand-issue form and wires the dialogs (once per sign-in / language). */
export function initPanels(runAction) {
  if (runAction) runCounterAction = runAction;
  const services = state.site.services.filter((s) => s.kiosk);
  fill($('issue-service'), services.map((s) => el('option', { value: s.id }, `${s.prefix} ${serviceName(s.id)}`)));
  fill($('issue-lang'), LANGS.map((code) => el('option', { value: code }, langName(code))));
  fill($('issue-needs'), el('legend', {}, t('issue_needs')),
    NEED_KEYS.map((key) => el('label', {},
      el('input', { type: 'checkbox', name: key, id: `need-${key}` }),
      el('span', { 'aria-hidden': 'true' }, NEED_MARKS[key]), t(`need_${key}`))));
  if (wired) return;
  wired = true;
  $('issue-form').addEventListener('submit', issueByHand);
  $('transfer-form').addEventListener('submit', submitTransfer);
  $('transfer-cancel').addEventListener('click', () => $('transfer-dialog').close());
  $('cancel-form').addEventListener('submit', submitCancel);
  $('cancel-keep').addEventListener('click', () => $('cancel-dialog').close());
  $('slip-close').addEventListener('click', () => $('ticket-dialog').close());
  $('slip-print').addEventListener('click', () => window.print());
}

export function renderPanels() {
  renderAlerts();
  renderQueues();
  renderCounters();
}

// ---- alerts -------------------------------------------------------------------------------

function renderAlerts() {
  const box = $('alerts');
  if (!state.alerts.length) {
    fill(box, el('p', { class: 'none' }, t('alerts_none')));
    return;
  }
  fill(box, state.alerts.map((a) => {
    return el('div', { class: 'alert-item', dataset: { alert: String(a.id), kind: a.kind } },
      el('span', {}, clockTime(a.at)),
      el('span', { class: 'what' }, alertText(a)),
      a.kind === 'print_failed' && a.ticket
        ? el('button', { type: 'button', dataset: { fkey: `reprint-alert-${a.id}` }, onclick: () => reprint(a.ticket.id) }, t('reprint'))
        : null,
      el('button', { type: 'button', dataset: { fkey: `ack-${a.id}` }, onclick: () => ack(a.id) }, t('ack')));
  }));
}

async function ack(id) {
  try {
    await api('POST', `/api/alerts/${id}/ack`);
    state.alerts = state.alerts.filter((a) => a.id !== id);
    renderAlerts();
    noteAlerts(state.alerts);
  } catch (err) {
    showError(err);
  }
}

// ---- queues -------------------------------------------------------------------------------

function renderQueues() {
  const box = $('queues');
  const waiting = [...state.tickets.values()].filter((tk) => tk.state === 'waiting');
  // Queues with people waiting, and the queues this counter serves even when they are empty.
  // Queues where staff must fetch a visitor come first, so those tickets head the site's list.
  const mineServices = state.me.counter ? (state.site.counters.find((c) => c.id === state.me.counter)?.services || []) : [];
  const fetches = (q) => waiting.some((tk) => tk.service === q.service && goesToVisitor(tk));
  const queues = (state.board ? state.board.queues : [])
    .filter((q) => q.waiting > 0 || mineServices.includes(q.service) || waiting.some((tk) => tk.service === q.service))
    .map((q, i) => [q, i])
    .sort(([a, i], [b, j]) => fetches(b) - fetches(a) || i - j)
    .map(([q]) => q);
  if (!queues.length) {
    fill(box, el('p', { class: 'none' }, t('queues_none')));
    return;
  }
  fill(box, queues.map((q) => {
    const mine = waiting
      .filter((tk) => tk.service === q.service)
      .sort((a, b) => goesToVisitor(b) - goesToVisitor(a) || (b.transfers > 0) - (a.transfers > 0)
        || a.issued_at.localeCompare(b.issued_at));
    const headingId = `queue-${q.service}`;
    return el('section', { class: 'queue', 'aria-labelledby': headingId, dataset: { service: q.service } },
      el('h3', { id: headingId },
        `${q.prefix} ${serviceName(q.service)}`,
        el('span', { class: 'meta' }, t(q.waiting ? 'queue_meta' : 'queue_meta_empty', { waiting: q.waiting, eta: q.eta_min, open: q.counters_open }))),
      mine.length
        ? el('table', {},
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t('col_number')), el('th', { scope: 'col' }, t('col_lang')),
            el('th', { scope: 'col' }, t('col_needs')), el('th', { scope: 'col', class: 'num' }, t('col_waited')),
            el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('col_actions'))))),
          el('tbody', {}, mine.map(waitingRow)))
        : null);
  }));
}

function waitingRow(tk) {
  const notes = [];
  if (tk.transfers > 0) notes.push(el('span', { class: 'transfer-mark' }, ` ↪ ${t('transferred_mark')}`));
  if (tk.counter) notes.push(el('span', { class: 'transfer-mark' }, ` → ${counterName(tk.counter)}`));
  if (tk.printed === false) notes.push(el('span', { class: 'transfer-mark' }, ` ⚠ ${t('not_printed')}`));
  if (tk.offline) notes.push(' ', offlineMark(tk));
  if (tk.booking) notes.push(' ', bookedMark(tk));
  const goes = goesToVisitor(tk);
  if (goes) notes.push(' ', goToVisitorMark(tk));
  return el('tr', { class: goes ? 'fetch' : null, dataset: { ticket: tk.number } },
    el('td', {}, el('span', { class: 'ticket-no' }, tk.number), notes),
    el('td', {}, langName(tk.lang)),
    el('td', {}, needsBadges(tk.needs, NEED_MARKS) || ''),
    el('td', { class: 'num' }, t('minutes', { n: minutesSince(tk.issued_at) })),
    el('td', {}, el('button', {
      type: 'button', dataset: { fkey: `reprint-${tk.id}` }, onclick: () => reprint(tk.id),
      'aria-label': `${t('reprint')} ${tk.number}`,
    }, t('reprint'))));
}

// ---- counters -----------------------------------------------------------------------------

function renderCounters() {
  const box = $('counters');
  const counters = state.board ? [...state.board.counters].sort(byPlace) : [];
  fill(box, el('table', { class: 'counters-table' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('col_counter')), el('th', { scope: 'col' }, t('col_area')),
      el('th', { scope: 'col' }, t('col_state')), el('th', { scope: 'col' }, t('col_current')),
      el('th', { scope: 'col' }, t('col_staff')),
      state.isSupervisor ? el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('col_actions'))) : null)),
    el('tbody', {}, counters.map((c) => el('tr', { dataset: { counter: c.id } },
      el('th', { scope: 'row' }, counterName(c.id), c.id === state.me.counter ? ` ${t('this_counter')}` : ''),
      el('td', {}, areaName(c.area, c.area_key)),
      el('td', {}, el('span', { class: c.open ? 'open' : 'closed' }, c.open ? t('open') : t('paused'))),
      el('td', {}, c.current || '—'),
      el('td', { class: 'staff' }, staffAt(c.id).join('、') || '—'),
      state.isSupervisor
        ? el('td', {}, el('button', {
          type: 'button', dataset: { fkey: `toggle-${c.id}` },
          onclick: () => setCounterOpen(c.id, !c.open),
          'aria-label': `${c.open ? t('close_counter') : t('open_counter')}: ${counterName(c.id)}`,
        }, c.open ? t('close_counter') : t('open_counter')))
        : null)))));
}

async function setCounterOpen(id, open) {
  try {
    const site = encodeURIComponent(state.me.site);
    await api('POST', `/api/sites/${site}/counters/${encodeURIComponent(id)}/${open ? 'reopen' : 'pause'}`, {},
      { headers: { 'Idempotency-Key': newKey() } });
    const cs = state.board.counters.find((c) => c.id === id);
    if (cs) cs.open = open;
    renderCounters();
  } catch (err) {
    showError(err);
  }
}

// ---- issuing and reprinting ---------------------------------------------------------------

/**
 * The last hand issue that got no answer: pressing "issue" again with the same form resends its
 * `Idempotency-Key`, so a ticket the server did issue is answered, not issued a second time.
 */
let unanswered = null;

async function issueByHand(ev) {
  ev.preventDefault();
  const needs = {};
  for (const key of NEED_KEYS) needs[key] = $(`need-${key}`).checked;
  const body = { service: $('issue-service').value, lang: $('issue-lang').value, needs };
  const same = unanswered && unanswered.site === state.me.site && unanswered.body === JSON.stringify(body);
  const key = same ? unanswered.key : newKey();
  try {
    const issued = await api('POST', `/api/sites/${encodeURIComponent(state.me.site)}/tickets`, body,
      { headers: { 'Idempotency-Key': key } });
    unanswered = null;
    state.tickets.set(issued.ticket.id, issued.ticket);
    for (const key of NEED_KEYS) $(`need-${key}`).checked = false;
    showSlip(issued);
    renderQueues();
  } catch (err) {
    unanswered = isUnreachable(err) ? { key, site: state.me.site, body: JSON.stringify(body) } : null;
    showError(err);
  }
}

async function reprint(ticketId) {
  try {
    const issued = await api('POST', `/api/tickets/${ticketId}/reprint`);
    showSlip(issued);
  } catch (err) {
    showError(err);
  }
}

/** Shows an issued ticket as a slip the staff can print on the office printer. */
function showSlip(issued) {
  const tk = issued.ticket;
  fill($('ticket-slip'),
    el('p', { class: 'slip-number', id: 'slip-number' }, tk.number),
    el('p', {}, `${serviceName(tk.service)} — ${langName(tk.lang)}`),
    el('p', {}, needsBadges(tk.needs, NEED_MARKS)),
    el('p', {}, slipWait(issued)),
    el('p', {}, t('slip_url')),
    el('p', { class: 'slip-url' }, el('a', { href: issued.status_url, target: '_blank', rel: 'noopener' }, issued.status_url)));
  $('ticket-dialog').showModal();
  $('slip-close').focus();
}

// ---- transfer dialog ----------------------------------------------------------------------

export function openTransfer(ticket) {
  fill($('transfer-ticket'), t('transfer_of', { number: ticket.number, service: serviceName(ticket.service) }));
  fill($('transfer-service'),
    el('option', { value: '' }, t('transfer_same_service')),
    state.site.services.map((s) => el('option', { value: s.id }, `${s.prefix} ${serviceName(s.id)}`)));
  fill($('transfer-counter'),
    el('option', { value: '' }, t('transfer_any_counter')),
    state.site.counters.filter((c) => c.id !== state.me.counter).sort(byPlace)
      .map((c) => el('option', { value: c.id }, `${counterName(c.id)}（${areaName(c.area, c.area_key)}）`)));
  $('transfer-error').hidden = true;
  $('transfer-dialog').showModal();
  $('transfer-service').focus();
}

async function submitTransfer(ev) {
  ev.preventDefault();
  const toService = $('transfer-service').value;
  const toCounter = $('transfer-counter').value;
  const errBox = $('transfer-error');
  if (!toService && !toCounter) {
    fill(errBox, t('transfer_pick'));
    errBox.hidden = false;
    return;
  }
  // No `ticket`: the counter's current ticket is the one transferred.
  const body = {};
  if (toService) body.to_service = toService;
  if (toCounter) body.to_counter = toCounter;
  $('transfer-dialog').close();
  try {
    await runCounterAction('transfer', body);
  } catch {
    // The action has shown its error already.
  }
}

// ---- cancel dialog ------------------------------------------------------------------------

let cancelling = null;

/** Asks before cancelling the counter's current ticket; the safe answer has the focus. */
export function openCancel(ticket) {
  cancelling = ticket;
  fill($('cancel-ticket'), t('cancel_of', { number: ticket.number, service: serviceName(ticket.service) }));
  $('cancel-dialog').showModal();
  $('cancel-keep').focus();
}

async function submitCancel(ev) {
  ev.preventDefault();
  $('cancel-dialog').close();
  const ticket = cancelling;
  cancelling = null;
  if (!ticket) return;
  try {
    // The ticket id, so a confirmation cannot cancel a ticket called after the dialog opened.
    await runCounterAction('cancel', { ticket: ticket.id });
  } catch {
    // The action has shown its error already.
  }
}

// Entry point of the staff console (`/staff`): sign-in, loading the site's state, the live SSE
// connection, and the counter panel with its actions and keyboard shortcuts. Every counter click
// carries its own `Idempotency-Key`; a click whose request did not reach the server (or got no
// answer) stays pending with that key and is sent again, with the same key, when the server is
// back. Queues, alerts, hand issuing and the supervisor block live in sibling files; the alert
// chime and flashing banner in `staff-alerts.js`; offline detection and its banner in
// `staff-conn.js`; moving to a peer server when this one stops answering in `staff-handover.js`.

import {
  api, clockTimeSec, debounce, el, fill, isUnreachable, keepFocus, minutesSince, NEED_MARKS, newKey, syncClock,
} from '/web/common.js';
import { heard, isOnline, setPendingCount, startConn, stopConn, streamState } from '/web/staff-conn.js';
import { initAlerts, noteAlerts, relabelAlerts, resetAlerts } from '/web/staff-alerts.js';
import { bookedMark } from '/web/staff-bookings.js';
import { exchangePass, startHandover, stopHandover, takeArrival } from '/web/staff-handover.js';
import { applyI18n, langName, setUiLang, t, uiLang } from '/web/staff-i18n.js';
import {
  areaName, byPlace, clearMessage, counterName, errorText, counterStatus, currentTicketAt, goesToVisitor, goToVisitorMark,
  isSupervisorRole, needsBadges, offlineMark, serviceName, showError, showMessage, state,
} from '/web/staff-state.js';
import { initPanels, openCancel, openTransfer, renderPanels } from '/web/staff-panels.js';
import { reloadAdvice, renderAdvice, stopAdvice } from '/web/staff-advice.js';
import { initSuper, reloadSuper, renderSuper } from '/web/staff-super.js';

const $ = (id) => document.getElementById(id);

/**
 * Counter actions: API action, i18n key, shortcut key, which ticket states allow it (the
 * engine's rules: skip and cancel only a called ticket, not one being served).
 */
const ACTIONS = [
  { action: 'call-next', key: 'n', label: 'act_call_next', when: (cur, open) => !cur && open, cls: 'primary call' },
  { action: 'recall', key: 'r', label: 'act_recall', when: (cur) => cur?.state === 'called' },
  { action: 'start', key: 's', label: 'act_start', when: (cur) => cur?.state === 'called' },
  { action: 'done', key: 'd', label: 'act_done', when: (cur) => !!cur, cls: 'primary' },
  { action: 'no-show', key: 'x', label: 'act_no_show', when: (cur) => cur?.state === 'called', cls: 'danger' },
  { action: 'skip', key: 'k', label: 'act_skip', hint: 'act_skip_hint', when: (cur) => cur?.state === 'called' },
  { action: 'cancel', key: 'c', label: 'act_cancel', hint: 'act_cancel_hint', when: (cur) => cur?.state === 'called', cls: 'danger' },
  { action: 'transfer', key: 't', label: 'act_transfer', when: (cur) => !!cur },
  { action: 'pause', key: 'p', label: 'act_pause', when: (cur, open) => open, toggle: true },
  { action: 'reopen', key: 'p', label: 'act_reopen', when: (cur, open) => !open, toggle: true },
];

/** The actions a carried click may be (see `arrive`). */
const CLICK_ACTIONS = new Set([...ACTIONS.map((a) => a.action), 'requeue']);

/** A counter action that gives up waiting for the server's answer after this long. */
const ACTION_TIMEOUT_MS = 10000;

let busy = false;
let events = null;
let reconnectTimer = null;
/**
 * The counter click that could not reach the server: `{ key, action, body, site, counter, at }`.
 * It is sent again with the same `key` (never a new one) when the server is back or the clerk
 * presses "retry"; until then no other counter action is sent, since the next one depends on it.
 */
let pending = null;
/** The click sent and not yet answered (carried to a peer server with its key, like a pending one). */
let inflight = null;

const PENDING_KEY = 'madoguchi.pendingClick';
/** A pending click survives a reload of the page for this long (then it is dropped, and said so). */
const RESTORE_MS = 15 * 60000;

function setPending(click) {
  pending = click;
  setPendingCount(click ? 1 : 0);
  try {
    if (click) localStorage.setItem(PENDING_KEY, JSON.stringify({ ...click, user: state.me?.user }));
    else localStorage.removeItem(PENDING_KEY);
  } catch {
    // Storage blocked or full: the click stays pending in this page only.
  }
}

/**
 * A click this clerk left pending at this counter before the page was reloaded (or the PC
 * restarted): pending again, with its key, if it is recent; otherwise dropped with a line.
 */
function restorePending(me) {
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(PENDING_KEY) || 'null');
  } catch {
    saved = null;
  }
  if (!saved || typeof saved.key !== 'string') return;
  const mine = saved.user === me.user && saved.site === me.site && saved.counter === me.counter;
  if (mine && Date.now() - saved.at < RESTORE_MS) {
    const { user, ...click } = saved;
    setPending(click);
    return;
  }
  setPending(null);
  if (mine) showMessage('error', t('pending_expired', { action: t(actionLabel(saved.action)), at: clockTimeSec(saved.at) }));
}

// ---- sign-in ----------------------------------------------------------------------------------

async function showLogin() {
  $('console-view').hidden = true;
  $('logout').hidden = true;
  fill($('who'));
  $('login-view').hidden = false;
  let sites = [];
  try {
    sites = await api('GET', '/api/sites');
  } catch (err) {
    showError(err);
  }
  const siteSel = $('login-site');
  const saved = localStorage.getItem('madoguchi.site');
  fill(siteSel, sites.map((s) => el('option', { value: s.id, selected: s.id === saved }, uiLang() === 'en' ? s.name_en : s.name_ja)));
  const fillCounters = () => {
    const site = sites.find((s) => s.id === siteSel.value);
    const savedCounter = localStorage.getItem('madoguchi.counter');
    fill($('login-counter'),
      el('option', { value: '' }, t('login_no_counter')),
      [...(site?.counters || [])].sort(byPlace).map((c) => el('option', { value: c.id, selected: c.id === savedCounter },
        `${uiLang() === 'en' && c.name_en ? c.name_en : c.name}（${areaName(c.area, c.area_key)}）`)));
  };
  siteSel.onchange = fillCounters;
  fillCounters();
  $('login-user').focus();
}

async function submitLogin(ev) {
  ev.preventDefault();
  const errBox = $('login-error');
  errBox.hidden = true;
  const body = {
    user: $('login-user').value.trim(),
    password: $('login-password').value,
    site: $('login-site').value,
    counter: $('login-counter').value || null,
  };
  if (!body.user || !body.password || !body.site) {
    fill(errBox, t('login_missing'));
    errBox.hidden = false;
    return;
  }
  try {
    const me = await api('POST', '/api/login', body);
    localStorage.setItem('madoguchi.site', body.site);
    localStorage.setItem('madoguchi.counter', body.counter || '');
    $('login-password').value = '';
    await startConsole(me);
  } catch (err) {
    fill(errBox, err.status === 401 ? t('login_failed') : errorText(err));
    errBox.hidden = false;
  }
}

async function logout() {
  stopEvents();
  stopAdvice();
  stopConn();
  stopHandover();
  setPending(null);
  try {
    await api('POST', '/api/logout');
  } catch {
    // Signing out of a session that has already ended is fine.
  }
  state.me = null;
  state.alerts = [];
  resetAlerts();
  showLogin();
}

// ---- loading and live updates -------------------------------------------------------------

async function startConsole(me) {
  state.me = me;
  state.isSupervisor = isSupervisorRole(me.role);
  state.site = await api('GET', `/api/sites/${encodeURIComponent(me.site)}`);
  $('super-panel').hidden = !state.isSupervisor;
  initPanels(runAction);
  if (state.isSupervisor) initSuper();
  await reload();
  // Shown only once drawn, so a shortcut pressed right after signing in finds its button.
  $('login-view').hidden = true;
  $('console-view').hidden = false;
  $('logout').hidden = false;
  startConn({ onBack, onChange: onConnChange, onUnauthorized: sessionEnded });
  startHandover(() => {
    const click = pending || inflight;
    return click ? { ...click, user: me.user } : null;
  });
  startEvents();
  $('main').focus();
  restorePending(me);
  if (pending) {
    render();
    flushPending();
  }
}

/** Back online: send the pending click (same key), and after an API outage restart the stream and reload. */
function onBack(cause) {
  if (!state.me) return;
  if (cause === 'api') {
    // A stream that never saw an error may be dead (a frozen server, a pulled cable).
    startEvents();
    reload();
  }
  flushPending();
}

function onConnChange() {
  if (!state.me) return;
  keepFocus(renderCounter);
  lockServerButtons();
}

function sessionEnded() {
  stopEvents();
  stopAdvice();
  stopConn();
  stopHandover();
  setPending(null);
  showMessage('error', t('err_unauthorized'));
  showLogin();
}

/**
 * Offline, the last known board stays on screen read-only: every button that needs an answer
 * from the server is disabled with the reason. Counter actions stay (a click is kept pending).
 */
function lockServerButtons() {
  const offline = !isOnline();
  for (const b of document.querySelectorAll('#console-view button')) {
    if (b.closest('#counter-panel')) continue;
    if (offline && !b.disabled) {
      b.disabled = true;
      b.dataset.offlineLocked = '1';
      b.title = t('offline_locked');
    } else if (!offline && b.dataset.offlineLocked) {
      b.disabled = false;
      delete b.dataset.offlineLocked;
      b.removeAttribute('title');
    }
  }
}


/** Fetches the board, today's tickets and open alerts again and redraws everything. */
async function reload() {
  const site = encodeURIComponent(state.me.site);
  try {
    const [board, tickets, alerts, staff] = await Promise.all([
      api('GET', `/api/sites/${site}/board`),
      api('GET', `/api/sites/${site}/tickets`),
      api('GET', `/api/sites/${site}/alerts`),
      // Who is at which counter; an older server without the route leaves the column empty.
      api('GET', `/api/sites/${site}/staff`).catch((err) => (err.status === 404 ? [] : Promise.reject(err))),
    ]);
    state.board = board;
    syncClock(board.now);
    state.tickets = new Map(tickets.map((tk) => [tk.id, tk]));
    state.alerts = alerts;
    state.staff = staff;
    noteAlerts(alerts);
  } catch (err) {
    if (err.status === 401) {
      sessionEnded();
      return;
    }
    // Unreachable: the banner says so and the last known state stays on screen.
    if (!isUnreachable(err)) showError(err);
  }
  render();
  if (state.isSupervisor) reloadSuper();
  reloadAdvice();
}

const reloadSoon = debounce(reload, 300);

/** Keeps the board's "ticket at each counter" in step with a ticket that just changed. */
function noteCounterTicket(tk) {
  if (!state.board) return;
  for (const cs of state.board.counters) {
    if (cs.current === tk.number && (tk.counter !== cs.id || !['called', 'serving'].includes(tk.state))) cs.current = null;
    if (cs.id === tk.counter && ['called', 'serving'].includes(tk.state)) cs.current = tk.number;
  }
}

const EVENT_KINDS = [
  'issued', 'called', 'started', 'done', 'no_show', 'requeued', 'cancelled', 'transferred',
  'counter_paused', 'counter_opened', 'counter_weights', 'notice', 'assist_requested', 'print_failed',
  'alert_acknowledged', 'display_alert', 'day_changed',
];

function onEvent(ev) {
  let data = null;
  try {
    data = JSON.parse(ev.data);
  } catch {
    return;
  }
  heard();
  if (data.ticket) {
    state.tickets.set(data.ticket.id, data.ticket);
    noteCounterTicket(data.ticket);
  }
  if (data.queues && state.board) state.board.queues = data.queues;
  if (data.kind === 'notice' && state.board) state.board.notice = data.text;
  if ((data.kind === 'counter_paused' || data.kind === 'counter_opened') && state.board) {
    const cs = state.board.counters.find((c) => c.id === data.counter);
    if (cs) cs.open = data.kind === 'counter_opened';
  }
  render();
  // Alerts (of any kind) are noticed when the reload finds one not seen before.
  reloadSoon();
}

/**
 * Open alerts again, between events: an alert kind this console does not know may come with
 * an event name it does not listen to.
 */
async function pollAlerts() {
  if (!state.me || !events) return;
  try {
    state.alerts = await api('GET', `/api/sites/${encodeURIComponent(state.me.site)}/alerts`);
    noteAlerts(state.alerts);
    keepFocus(renderPanels);
  } catch {
    // The event stream's banner tells about a lost connection; the next reload catches up.
  }
}

function startEvents() {
  stopEvents();
  const es = new EventSource(`/api/sites/${encodeURIComponent(state.me.site)}/events`);
  events = es;
  let wasLost = false;
  es.onopen = () => {
    if (events !== es) return;
    if (wasLost) reload();
    wasLost = false;
    streamState(true);
  };
  es.onerror = () => {
    if (events !== es) return;
    streamState(false);
    wasLost = true;
    // EventSource retries by itself unless the server refused the stream (then it is CLOSED).
    if (es.readyState === EventSource.CLOSED) {
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(async () => {
        try {
          await api('GET', '/api/me');
          startEvents();
          reload();
        } catch (err) {
          if (err.status === 401) {
            sessionEnded();
          } else {
            es.onerror();
          }
        }
      }, 3000);
    }
  };
  for (const kind of EVENT_KINDS) es.addEventListener(kind, onEvent);
}

function stopEvents() {
  clearTimeout(reconnectTimer);
  if (events) events.close();
  events = null;
}

// ---- the counter panel ---------------------------------------------------------------------

function render() {
  if (!state.me) return;
  const counterLabel = state.me.counter ? ` — ${counterName(state.me.counter)}` : '';
  const siteName = uiLang() === 'en' ? state.site.name_en : state.site.name_ja;
  fill($('who'), `${siteName}${counterLabel} — ${state.me.user}（${t(`role_${state.me.role}`)}）`);
  keepFocus(() => {
    renderCounter();
    renderPanels();
    if (state.isSupervisor) renderSuper();
    renderAdvice();
  });
  lockServerButtons();
}

function renderCounter() {
  const id = state.me.counter;
  if (!id) {
    fill($('counter-title'), t('no_counter_title'));
    fill($('counter-state'), t('no_counter_hint'));
    fill($('current'));
    fill($('actions'));
    fill($('last-noshow'));
    $('current').hidden = true;
    $('console-view').classList.add('no-counter');
    return;
  }
  $('console-view').classList.remove('no-counter');
  $('current').hidden = false;
  const status = counterStatus(id);
  const open = status ? status.open : true;
  fill($('counter-title'), counterName(id));
  const stateLine = $('counter-state');
  stateLine.className = `counter-state ${open ? '' : 'paused'}`;
  fill(stateLine, open ? t('counter_open') : t('counter_paused'));

  const cur = currentTicketAt(id);
  const box = $('current');
  if (!cur) {
    box.className = 'current empty';
    fill(box, el('p', {}, t('no_current')));
  } else {
    box.className = 'current';
    const waited = minutesSince(cur.issued_at, cur.called_at || undefined);
    fill(box,
      el('div', {},
        el('span', { class: 'number', id: 'current-number' }, cur.number),
        el('span', { class: 'state-tag' }, t(`tstate_${cur.state}`)),
        offlineMark(cur), ' ', bookedMark(cur), ' ', goToVisitorMark(cur)),
      cur.state === 'called' && goesToVisitor(cur) ? el('p', { class: 'go-to-visitor-now' }, t('go_to_visitor_now')) : null,
      el('dl', {},
        el('dt', {}, t('f_service')), el('dd', {}, serviceName(cur.service)),
        el('dt', {}, t('f_lang')), el('dd', {}, langName(cur.lang)),
        el('dt', {}, t('f_needs')), el('dd', {}, needsBadges(cur.needs, NEED_MARKS) || t('needs_none')),
        el('dt', {}, t('f_waited')), el('dd', {}, t('minutes', { n: waited })),
        cur.transfers > 0 ? [el('dt', {}, t('f_transfers')), el('dd', {}, t('times', { n: cur.transfers }))] : null,
        cur.recalls > 0 ? [el('dt', {}, t('f_recalls')), el('dd', {}, t('times', { n: cur.recalls }))] : null));
  }

  fill($('actions'), ACTIONS.filter((a) => !a.toggle || a.when(cur, open)).map((a) => {
    const enabled = a.when(cur, open) && !pending;
    return el('button', {
      type: 'button',
      class: a.cls || '',
      disabled: !enabled,
      'aria-keyshortcuts': a.key.toUpperCase(),
      title: pending ? t('pending_block') : (a.hint ? t(a.hint) : null),
      dataset: { action: a.action, fkey: `act-${a.toggle ? 'toggle' : a.action}` },
      onclick: () => runAction(a.action).catch(() => {}),
    }, t(a.label), el('kbd', {}, a.key.toUpperCase()));
  }));

  renderPending();
  renderLastNoShow(id);
}

/** The pending click: what it was, when it was pressed, and a button that sends it again now. */
function renderPending() {
  const box = $('pending');
  if (!pending) {
    fill(box);
    box.hidden = true;
    return;
  }
  box.hidden = false;
  fill(box,
    el('p', {},
      el('strong', { class: 'pending-tag' }, t('pending_tag')), ' ',
      t('pending_what', { action: t(actionLabel(pending.action)), at: clockTimeSec(pending.at) })),
    el('p', { class: 'row' },
      el('span', { class: 'pending-hint' }, t(isOnline() ? 'pending_hint_online' : 'pending_hint')),
      el('button', {
        type: 'button', id: 'pending-retry', disabled: busy, onclick: () => flushPending(),
      }, t('pending_retry'))));
}

function actionLabel(action) {
  if (action === 'requeue') return 'act_requeue';
  return ACTIONS.find((a) => a.action === action)?.label || action;
}

/** The counter's latest no-show, with a button that puts it back in its queue (grace period). */
function renderLastNoShow(id) {
  let last = null;
  for (const tk of state.tickets.values()) {
    if (tk.counter === id && tk.state === 'no_show' && (!last || (tk.finished_at || '') > (last.finished_at || ''))) last = tk;
  }
  if (!last || minutesSince(last.finished_at || last.called_at) > 60) {
    fill($('last-noshow'));
    return;
  }
  fill($('last-noshow'),
    el('p', { class: 'row' }, t('last_noshow', { number: last.number }),
      el('button', {
        type: 'button', 'aria-keyshortcuts': 'U', dataset: { action: 'requeue', fkey: 'act-requeue' },
        disabled: !!pending,
        onclick: () => runAction('requeue', { ticket: last.id }).catch(() => {}),
      }, t('act_requeue'), el('kbd', {}, 'U'))));
}

/**
 * One counter click: a fresh `Idempotency-Key`, then the request. A second press while one is
 * under way is ignored; while a click is pending no new one is made.
 */
export async function runAction(action, body) {
  if (!state.me?.counter || busy) return undefined;
  if (pending) {
    showMessage('error', t('pending_block'));
    return undefined;
  }
  if ((action === 'transfer' || action === 'cancel') && !body) {
    const cur = currentTicketAt(state.me.counter);
    if (cur && action === 'transfer') openTransfer(cur);
    if (cur && action === 'cancel') openCancel(cur);
    return undefined;
  }
  return send({ key: newKey(), action, body: body || {}, site: state.me.site, counter: state.me.counter, at: Date.now() });
}

/** Sends the pending click again, with its own key. */
async function flushPending() {
  if (!pending || busy || !state.me) return;
  try {
    await send(pending);
  } catch {
    // Shown already; the click is dropped.
  }
}

/**
 * Sends a click. No answer, a network failure or a gateway's 502/503/504 keep it pending (the
 * server may or may not have done it; the same key makes the retry safe). Any other error is
 * the server's answer: shown, and the click is dropped.
 */
async function send(click) {
  busy = true;
  clearMessage();
  if (pending === click) keepFocus(renderPending);
  const wasPending = pending === click;
  inflight = click;
  try {
    const res = await api('POST',
      `/api/sites/${encodeURIComponent(click.site)}/counters/${encodeURIComponent(click.counter)}/${click.action}`,
      click.body, { headers: { 'Idempotency-Key': click.key }, timeoutMs: ACTION_TIMEOUT_MS });
    if (pending === click) setPending(null);
    busy = false;
    noteResult(click.action, res, wasPending);
    render();
    reloadSoon();
    return res;
  } catch (err) {
    busy = false;
    if (isUnreachable(err)) {
      setPending(click);
      render();
      return undefined;
    }
    if (pending === click) setPending(null);
    if (err.status === 401) {
      sessionEnded();
      throw err;
    }
    showMessage('error', wasPending ? `${t('pending_dropped', { action: t(actionLabel(click.action)) })} ${errorText(err)}` : errorText(err));
    render();
    reloadSoon();
    throw err;
  } finally {
    busy = false;
    if (inflight === click) inflight = null;
  }
}

/** Takes in what the server did for a click, and says so where it is worth a line. */
function noteResult(action, res, wasPending) {
  if (res && res.ticket) {
    state.tickets.set(res.ticket.id, res.ticket);
    noteCounterTicket(res.ticket);
  }
  if (action === 'call-next' && res && !res.ticket) showMessage('info', t('queue_empty'));
  else if (action === 'transfer' && res?.ticket) showMessage('info', t('transferred', { number: res.ticket.number }));
  else if (action === 'skip' && res?.ticket) showMessage('info', t('skipped', { number: res.ticket.number }));
  else if (action === 'cancel' && res?.ticket) showMessage('info', t('cancelled', { number: res.ticket.number }));
  else if (wasPending) showMessage('info', t('pending_sent', { action: t(actionLabel(action)) }));
  if (action === 'pause' || action === 'reopen') {
    const cs = counterStatus(state.me.counter);
    if (cs) cs.open = action === 'reopen';
  }
}

function onKey(ev) {
  if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.repeat) return;
  const tag = ev.target?.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || document.querySelector('dialog[open]')) return;
  const key = ev.key.toLowerCase();
  const button = [...document.querySelectorAll('#counter-panel button[aria-keyshortcuts]')]
    .find((b) => b.getAttribute('aria-keyshortcuts').toLowerCase() === key);
  if (button && !button.disabled) {
    ev.preventDefault();
    button.click();
  }
}

// ---- start --------------------------------------------------------------------------------

async function boot() {
  applyI18n();
  $('lang-switch').addEventListener('click', () => {
    setUiLang(uiLang() === 'ja' ? 'en' : 'ja');
    applyI18n();
    relabelAlerts(state.me ? state.alerts : []);
    if (state.me) {
      initPanels(runAction);
      render();
    } else {
      showLogin();
    }
  });
  $('logout').addEventListener('click', logout);
  $('login-form').addEventListener('submit', submitLogin);
  initAlerts();
  document.addEventListener('keydown', onKey);
  const arrival = takeArrival();
  if (arrival) arrive(arrival);
  else resumeSession();
}

/**
 * Opened by a console that moved here because its server stopped answering
 * (`staff-handover.js`): the pass becomes this server's session, then the click it carried is
 * kept pending here with its key (sent once the console starts). Only after the exchange, and
 * only a counter action of that very session: a link someone made up cannot plant a click. A
 * refused pass shows the sign-in form with the reason, and says the click was not carried.
 */
async function arrive({ pass, click }, tries = 0) {
  let me;
  try {
    me = await exchangePass(pass);
  } catch (err) {
    if (isUnreachable(err) && tries < 10) {
      showMessage('error', t('err_network'));
      setTimeout(() => arrive({ pass, click }, tries + 1), 3000);
      return;
    }
    state.me = null;
    await showLogin();
    const lost = click && CLICK_ACTIONS.has(click.action)
      ? ` ${t('handover_click_dropped', { action: t(actionLabel(click.action)), at: clockTimeSec(click.at) })}`
      : '';
    showMessage('error', `${errorText(err)}${lost}`);
    return;
  }
  const own = click && click.user === me.user && click.site === me.site && click.counter === me.counter;
  if (own && CLICK_ACTIONS.has(click.action) && click.body && typeof click.body === 'object') {
    try {
      localStorage.setItem(PENDING_KEY, JSON.stringify(click));
    } catch {
      // Storage blocked: the click cannot follow; the server's answer to it stays in the log.
    }
  }
  window.madoguchiHandover.arrived = me.user;
  try {
    await startConsole(me);
    if (!pending) showMessage('info', t('handover_arrived', { host: window.location.host }));
  } catch {
    resumeSession();
  }
}

/**
 * Opens the console of the session this browser already has, or the sign-in form. A page
 * opened while the server is unreachable says so and tries again every 3 s by itself.
 */
async function resumeSession() {
  try {
    const me = await api('GET', '/api/me');
    await startConsole(me);
  } catch (err) {
    state.me = null;
    if (isUnreachable(err)) {
      showMessage('error', t('err_network'));
      if ($('login-view').hidden) showLogin();
      setTimeout(resumeSession, 3000);
      return;
    }
    clearMessage();
    showLogin();
  }
}

boot();

// Keep "waited so far" fresh without waiting for an event.
setInterval(() => { if (state.me && !document.querySelector('dialog[open]')) keepFocus(renderCounter); }, 30000);
// Who signed in where changes without an event; alerts of new kinds may come without one.
setInterval(() => { if (state.me && !document.querySelector('dialog[open]')) reloadSoon(); }, 60000);
setInterval(pollAlerts, 15000);

// Entry point of the staff console (`/staff`): sign-in, loading the site's state, the live SSE
// connection with its "connection lost" banner, and the counter panel with its actions and
// keyboard shortcuts. Queues, alerts, hand issuing and the supervisor block live in sibling files;
// the alert chime and flashing banner in `staff-alerts.js`.

import { api, debounce, el, fill, keepFocus, minutesSince, NEED_MARKS, syncClock } from '/web/common.js';
import { initAlerts, noteAlerts, relabelAlerts, resetAlerts } from '/web/staff-alerts.js';
import { applyI18n, langName, setUiLang, t, uiLang } from '/web/staff-i18n.js';
import {
  areaName, byPlace, clearMessage, counterName, errorText, counterStatus, currentTicketAt, isSupervisorRole, needsBadges,
  serviceName, showError, showMessage, state,
} from '/web/staff-state.js';
import { initPanels, openCancel, openTransfer, renderPanels } from '/web/staff-panels.js';
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

let busy = false;
let events = null;
let reconnectTimer = null;

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
  startEvents();
  $('main').focus();
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
      showMessage('error', t('err_unauthorized'));
      stopEvents();
      showLogin();
      return;
    }
    showError(err);
  }
  render();
  if (state.isSupervisor) reloadSuper();
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
  'counter_paused', 'counter_opened', 'notice', 'assist_requested', 'print_failed',
  'alert_acknowledged', 'display_alert', 'day_changed',
];

function onEvent(ev) {
  let data = null;
  try {
    data = JSON.parse(ev.data);
  } catch {
    return;
  }
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
    $('conn-banner').hidden = true;
    if (wasLost) reload();
    wasLost = false;
  };
  es.onerror = () => {
    $('conn-banner').hidden = false;
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
            stopEvents();
            $('conn-banner').hidden = true;
            showMessage('error', t('err_unauthorized'));
            showLogin();
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
  });
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
        el('span', { class: 'state-tag' }, t(`tstate_${cur.state}`))),
      el('dl', {},
        el('dt', {}, t('f_service')), el('dd', {}, serviceName(cur.service)),
        el('dt', {}, t('f_lang')), el('dd', {}, langName(cur.lang)),
        el('dt', {}, t('f_needs')), el('dd', {}, needsBadges(cur.needs, NEED_MARKS) || t('needs_none')),
        el('dt', {}, t('f_waited')), el('dd', {}, t('minutes', { n: waited })),
        cur.transfers > 0 ? [el('dt', {}, t('f_transfers')), el('dd', {}, t('times', { n: cur.transfers }))] : null,
        cur.recalls > 0 ? [el('dt', {}, t('f_recalls')), el('dd', {}, t('times', { n: cur.recalls }))] : null));
  }

  fill($('actions'), ACTIONS.filter((a) => !a.toggle || a.when(cur, open)).map((a) => {
    const enabled = a.when(cur, open);
    return el('button', {
      type: 'button',
      class: a.cls || '',
      disabled: !enabled,
      'aria-keyshortcuts': a.key.toUpperCase(),
      title: a.hint ? t(a.hint) : null,
      dataset: { action: a.action, fkey: `act-${a.toggle ? 'toggle' : a.action}` },
      onclick: () => runAction(a.action),
    }, t(a.label), el('kbd', {}, a.key.toUpperCase()));
  }));

  renderLastNoShow(id);
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
        onclick: () => runAction('requeue', { ticket: last.id }),
      }, t('act_requeue'), el('kbd', {}, 'U'))));
}

/** Sends one counter action; a second press while one is under way is ignored. */
export async function runAction(action, body) {
  if (!state.me?.counter || busy) return;
  if ((action === 'transfer' || action === 'cancel') && !body) {
    const cur = currentTicketAt(state.me.counter);
    if (cur && action === 'transfer') openTransfer(cur);
    if (cur && action === 'cancel') openCancel(cur);
    return;
  }
  busy = true;
  clearMessage();
  try {
    const site = encodeURIComponent(state.me.site);
    const counter = encodeURIComponent(state.me.counter);
    const res = await api('POST', `/api/sites/${site}/counters/${counter}/${action}`, body || {});
    if (res && res.ticket) {
      state.tickets.set(res.ticket.id, res.ticket);
      noteCounterTicket(res.ticket);
    }
    if (action === 'call-next' && res && !res.ticket) showMessage('info', t('queue_empty'));
    if (action === 'transfer' && res?.ticket) showMessage('info', t('transferred', { number: res.ticket.number }));
    if (action === 'skip' && res?.ticket) showMessage('info', t('skipped', { number: res.ticket.number }));
    if (action === 'cancel' && res?.ticket) showMessage('info', t('cancelled', { number: res.ticket.number }));
    if (action === 'pause' || action === 'reopen') {
      const cs = counterStatus(state.me.counter);
      if (cs) cs.open = action === 'reopen';
    }
    render();
    reloadSoon();
    return res;
  } catch (err) {
    showError(err);
    throw err;
  } finally {
    busy = false;
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
  try {
    const me = await api('GET', '/api/me');
    await startConsole(me);
  } catch {
    showLogin();
  }
}

boot();

// Keep "waited so far" fresh without waiting for an event.
setInterval(() => { if (state.me && !document.querySelector('dialog[open]')) keepFocus(renderCounter); }, 30000);
// Who signed in where changes without an event; alerts of new kinds may come without one.
setInterval(() => { if (state.me && !document.querySelector('dialog[open]')) reloadSoon(); }, 60000);
setInterval(pollAlerts, 15000);

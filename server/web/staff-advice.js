// Live advice in the staff console: the supervisor block lists the predicted waits that will
// pass their target and the move for each, with an "Apply" button (a counter's weights for
// today, or reopening a paused counter; one click, the answer shown, the server audits it);
// the counter panel of a counter an advice names shows that advice's line.

import { api, el, fill, newKey } from '/web/common.js';
import { t, uiLang } from '/web/staff-i18n.js';
import { counterName, serviceName, showError, showMessage, state } from '/web/staff-state.js';

const $ = (id) => document.getElementById(id);
/** The latest `LiveAdvice`, or null before the first answer. */
let live = null;
let timer = null;
let loading = null;

let lastAt = 0;
let soon = null;
/** At most one request per this many ms (a busy site sends an event every few seconds). */
const EVERY_MS = 15000;

/**
 * Fetches the site's advice again (also every minute: predictions move with the clock); at
 * most every 15 s unless `now` (after an Apply).
 */
export async function reloadAdvice(now = false) {
  if (!state.me) return;
  if (!timer) timer = setInterval(() => reloadAdvice(), 60000);
  const wait = lastAt + EVERY_MS - Date.now();
  if (!now && wait > 0) {
    if (!soon) soon = setTimeout(() => { soon = null; reloadAdvice(); }, wait);
    return;
  }
  if (loading) return loading;
  lastAt = Date.now();
  loading = (async () => {
    try {
      live = await api('GET', `/api/sites/${encodeURIComponent(state.me.site)}/advice`);
    } catch {
      // An older server without the route, or offline: the block stays as it was.
    } finally {
      loading = null;
    }
    renderAdvice();
  })();
  return loading;
}

export function stopAdvice() {
  clearInterval(timer);
  clearTimeout(soon);
  timer = null;
  soon = null;
  lastAt = 0;
  live = null;
}

/** `14:20` of an RFC 3339 time, in the site's clock as sent. */
function hm(ts) {
  const m = /T(\d\d:\d\d)/.exec(ts || '');
  return m ? m[1] : '';
}

/** One advice as a sentence in the console's language (pure: advice in, text out). */
export function adviceText(a) {
  const service = uiLang() === 'en' ? a.service_en || serviceName(a.service) : a.service_ja || serviceName(a.service);
  const head = t('advice_head', { service, min: a.predicted_min, at: hm(a.at), target: a.target_min });
  const m = a.move;
  const name = (ja, en, id) => (uiLang() === 'en' ? en : ja) || counterName(id);
  let move = '';
  if (m.kind === 'set_weights' && m.usual) {
    move = t('advice_back', { counter: name(m.counter_ja, m.counter_en, m.counter) });
  } else if (m.kind === 'set_weights') {
    move = t('advice_weights', { counter: name(m.counter_ja, m.counter_en, m.counter), idle: m.idle_pct, service });
  } else if (m.kind === 'reopen') {
    move = t('advice_reopen', { counter: name(m.counter_ja, m.counter_en, m.counter) });
  } else if (m.kind === 'extra_counter') {
    move = t('advice_extra', { n: m.count, like: name(m.like_ja, m.like_en, m.like), from: m.from, to: m.to });
  }
  const after = t('advice_after', { min: a.after_min });
  // Japanese sentences run on without spaces.
  return [head, move, after].join(uiLang() === 'en' ? ' ' : '');
}

function canApply(a) {
  return a.move.kind === 'set_weights' || a.move.kind === 'reopen';
}

async function apply(a, button) {
  const site = encodeURIComponent(state.me.site);
  const counter = encodeURIComponent(a.move.counter);
  button.disabled = true;
  try {
    const headers = { 'Idempotency-Key': newKey() };
    if (a.move.kind === 'set_weights') {
      await api('POST', `/api/sites/${site}/counters/${counter}/weights`, { weights: a.move.weights }, { headers });
    } else {
      await api('POST', `/api/sites/${site}/counters/${counter}/reopen`, undefined, { headers });
    }
    showMessage('info', t('advice_applied', { counter: counterName(a.move.counter) }));
    await reloadAdvice(true);
  } catch (err) {
    button.disabled = false;
    showError(err);
  }
}

export function renderAdvice() {
  const box = $('advice');
  if (box) renderSuperAdvice(box);
  const line = $('advice-line');
  if (line) renderCounterAdvice(line);
}

function renderSuperAdvice(box) {
  if (!live) {
    fill(box);
    return;
  }
  const items = live.advice || [];
  const rows = live.services.filter((s) => s.waiting > 0 || Math.max(s.now_min, s.in_30_min, s.in_60_min) > 0);
  const cell = (v, target) => el('td', { class: v > target ? 'num over' : 'num' }, t('minutes', { n: v }));
  fill(box,
    items.length
      ? el('ul', { class: 'advice-list' }, items.map((a) => el('li', { class: 'advice-item', dataset: { service: a.service, move: a.move.kind } },
        el('span', { class: 'advice-text' }, adviceText(a)), ' ',
        canApply(a) ? el('button', { type: 'button', class: 'primary advice-apply', onclick: (ev) => apply(a, ev.currentTarget) }, t('advice_apply')) : null)))
      : el('p', { class: 'none' }, t('advice_none')),
    rows.length ? el('table', { class: 'advice-forecast' },
      el('thead', {}, el('tr', {},
        ['col_service', 'advice_target', 'advice_now', 'advice_30', 'advice_60']
          .map((k, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, t(k))))),
      el('tbody', {}, rows.map((s) => el('tr', {},
        el('th', { scope: 'row' }, uiLang() === 'en' ? s.name_en : s.name_ja),
        el('td', { class: 'num' }, t('minutes', { n: s.target_min })),
        cell(s.now_min, s.target_min), cell(s.in_30_min, s.target_min), cell(s.in_60_min, s.target_min))))) : null);
}

/** The counter panel: advice whose move is this counter's. */
function renderCounterAdvice(line) {
  const mine = state.me?.counter;
  const items = (live?.advice || []).filter((a) => mine && (a.move.counter === mine || a.move.like === mine));
  line.hidden = !items.length;
  fill(line, items.map((a) => el('p', { class: 'advice-text' }, adviceText(a))));
}

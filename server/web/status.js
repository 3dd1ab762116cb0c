// The visitor status page (`/s/{token}`, the ticket's QR code): this ticket only, in the ticket's
// language with a Japanese line under the key facts. Live through the ticket's SSE stream, with
// polling every 15 s while the stream is down. The wait is a range ("about 10–20 min"); when it
// moves a lot from what the visitor was last told, a notice says so. An opt-in notification
// when few are ahead, and when the wait moved.

import { api, clockTime, el, fill } from '/web/common.js';
import { guessLang, htmlLang, st } from '/web/status-i18n.js';

const $ = (id) => document.getElementById(id);
const token = decodeURIComponent(location.pathname.replace(/^\/s\//, '').replace(/\/.*$/, ''));
const POLL_MS = 15000;
const NEAR = 3;
// The estimate "moved a lot": its midpoint by at least this many minutes, or by this share of
// what the visitor was told (and at least MOVED_MIN_SHARE_MIN minutes, so 2 → 3 min is no news).
const MOVED_MIN = 10;
const MOVED_SHARE = 0.5;
const MOVED_MIN_SHARE_MIN = 5;

let lang = guessLang(navigator.languages || [navigator.language]);
let last = null;
let events = null;
let pollTimer = null;
let finished = false;
const notifyKey = `madoguchi.notify.${token}`;
let notifyOn = localStorage.getItem(notifyKey) === '1';
let notifiedNear = false;
let notifiedCalled = false;
// The range the visitor was last told (first seen, or the last "moved" notice), kept across
// reloads of the page; and the notice about the latest move.
const toldKey = `madoguchi.told.${token}`;
let told = readTold();
let moved = null;

/** The counter words in `code`: "counter 3" when the id is a number, else the counter's name. */
function goText(code, status) {
  const id = status.counter || '';
  if (/^\d+$/.test(id)) return st(code, 'called_num', { n: id });
  return st(code, 'called_name', { name: status.counter_name || id });
}

function aheadText(code, n) {
  if (n === 0) return st(code, 'ahead_zero');
  return st(code, n === 1 ? 'ahead_one' : 'ahead', { n });
}

/** The ticket's wait as a range `{ low, high }` of minutes, or null when nobody is ahead. */
function waitRange(s) {
  if (s.people_ahead <= 0) return null;
  const r = s.eta_range;
  if (r && r.high_min > 0) return { low: r.low_min, high: r.high_min };
  // A server without ranges: its one number.
  const n = Math.max(1, s.eta_min);
  return { low: n, high: n };
}

/** "10–20" as `code` writes it (word joiners: a narrow phone never breaks it after the dash);
 *  one number when both ends are equal. */
function rangeText(code, r) {
  if (r.low >= r.high) return String(r.high);
  return st(code, 'range', { low: r.low, high: r.high }).replace(/[–〜~]/g, '\u2060$&\u2060');
}

/** Whether the wait moved a lot from `from` to `to`: 'later', 'sooner' or null. */
function movedWay(from, to) {
  const a = (from.low + from.high) / 2;
  const b = (to.low + to.high) / 2;
  const d = Math.abs(b - a);
  const lot = d >= MOVED_MIN || (d >= MOVED_MIN_SHARE_MIN && d >= MOVED_SHARE * a);
  if (!lot) return null;
  return b > a ? 'later' : 'sooner';
}

function readTold() {
  try {
    const t = JSON.parse(localStorage.getItem(toldKey) || 'null');
    return t && Number.isFinite(t.low) && Number.isFinite(t.high) ? t : null;
  } catch {
    return null;
  }
}

function setTold(r) {
  told = r;
  try {
    localStorage.setItem(toldKey, JSON.stringify(r));
  } catch {
    // A phone that refuses storage compares with this visit only.
  }
}

/** Compares the wait now with what the visitor was told; a big move becomes the notice. */
function trackWait(s) {
  const r = s.state === 'waiting' ? waitRange(s) : null;
  if (!r) {
    if (s.state !== 'waiting') moved = null;
    return;
  }
  if (!told) {
    setTold(r);
    return;
  }
  const way = movedWay(told, r);
  if (way) {
    moved = { way, range: r };
    setTold(r);
    if (notifyOn) alertVisitor(st(lang, `eta_${way}`, { range: rangeText(lang, r) }), [150, 80, 150]);
  } else if (moved) {
    // Small steps after a notice: the notice shows the range as it is now.
    moved = { way: moved.way, range: r };
  }
}

/** A fact in the visitor's language with the Japanese line under it (none for Japanese). */
function fact(cls, key, textFor) {
  const nodes = [el('p', { class: cls, id: key }, textFor(lang))];
  if (lang !== 'ja' && lang !== 'ja-easy') nodes.push(el('p', { class: 'ja-line', lang: 'ja' }, textFor('ja')));
  return nodes;
}

function serviceText(code, s) {
  if (code === 'ja') return s.service_name_ja;
  const name = st(code, s.service_name_key);
  return name === s.service_name_key ? s.service_name_ja : name;
}

function render(s) {
  last = s;
  lang = s.lang;
  document.documentElement.lang = htmlLang(lang);
  document.title = `${s.number} — ${st(lang, 'title')}`;
  fill($('site'), el('span', { lang: 'ja' }, s.site_name));

  const called = s.state === 'called';
  fill($('called'), called
    ? el('div', { class: 'go' },
      el('p', { class: 'go-title' }, st(lang, 'called_title')),
      el('p', { class: 'go-main', id: 'go-main' }, goText(lang, s)),
      el('p', { class: 'go-number' }, s.number),
      lang !== 'ja' ? el('p', { class: 'go-ja', lang: 'ja' }, goText('ja', s)) : null)
    : null);

  const card = $('card');
  card.className = `card ${['done', 'cancelled', 'expired'].includes(s.state) ? 'finished' : ''}`;
  const parts = [
    fact('label', 'number-label', (c) => st(c, 'number_label')),
    el('p', { class: 'number', id: 'number' }, s.number),
    el('p', { class: 'label' }, st(lang, 'service_label')),
    el('p', { class: 'service', id: 'service' }, serviceText(lang, s)),
    lang !== 'ja' ? el('p', { class: 'ja-line', lang: 'ja' }, s.service_name_ja) : null,
  ];
  if (s.state === 'waiting') {
    trackWait(s);
    const r = waitRange(s);
    parts.push(
      moved ? el('div', { class: `moved moved-${moved.way}`, id: 'eta-moved', role: 'status' },
        fact('moved-text', 'eta-moved-text', (c) => st(c, `eta_${moved.way}`, { range: rangeText(c, moved.range) }))) : null,
      fact('fact', 'ahead', (c) => aheadText(c, s.people_ahead)),
      r ? fact('fact', 'eta', (c) => st(c, 'eta', { range: rangeText(c, r) })) : null,
      el('p', { class: 'hint' }, st(lang, 'hint')));
  } else if (s.state === 'serving') {
    const where = s.counter_name || s.counter || '';
    parts.push(fact('state-msg', 'state-msg', (c) => st(c, 'serving', { counter: where })));
  } else if (s.state !== 'called') {
    parts.push(fact('state-msg', 'state-msg', (c) => st(c, s.state)));
  }
  fill(card, parts);
  renderNotify();
  fill($('updated'), st(lang, 'updated', { time: clockTime(Date.now()) }));
  maybeNotify(s);
  finished = ['done', 'cancelled', 'expired'].includes(s.state);
  if (finished) stopLive();
}

function renderNotify() {
  const can = 'Notification' in window || 'vibrate' in navigator;
  const waiting = last && last.state === 'waiting';
  $('notify-row').hidden = !can || !waiting || notifyOn;
  fill($('notify'), st(lang, 'notify_button'));
  if (notifyOn && waiting) fill($('notify-note'), st(lang, 'notify_on'));
  else if (!waiting) fill($('notify-note'));
}

async function enableNotify() {
  let allowed = false;
  if ('Notification' in window) {
    try {
      allowed = (await Notification.requestPermission()) === 'granted';
    } catch {
      allowed = false;
    }
  }
  if (!allowed && !('vibrate' in navigator)) {
    fill($('notify-note'), st(lang, 'notify_blocked'));
    return;
  }
  notifyOn = true;
  localStorage.setItem(notifyKey, '1');
  renderNotify();
  if (!allowed) fill($('notify-note'), `${st(lang, 'notify_on')} ${st(lang, 'notify_blocked')}`);
}

function alertVisitor(text, pattern) {
  try {
    if ('vibrate' in navigator) navigator.vibrate(pattern);
  } catch {
    // Vibration is a courtesy; the page itself shows everything.
  }
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(text, { tag: `madoguchi-${token}`, lang: htmlLang(lang) });
    } catch {
      // Some phones only allow notifications from a service worker; the page still shows it.
    }
  }
}

function maybeNotify(s) {
  if (!notifyOn) return;
  if (s.state === 'waiting' && s.people_ahead <= NEAR && !notifiedNear) {
    notifiedNear = true;
    alertVisitor(st(lang, 'notify_soon', { n: s.people_ahead }), [200, 100, 200]);
  }
  if (s.state === 'called' && !notifiedCalled) {
    notifiedCalled = true;
    alertVisitor(`${s.number}: ${goText(lang, s)}`, [500, 200, 500, 200, 500]);
  }
  if (s.state === 'waiting') notifiedCalled = false;
}

function showNotFound() {
  stopLive();
  document.documentElement.lang = htmlLang(lang);
  fill($('called'));
  fill($('card'), fact('state-msg', 'not-found', (c) => st(c, 'not_found')));
  $('notify-row').hidden = true;
}

// ---- live updates -------------------------------------------------------------------------

async function poll() {
  try {
    render(await api('GET', `/api/status/${encodeURIComponent(token)}`));
    setOffline(false);
  } catch (err) {
    if (err.status === 404) showNotFound();
    else setOffline(true);
  }
}

function setOffline(offline) {
  fill($('offline'), st(lang, 'offline'));
  $('offline').hidden = !offline;
}

function startPolling() {
  if (!pollTimer && !finished) pollTimer = setInterval(poll, POLL_MS);
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

function startLive() {
  if (!('EventSource' in window)) {
    startPolling();
    return;
  }
  const es = new EventSource(`/api/status/${encodeURIComponent(token)}/events`);
  events = es;
  es.addEventListener('status', (ev) => {
    try {
      render(JSON.parse(ev.data));
      setOffline(false);
    } catch {
      // A malformed event is ignored; the next one or the poll corrects the page.
    }
  });
  es.onopen = () => {
    stopPolling();
    setOffline(false);
    poll();
  };
  es.onerror = () => {
    if (finished) return;
    // While the stream is down, poll; EventSource reconnects by itself unless it was refused.
    startPolling();
    if (es.readyState === EventSource.CLOSED) {
      setTimeout(() => { if (!finished && events === es) startLive(); }, POLL_MS);
    }
  };
}

function stopLive() {
  stopPolling();
  if (events) events.close();
  events = null;
}

$('notify').addEventListener('click', enableNotify);
// A phone that wakes from sleep may have lost the stream without noticing: look again at once.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && !finished) poll();
});
fill($('loading'), st(lang, 'loading'));
document.documentElement.lang = htmlLang(lang);
poll().then(() => { if (!finished && $('not-found') === null) startLive(); });

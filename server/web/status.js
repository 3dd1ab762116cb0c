// The visitor status page (`/s/{token}`, the ticket's QR code): this ticket only, in the ticket's
// language with a Japanese line under the key facts. Live through the ticket's SSE stream, with
// polling every 15 s while the stream is down, and an opt-in notification when few are ahead.

import { api, clockTime, el, fill } from '/web/common.js';
import { guessLang, htmlLang, st } from '/web/status-i18n.js';

const $ = (id) => document.getElementById(id);
const token = decodeURIComponent(location.pathname.replace(/^\/s\//, '').replace(/\/.*$/, ''));
const POLL_MS = 15000;
const NEAR = 3;

let lang = guessLang(navigator.languages || [navigator.language]);
let last = null;
let events = null;
let pollTimer = null;
let finished = false;
const notifyKey = `madoguchi.notify.${token}`;
let notifyOn = localStorage.getItem(notifyKey) === '1';
let notifiedNear = false;
let notifiedCalled = false;

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
    parts.push(
      fact('fact', 'ahead', (c) => aheadText(c, s.people_ahead)),
      s.people_ahead > 0 ? fact('fact', 'eta', (c) => st(c, 'eta', { n: Math.max(1, s.eta_min) })) : null,
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

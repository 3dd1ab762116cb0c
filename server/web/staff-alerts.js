// Making sure a clerk who looked away notices a new alert (a visitor pressed "call staff", a
// ticket did not print, a display lost its sound, a braille-form ticket was called and staff
// must fetch the visitor, or any kind a newer server adds): a chime
// made with the Web Audio API (no sound file), a banner that flashes until every alert is
// acknowledged, a reminder chime while one stays open, and a mute switch kept in localStorage.
// Browsers allow sound only after a user gesture, so the audio context is created or resumed on
// the first click or key press (signing in is one); a chime due before that plays then.

import { el, fill } from '/web/common.js';
import { langName, t } from '/web/staff-i18n.js';
import { counterName } from '/web/staff-state.js';

const MUTE_KEY = 'madoguchi.alertMuted';
/** While an alert stays open, the chime sounds again this often. */
const REMINDER_MS = 60000;

/**
 * What the console did about alerts, for the browser tests and for anyone debugging a silent
 * console: `played` counts chimes started on a running audio context, `pending` is a chime
 * waiting for the first user gesture, `flashing` whether the banner flashes.
 */
const hook = { played: 0, pending: false, flashing: false, muted: false, lastAlert: null };
window.madoguchiAlertSound = hook;

let audio = null;
/** Alert ids already announced by this page. */
const seen = new Set();
let reminder = null;

export function isMuted() {
  return localStorage.getItem(MUTE_KEY) === '1';
}

/** Creates or resumes the audio context; only works from (or after) a user gesture. */
function unlock() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  try {
    audio ??= new Ctx();
  } catch {
    audio = null;
    return;
  }
  if (audio.state === 'suspended') {
    audio.resume().then(() => { if (hook.pending) chime(); }, () => {});
  } else if (hook.pending) {
    chime();
  }
}

/** Two falling two-tone pairs, about a second: distinct from the display's call chime. */
function chime() {
  if (isMuted()) {
    hook.pending = false;
    return;
  }
  if (!audio || audio.state !== 'running') {
    hook.pending = true;
    return;
  }
  hook.pending = false;
  const start = audio.currentTime + 0.02;
  [[988, 0], [740, 0.22], [988, 0.5], [740, 0.72]].forEach(([freq, at]) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start + at);
    gain.gain.exponentialRampToValueAtTime(0.4, start + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(start + at);
    osc.stop(start + at + 0.21);
  });
  hook.played += 1;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A small line icon drawn in the text colour (`bell`, `sound`, `muted`). Inline SVG, because
 * the office PC may have no emoji font (a missing glyph shows as an empty box).
 */
function icon(name) {
  const paths = {
    bell: ['M6 16V11a6 6 0 0 1 12 0v5l2 2H4z', 'M10 20a2 2 0 0 0 4 0'],
    sound: ['M4 9h4l5-4v14l-5-4H4z', 'M16 9a4 4 0 0 1 0 6', 'M18.5 6.5a8 8 0 0 1 0 11'],
    muted: ['M4 9h4l5-4v14l-5-4H4z', 'M16 9l5 6', 'M21 9l-5 6'],
  }[name];
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24', width: '1.2em', height: '1.2em', fill: 'none', stroke: 'currentColor',
    'stroke-width': '2', 'stroke-linejoin': 'round', 'stroke-linecap': 'round', 'aria-hidden': 'true', class: 'icon',
  })) svg.setAttribute(k, v);
  for (const d of paths) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** The alert as one sentence in the console's language; unknown kinds show their `detail`. */
export function alertText(a) {
  switch (a.kind) {
    case 'assist':
      return t('alert_assist', { kiosk: a.kiosk || '-', lang: a.lang ? langName(a.lang) : '-' });
    case 'print_failed':
      return t('alert_print_failed', { number: a.ticket ? a.ticket.number : '-', detail: a.detail || '' });
    case 'display_sound':
      return t('alert_display_sound', { detail: a.detail || '' });
    case 'assist_called':
      // The counter that called it, in the console's language (the ticket stays at it).
      return a.ticket && a.ticket.counter
        ? t('alert_assist_called', { number: a.ticket.number, counter: counterName(a.ticket.counter) })
        : a.detail;
    default:
      return t('alert_other', { kind: a.kind, detail: a.detail || '', from: a.kiosk ? ` (${a.kiosk})` : '' });
  }
}

/**
 * Called with the open alerts after every load: chimes once for alerts this page has not
 * announced yet, and keeps the banner flashing and the reminder running while any is open.
 */
export function noteAlerts(alerts) {
  const fresh = alerts.filter((a) => !seen.has(a.id));
  for (const a of fresh) seen.add(a.id);
  if (fresh.length) {
    hook.lastAlert = fresh[fresh.length - 1].kind;
    chime();
  }
  renderBanner(alerts);
  if (alerts.length && !reminder) {
    reminder = setInterval(chime, REMINDER_MS);
  } else if (!alerts.length) {
    clearInterval(reminder);
    reminder = null;
    hook.pending = false;
  }
}

/** Forgets what was announced (sign-out), so the next person hears open alerts again. */
export function resetAlerts() {
  seen.clear();
  clearInterval(reminder);
  reminder = null;
  hook.pending = false;
  renderBanner([]);
}

function renderBanner(alerts) {
  const banner = document.getElementById('alert-banner');
  hook.flashing = alerts.length > 0;
  document.getElementById('alerts-panel')?.classList.toggle('attention', alerts.length > 0);
  if (!alerts.length) {
    banner.hidden = true;
    fill(banner);
    document.title = `${t('app_title')} — madoguchi`;
    return;
  }
  const newest = alerts.reduce((a, b) => ((b.at || '') > (a.at || '') ? b : a));
  const more = alerts.length > 1 ? ` ${t('alert_more', { n: alerts.length - 1 })}` : '';
  fill(banner,
    icon('bell'),
    el('span', { class: 'what' }, `${alertText(newest)}${more}`),
    el('button', {
      type: 'button', dataset: { fkey: 'alert-banner-go' },
      onclick: () => {
        const panel = document.getElementById('alerts-panel');
        panel.scrollIntoView({ block: 'center' });
        panel.querySelector('.alert-item button:last-child')?.focus();
      },
    }, t('alert_go')));
  banner.hidden = false;
  document.title = `(${alerts.length}) ${t('app_title')} — madoguchi`;
}

function renderMute() {
  const button = document.getElementById('sound-toggle');
  const muted = isMuted();
  hook.muted = muted;
  button.setAttribute('aria-pressed', String(muted));
  fill(button, icon(muted ? 'muted' : 'sound'), ' ', t(muted ? 'sound_off' : 'sound_on'));
  button.title = t(muted ? 'sound_off_hint' : 'sound_on_hint');
}

/** Wires the mute switch and the first-gesture unlock (once per page). */
export function initAlerts() {
  const button = document.getElementById('sound-toggle');
  button.addEventListener('click', () => {
    localStorage.setItem(MUTE_KEY, isMuted() ? '0' : '1');
    renderMute();
  });
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, unlock, { capture: true });
  renderMute();
}

/** Redraws the switch and banner texts after a language change. */
export function relabelAlerts(alerts) {
  renderMute();
  renderBanner(alerts);
}

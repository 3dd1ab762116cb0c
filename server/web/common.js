// Shared helpers of the madoguchi web pages: JSON API calls whose failures carry the server's
// `ApiError` sentence, a tiny element builder (text is always set as text, never as HTML), and
// time helpers that use the server's clock so "waited 12 min" is right on a PC with a wrong clock.

/** A failed API call: HTTP status (0 when the server could not be reached), `code`, `message`. */
export class ApiFailure extends Error {
  constructor(status, code, message, body) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

let apiWatcher = null;

/**
 * Tells `fn(reached)` about every API call: `true` when the server answered (any status but a
 * gateway's 502/503/504), `false` when it could not be reached or did not answer in time.
 */
export function watchApi(fn) {
  apiWatcher = fn;
}

/** Whether a failure says the request may not have reached the server (safe to retry with the same key). */
export function isUnreachable(err) {
  return err instanceof ApiFailure && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
}

/**
 * Calls the JSON API; resolves to the parsed body (null for 204), rejects with ApiFailure.
 * `opts.headers` adds headers (e.g. `Idempotency-Key`); `opts.timeoutMs` (default 15 s) gives up
 * on a server that does not answer, as status 0 like a network failure.
 */
export async function api(method, path, body, opts = {}) {
  const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { ...(opts.headers || {}) } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const abort = new AbortController();
  init.signal = abort.signal;
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs || 15000);
  let res;
  let text;
  try {
    res = await fetch(path, init);
    text = await res.text();
  } catch {
    apiWatcher?.(false);
    throw new ApiFailure(0, 'network', '');
  } finally {
    clearTimeout(timer);
  }
  apiWatcher?.(![502, 503, 504].includes(res.status));
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const code = (data && data.code) || `http_${res.status}`;
    throw new ApiFailure(res.status, code, (data && data.message) || '', data);
  }
  return data;
}

/**
 * A fresh random UUID (v4) for an `Idempotency-Key`. `crypto.randomUUID` exists only on secure
 * pages (https or localhost); an office PC opening the console over plain http gets the same
 * kind of UUID from `getRandomValues`.
 */
export function newKey() {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Builds an element. `attrs` keys: `class`, `text`, `on<event>` (a function), `dataset` (object),
 * booleans (`hidden`, `disabled`, …) and any other attribute. Children are nodes or strings.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces all children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let clockOffsetMs = 0;

/** Remembers the server's clock (an RFC 3339 `now` from a board) against this PC's clock. */
export function syncClock(serverNow) {
  const t = Date.parse(serverNow);
  if (!Number.isNaN(t)) clockOffsetMs = t - Date.now();
}

/** Now on the server's clock, in ms since the epoch. */
export function serverNowMs() {
  return Date.now() + clockOffsetMs;
}

/** Whole minutes from `from` (RFC 3339) to `to` (RFC 3339, or the server's now). */
export function minutesSince(from, to) {
  const a = Date.parse(from);
  const b = to ? Date.parse(to) : serverNowMs();
  if (Number.isNaN(a) || Number.isNaN(b)) return 0;
  return Math.max(0, Math.floor((b - a) / 60000));
}

const hhmm = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

const hhmmss = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** `HH:MM:SS` in Japan time of a moment on this PC's clock, corrected to the server's. */
export function clockTimeSec(localMs) {
  return hhmmss.format(new Date(localMs + clockOffsetMs));
}

/** `HH:MM` in Japan time. */
export function clockTime(ts) {
  const t = typeof ts === 'number' ? ts : Date.parse(ts);
  return Number.isNaN(t) ? '' : hhmm.format(new Date(t));
}

/** Waiting-time band of the congestion page: `low` (< 20 min), `mid` (20–60), `high` (> 60). */
export function band(minutes) {
  if (minutes < 20) return 'low';
  if (minutes <= 60) return 'mid';
  return 'high';
}

/** The six needs flags of a ticket, in the order they are shown. */
export const NEED_KEYS = ['braille_form', 'wheelchair', 'written', 'interpreter', 'help', 'other'];

/** A mark for each need; the words always go with it (the mark alone is not enough). */
export const NEED_MARKS = {
  braille_form: '⠿',
  wheelchair: '♿',
  written: '✎',
  interpreter: '⇄',
  help: '✋',
  other: '＋',
};

/** Runs `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * Runs `fn` (which redraws part of the page) and puts the keyboard focus back on the element
 * that had it, found again by its `id` or `data-fkey`, so live updates never lose a user's place.
 */
export function keepFocus(fn) {
  const active = document.activeElement;
  const id = active && active.id;
  const fkey = active && active.dataset ? active.dataset.fkey : undefined;
  fn();
  if (document.activeElement === active && active && active.isConnected) return;
  let again = null;
  if (id) again = document.getElementById(id);
  else if (fkey) again = document.querySelector(`[data-fkey="${CSS.escape(fkey)}"]`);
  if (again && !again.disabled) {
    again.focus();
  } else if (again && again.closest('[role=group]')) {
    // The button just pressed is now disabled (e.g. "call next" once a ticket is called):
    // keep the keyboard in the same group of buttons rather than dropping it to the page.
    const next = [...again.closest('[role=group]').querySelectorAll('button')].find((b) => !b.disabled);
    if (next) next.focus();
  }
}

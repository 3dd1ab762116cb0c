// Whether the staff console can reach the server, and the "cannot reach the server" banner.
// Two signals: the site's event stream (EventSource: open or in error) and every API call
// (answered, or failed on the network / a gateway / no answer in time). The stream's 5 s
// keep-alives are comments EventSource never shows to the page, so a stream that goes silent
// without an error (a frozen server, a pulled cable) is caught by a probe: after 5 s without
// news the console asks `GET /api/me` (3 s timeout); no answer means offline. Offline within
// about 9 s at worst, at once when the server closes the stream. While offline the probe runs
// every 2 s; the first answer brings the console back (`onBack`).

import { api, clockTimeSec, el, fill, watchApi } from '/web/common.js';
import { t } from '/web/staff-i18n.js';

/** Silence after which the console asks the server whether it is still there. */
const QUIET_MS = 5000;
const PROBE_TIMEOUT_MS = 3000;
/** While offline, how often the console tries again. */
const RETRY_MS = 2000;

const conn = {
  /** The API answers (last call or probe). */
  api: true,
  /** The event stream is open (not in error). */
  stream: true,
  /** Last moment (this PC's clock) the console heard from the server. */
  lastHeard: Date.now(),
  lastProbe: 0,
  probing: false,
  /** How many counter clicks wait to be sent (shown in the banner). */
  pending: 0,
  active: false,
};

/** For the browser tests and anyone debugging: the connection as the console sees it. */
window.madoguchiConnection = conn;

let handlers = { onBack: () => {}, onChange: () => {}, onUnauthorized: () => {} };
let timer = null;

export function isOnline() {
  return !conn.active || (conn.api && conn.stream);
}

function update(wasOnline, cause) {
  const online = isOnline();
  renderBanner();
  if (online !== wasOnline) {
    document.body.classList.toggle('offline', !online);
    handlers.onChange(online);
    if (online) handlers.onBack(cause);
  }
}

/** How long the console has heard nothing from its server, in ms. */
export function silentMs() {
  return Date.now() - conn.lastHeard;
}

/** The server answered something: the console hears it again. */
export function heard() {
  conn.lastHeard = Date.now();
}

function setApi(reached) {
  if (reached) heard();
  if (conn.api === reached) return;
  const was = isOnline();
  conn.api = reached;
  update(was, 'api');
}

/** The event stream opened (`true`) or failed (`false`). */
export function streamState(open) {
  if (open) heard();
  if (conn.stream === open) return;
  const was = isOnline();
  conn.stream = open;
  update(was, 'stream');
}

/** How many clicks wait to be sent, for the banner. */
export function setPendingCount(n) {
  conn.pending = n;
  renderBanner();
}

async function probe() {
  conn.probing = true;
  conn.lastProbe = Date.now();
  try {
    await api('GET', '/api/me', undefined, { timeoutMs: PROBE_TIMEOUT_MS });
  } catch (err) {
    if (err.status === 401) handlers.onUnauthorized();
  } finally {
    conn.probing = false;
  }
}

function tick() {
  if (!conn.active || conn.probing) return;
  const now = Date.now();
  if (isOnline() ? now - conn.lastHeard >= QUIET_MS : now - conn.lastProbe >= RETRY_MS) probe();
}

/**
 * Starts watching (after signing in). `onBack(cause)` runs when the console is back online
 * (`cause` 'api' when the API came back, 'stream' when the stream reopened by itself);
 * `onChange(online)` on every change; `onUnauthorized` when the session has ended.
 */
export function startConn(h) {
  handlers = { ...handlers, ...h };
  watchApi(setApi);
  conn.active = true;
  conn.api = true;
  conn.stream = true;
  heard();
  document.body.classList.remove('offline');
  renderBanner();
  clearInterval(timer);
  timer = setInterval(tick, 1000);
}

export function stopConn() {
  conn.active = false;
  clearInterval(timer);
  document.body.classList.remove('offline');
  renderBanner();
}

/** The banner: hidden while online; offline, the time of the last news and waiting clicks. */
export function renderBanner() {
  const banner = document.getElementById('conn-banner');
  if (isOnline()) {
    banner.hidden = true;
    return;
  }
  fill(banner,
    el('strong', { class: 'conn-title' }, t('conn_offline', { at: clockTimeSec(conn.lastHeard) }),
      conn.pending ? ` ${t('conn_pending', { n: conn.pending })}` : ''),
    el('span', { class: 'conn-detail' }, t('conn_readonly')));
  banner.hidden = false;
}

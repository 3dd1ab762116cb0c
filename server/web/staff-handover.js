// Moving the staff console to another server of the same database when its own stops
// answering, still signed in and with its pending click. Cookies and localStorage belong to one
// server's address, so while its server answers the console holds a hand-over pass
// (`POST /api/handover`: two minutes, single use, renewed with a minute left, kept in this
// page's memory only) and the list of peers (`serve --peer`). After 10 s without news from
// its server it asks each peer's `/api/health` in turn (3 s each); the first that answers gets
// the console: its `/staff` opens with the pass and the pending click in the URL fragment
// (`#handover=…&click=…`), which browsers never send to a server. That page removes the
// fragment from the address bar and history, trades the pass for a session of its own
// (`POST /api/handover/exchange`) and sends the click again with its `Idempotency-Key`: a click
// the dead server applied is answered from the stored outcome, never done twice.

import { api, serverNowMs } from '/web/common.js';
import { isOnline, silentMs } from '/web/staff-conn.js';
import { t } from '/web/staff-i18n.js';
import { showMessage } from '/web/staff-state.js';

/** Silence after which the console looks for a peer. */
const MOVE_AFTER_MS = 10000;
/** A new pass is asked for when the one held has less than this left. */
const RENEW_BEFORE_MS = 60000;
/** After a failed renewal, the next try waits this long. */
const RETRY_MS = 10000;
const PROBE_TIMEOUT_MS = 3000;

/** `{ pass, until (this PC's clock, ms), peers }` or null. */
let held = null;
let timer = null;
let lastTry = 0;
let renewing = false;
let moving = false;
/** The click to carry along: the pending one, or one still waiting for its answer. */
let clickOf = () => null;

/** For the browser tests and anyone debugging: where the console went, and whether it holds a pass. */
window.madoguchiHandover = { movedTo: null, holds: () => Boolean(held), peers: () => held?.peers || [] };

/** Starts keeping a pass (after signing in); `currentClick()` gives the click to carry along. */
export function startHandover(currentClick) {
  stopHandover();
  clickOf = currentClick;
  timer = setInterval(tick, 1000);
  renew();
}

/** Signed out, or the session ended: no pass is kept. */
export function stopHandover() {
  clearInterval(timer);
  timer = null;
  held = null;
}

function tick() {
  if (isOnline()) {
    if ((!held || held.until - Date.now() < RENEW_BEFORE_MS) && Date.now() - lastTry >= RETRY_MS) renew();
    return;
  }
  if (!moving && held && held.peers.length && silentMs() >= MOVE_AFTER_MS && Date.now() < held.until) move();
}

async function renew() {
  if (renewing) return;
  renewing = true;
  lastTry = Date.now();
  try {
    const res = await api('POST', '/api/handover', undefined, { timeoutMs: 5000 });
    const left = Date.parse(res.expires_at) - serverNowMs();
    if (timer && !Number.isNaN(left)) held = { pass: res.pass, until: Date.now() + left, peers: res.peers || [] };
  } catch {
    // The banner tells about a lost server; the pass held (if any) still works until it expires.
  } finally {
    renewing = false;
  }
}

async function answers(peer) {
  const abort = new AbortController();
  const limit = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
  try {
    const res = await fetch(`${peer}/api/health`, { cache: 'no-store', credentials: 'omit', signal: abort.signal });
    return res.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(limit);
  }
}

async function move() {
  moving = true;
  try {
    for (const peer of held.peers) {
      if (isOnline()) return;
      if (!(await answers(peer)) || !held || isOnline()) continue;
      const fragment = new URLSearchParams({ handover: held.pass });
      const click = clickOf();
      if (click) fragment.set('click', JSON.stringify(click));
      showMessage('info', t('handover_moving', { peer }));
      window.madoguchiHandover.movedTo = peer;
      held = null;
      window.location.replace(`${peer}/staff#${fragment}`);
      return;
    }
  } finally {
    moving = false;
  }
}

/**
 * A hand-over this page was opened with (`#handover=…`): `{ pass, click }`, the fragment
 * removed from the address bar and history at once; or null.
 */
export function takeArrival() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const pass = params.get('handover');
  if (!pass) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  let click = null;
  try {
    click = JSON.parse(params.get('click') || 'null');
  } catch {
    click = null;
  }
  return { pass, click: click && typeof click.key === 'string' ? click : null };
}

/** Trades the pass for this server's session cookie; resolves to the `LoginResponse`. */
export function exchangePass(pass) {
  return api('POST', '/api/handover/exchange', { pass });
}

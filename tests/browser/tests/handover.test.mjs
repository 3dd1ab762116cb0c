// A city deployment's staff console moving between servers (see `pair.mjs`: servers A and B on
// one throwaway PostgreSQL, on two loopback addresses so they share no cookie, each the other's
// `--peer`). Signed in on A, `kill -9` of A with a click pending: the console moves to B by
// itself, still signed in (no sign-in form, no `/api/login`), and the click is applied exactly
// once. Then the worst case the other way: B applies a click and dies before its answer
// arrives; the console moves back to the restarted A, sends the click again with the same
// `Idempotency-Key` and gets B's stored outcome, not a second call. Checked through the API and
// the audit log. Fails, with a sentence, where PostgreSQL is not installed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, desktop, launch, pageErrors, signIn, SITE, waitCurrent } from '../lib.mjs';
import { serverPair } from '../pair.mjs';

let pair;
let browser;
let page;
let tickets = [];
/** Every counter request the console made: `{ origin, action, key, status, replayed }`. */
const sent = [];
const logins = [];

before(async () => {
  pair = await serverPair();
  browser = await launch();
  page = await (await desktop(browser, pair.a.base)).newPage();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/login') logins.push(url.origin);
    const m = url.pathname.match(/\/counters\/3\/([a-z-]+)$/);
    if (m && r.method() === 'POST') {
      sent.push({ request: r, origin: url.origin, action: m[1], key: r.headers()['idempotency-key'], status: null, replayed: null });
    }
  });
  page.on('response', async (res) => {
    const hit = sent.find((s) => s.request === res.request());
    if (hit) {
      hit.status = res.status();
      hit.replayed = res.headers()['idempotent-replayed'] || null;
    }
  });
});

after(async () => {
  await browser?.close();
  if (pair) {
    if (process.exitCode) {
      console.error(`server A:\n${pair.a.log().split('\n').slice(-30).join('\n')}`);
      console.error(`server B:\n${pair.b.log().split('\n').slice(-30).join('\n')}`);
    }
    await pair.close();
  }
});

async function issue(base) {
  const res = await call('POST', `/api/sites/${SITE}/tickets`, { base, token: pair.kioskToken, body: { service: 'pickup', lang: 'ja', needs: {} } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.ticket;
}

async function supervisor(base) {
  const login = await call('POST', '/api/login', { base, body: { user: 'super1', password: 'super1-demo', site: SITE } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.token;
}

async function ticketsNow(base) {
  const res = await call('GET', `/api/sites/${SITE}/tickets`, { base, token: await supervisor(base) });
  assert.equal(res.status, 200);
  return res.body;
}

async function audit(base) {
  const res = await call('GET', `/api/sites/${SITE}/audit?limit=200`, { base, token: await supervisor(base) });
  assert.equal(res.status, 200);
  return res.body;
}

/** Waits until the console holds a hand-over pass naming `peer`. */
async function holdsPassTo(peer) {
  await page.waitForFunction((p) => window.madoguchiHandover?.holds() && window.madoguchiHandover.peers().includes(p), peer);
}

/** Waits until the page is the console of `base`, signed in as staff1 at counter 3. */
async function consoleOn(base) {
  await page.waitForURL((url) => url.origin === base, { timeout: 40000 });
  await page.waitForSelector('#console-view:not([hidden])', { timeout: 15000 });
  assert.ok(!page.url().includes('#'), `the pass left the address bar: ${page.url()}`);
  assert.ok(await page.isHidden('#login-view'), 'no sign-in form');
  assert.match(await page.textContent('#who'), /staff1/);
}

test('server A killed with a click pending: the console moves to B by itself, signed in, and the click is done once', async () => {
  tickets = [await issue(pair.a.base), await issue(pair.a.base), await issue(pair.a.base)];
  await signIn(page, 'staff1', 'staff1-demo', '3');
  for (const tk of tickets) await page.waitForSelector(`tr[data-ticket="${tk.number}"]`);
  await holdsPassTo(pair.b.base);

  await pair.a.kill();
  await page.waitForSelector('#conn-banner:not([hidden])', { timeout: 10000 });
  await page.click('[data-action=call-next]');
  await page.waitForSelector('#pending:not([hidden])');
  const moved = Date.now();

  await consoleOn(pair.b.base);
  assert.ok(Date.now() - moved < 30000, `moved after ${Date.now() - moved} ms`);
  await waitCurrent(page, tickets[0].number);
  await page.waitForSelector('#pending', { state: 'hidden' });
  await page.waitForSelector('#conn-banner', { state: 'hidden' });

  const calls = sent.filter((s) => s.action === 'call-next');
  assert.equal(new Set(calls.map((s) => s.key)).size, 1, 'every try carries the click\'s Idempotency-Key');
  assert.deepEqual(calls.filter((s) => s.status !== null).map((s) => [s.origin, s.status]), [[pair.b.base, 200]], 'answered once, by B');
  const now = await ticketsNow(pair.b.base);
  assert.deepEqual(tickets.map((tk) => now.find((n) => n.id === tk.id).state), ['called', 'waiting', 'waiting']);
  const rows = await audit(pair.b.base);
  assert.equal(rows.filter((r) => r.action === 'call-next' && r.ticket === tickets[0].number).length, 1, 'one call in the audit log');
  const handover = rows.filter((r) => r.action === 'handover');
  assert.equal(handover.length, 1, 'the hand-over is audited');
  assert.equal(handover[0].actor, 'staff1');
  assert.match(handover[0].detail, new RegExp(pair.b.base.replace(/\./g, '\\.')));
  assert.deepEqual(logins, [pair.a.base], 'signed in once, on A');

  // Still signed in on B by B's own cookie: a reload keeps the console.
  await page.reload();
  await page.waitForSelector('#console-view:not([hidden])');
  await waitCurrent(page, tickets[0].number);
});

test('B applies a click and dies before answering: the console moves back to A and the click is not done twice', async () => {
  await pair.a.start();
  await holdsPassTo(pair.a.base);
  const mark = sent.length;
  // 完了 reaches B and is applied; B is killed before its answer reaches the page.
  await page.route('**/counters/3/done', async (route) => {
    const res = await route.fetch();
    assert.equal(res.status(), 200);
    await pair.b.kill();
    await route.abort('connectionreset');
  });
  await page.keyboard.press('d');
  await page.waitForSelector('#pending:not([hidden])');
  await page.unrouteAll({ behavior: 'ignoreErrors' });

  await consoleOn(pair.a.base);
  await waitCurrent(page, '');
  await page.waitForSelector('#pending', { state: 'hidden' });

  const dones = sent.slice(mark).filter((s) => s.action === 'done');
  assert.equal(new Set(dones.map((s) => s.key)).size, 1, 'the same Idempotency-Key on both servers');
  const answered = dones.filter((s) => s.origin === pair.a.base && s.status !== null);
  assert.deepEqual(answered.map((s) => [s.status, s.replayed]), [[200, 'true']], 'A answers from B\'s stored outcome');
  const now = await ticketsNow(pair.a.base);
  assert.deepEqual(tickets.map((tk) => now.find((n) => n.id === tk.id).state), ['done', 'waiting', 'waiting']);
  const rows = await audit(pair.a.base);
  assert.equal(rows.filter((r) => r.action === 'done' && r.ticket === tickets[0].number).length, 1, 'done once');
  assert.equal(rows.filter((r) => r.action === 'handover').length, 2);
  assert.deepEqual(logins, [pair.a.base], 'never a second sign-in');

  // The console works on A: the next call goes through.
  await page.keyboard.press('n');
  await waitCurrent(page, tickets[1].number);
});

test('a made-up hand-over link signs no one in and plants no click', async () => {
  const other = await (await desktop(browser, pair.a.base)).newPage();
  const forged = { key: crypto.randomUUID(), action: 'call-next', body: {}, site: SITE, counter: '3', user: 'staff1', at: Date.now() };
  const mark = sent.length;
  other.on('request', (r) => {
    if (r.method() === 'POST' && /\/counters\//.test(r.url())) sent.push({ origin: 'forged', action: 'forged' });
  });
  await other.goto(`/staff#${new URLSearchParams({ handover: 'made-up-pass', click: JSON.stringify(forged) })}`);
  await other.waitForSelector('#login-view:not([hidden])');
  assert.ok(!other.url().includes('#'), 'the fragment is gone at once');
  assert.match(await other.textContent('#message'), /もう一度サインインしてください/);
  assert.match(await other.textContent('#message'), /「次を呼ぶ」は引き継げませんでした/, 'and the carried click is said to be lost');
  assert.equal(await other.evaluate(() => localStorage.getItem('madoguchi.pendingClick')), null, 'nothing planted');
  // Signing in afterwards sends nothing by itself.
  await signIn(other, 'staff1', 'staff1-demo', '3');
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(sent.length, mark, 'no counter action was sent');
  await other.close();
});

test('no page raised a script error while moving between servers', () => {
  assert.deepEqual(pageErrors, []);
});

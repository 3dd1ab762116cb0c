// The staff console through a server outage, against a server of the test's own (started,
// killed and restarted on the same database file and port, see `ownServer` in lib.mjs):
// the offline banner with the last update, the last board kept read-only, a click made while
// the server is down kept pending and sent once with the same Idempotency-Key when it is back,
// a frozen server (no answer at all) noticed within about 10 s, and the "issued offline" mark
// of a ticket a kiosk printed from its lease. The steps share one server and run in order.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, contrastFailures, desktop, launch, ownServer, pageErrors, signIn, SITE, waitCurrent } from '../lib.mjs';

let srv;
let browser;
let page;
let tickets = [];
/** Every call-next / done request the console made: `{ action, key, status }` (status null while unanswered). */
const sent = [];

before(async () => {
  srv = await ownServer();
  browser = await launch();
  page = await (await desktop(browser, srv.base)).newPage();
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/counters\/3\/([a-z-]+)$/);
    if (m && r.method() === 'POST') sent.push({ request: r, action: m[1], key: r.headers()['idempotency-key'], status: null });
  });
  page.on('response', (res) => {
    const hit = sent.find((s) => s.request === res.request());
    if (hit) hit.status = res.status();
  });
});

after(async () => {
  await browser?.close();
  if (srv) {
    if (process.exitCode) console.error(srv.log().split('\n').slice(-30).join('\n'));
    await srv.close();
  }
});

async function issue(service) {
  const res = await call('POST', `/api/sites/${SITE}/tickets`, { base: srv.base, token: srv.kioskToken, body: { service, lang: 'ja', needs: {} } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.ticket;
}

async function supervisor() {
  const login = await call('POST', '/api/login', { base: srv.base, body: { user: 'super1', password: 'super1-demo', site: SITE } });
  assert.equal(login.status, 200);
  return login.body.token;
}

async function ticketsNow() {
  const res = await call('GET', `/api/sites/${SITE}/tickets`, { base: srv.base, token: await supervisor() });
  assert.equal(res.status, 200);
  return res.body;
}

async function auditCount(action, number) {
  const audit = await call('GET', `/api/sites/${SITE}/audit?limit=100`, { base: srv.base, token: await supervisor() });
  return audit.body.filter((a) => a.action === action && a.ticket === number).length;
}

const BANNER = /サーバーに接続できません — 再接続中 \(最終更新 \d{2}:\d{2}:\d{2}\)/;

test('server stopped: banner and last board stay; a call-next pressed meanwhile is sent once, same key, after the restart', async () => {
  tickets = [await issue('pickup'), await issue('pickup')];
  await signIn(page, 'staff1', 'staff1-demo', '3');
  for (const tk of tickets) await page.waitForSelector(`section[data-service="pickup"] tr[data-ticket="${tk.number}"]`);
  await page.waitForSelector('tr[data-counter="3"] td.staff:text-is("staff1")');
  assert.equal(await page.isHidden('#conn-banner'), true, 'no banner while the server answers');

  await srv.kill();
  const down = Date.now();
  await page.waitForSelector('#conn-banner:not([hidden])', { timeout: 10000 });
  assert.ok(Date.now() - down < 10000, 'offline is said within 10 s');
  assert.match(await page.textContent('#conn-banner'), BANNER);
  // The last known board stays on screen, read-only.
  for (const tk of tickets) assert.ok(await page.isVisible(`section[data-service="pickup"] tr[data-ticket="${tk.number}"]`), `${tk.number} is still listed`);
  assert.ok(await page.isVisible('tr[data-counter="3"] td.staff:text-is("staff1")'), 'the counter table stays');
  assert.ok(await page.isDisabled('#issue-form button[type=submit]'), 'hand issuing needs the server');
  assert.match(await page.getAttribute('#issue-form button[type=submit]', 'title'), /サーバーにつながるまで/, 'and says why');
  assert.ok(await page.isDisabled(`tr[data-ticket="${tickets[0].number}"] button`), 'so does reprinting');

  // 次を呼ぶ while the server is down: the click is pending, and no second click can be made.
  assert.ok(await page.isEnabled('[data-action=call-next]'));
  await page.click('[data-action=call-next]');
  await page.waitForSelector('#pending:not([hidden])');
  assert.match(await page.textContent('#pending'), /送信待ち.*次を呼ぶ/);
  await page.waitForSelector('#conn-banner:has-text("送信待ち 1件")');
  assert.ok(await page.isDisabled('[data-action=call-next]'), 'no new click while one is pending');
  // "再送" while still down: sent again with the same key, still pending.
  const tries = sent.length;
  await page.click('#pending-retry');
  for (let i = 0; i < 50 && sent.length === tries; i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok(sent.length > tries, 'the retry was sent');
  await page.waitForSelector('#pending-retry:not([disabled])');
  assert.ok(await page.isVisible('#pending'), 'still pending while the server is down');
  await waitCurrent(page, '');
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA while offline');
  if (process.env.MADOGUCHI_OFFLINE_SHOT) await page.screenshot({ path: process.env.MADOGUCHI_OFFLINE_SHOT, fullPage: true });

  await srv.start();
  await waitCurrent(page, tickets[0].number);
  await page.waitForSelector('#conn-banner', { state: 'hidden', timeout: 15000 });
  await page.waitForSelector('#pending', { state: 'hidden' });
  await page.waitForSelector(`#message.info:has-text("次を呼ぶ")`);

  const calls = sent.filter((s) => s.action === 'call-next');
  assert.ok(calls.length >= 3, `first try, the retry while down and the send after the restart (${calls.length})`);
  assert.equal(new Set(calls.map((s) => s.key)).size, 1, 'every try of the click carries the same Idempotency-Key');
  assert.match(calls[0].key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUID');
  assert.deepEqual(calls.filter((s) => s.status !== null).map((s) => s.status), [200], 'exactly one try reached the server');

  const now = await ticketsNow();
  const first = now.find((tk) => tk.id === tickets[0].id);
  const second = now.find((tk) => tk.id === tickets[1].id);
  assert.equal(first.state, 'called');
  assert.equal(first.counter, '3');
  assert.equal(second.state, 'waiting', 'the next ticket is still waiting: exactly one ticket was called');
  assert.equal(now.filter((tk) => tk.state === 'called').length, 1);
  assert.equal(await auditCount('call-next', tickets[0].number), 1, 'one call in the audit log');
  // Buttons that needed the server work again.
  assert.ok(await page.isEnabled('#issue-form button[type=submit]'));
});

test('a click still pending when the page is reloaded is sent with its key once the server is back', async () => {
  await srv.kill();
  await page.waitForSelector('#conn-banner:not([hidden])', { timeout: 10000 });
  const mark = sent.length;
  await page.keyboard.press('d');
  await page.waitForSelector('#pending:not([hidden])');
  assert.match(await page.textContent('#pending'), /完了/);
  // The clerk reloads while the server is still down: the page itself cannot load.
  await assert.rejects(page.reload());
  await srv.start();
  await page.goto('/staff');
  await page.waitForSelector('#console-view:not([hidden])');
  await waitCurrent(page, '');
  await page.waitForSelector('#pending', { state: 'hidden' });
  const dones = sent.slice(mark).filter((s) => s.action === 'done');
  assert.ok(dones.length >= 2, 'sent before the reload and after it');
  assert.equal(new Set(dones.map((s) => s.key)).size, 1, 'with the same key');
  assert.deepEqual(dones.filter((s) => s.status !== null).map((s) => s.status), [200], 'answered once');
  assert.equal((await ticketsNow()).find((tk) => tk.id === tickets[0].id).state, 'done');
  assert.equal(await auditCount('done', tickets[0].number), 1, 'done once');
});

test('a server that answers nothing is shown offline within about 10 s; a click that got no answer is done once', async () => {
  await page.keyboard.press('n');
  await waitCurrent(page, tickets[1].number);
  const mark = sent.length;
  srv.freeze();
  try {
    const frozen = Date.now();
    await page.waitForSelector('#conn-banner:not([hidden])', { timeout: 11000 });
    assert.ok(Date.now() - frozen < 11000, `offline said after ${Date.now() - frozen} ms`);
    assert.match(await page.textContent('#conn-banner'), BANNER);
    // 完了 gets no answer (the request waits in the frozen server's socket): pending after the timeout.
    await page.keyboard.press('d');
    await page.waitForSelector('#pending:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#pending'), /完了/);
  } finally {
    srv.thaw();
  }
  await waitCurrent(page, '');
  await page.waitForSelector('#conn-banner', { state: 'hidden', timeout: 15000 });
  await page.waitForSelector('#pending', { state: 'hidden' });
  const dones = sent.slice(mark).filter((s) => s.action === 'done');
  assert.ok(dones.length >= 2, 'the click was sent again');
  assert.equal(new Set(dones.map((s) => s.key)).size, 1, 'with the same key');
  assert.equal((await ticketsNow()).find((tk) => tk.id === tickets[1].id).state, 'done');
  assert.equal(await auditCount('done', tickets[1].number), 1, 'done once');
});

test('a ticket a kiosk issued offline from its lease carries the "issued offline" mark', async () => {
  // The pickup queue is empty now, so the offline ticket is the next one called.
  assert.equal((await ticketsNow()).filter((tk) => tk.state === 'waiting').length, 0);
  const lease = await call('POST', `/api/sites/${SITE}/leases`, { base: srv.base, token: srv.kioskToken, body: { services: ['pickup'], size: 5 } });
  assert.equal(lease.status, 200, JSON.stringify(lease.body));
  const block = lease.body.leases.find((b) => b.service === 'pickup');
  assert.ok(block, 'a block of pickup numbers');
  const upload = await call('POST', `/api/sites/${SITE}/tickets/offline`, {
    base: srv.base,
    token: srv.kioskToken,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { service: 'pickup', lang: 'vi', needs: {}, number: block.from, issued_at: new Date(Date.now() - 5000).toISOString() },
  });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const number = upload.body.ticket.number;
  assert.equal(upload.body.ticket.offline, true);

  const row = page.locator(`section[data-service="pickup"] tr[data-ticket="${number}"]`);
  await row.waitFor();
  assert.match(await row.locator('.offline-mark').textContent(), /オフライン発券/);
  const other = await issue('pickup');
  await page.waitForSelector(`tr[data-ticket="${other.number}"]`);
  assert.equal(await page.locator(`tr[data-ticket="${other.number}"] .offline-mark`).count(), 0, 'a ticket issued online has no mark');

  await page.keyboard.press('n');
  await waitCurrent(page, number);
  assert.match(await page.textContent('#current .offline-mark'), /オフライン発券/);
  await page.click('#lang-switch');
  await page.waitForSelector('#current .offline-mark:text-is("issued offline")');
  await page.click('#lang-switch');
  await page.waitForSelector('#current .offline-mark:text-is("オフライン発券")');
});

test('no page raised a script error during the offline tests', () => {
  assert.deepEqual(pageErrors, []);
});

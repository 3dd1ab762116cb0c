// Browser tests of the web pages against the real server (started by scripts/test-browser.sh):
// a counter's whole day in small — sign in, a kiosk ticket appears, call, the visitor's phone
// shows "go to counter", transfer there and back with the same number, no-show, two counters
// calling at the same moment, the supervisor view, refused access, and the congestion pages.
// The steps share one server and run in order.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  call, contrastFailures, currentNumber, desktop, issue, launch, pageErrors, phone, shot, signIn, SITE, statusPath, ticketStatus, waitCurrent,
} from '../lib.mjs';

/** Whether the page is no wider than its viewport (no sideways scrolling on a phone). */
function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

let browser;
let staffCtx;
let staff; // staff1 at counter 3 (card pickup)
let phoneCtx;
let first; // the first ticket: pickup, Vietnamese, wheelchair + written communication

before(async () => {
  browser = await launch();
  staffCtx = await desktop(browser);
  staff = await staffCtx.newPage();
  phoneCtx = await phone(browser, 'vi-VN');
});

after(async () => {
  await browser?.close();
});

test('the API refuses callers without a session or with the wrong role', async () => {
  const noSession = await call('GET', `/api/sites/${SITE}/tickets`);
  assert.equal(noSession.status, 401);
  assert.ok(noSession.body.message, 'a 401 carries a sentence');
  const noSessionCall = await call('POST', `/api/sites/${SITE}/counters/3/call-next`, { body: {} });
  assert.equal(noSessionCall.status, 401);
  const login = await call('POST', '/api/login', { body: { user: 'staff1', password: 'staff1-demo', site: SITE, counter: '3' } });
  assert.equal(login.status, 200);
  const audit = await call('GET', `/api/sites/${SITE}/audit`, { token: login.body.token });
  assert.equal(audit.status, 403, 'counter staff cannot read the audit log');
  const wrong = await call('POST', '/api/login', { body: { user: 'staff1', password: 'wrong', site: SITE } });
  assert.equal(wrong.status, 401);
});

test('a wrong password shows a readable message on the sign-in form', async () => {
  await staff.goto('/staff');
  await staff.fill('#login-user', 'staff1');
  await staff.fill('#login-password', 'not-the-password');
  await staff.selectOption('#login-site', SITE);
  await staff.click('#login-form button[type=submit]');
  const err = staff.locator('#login-error');
  await err.waitFor({ state: 'visible' });
  assert.match(await err.textContent(), /パスワード/);
});

test('staff signs in and a ticket issued over the API appears in the queue', async () => {
  await signIn(staff, 'staff1', 'staff1-demo', '3');
  const unlabelled = await staff.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((n) => !n.labels?.length && !n.getAttribute('aria-label')).map((n) => n.id || n.name));
  assert.deepEqual(unlabelled, [], 'every form field has a label');
  assert.equal((await staff.textContent('#counter-title')).trim(), '3番窓口');
  first = await issue('pickup', 'vi', { wheelchair: true, written: true });
  const row = staff.locator(`section[data-service="pickup"] tr[data-ticket="${first.ticket.number}"]`);
  await row.waitFor();
  const text = await row.textContent();
  assert.match(text, /車いす/, 'needs are shown with words');
  assert.match(text, /筆談/);
  assert.match(text, /ベトナム語/);
});

test('call next: the phone-sized status page changes to "go to counter 3"', async () => {
  // More visitors and a kiosk assist request, so the console screenshot shows a real morning.
  const second = await issue('pickup', 'ne', { braille_form: true });
  await issue('pickup', 'ja', {});
  await issue('ecert', 'zh-Hans', { interpreter: true });
  const assist = await call('POST', `/api/sites/${SITE}/assist`, { token: process.env.MADOGUCHI_KIOSK_TOKEN, body: { lang: 'ne' } });
  assert.equal(assist.status, 201);

  const waiter = await phoneCtx.newPage();
  await waiter.goto(statusPath(second));
  await waiter.waitForSelector('#eta');
  assert.equal(await waiter.getAttribute('html', 'lang'), 'ne');
  assert.match(await waiter.textContent('#ahead'), /1/, 'one person is ahead of the second ticket');
  await shot(waiter, 'status-waiting');
  assert.deepEqual(await contrastFailures(waiter), [], 'text contrast meets WCAG 2.1 AA');
  await waiter.close();

  const visitor = await phoneCtx.newPage();
  const apiCalls = [];
  visitor.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(r.url()).pathname); });
  await visitor.goto(statusPath(first));
  await visitor.waitForSelector('#ahead');
  assert.equal((await visitor.textContent('#number')).trim(), first.ticket.number);
  assert.equal(await visitor.getAttribute('html', 'lang'), 'vi');
  assert.match(await visitor.textContent('#card'), /次はあなたの番です/, 'a Japanese line is under the facts');

  await staff.keyboard.press('n');
  await waitCurrent(staff, first.ticket.number);
  const current = await staff.textContent('#current');
  assert.match(current, /車いす/);
  assert.match(current, /筆談/);
  await staff.locator('.alert-item').first().waitFor();

  const go = visitor.locator('[role=alert] #go-main');
  await go.waitFor({ timeout: 10000 });
  assert.match(await go.textContent(), /quầy số 3/);
  assert.match(await visitor.textContent('[role=alert]'), /3番窓口へお越しください/);
  await shot(visitor, 'status-called');
  assert.deepEqual(await contrastFailures(visitor), [], 'text contrast meets WCAG 2.1 AA');
  assert.ok(await fitsWidth(visitor), 'the status page fits a 390 px phone');
  assert.ok(apiCalls.length > 0 && apiCalls.every((p) => p.startsWith(`/api/status/${first.status_token}`)),
    `the status page asks only about its own ticket: ${apiCalls.join(', ')}`);
  await staff.locator('#queues tr[data-ticket]').first().waitFor();
  await staff.waitForSelector(`tr[data-counter="3"] td:text-is("${first.ticket.number}")`);
  await shot(staff, 'staff-console', { fullPage: true });
  assert.deepEqual(await contrastFailures(staff), [], 'text contrast meets WCAG 2.1 AA');

  await staff.click('.alert-item button:last-child');
  await staff.waitForSelector('.alert-item', { state: 'detached' });
  await visitor.close();
});

test('transfer to the city staff desk and back keeps the number', async () => {
  const number = first.ticket.number;
  await staff.keyboard.press('s');
  await staff.waitForSelector('#current .state-tag:text-is("対応中")');
  await staff.keyboard.press('t');
  await staff.selectOption('#transfer-service', 'city');
  await staff.selectOption('#transfer-counter', 'city-1');
  await staff.click('#transfer-form button[type=submit]');
  await waitCurrent(staff, '');
  await staff.waitForSelector(`section[data-service="city"] tr[data-ticket="${number}"]`);
  let status = await ticketStatus(first);
  assert.equal(status.number, number);
  assert.equal(status.service, 'city');
  assert.equal(status.state, 'waiting');

  const deskCtx = await desktop(browser);
  const desk = await deskCtx.newPage();
  await signIn(desk, 'staff1', 'staff1-demo', 'city-1');
  await desk.keyboard.press('n');
  await waitCurrent(desk, number);
  status = await ticketStatus(first);
  assert.equal(status.counter, 'city-1');

  await desk.click('[data-action=transfer]');
  await desk.selectOption('#transfer-service', 'pickup');
  await desk.selectOption('#transfer-counter', '3');
  await desk.click('#transfer-form button[type=submit]');
  await waitCurrent(desk, '');
  await deskCtx.close();

  await staff.keyboard.press('n');
  await waitCurrent(staff, number);
  status = await ticketStatus(first);
  assert.equal(status.number, number, 'same number after two transfers');
  assert.equal(status.counter, '3');
  await staff.keyboard.press('d');
  await waitCurrent(staff, '');
  assert.equal((await ticketStatus(first)).state, 'done');
});

test('no-show, then put back in the queue', async () => {
  await staff.keyboard.press('n');
  await staff.waitForSelector('#current-number');
  const number = await currentNumber(staff);
  assert.ok(number.startsWith('A-'), `a card pickup ticket is called, got ${number}`);
  await staff.keyboard.press('x');
  await waitCurrent(staff, '');
  const requeue = staff.locator('[data-action=requeue]');
  await requeue.waitFor();
  assert.match(await staff.textContent('#last-noshow'), new RegExp(number));
  const list = await staff.context().request.get(`/api/sites/${SITE}/tickets?state=no_show`);
  assert.ok((await list.json()).some((tk) => tk.number === number), 'the server has it as a no-show');
  await staff.keyboard.press('u');
  await staff.waitForSelector(`section[data-service="pickup"] tr[data-ticket="${number}"]`);
});

test('staff issue a ticket by hand and reprint it with the same number', async () => {
  await staff.selectOption('#issue-service', 'ecert');
  await staff.selectOption('#issue-lang', 'pt');
  await staff.check('#need-help');
  await staff.click('#issue-form button[type=submit]');
  await staff.waitForSelector('#ticket-dialog[open] #slip-number');
  const number = (await staff.textContent('#slip-number')).trim();
  assert.match(number, /^F-\d{3}$/);
  assert.match(await staff.textContent('#ticket-slip'), /手助けが必要/);
  const url = await staff.getAttribute('#ticket-slip a', 'href');
  assert.match(url, /\/s\/[A-Za-z0-9_-]{16,}$/, 'the slip carries the status page address');
  await staff.click('#slip-close');
  const row = staff.locator(`section[data-service="ecert"] tr[data-ticket="${number}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /ポルトガル語/);
  await row.locator('button').click();
  await staff.waitForSelector('#ticket-dialog[open] #slip-number');
  assert.equal((await staff.textContent('#slip-number')).trim(), number, 'a reprint keeps the number');
  assert.equal(await staff.getAttribute('#ticket-slip a', 'href'), url, 'and the status page');
  await staff.keyboard.press('Escape');
  await staff.waitForSelector('#ticket-dialog:not([open])', { state: 'attached' });
});

test('two counters pressing "call next" at the same moment never get the same ticket', async () => {
  const otherCtx = await desktop(browser);
  const other = await otherCtx.newPage();
  await signIn(other, 'staff1', 'staff1-demo', '8');
  for (let i = 0; i < 6; i += 1) await issue('pickup', 'en', {});
  for (let round = 0; round < 3; round += 1) {
    await Promise.all([
      staff.locator('[data-action=call-next]').click(),
      other.locator('[data-action=call-next]').click(),
    ]);
    await Promise.all([staff.waitForSelector('#current-number'), other.waitForSelector('#current-number')]);
    const a = await currentNumber(staff);
    const b = await currentNumber(other);
    assert.ok(a && b, `both counters got a ticket (round ${round}: ${a} / ${b})`);
    assert.notEqual(a, b, `round ${round}: both counters got ${a}`);
    await Promise.all([staff.keyboard.press('d'), other.keyboard.press('d')]);
    await Promise.all([waitCurrent(staff, ''), waitCurrent(other, '')]);
  }
  await otherCtx.close();
});

test('the console shows a lost connection and recovers by itself', async () => {
  // The event stream is answered and closed at once, as when the server restarts: EventSource
  // errors and retries. The banner must show; once the stream is back it must go away by itself.
  const page = await staffCtx.newPage();
  const dropStream = (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: '' });
  await page.route('**/api/sites/*/events*', dropStream);
  await page.goto('/staff');
  await page.waitForSelector('#console-view:not([hidden])');
  await page.waitForSelector('#conn-banner:not([hidden])');
  assert.match(await page.textContent('#conn-banner'), /接続が切れました/);
  await page.unroute('**/api/sites/*/events*', dropStream);
  await page.waitForSelector('#conn-banner', { state: 'hidden', timeout: 15000 });
  await page.close();
});

test('supervisor view: counts, audit log, notice line; staff cannot read the audit log', async () => {
  const staffAudit = await staffCtx.request.get(`/api/sites/${SITE}/audit`);
  assert.equal(staffAudit.status(), 403);

  const superCtx = await desktop(browser);
  const sup = await superCtx.newPage();
  await signIn(sup, 'super1', 'super1-demo', '');
  await sup.waitForSelector('#super-panel:not([hidden])');
  await sup.waitForSelector('#audit tbody tr');
  assert.ok(await sup.locator('#stats tbody tr').count() >= 2, 'a row per service and a total');
  const notice = '本日は混雑しています。番号札をお取りください。';
  await sup.fill('#notice-text', notice);
  await sup.click('#notice-form button[type=submit]');
  await sup.waitForSelector('#message.info');
  const board = await call('GET', `/api/sites/${SITE}/board`);
  assert.equal(board.body.notice, notice);

  await sup.click('tr[data-counter="9"] button');
  await sup.waitForSelector('tr[data-counter="9"] .closed');
  const paused = await call('GET', `/api/sites/${SITE}/board`);
  assert.equal(paused.body.counters.find((c) => c.id === '9').open, false);
  await sup.click('tr[data-counter="9"] button');
  await sup.waitForSelector('tr[data-counter="9"] .open');
  await sup.click('#audit-reload');
  await shot(sup, 'supervisor', { fullPage: true });
  assert.deepEqual(await contrastFailures(sup), [], 'text contrast meets WCAG 2.1 AA');

  await sup.click('#lang-switch');
  await sup.waitForSelector('#super-title:text-is("Supervisor")');
  assert.equal(await sup.getAttribute('html', 'lang'), 'en');
  assert.match(await sup.textContent('#stats thead'), /Average wait/);
  await sup.click('#lang-switch');
  await sup.waitForSelector('#super-title:text-is("責任者")');
  await superCtx.close();

  const adminCtx = await desktop(browser);
  const admin = await adminCtx.newPage();
  await signIn(admin, 'admin', 'admin-demo', '');
  await admin.waitForSelector('#overview-block:not([hidden])');
  await admin.waitForSelector(`#overview tr[data-site="${SITE}"]`);
  assert.equal(await admin.locator('#overview tbody tr').count(), 13, 'the admin sees every office');
  await adminCtx.close();
});

test('the public congestion pages show every office and one office\'s services', async () => {
  const ctx = await desktop(browser);
  const page = await ctx.newPage();
  await page.goto('/congestion');
  await page.waitForSelector(`tr[data-site="${SITE}"]`);
  assert.equal(await page.locator('tbody tr[data-site]').count(), 13);
  const row = await page.textContent(`tr[data-site="${SITE}"]`);
  assert.match(row, /八幡西区役所/);
  assert.match(row, /20分未満|20〜60分|60分超/, 'the band has words, not colour alone');
  await shot(page, 'congestion-city', { fullPage: true });
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA');

  await page.click(`tr[data-site="${SITE}"] a`);
  await page.waitForSelector('li[data-service="pickup"]');
  const pickup = await page.textContent('li[data-service="pickup"]');
  assert.match(pickup, /人/);
  assert.match(await page.textContent('.notice'), /混雑/);
  await shot(page, 'congestion-site', { fullPage: true });
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA');

  const mobile = await phone(browser);
  const small = await mobile.newPage();
  for (const url of ['/congestion', `/congestion/${SITE}`]) {
    await small.goto(url);
    await small.waitForSelector('#updated:not(:empty)');
    assert.ok(await fitsWidth(small), `${url} fits a 390 px phone without sideways scrolling`);
  }
  await mobile.close();
  await ctx.close();
});

test('no page raised a script error during the tests', () => {
  assert.deepEqual(pageErrors, []);
});

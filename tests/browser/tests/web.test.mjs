// Browser tests of the web pages against the real server (started by scripts/test-browser.sh):
// a counter's whole day in small — sign in, a kiosk ticket appears, call, the visitor's phone
// shows "go to counter", a kiosk's "call staff" flashes and sounds, transfer there and back with
// the same number, no-show, skip and cancel, two counters calling at the same moment, the
// supervisor view, refused access, and the congestion pages.
// The steps share one server and run in order.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  call, contrastFailures, currentNumber, desktop, issue, KIOSK_TOKEN, launch, pageErrors, phone, shot, signIn, SITE, statusPath, ticketStatus,
  waitCurrent,
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
  // Who is at each counter, by name; the city staff desk by its own name, never its id.
  await staff.waitForSelector('tr[data-counter="3"] td.staff:text-is("staff1")');
  assert.equal((await staff.textContent('tr[data-counter="city-1"] th')).trim(), '市職員窓口1');
  assert.equal((await staff.textContent('tr[data-counter="city-1"] td.staff')).trim(), '—', 'nobody at the city desk yet');
  const names = await staff.locator('#counters tbody th').allTextContents();
  assert.ok(names.every((n) => /番窓口|市職員窓口/.test(n)), `counters are named, not numbered by id: ${names.join(', ')}`);
  await staff.click('#lang-switch');
  await staff.waitForSelector('tr[data-counter="city-1"] th:text-is("City staff desk 1")');
  assert.match(await staff.textContent('tr[data-counter="3"]'), /Counter 3 \(this counter\).*staff1/);
  await staff.click('#lang-switch');
  await staff.waitForSelector('tr[data-counter="city-1"] th:text-is("市職員窓口1")');
  await staff.evaluate(() => document.activeElement?.blur());
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
  // In view for the screenshot: the flashing alert, skip and cancel for the called ticket, who is where.
  await staff.waitForSelector('#alert-banner:not([hidden])');
  assert.match(await staff.textContent('#alert-banner'), /職員の呼び出し/);
  assert.ok(await staff.isEnabled('[data-action=skip]') && await staff.isEnabled('[data-action=cancel]'));
  await staff.waitForSelector('tr[data-counter="3"] td.staff:text-is("staff1")');
  await shot(staff, 'staff-console', { fullPage: true });
  assert.deepEqual(await contrastFailures(staff), [], 'text contrast meets WCAG 2.1 AA');

  await staff.click('.alert-item button:last-child');
  await staff.waitForSelector('.alert-item', { state: 'detached' });
  await staff.waitForSelector('#alert-banner', { state: 'hidden' });
  await visitor.close();
});

test('a kiosk\'s "call staff" flashes and sounds until acknowledged; any alert kind is shown; mute is remembered', async () => {
  const ctx = await desktop(browser);
  // Counts the oscillators the page really starts on its AudioContext (the chime).
  await ctx.addInitScript(() => {
    window.oscillatorStarts = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function createCounted() {
      const osc = create.call(this);
      const start = osc.start.bind(osc);
      osc.start = (...args) => { window.oscillatorStarts += 1; return start(...args); };
      return osc;
    };
  });
  const page = await ctx.newPage();
  const sounds = () => page.evaluate(() => ({ played: window.madoguchiAlertSound.played, starts: window.oscillatorStarts }));
  await signIn(page, 'staff1', 'staff1-demo', '');
  await page.waitForSelector('#alerts .none');
  assert.equal(await page.isHidden('#alert-banner'), true, 'no banner without an alert');
  assert.deepEqual(await sounds(), { played: 0, starts: 0 });

  const assist = await call('POST', `/api/sites/${SITE}/assist`, { token: KIOSK_TOKEN, body: { lang: 'vi' } });
  assert.equal(assist.status, 201);
  await page.waitForSelector(`.alert-item[data-kind="assist"][data-alert="${assist.body.id}"]`);
  await page.waitForSelector('#alert-banner:not([hidden])');
  assert.match(await page.textContent('#alert-banner'), /職員の呼び出し.*ベトナム語/);
  assert.equal(await page.$eval('#alert-banner', (n) => getComputedStyle(n).animationName), 'alert-flash', 'the banner flashes');
  assert.ok(await page.$eval('#alerts-panel', (n) => n.classList.contains('attention')), 'so does the alerts panel');
  await page.waitForFunction(() => window.madoguchiAlertSound.played >= 1);
  assert.ok((await sounds()).starts >= 4, 'the chime started its tones on the page\'s AudioContext');
  assert.match(await page.title(), /^\(1\)/, 'the tab title counts open alerts');

  // Kinds this console has no words for (a display's sound, or one a newer server adds) are
  // shown with their detail, and sound like any other.
  const extra = [
    { id: 900001, site: SITE, at: new Date().toISOString(), kind: 'display_sound', kiosk: null, ticket: null, lang: null, detail: 'display-1: clip failed', acknowledged_by: null },
    { id: 900002, site: SITE, at: new Date().toISOString(), kind: 'paper_low', kiosk: 'kiosk-2', ticket: null, lang: null, detail: 'paper nearly out', acknowledged_by: null },
  ];
  const withExtra = async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, json: [...(await res.json()), ...extra] });
  };
  await page.route('**/api/sites/*/alerts', withExtra);
  const sup = (await call('POST', '/api/login', { body: { user: 'super1', password: 'super1-demo', site: SITE } })).body.token;
  const poke = async () => assert.equal((await call('PUT', `/api/sites/${SITE}/notice`, { token: sup, body: { text: '' } })).status, 204);
  const before = (await sounds()).played;
  await poke(); // any site event makes the console reload its alerts
  await page.waitForSelector('.alert-item[data-kind="paper_low"]');
  assert.match(await page.textContent('.alert-item[data-kind="paper_low"]'), /paper_low.*kiosk-2.*paper nearly out/);
  assert.match(await page.textContent('.alert-item[data-kind="display_sound"]'), /表示板の音声.*display-1: clip failed/);
  await page.waitForFunction((n) => window.madoguchiAlertSound.played > n, before);
  await page.unroute('**/api/sites/*/alerts', withExtra);
  await poke();
  await page.waitForSelector('.alert-item[data-kind="paper_low"]', { state: 'detached' });

  // Acknowledged: the banner and the flashing stop.
  await page.click(`.alert-item[data-alert="${assist.body.id}"] button:last-child`);
  await page.waitForSelector('#alert-banner', { state: 'hidden' });
  assert.ok(!(await page.$eval('#alerts-panel', (n) => n.classList.contains('attention'))));

  // Muted (and still muted after a reload): a new alert flashes but makes no sound.
  await page.click('#sound-toggle');
  assert.equal(await page.getAttribute('#sound-toggle', 'aria-pressed'), 'true');
  await page.reload();
  await page.waitForSelector('#console-view:not([hidden])');
  assert.equal(await page.getAttribute('#sound-toggle', 'aria-pressed'), 'true', 'mute is remembered');
  await page.click('#main'); // a user gesture, so sound would be allowed
  const second = await call('POST', `/api/sites/${SITE}/assist`, { token: KIOSK_TOKEN, body: { lang: 'en' } });
  await page.waitForSelector(`.alert-item[data-alert="${second.body.id}"]`);
  await page.waitForSelector('#alert-banner:not([hidden])');
  assert.deepEqual(await sounds(), { played: 0, starts: 0 }, 'muted: no sound');
  await page.click('#sound-toggle');
  assert.equal(await page.getAttribute('#sound-toggle', 'aria-pressed'), 'false');
  await page.click(`.alert-item[data-alert="${second.body.id}"] button:last-child`);
  await page.waitForSelector('#alert-banner', { state: 'hidden' });
  await ctx.close();
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
  assert.equal((await desk.textContent('#counter-title')).trim(), '市職員窓口1');
  await desk.keyboard.press('n');
  await waitCurrent(desk, number);
  // The call's event makes counter 3's console reload: it now sees who is at the city desk.
  await staff.waitForSelector(`tr[data-counter="city-1"]:has(td:text-is("${number}")) td.staff:text-is("staff1")`);
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

test('skip puts the called ticket back at its place; cancel asks first; both are in the audit log', async () => {
  const sup = (await call('POST', '/api/login', { body: { user: 'super1', password: 'super1-demo', site: SITE } })).body.token;
  const auditHas = async (action, number) => {
    const audit = await call('GET', `/api/sites/${SITE}/audit?limit=20`, { token: sup });
    return audit.body.some((a) => a.action === action && a.ticket === number && a.actor === 'staff1' && a.counter === '3');
  };
  await issue('pickup', 'en', {});
  await issue('pickup', 'ko', {});

  // Skip (K): the ticket leaves the counter and waits at its old place, so it is called next.
  await staff.keyboard.press('n');
  await staff.waitForSelector('#current-number');
  const skipped = await currentNumber(staff);
  await staff.keyboard.press('k');
  await waitCurrent(staff, '');
  await staff.waitForSelector(`section[data-service="pickup"] tr[data-ticket="${skipped}"]`);
  await staff.waitForSelector(`#message.info:has-text("${skipped}")`);
  assert.match(await staff.textContent('#message'), /元の位置/);
  assert.ok(await auditHas('skip', skipped), 'the skip is in the audit log');
  await staff.click('[data-action=call-next]');
  await waitCurrent(staff, skipped);

  // Cancel (C) asks first; "keep it" keeps the ticket at the counter.
  await staff.keyboard.press('c');
  await staff.waitForSelector('#cancel-dialog[open]');
  assert.match(await staff.textContent('#cancel-ticket'), new RegExp(skipped));
  assert.equal(await staff.evaluate(() => document.activeElement.id), 'cancel-keep', 'the safe answer has the focus');
  await staff.keyboard.press('Enter');
  await staff.waitForSelector('#cancel-dialog:not([open])', { state: 'attached' });
  assert.equal(await currentNumber(staff), skipped);

  // A refused cancel shows the server's sentence: the ticket was started meanwhile.
  await staff.click('[data-action=cancel]');
  await staff.waitForSelector('#cancel-dialog[open]');
  const session = (await staff.context().cookies()).find((c) => c.name === 'madoguchi_session').value;
  assert.equal((await call('POST', `/api/sites/${SITE}/counters/3/start`, { token: session, body: {} })).status, 200);
  await staff.click('#cancel-confirm');
  await staff.waitForSelector('#message.error');
  assert.match(await staff.textContent('#message'), /この操作はできません.*—\s*\S/, 'the console\'s words, then the server\'s sentence');
  await staff.waitForSelector('#current .state-tag:text-is("対応中")');
  assert.ok(await staff.isDisabled('[data-action=cancel]'), 'a ticket being served cannot be cancelled');
  await staff.keyboard.press('d');
  await waitCurrent(staff, '');

  // Confirmed: the ticket is cancelled and leaves the counter.
  await staff.keyboard.press('n');
  await staff.waitForSelector('#current-number');
  const cancelled = await currentNumber(staff);
  await staff.keyboard.press('c');
  await staff.click('#cancel-confirm');
  await waitCurrent(staff, '');
  await staff.waitForSelector(`#message.info:has-text("${cancelled}")`);
  assert.match(await staff.textContent('#message'), /取り消しました/);
  const list = await staff.context().request.get(`/api/sites/${SITE}/tickets?state=cancelled`);
  assert.ok((await list.json()).some((tk) => tk.number === cancelled), 'the server has it as cancelled');
  assert.ok(await auditHas('cancel', cancelled), 'the cancel is in the audit log');
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
  assert.match(await page.textContent('#conn-banner'), /サーバーに接続できません — 再接続中 \(最終更新 \d{2}:\d{2}:\d{2}\)/);
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

// Booked card pickups (交付予約) in the staff console, against a server of the test's own: a
// supervisor pushes the day's booking, a kiosk checks it in, and the console lists the booked
// ticket with its mark and slot (ja, en); the counter calls it ahead of the walk-in issued
// before it, and its panel shows the mark too. A supervisor imports the reservation system's
// CSV in the console and is told which columns were dropped as personal data, or which line
// is wrong.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, contrastFailures, desktop, launch, ownServer, signIn, SITE, waitCurrent } from '../lib.mjs';

let srv;
let browser;
let page;

before(async () => {
  srv = await ownServer();
  browser = await launch();
  page = await (await desktop(browser, srv.base)).newPage();
});

after(async () => {
  await browser?.close();
  if (srv) {
    if (process.exitCode) console.error(srv.log().split('\n').slice(-30).join('\n'));
    await srv.close();
  }
});

/** An RFC 3339 time in JST, `minutes` from now (to the minute). */
function jst(minutes) {
  const d = new Date(Date.now() + minutes * 60000 + 9 * 3600000);
  return `${d.toISOString().slice(0, 16)}:00+09:00`;
}

/** `HH:MM` of a `jst()` value. */
function hhmm(ts) {
  return ts.slice(11, 16);
}

test('a checked-in booking shows its mark and slot in the console and is called ahead of a walk-in', async () => {
  const login = await call('POST', '/api/login', { base: srv.base, body: { user: 'super1', password: 'super1-demo', site: SITE } });
  assert.equal(login.status, 200);
  // A slot that started two minutes ago: its calling window is open.
  const slot = { start: jst(-2), end: jst(-1) };
  const pushed = await call('POST', `/api/sites/${SITE}/reservations`, {
    base: srv.base,
    token: login.body.token,
    body: [{ reference: 'WEB-0001', site: SITE, service: 'pickup', slot_start: slot.start, slot_end: slot.end }],
  });
  assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
  const walkIn = await call('POST', `/api/sites/${SITE}/tickets`, { base: srv.base, token: srv.kioskToken, body: { service: 'pickup', lang: 'ja', needs: {} } });
  assert.equal(walkIn.status, 201);
  const booked = await call('POST', `/api/sites/${SITE}/check-in`, {
    base: srv.base, token: srv.kioskToken, headers: { 'Idempotency-Key': 'web-booking-1' }, body: { reference: 'web 0001', lang: 'ja' },
  });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  const number = booked.body.ticket.number;
  assert.equal(number, 'R-001');

  await signIn(page, 'staff1', 'staff1-demo', '3');
  const mark = page.locator(`#queues tr[data-ticket="${number}"] .booked-mark`);
  await mark.waitFor();
  const range = `${hhmm(slot.start)}–${hhmm(slot.end)}`;
  assert.equal(await mark.textContent(), `◆ 予約 ${range}`);
  assert.match(await mark.getAttribute('title'), /交付予約の番号札です。\d{2}:\d{2} から/);
  assert.equal(await page.locator(`#queues tr[data-ticket="${walkIn.body.ticket.number}"] .booked-mark`).count(), 0, 'a walk-in has no mark');
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA');

  await page.click('#lang-switch');
  await page.waitForSelector(`#queues tr[data-ticket="${number}"] .booked-mark:has-text("Booked ${range}")`);
  await page.click('#lang-switch');
  await page.waitForSelector(`#queues tr[data-ticket="${number}"] .booked-mark:has-text("予約 ${range}")`);

  // Issued after the walk-in, called before it.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('n');
  await waitCurrent(page, number);
  assert.equal(await page.textContent('#current .booked-mark'), `◆ 予約 ${range}`);
});

test('a supervisor imports the reservation system CSV in the console: personal columns dropped and named, a bad line named', async () => {
  const sup = await (await desktop(browser, srv.base)).newPage();
  await signIn(sup, 'super1', 'super1-demo');
  await sup.waitForSelector('#bookings-form');
  const day = jst(0).slice(0, 10);
  const csv = `予約番号,氏名,生年月日,業務,予約日,開始時刻,終了時刻,備考\nWEB-0101,北九 太郎,1980-04-01,pickup,${day},23:00,23:30,\nWEB-0102,門司 花子,1975-08-15,pickup,${day},23:30,23:59,車いす\n`;
  await sup.setInputFiles('#bookings-file', { name: 'bookings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await sup.click('#bookings-form button[type="submit"]');
  await sup.waitForSelector('#bookings-result:has-text("2件の予約を取り込みました。")');
  const said = await sup.textContent('#bookings-result');
  assert.match(said, /使わなかった列: 備考。/);
  assert.match(said, /個人情報のため保存せずに捨てた列: 氏名、生年月日。/);
  assert.ok(!said.includes('北九'), 'no personal value is shown back');
  assert.deepEqual(await contrastFailures(sup), [], 'text contrast meets WCAG 2.1 AA');

  const bad = 'reference,service,slot_start,slot_end\nWEB-0201,pickup,2026-11-25 25:00,2026-11-25 11:00\n';
  await sup.setInputFiles('#bookings-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await sup.click('#bookings-form button[type="submit"]');
  await sup.waitForSelector('#bookings-result:has-text("取り込めませんでした")');
  assert.match(await sup.textContent('#bookings-result'), /line 2, field slot_start/);
  // The import is in the audit log under its Japanese name.
  await sup.click('#audit-reload');
  await sup.waitForSelector('#audit td:has-text("予約取り込み")');
  await sup.close();
});

// Honest waits (issue 15) against a server of the test's own (its queues start empty): the
// visitor's status page and the congestion page write the estimated wait as the range the
// server computed ("about 10–20 min", 約10〜20分); when the range moves a lot from what the
// visitor was told, the status page says the wait is now longer or shorter (kept across a
// reload), and the opt-in notification tells of that move and still of "3 or fewer ahead".
// Big moves of the estimate cannot be made on demand in a real queue, so the ticket's status
// answers pass through the browser with their range (or people ahead) changed as a step asks.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, contrastFailures, desktop, launch, ownServer, shot, signIn, SITE } from '../lib.mjs';

let srv;
let browser;
let ctx;
const errors = [];

before(async () => {
  srv = await ownServer();
  browser = await launch();
  ctx = await browser.newContext({
    baseURL: srv.base, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'en-US', timezoneId: 'Asia/Tokyo',
  });
  ctx.setDefaultTimeout(10000);
  // Notifications as the page sees them: allowed, and recorded instead of shown.
  await ctx.addInitScript(() => {
    window.shownNotes = [];
    window.Notification = class {
      static permission = 'granted';
      static requestPermission() { return Promise.resolve('granted'); }
      constructor(text) { window.shownNotes.push(text); }
    };
  });
  ctx.on('page', (page) => page.on('pageerror', (err) => errors.push(err.message)));
});

after(async () => {
  await browser?.close();
  if (srv) {
    if (process.exitCode) console.error(srv.log().split('\n').slice(-30).join('\n'));
    await srv.close();
  }
});

async function issue(service, lang) {
  const res = await call('POST', `/api/sites/${SITE}/tickets`, { base: srv.base, token: srv.kioskToken, body: { service, lang, needs: {} } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** "10–20" / "10〜20", or one number when both ends are equal. */
const range = ({ low_min: low, high_min: high }, dash) => (low >= high ? `${high}` : `${low}${dash}${high}`);

/** An element's text without the word joiners that keep a range on one line. */
const txt = async (page, sel) => (await page.textContent(sel)).replace(/\u2060/g, '').trim();

/** The page asks for this ticket's status again (as it does when a phone wakes up). */
const pollNow = (page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

test('the status page and the congestion page write the wait as the server\'s range', async () => {
  for (let i = 0; i < 4; i += 1) await issue('pickup', 'ja');
  const issued = await issue('pickup', 'en');
  assert.equal(issued.people_ahead, 4);
  const r = issued.eta_range;
  assert.ok(r.low_min < r.high_min, `a range with people ahead: ${JSON.stringify(r)}`);
  assert.ok(r.low_min <= issued.eta_min && issued.eta_min <= r.high_min, 'the estimate lies in its range');

  const page = await ctx.newPage();
  await page.goto(new URL(issued.status_url).pathname);
  await page.waitForSelector('#eta');
  assert.equal(await txt(page, '#eta'), `Estimated wait: about ${range(r, '–')} min`);
  assert.match(await txt(page, '#card'), new RegExp(`待ち時間の目安：約${range(r, '〜')}分`), 'and the Japanese line');
  assert.equal(await page.locator('#eta-moved').count(), 0, 'nothing moved yet');
  await page.close();

  const board = (await call('GET', `/api/sites/${SITE}/board`, { base: srv.base })).body;
  const q = board.queues.find((x) => x.service === 'pickup');
  assert.equal(q.waiting, 5);
  const site = await (await desktop(browser, srv.base)).newPage();
  await site.goto(`/congestion/${SITE}`);
  const card = site.locator('li[data-service="pickup"]');
  await card.waitFor();
  const text = await card.textContent();
  assert.match(text, new RegExp(`約${range(q.eta_range, '〜')}分`), text);
  assert.match(text, new RegExp(`about ${range(q.eta_range, '–')} min`), text);
  await site.goto('/congestion');
  await site.waitForSelector(`tr[data-site="${SITE}"]`);
  assert.match(await site.textContent(`tr[data-site="${SITE}"]`), new RegExp(`約${range(q.eta_range, '〜')}分`));
  await site.context().close();
});

test('a wait that moved a lot is announced, later or sooner, and the opt-in notification still tells of 3 ahead', async () => {
  const issued = await issue('pickup', 'en');
  const token = issued.status_token;
  // What the browser gets for this ticket: the server's answer, changed by `shift`.
  const shift = { minutes: 0, ahead: null };
  const change = (s) => {
    s.eta_range.low_min += shift.minutes;
    s.eta_range.high_min += shift.minutes;
    s.eta_min += shift.minutes;
    if (shift.ahead !== null) s.people_ahead = shift.ahead;
    return s;
  };
  const page = await ctx.newPage();
  // The stream is refused, so the page polls; each poll passes through `change`.
  await page.route(`**/api/status/${token}/events`, (route) => route.abort());
  await page.route(`**/api/status/${token}`, async (route) => {
    const res = await route.fetch();
    route.fulfill({ response: res, json: change(await res.json()) });
  });
  await page.goto(new URL(issued.status_url).pathname);
  await page.waitForSelector('#eta');
  const told = issued.eta_range;
  assert.equal(await txt(page, '#eta'), `Estimated wait: about ${range(told, '–')} min`);

  // A small move (under 10 min and under half) is no news.
  shift.minutes = 3;
  await pollNow(page);
  await page.waitForFunction((t) => document.querySelector('#eta').textContent.replace(/\u2060/g, '').includes(t),
    range({ low_min: told.low_min + 3, high_min: told.high_min + 3 }, '–'));
  assert.equal(await page.locator('#eta-moved').count(), 0, 'a small move is not announced');

  await page.click('#notify');
  await page.waitForSelector('#notify-row', { state: 'hidden' });
  assert.match(await page.textContent('#notify-note'), /changes a lot/);

  // 30 minutes later: announced on the page and by the notification.
  shift.minutes = 30;
  await pollNow(page);
  const later = { low_min: told.low_min + 30, high_min: told.high_min + 30 };
  const moved = page.locator('#eta-moved');
  await moved.waitFor();
  assert.equal(await moved.getAttribute('class'), 'moved moved-later');
  assert.equal(await txt(page, '#eta-moved-text'), `Your wait is now longer: about ${range(later, '–')} min`);
  assert.match(await txt(page, '#eta-moved'), new RegExp(`待ち時間が長くなりました。いまの目安：約${range(later, '〜')}分`));
  assert.equal(await txt(page, '#eta'), `Estimated wait: about ${range(later, '–')} min`);
  assert.deepEqual(await page.evaluate(() => window.shownNotes.map((n) => n.replace(/\u2060/g, ''))), [`Your wait is now longer: about ${range(later, '–')} min`]);
  await shot(page, 'status-wait-moved');
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA');

  // A reload remembers what the visitor was told: nothing new to announce.
  await page.reload();
  await page.waitForSelector('#eta');
  assert.equal(await page.locator('#eta-moved').count(), 0, 'told already');

  // Back to where it was: 30 minutes sooner than the visitor was last told.
  shift.minutes = 0;
  await pollNow(page);
  await moved.waitFor();
  assert.equal(await moved.getAttribute('class'), 'moved moved-sooner');
  assert.equal(await txt(page, '#eta-moved-text'), `Your wait is now shorter: about ${range(told, '–')} min`);
  assert.match(await txt(page, '#eta-moved'), /待ち時間が短くなりました/);

  // Three ahead: the opt-in notification of issue 2 still comes, once.
  shift.ahead = 3;
  await pollNow(page);
  await page.waitForFunction(() => window.shownNotes.some((n) => n.startsWith('Your turn is near')));
  await pollNow(page);
  await page.waitForFunction(() => document.querySelector('#ahead').textContent.includes('3'));
  const notes = await page.evaluate(() => window.shownNotes.map((n) => n.replace(/\u2060/g, '')));
  assert.deepEqual(notes, [`Your wait is now shorter: about ${range(told, '–')} min`, 'Your turn is near: 3 ahead of you.'], 'after a reload only the new news');
  await page.close();
});

test('a ticket staff issue by hand shows the range on its slip', async () => {
  const page = await (await desktop(browser, srv.base)).newPage();
  await signIn(page, 'staff1', 'staff1-demo', '3');
  await page.selectOption('#issue-service', 'pickup');
  await page.selectOption('#issue-lang', 'ja');
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/sites/${SITE}/tickets`));
  await page.click('#issue-form button[type=submit]');
  const issued = await (await answer).json();
  assert.ok(issued.people_ahead > 0 && issued.eta_range.low_min < issued.eta_range.high_min, JSON.stringify(issued));
  await page.waitForSelector('#ticket-dialog[open] #slip-number');
  assert.match(await page.textContent('#ticket-slip'),
    new RegExp(`前に ${issued.people_ahead}人・目安 約${range(issued.eta_range, '〜')}分`));
  await page.context().close();
});

test('no page raised a script error', () => {
  assert.deepEqual(errors, []);
});

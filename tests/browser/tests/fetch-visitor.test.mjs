// A visitor who asked for the braille-signature form may not see the board, so staff go and
// fetch them: against a server of the test's own (its queues start empty), the console lists
// those tickets first in the site's waiting list with a "staff go to the visitor" mark (ja, en),
// and calling one raises an `assist_called` alert with the chime and flashing banner that names
// the ticket and the counter; acknowledging it stops the banner. The steps run in order.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, contrastFailures, desktop, launch, ownServer, pageErrors, signIn, SITE, waitCurrent } from '../lib.mjs';

let srv;
let browser;
let page;
const tickets = {};

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

async function issue(service, lang, needs = {}) {
  const res = await call('POST', `/api/sites/${SITE}/tickets`, { base: srv.base, token: srv.kioskToken, body: { service, lang, needs } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.ticket;
}

/** The waiting list as the console shows it: `[service, number]` rows, top to bottom. */
function waitingRows() {
  return page.evaluate(() => [...document.querySelectorAll('#queues tr[data-ticket]')]
    .map((tr) => [tr.closest('section').dataset.service, tr.dataset.ticket]));
}

test('braille-form tickets head the waiting list with a "staff go to the visitor" mark', async () => {
  await signIn(page, 'staff1', 'staff1-demo', '3');
  tickets.a1 = await issue('pickup', 'ja');
  tickets.a2 = await issue('pickup', 'ja');
  tickets.ecert = await issue('ecert', 'ja');
  tickets.ecertBraille = await issue('ecert', 'ne', { braille_form: true });
  tickets.braille = await issue('pickup', 'vi', { braille_form: true });
  await page.waitForSelector(`#queues tr[data-ticket="${tickets.braille.number}"]`);
  await page.waitForSelector(`#queues tr[data-ticket="${tickets.ecertBraille.number}"]`);
  const rows = await waitingRows();
  const queueOrder = [...new Set(rows.map(([service]) => service))];
  assert.deepEqual(queueOrder, ['pickup', 'ecert'], `queues with a visitor to fetch come first: ${JSON.stringify(rows)}`);
  assert.deepEqual(rows.filter(([s]) => s === 'pickup').map(([, n]) => n),
    [tickets.braille.number, tickets.a1.number, tickets.a2.number], 'issued last, listed first in its queue');
  assert.deepEqual(rows.filter(([s]) => s === 'ecert').map(([, n]) => n), [tickets.ecertBraille.number, tickets.ecert.number]);
  const row = page.locator(`#queues tr[data-ticket="${tickets.braille.number}"]`);
  assert.match(await row.locator('.go-to-visitor').textContent(), /★ 職員がお迎えに/);
  assert.match(await row.textContent(), /点字記名用の申請書/, 'the need itself is named too');
  assert.equal(await page.locator(`#queues tr[data-ticket="${tickets.a1.number}"] .go-to-visitor`).count(), 0);
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA');

  await page.click('#lang-switch');
  await page.waitForSelector(`#queues tr[data-ticket="${tickets.braille.number}"] .go-to-visitor:has-text("Staff go to the visitor")`);
  assert.equal((await waitingRows())[0][1], tickets.braille.number);
  await page.click('#lang-switch');
  await page.waitForSelector(`#queues tr[data-ticket="${tickets.braille.number}"] .go-to-visitor:has-text("職員がお迎えに")`);
});

test('calling a braille-form ticket sounds the alert and says where to bring the visitor', async () => {
  await page.evaluate(() => document.activeElement?.blur());
  // The call-next policy still goes by arrival: an ordinary ticket raises no alert.
  await page.keyboard.press('n');
  await waitCurrent(page, tickets.a1.number);
  await page.keyboard.press('d');
  await waitCurrent(page, '');
  assert.equal(await page.locator('.alert-item[data-kind="assist_called"]').count(), 0);

  // Call the braille-form ticket by its id, as a recall of a waiting ticket does.
  await page.evaluate(async (id) => {
    const res = await fetch('/api/sites/yahatanishi/counters/3/recall', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ticket: id }),
    });
    if (!res.ok) throw new Error(`recall: ${res.status} ${await res.text()}`);
  }, tickets.braille.id);
  await waitCurrent(page, tickets.braille.number);
  // The counter's own panel says it too, as long as the ticket is only called.
  assert.match(await page.textContent('#current .go-to-visitor'), /職員がお迎えに/);
  assert.match(await page.textContent('#current .go-to-visitor-now'), /待合スペースのお客様のところへ行き/);
  const item = page.locator('.alert-item[data-kind="assist_called"]');
  await item.waitFor();
  assert.match(await item.textContent(),
    new RegExp(`${tickets.braille.number}（点字記名用の申請書）を呼び出しました.*待合スペース.*3番窓口までご案内`));
  await page.waitForSelector('#alert-banner:not([hidden])');
  assert.match(await page.textContent('#alert-banner'), new RegExp(`${tickets.braille.number}（点字記名用の申請書）`));
  const sound = await page.evaluate(() => window.madoguchiAlertSound);
  assert.equal(sound.lastAlert, 'assist_called');
  assert.ok(sound.flashing, 'the banner flashes');
  assert.ok(sound.played > 0 || sound.pending, 'the chime sounded (or waits for the first gesture)');

  await page.click('#lang-switch');
  await page.waitForSelector('.alert-item[data-kind="assist_called"]:has-text("bring them to Counter 3")');
  assert.match(await page.textContent('#current .go-to-visitor-now'), /bring them to this counter/);
  await page.click('#lang-switch');
  await page.waitForSelector('#current .go-to-visitor-now:has-text("待合スペース")');

  await page.click('.alert-item[data-kind="assist_called"] button:last-child');
  await page.waitForSelector('.alert-item[data-kind="assist_called"]', { state: 'detached' });
  await page.waitForSelector('#alert-banner', { state: 'hidden' });
  // Once service starts the visitor is at the counter: the reminder goes, the mark stays.
  await page.keyboard.press('s');
  await page.waitForSelector('#current .go-to-visitor-now', { state: 'detached' });
  assert.equal(await page.locator('#current .go-to-visitor').count(), 1);
  assert.deepEqual(await contrastFailures(page), [], 'text contrast meets WCAG 2.1 AA');
  assert.deepEqual(pageErrors, [], 'no script errors on any page');
});

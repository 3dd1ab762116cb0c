// Live advice on the staff console, on a server of the test's own (`ownServer` in lib.mjs, so
// its sixty waiting visitors do not disturb the other tests): a busy site shows an advice in the
// supervisor block and on the console of the counter it names; one click on "実行" (Apply)
// changes that counter's weights for today (read back through the API) and writes an audit row.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, contrastFailures, desktop, launch, ownServer, pageErrors, shot, signIn, SITE } from '../lib.mjs';

let srv;
let browser;

before(async () => {
  srv = await ownServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

async function login(user, counter) {
  const res = await call('POST', '/api/login', { base: srv.base, body: { user, password: `${user}-demo`, site: SITE, counter } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.token;
}

test('a busy site gets advice, and Apply changes the counter\'s weights for today, audited', async () => {
  for (const [service, n] of [['online', 1], ['ecert', 60], ['pickup', 20], ['inquiry', 15]]) {
    for (let i = 0; i < n; i += 1) {
      const res = await call('POST', `/api/sites/${SITE}/tickets`, { base: srv.base, token: srv.kioskToken, body: { service, lang: 'ja' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  }
  const sup = await login('super1');
  const live = (await call('GET', `/api/sites/${SITE}/advice`, { base: srv.base, token: sup })).body;
  const advice = live.advice.find((a) => a.service === 'ecert' && a.move.kind === 'set_weights');
  assert.ok(advice, `an e-certificate advice with a weights move: ${JSON.stringify(live.advice)}`);
  const counter = advice.move.counter;
  const before = (await call('GET', `/api/sites/${SITE}/counters/${counter}/weights`, { base: srv.base, token: sup })).body;
  assert.ok(before.weights.ecert < 10, JSON.stringify(before));

  // The console of the counter the advice names shows its line.
  const staffPage = await (await desktop(browser, srv.base)).newPage();
  await signIn(staffPage, 'staff1', 'staff1-demo', counter);
  await staffPage.waitForSelector('#advice-line:not([hidden])');
  assert.match(await staffPage.textContent('#advice-line'), /電子証明書の更新/);

  const page = await (await desktop(browser, srv.base)).newPage();
  await signIn(page, 'super1', 'super1-demo', '');
  const item = page.locator('.advice-item[data-service="ecert"][data-move="set_weights"]').first();
  await item.waitFor();
  const text = await item.locator('.advice-text').textContent();
  assert.match(text, /電子証明書の更新：\d\d:\d\dに待ち\d+分の見込み（目標20分）。/);
  assert.match(text, /空いています：電子証明書の更新を先に受けてもらう。/);
  assert.deepEqual(await contrastFailures(page), []);
  await shot(page, 'advice', { fullPage: true });

  const shown = text.match(/^.*?。(.+?)は\d+%空いています/)[1];
  await item.locator('button.advice-apply').click();
  await page.waitForSelector('#message.info:has-text("反映しました")');

  const after = (await call('GET', `/api/sites/${SITE}/counters/${counter}/weights`, { base: srv.base, token: sup })).body;
  assert.equal(after.weights.ecert, 10, JSON.stringify(after));
  const audit = (await call('GET', `/api/sites/${SITE}/audit`, { base: srv.base, token: sup })).body;
  const row = audit.find((r) => r.action === 'weights');
  assert.ok(row, JSON.stringify(audit.slice(0, 5)));
  assert.equal(row.actor, 'super1');
  assert.equal(row.counter, counter);
  assert.match(row.detail, /ecert=10/);
  const names = { ja: advice.move.counter_ja };
  assert.equal(shown, names.ja, 'the line names the counter the move was applied to');
  // In English too.
  await page.click('#lang-switch');
  await page.waitForSelector('h3:text-is("Waits ahead and advice")');
  await page.waitForSelector('.advice-forecast th:text-is("In 60 min")');
  assert.deepEqual(pageErrors, []);
});

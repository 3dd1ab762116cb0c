// Helpers of the browser tests: the server under test (from the environment that
// scripts/test-browser.sh sets), Debian's chromium through playwright-core, API calls with the
// kiosk token, signing in on the staff console, and screenshots into docs/screenshots/.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = process.env.MADOGUCHI_BASE_URL || 'http://127.0.0.1:18083';
export const SITE = process.env.MADOGUCHI_SITE || 'yahatanishi';
export const KIOSK_TOKEN = process.env.MADOGUCHI_KIOSK_TOKEN || '';
const SHOTS = process.env.MADOGUCHI_SCREENSHOTS || '';
const CHROMIUM = process.env.MADOGUCHI_CHROMIUM || '/usr/bin/chromium';

/** Launches Debian's chromium (never a downloaded browser). */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A desktop context (the office PC) or a phone-sized one (390×844, the visitor). */
/** Script errors raised by any page of any context (a page must never throw). */
export const pageErrors = [];

function watch(ctx) {
  ctx.setDefaultTimeout(10000);
  ctx.on('page', (page) => page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`)));
  return ctx;
}

export async function desktop(browser, baseURL = BASE) {
  return watch(await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' }));
}

export async function phone(browser, locale = 'ja-JP') {
  const ctx = await browser.newContext({
    baseURL: BASE, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale, timezoneId: 'Asia/Tokyo',
  });
  return watch(ctx);
}

/** Calls the API; returns `{ status, body }` (body parsed when it is JSON). */
export async function call(method, urlPath, { token, body, base = BASE, headers: extra = {} } = {}) {
  const headers = { ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${urlPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** Issues a ticket as the kiosk; returns the `IssuedTicket` with `token` (the status token). */
export async function issue(service, lang, needs = {}) {
  const res = await call('POST', `/api/sites/${SITE}/tickets`, { token: KIOSK_TOKEN, body: { service, lang, needs } });
  if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The status page path of an issued ticket (the QR code's target). */
export function statusPath(issued) {
  return new URL(issued.status_url).pathname;
}

export async function ticketStatus(issued) {
  return (await call('GET', `/api/status/${issued.status_token}`)).body;
}

/** Signs in on the staff console through its form; `counter` '' signs in without a counter. */
export async function signIn(page, user, password, counter = '') {
  await page.goto('/staff');
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await page.selectOption('#login-site', SITE);
  await page.selectOption('#login-counter', counter);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#console-view:not([hidden])');
}

/** The number shown as the counter's current ticket, or '' when there is none. */
export async function currentNumber(page) {
  const loc = page.locator('#current-number');
  return (await loc.count()) ? (await loc.textContent()).trim() : '';
}

/** Waits until the counter's current ticket is `number` ('' waits for none). */
export async function waitCurrent(page, number) {
  if (number) await page.waitForSelector(`#current-number:text-is("${number}")`);
  else await page.waitForSelector('#current.empty');
}

/** Saves a screenshot as docs/screenshots/web-<name>.png when the runner asks for them. */
export async function shot(page, name, opts = {}) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `web-${name}.png`), ...opts });
}

/**
 * Text whose colour contrast against its background is below WCAG 2.1 AA (4.5:1, or 3:1 for
 * large text: ≥ 24 px, or ≥ 18.66 px bold). Backgrounds are found by walking up to the first
 * opaque one; disabled controls are exempt (WCAG 1.4.3). Returns `[{ text, ratio }]`.
 */
export function contrastFailures(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const bg = parse(getComputedStyle(n).backgroundColor);
        if (bg && bg.a >= 0.99) return bg;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!t.textContent.trim() || !el || !el.checkVisibility?.() || el.closest('[disabled], option')) continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push({ text: t.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
    }
    return out;
  });
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A server of the test's own (the binary `scripts/test-browser.sh` built, `MADOGUCHI_SERVER_BIN`),
 * on its own database and port, with the demo users: `start()`, `kill()` (SIGKILL, as a crash),
 * `freeze()` / `thaw()` (SIGSTOP / SIGCONT: the server is there but answers nothing), `close()`.
 * A restart uses the same database file and port, so a signed-in browser reconnects to it.
 */
export async function ownServer() {
  const bin = process.env.MADOGUCHI_SERVER_BIN || path.join(ROOT, 'target/debug/madoguchi-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'madoguchi-web-'));
  const db = path.join(dir, 'own.db');
  const envFile = path.join(dir, 'own.env');
  execFileSync(bin, ['init-demo', '--db', db, '--out', envFile], { cwd: ROOT, stdio: 'ignore' });
  const env = Object.fromEntries(readFileSync(envFile, 'utf8').split('\n')
    .filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = openSync(path.join(dir, 'server.log'), 'a');
  let child = null;
  const srv = {
    base,
    kioskToken: env.MADOGUCHI_KIOSK_TOKEN,
    log: () => readFileSync(path.join(dir, 'server.log'), 'utf8'),
    async start() {
      child = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--public-url', base, '--open-all-hours'],
        { cwd: ROOT, stdio: ['ignore', log, log] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      srv.exited = exited;
      for (let i = 0; i < 150; i += 1) {
        if (child.exitCode !== null) throw new Error(`the server stopped during start-up:\n${srv.log()}`);
        try {
          if ((await fetch(`${base}/api/health`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`the server did not answer on ${base}:\n${srv.log()}`);
    },
    async kill() {
      if (!child || child.exitCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await srv.exited;
      child = null;
    },
    freeze() { child?.kill('SIGSTOP'); },
    thaw() { child?.kill('SIGCONT'); },
    async close() {
      await srv.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await srv.start();
  return srv;
}

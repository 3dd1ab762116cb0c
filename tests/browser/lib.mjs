// Helpers of the browser tests: the server under test (from the environment that
// scripts/test-browser.sh sets), Debian's chromium through playwright-core, API calls with the
// kiosk token, signing in on the staff console, and screenshots into docs/screenshots/.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

export async function desktop(browser) {
  return watch(await browser.newContext({ baseURL: BASE, viewport: { width: 1366, height: 900 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' }));
}

export async function phone(browser, locale = 'ja-JP') {
  const ctx = await browser.newContext({
    baseURL: BASE, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale, timezoneId: 'Asia/Tokyo',
  });
  return watch(ctx);
}

/** Calls the API; returns `{ status, body }` (body parsed when it is JSON). */
export async function call(method, urlPath, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${BASE}${urlPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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

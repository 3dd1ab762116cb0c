// Opens one page of the running server in chromium and prints console messages and page errors
// (a debugging aid: node tests/browser/debug.mjs URL [WIDTHxHEIGHT] [screenshot.png]).
import { launch } from './lib.mjs';

const [url, size = '1366x900', out] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const browser = await launch();
const page = await browser.newPage({ viewport: { width, height } });
page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()} ${m.location().url}`));
page.on('response', (r) => { if (r.status() >= 400) console.log(`http ${r.status()}: ${r.url()}`); });
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
page.on('requestfailed', (r) => console.log(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
await page.goto(url);
await page.waitForTimeout(1500);
console.log((await page.textContent('body')).replace(/\s+/g, ' ').slice(0, 1500));
if (out) await page.screenshot({ path: out, fullPage: true });
await browser.close();

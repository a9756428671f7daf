// Shared by the browser tests: a static server for www/ on 127.0.0.1 and a
// headless Chromium (Debian's /usr/bin/chromium) through playwright-core.
// Every test page is watched: a request to anything but the server, a
// console error or an uncaught exception fails the test.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const SHOTS = path.join(ROOT, 'tests/browser/screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
};

/** Serves `dir` on 127.0.0.1 at a free port; resolves to {url, close}. */
export function serve(dir = WWW) {
  if (!fs.existsSync(path.join(dir, 'pkg/newsmark.js'))) {
    throw new Error(`${dir}/pkg/newsmark.js is missing: build the WASM first (cargo xtask build)`);
  }
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    let p = path.normalize(path.join(dir, decodeURIComponent(u.pathname)));
    if (!p.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (u.pathname.endsWith('/')) p = path.join(p, 'index.html');
    fs.readFile(p, (err, body) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(p)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launches headless Chromium with a fresh profile; resolves to the context. */
export async function launch(opts = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    ...opts,
  });
  const close = ctx.close.bind(ctx);
  ctx.close = async () => { await close(); fs.rmSync(dir, { recursive: true, force: true }); };
  return ctx;
}

/**
 * Opens `url` in a new page of `ctx` and records problems: console errors,
 * page errors, and requests leaving `origin`. Call `problems()` to read.
 */
export async function open(ctx, url, { wait = true } = {}) {
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  const issues = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') issues.push('console: ' + m.text()); });
  page.on('pageerror', (e) => issues.push('pageerror: ' + e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) issues.push('request left the page: ' + u);
  });
  await page.goto(url);
  if (wait) await ready(page);
  page.problems = () => issues.filter((s) => !/favicon\.ico/.test(s));
  return page;
}

/** Waits until the page has rendered its current analysis. */
export async function ready(page, timeout = 30000) {
  await page.waitForFunction(() => document.documentElement.dataset.newsmarkReady === '1' && document.getElementById('view').getAttribute('aria-busy') === 'false', null, { timeout });
}

/** Replaces the article text by pasting `text` (as text/plain, or as the given types). */
export async function paste(page, data) {
  const types = typeof data === 'string' ? { 'text/plain': data } : data;
  await page.evaluate((types) => {
    const input = document.getElementById('input');
    input.focus();
    input.select();
    const dt = new DataTransfer();
    for (const [k, v] of Object.entries(types)) dt.setData(k, v);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    // A synthetic paste is not acted on by the browser, so do what it does
    // for plain text when the page lets it through.
    if (input.dispatchEvent(ev) && types['text/plain'] !== undefined) {
      input.setRangeText(types['text/plain'], input.selectionStart, input.selectionEnd, 'end');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, types);
}

/** Pastes and waits for the new analysis to be rendered. */
export async function pasteAndWait(page, data) {
  await page.evaluate(() => { document.documentElement.dataset.newsmarkReady = ''; });
  await paste(page, data);
  await ready(page);
}

/** The marks of the view as {text, kind, type} (kind e/d/s/c/r). */
export function marks(page) {
  return page.$$eval('#view mark.nm', (ms) => ms.map((m) => ({ text: m.textContent, kind: m.dataset.id[0], type: m.classList[2].slice(3), id: m.dataset.id })));
}

// The WASM half of `cargo xtask bench` (issue 7): throughput of the built
// www/pkg in Node and in headless Chromium on the corpus the native bench
// wrote, time from navigation to the first highlight of the page's sample
// article, and the raw, gzip and brotli sizes of every file the page loads.
// Merges the native figures and writes everything to one JSON file.
//
//   node benches/bench.mjs [OUT_DIR=target/bench] [RESULTS=bench-results.json]
//
// Needs: www/pkg (cargo xtask build), OUT_DIR/native.json and
// OUT_DIR/corpus-1mb.txt (cargo bench --bench throughput -- --out-dir OUT_DIR),
// playwright-core and /usr/bin/chromium for the browser figures.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.argv[2] ?? 'target/bench');
const resultsPath = path.resolve(root, process.argv[3] ?? 'bench-results.json');
const www = path.join(root, 'www');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OPTIONS = { referenceDate: '2021-03-15' };
const RUNS = 5;
const PAGE_LOADS = 9;

const native = JSON.parse(fs.readFileSync(path.join(outDir, 'native.json'), 'utf8'));
const corpus = fs.readFileSync(path.join(outDir, 'corpus-1mb.txt'), 'utf8');
const corpusBytes = Buffer.byteLength(corpus);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (ms) => corpusBytes / 1e6 / (ms / 1e3);
const counts = (r) => ({ entities: r.entities.length, dates: r.dates.length, statements: r.statements.length });

// ------------------------------------------------------------------ Node

async function benchNode() {
  // `cargo xtask build` marks www/pkg as ES modules (www/pkg/package.json).
  const m = await import(pathToFileURL(path.join(www, 'pkg/newsmark.js')).href);
  const exports = m.initSync({ module: fs.readFileSync(path.join(www, 'pkg/newsmark_bg.wasm')) });
  m.analyze(corpus.slice(0, 10_000), OPTIONS); // warm-up
  const times = [];
  let result;
  // At least RUNS runs, more until two seconds are measured (noisy machines).
  while (times.length < RUNS || (times.reduce((a, b) => a + b, 0) < 2000 && times.length < 30)) {
    const t = performance.now();
    result = m.analyze(corpus, OPTIONS);
    times.push(performance.now() - t);
  }
  const ms = median(times);
  return {
    median_ms: +ms.toFixed(3),
    best_ms: +Math.min(...times).toFixed(3),
    runs: times.length,
    mb_per_s: +mbps(ms).toFixed(2),
    counts: counts(result),
    wasm_memory_bytes: exports.memory.buffer.byteLength,
    node: process.version,
  };
}

// ------------------------------------------------------------ static server

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__bench__.html') {
      res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
      return res.end('<!doctype html><meta charset="utf-8"><title>bench</title>');
    }
    if (url.pathname === '/__bench__/corpus.txt') {
      res.writeHead(200, { 'content-type': MIME['.txt'], 'cache-control': 'no-store' });
      return res.end(corpus);
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(www, path.normalize(rel));
    if (!file.startsWith(www + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    // no-store: every page load is a first visit (nothing cached).
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// -------------------------------------------------------------- Chromium

// Records when the first highlight appears (a <mark> of the article, which
// the page gives a data-id; a CSS Custom Highlight; or, failing those, the
// page's `data-newsmark-ready` flag on <html>) and when the page says it is
// done (the flag: marks, legend and panels rendered). Those are DOM times:
// the browser still has to lay out, paint and rasterize the marks, so it
// also records when they were first on screen: the first largest-
// contentful-paint entry whose element holds or is inside a mark (LCP
// times are presentation times). performance.now() counts from navigation
// start.
const FIRST_HIGHLIGHT = `(() => {
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        if (window.__nmPainted == null && el && (el.closest('mark[data-id], mark[data-nm]') || el.querySelector('mark[data-id], mark[data-nm]')))
          window.__nmPainted = e.renderTime || e.startTime;
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
  const ready = () => !!(document.documentElement && 'newsmarkReady' in document.documentElement.dataset);
  const marked = () => !!(document.querySelector('mark[data-id], mark[data-nm]') ||
    (globalThis.CSS && CSS.highlights && CSS.highlights.size > 0));
  const check = (how) => {
    if (window.__nmFirst == null && (marked() || ready())) { window.__nmFirst = performance.now(); window.__nmHow = marked() ? how : 'ready flag'; }
    if (window.__nmReady == null && ready()) window.__nmReady = performance.now();
    return window.__nmFirst != null && window.__nmReady != null;
  };
  const mo = new MutationObserver(() => { if (check('dom')) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-newsmark-ready'] });
  const poll = () => { if (!check('frame')) requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
})();`;

async function benchChromium() {
  if (!fs.existsSync(CHROMIUM)) return { error: `${CHROMIUM} not found (cargo xtask setup --browser)` };
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const out = { version: context.browser()?.version() ?? null };
  try {
    // Throughput, on a blank page of the same origin.
    const page = await context.newPage();
    await page.goto(`${base}/__bench__.html`);
    Object.assign(out, await page.evaluate(async ({ options, runs }) => {
      const m = await import('/pkg/newsmark.js');
      const wasm = await m.default();
      const text = await (await fetch('/__bench__/corpus.txt')).text();
      m.analyze(text.slice(0, 10000), options);
      const times = [];
      let r;
      while (times.length < runs || (times.reduce((a, b) => a + b, 0) < 2000 && times.length < 30)) {
        const t = performance.now();
        r = m.analyze(text, options);
        times.push(performance.now() - t);
      }
      return { times, counts: { entities: r.entities.length, dates: r.dates.length, statements: r.statements.length },
        wasm_memory_bytes: wasm.memory.buffer.byteLength };
    }, { options: OPTIONS, runs: RUNS }));
    await page.close();
    const ms = median(out.times);
    out.median_ms = +ms.toFixed(3);
    out.best_ms = +Math.min(...out.times).toFixed(3);
    out.mb_per_s = +mbps(ms).toFixed(2);
    out.runs = out.times.length;
    delete out.times;

    // Time to first highlight of the page's sample, and what it loads.
    if (!fs.existsSync(path.join(www, 'index.html'))) {
      out.first_highlight = { skipped: 'www/index.html does not exist' };
    } else {
      const loads = [];
      let files = null;
      for (let i = 0; i < PAGE_LOADS; i++) {
        const p = await context.newPage();
        const seen = new Map();
        p.on('response', (r) => {
          const u = new URL(r.url());
          if (u.origin === base && r.status() === 200) seen.set(u.pathname, r.request().resourceType());
        });
        await p.addInitScript(FIRST_HIGHLIGHT);
        await p.goto(`${base}/`);
        try {
          await p.waitForFunction(() => window.__nmFirst != null, null, { timeout: 15000 });
          await p.waitForFunction(() => window.__nmReady != null, null, { timeout: 15000 }).catch(() => {});
          await p.waitForFunction(() => window.__nmPainted != null, null, { timeout: 3000 }).catch(() => {});
          loads.push(await p.evaluate(() => ({ ms: window.__nmFirst, ready_ms: window.__nmReady ?? null,
            painted_ms: window.__nmPainted ?? null,
            fcp_ms: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, how: window.__nmHow,
            marks: document.querySelectorAll('mark[data-id], mark[data-nm]').length })));
        } catch {
          loads.push({ ms: null, error: 'no highlight within 15 s' });
        }
        await p.waitForLoadState('networkidle').catch(() => {});
        if (files === null) files = [...seen.entries()];
        await p.close();
      }
      const ok = loads.filter((l) => l.ms != null).map((l) => l.ms);
      const med = (k) => {
        const xs = loads.map((l) => l[k]).filter((x) => x != null);
        return xs.length ? +median(xs).toFixed(1) : null;
      };
      const round = (x) => (x == null ? null : +x.toFixed(1));
      out.first_highlight = {
        median_ms: ok.length ? +median(ok).toFixed(1) : null,
        first_visit_ms: round(loads[0].ms),
        ready_median_ms: med('ready_ms'),
        painted_median_ms: med('painted_ms'),
        fcp_median_ms: med('fcp_ms'),
        loads: loads.map((l) => ({ ...l, ms: round(l.ms), ready_ms: round(l.ready_ms), painted_ms: round(l.painted_ms), fcp_ms: round(l.fcp_ms) })),
        detected_by: loads[0].how ?? null,
        note: 'ms from navigation start to the first article <mark data-id> in the DOM (or CSS highlight); ready = data-newsmark-ready set on <html>; painted = first largest-contentful-paint of an element holding marks (presentation time, software raster in headless Chromium); fcp = first contentful paint; nothing cached (no-store)',
      };
      out.files_loaded = files;
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

// ------------------------------------------------------------------ sizes

function sizes(loaded) {
  let rels;
  if (loaded && loaded.length) {
    rels = loaded.map(([p]) => (p.endsWith('/') ? p + 'index.html' : p).replace(/^\//, ''));
  } else {
    // No page (or no browser): the files the page would load at least.
    rels = ['index.html', 'pkg/newsmark.js', 'pkg/newsmark_bg.wasm'];
    for (const f of fs.existsSync(www) ? fs.readdirSync(www) : []) if (/\.(css|js)$/.test(f)) rels.push(f);
  }
  const files = [];
  for (const rel of [...new Set(rels)].sort()) {
    const file = path.join(www, rel);
    if (!fs.existsSync(file)) continue;
    const data = fs.readFileSync(file);
    files.push({
      file: rel,
      bytes: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const total = (k) => files.reduce((s, f) => s + f[k], 0);
  return { source: loaded && loaded.length ? 'requests made by the page in Chromium' : 'files listed statically',
    files, total: { bytes: total('bytes'), gzip: total('gzip'), brotli: total('brotli') } };
}

// ------------------------------------------------------------------ main

const node = await benchNode();
let chrome;
try {
  chrome = await benchChromium();
} catch (e) {
  chrome = { error: String(e && e.message || e) };
}
const size = sizes(chrome.files_loaded);
delete chrome.files_loaded;

const kb = (n) => (n / 1000).toFixed(1) + ' kB';
const mark = (ok) => (ok == null ? '  ?' : ok ? ' ok' : ' NO');
const one = native.throughput_1mb;
const fh = chrome.first_highlight?.median_ms ?? null;
const targets = {
  native_mb_per_s_at_least_20: one.mb_per_s >= 20,
  chromium_mb_per_s_at_least_10: chrome.mb_per_s == null ? null : chrome.mb_per_s >= 10,
  first_highlight_at_most_150_ms: fh == null ? null : fh <= 150,
  page_gzip_at_most_450_kb: size.total.gzip <= 450_000,
  ratio_10mb_to_1mb_at_most_12: native.ratio_10mb_to_1mb <= 12,
};

let git = null;
try { git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(); } catch {}
const results = {
  generated: new Date().toISOString(),
  commit: git,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, node: process.version },
  corpus: { bytes: corpusBytes, generator: 'benches/throughput.rs (deterministic templates written for the project)', options: OPTIONS },
  native,
  wasm_node: node,
  wasm_chromium: chrome,
  sizes: size,
  targets,
};
fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');

console.log(`\nnewsmark bench (${corpusBytes} bytes of generated articles; MB = 1e6 bytes, kB = 1000 bytes)`);
console.log(`${mark(targets.native_mb_per_s_at_least_20)} native            ${one.mb_per_s.toFixed(1).padStart(7)} MB/s   (target >= 20)`);
console.log(`    WASM in Node      ${node.mb_per_s.toFixed(1).padStart(7)} MB/s   (${node.median_ms} ms; WASM memory ${(node.wasm_memory_bytes / 1e6).toFixed(1)} MB)`);
if (chrome.error) console.log(`  ? WASM in Chromium: ${chrome.error}`);
else console.log(`${mark(targets.chromium_mb_per_s_at_least_10)} WASM in Chromium  ${chrome.mb_per_s.toFixed(1).padStart(7)} MB/s   (target >= 10; WASM memory ${(chrome.wasm_memory_bytes / 1e6).toFixed(1)} MB; Chromium ${chrome.version})`);
if (chrome.first_highlight?.skipped) console.log(`  ? first highlight: skipped (${chrome.first_highlight.skipped})`);
else if (chrome.first_highlight) {
  const h = chrome.first_highlight;
  console.log(`${mark(targets.first_highlight_at_most_150_ms)} first highlight   ${String(fh).padStart(7)} ms     (in the DOM; median of ${PAGE_LOADS} uncached loads; target <= 150; page ready at ${h.ready_median_ms} ms)`);
  console.log(`    on screen         ${String(h.painted_median_ms).padStart(7)} ms     (the marks' first paint, presented; first contentful paint ${h.fcp_median_ms} ms)`);
}
console.log('    scaling (native):');
for (const r of native.scaling) {
  console.log(`      ${r.label.padEnd(6)} ${String(r.bytes).padStart(9)} bytes  ${r.median_ms.toFixed(3).padStart(10)} ms  ${r.mb_per_s.toFixed(1).padStart(7)} MB/s  peak RSS ${(r.peak_rss_bytes / 1e6).toFixed(1)} MB`);
}
console.log(`${mark(targets.ratio_10mb_to_1mb_at_most_12)} 10 MB / 1 MB time  ${native.ratio_10mb_to_1mb.toFixed(2)}x   (median of 7 interleaved pairs; target <= 12; linear = 10)`);
console.log(`    files the page loads (${size.source}):`);
for (const f of size.files) console.log(`      ${f.file.padEnd(28)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}  brotli ${kb(f.brotli).padStart(9)}`);
console.log(`${mark(targets.page_gzip_at_most_450_kb)} total              ${kb(size.total.bytes).padStart(10)}  gzip ${kb(size.total.gzip).padStart(9)}  brotli ${kb(size.total.brotli).padStart(9)}  (target gzip <= 450 kB)`);
console.log(`wrote ${path.relative(root, resultsPath)}`);

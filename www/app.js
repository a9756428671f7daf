// The reader's page: analyse the textarea's text as it changes (on the main
// thread for short text, in a module Web Worker for long text), render the
// marks, legend, side panel and tooltips. User text is only ever set as
// textContent / text nodes; nothing is fetched from outside this folder.
import init, { analyze } from './pkg/newsmark.js';
import { TYPES, spansOf, speakerOf, describe, render } from './marks.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const view = $('view');
const tip = $('tip');
const refdate = $('refdate');
const LAYERS = ['entities', 'dates', 'statements'];
const WORKER_FROM = 20000; // characters; below this analysis takes < 2 ms
let workerOk = typeof Worker === 'function';
const LIST_MAX = 400; // panel rows per view; a 1 MB article has thousands

let state = { text: '', a: null, spans: [], els: new Map() };
let gen = 0; // bumped by every change; stale results and renders stop
let worker = null;
let workerBusy = null; // the job the worker is on
let workerNext = null;
const hidden = new Set();

// The module www/boot.js started compiling while the page loaded, if any
// (a server that sends .wasm with another type makes compileStreaming fail:
// init() then falls back on its own).
let compiled = null; // the WebAssembly.Module, handed on to the worker
const wasmReady = Promise.resolve(self.newsmarkCompiled).then((module) => {
  compiled = module || null;
  return init(module ? { module_or_path: module } : undefined);
});

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function options() {
  // The field shows the date in use; only a date the user set is passed on.
  return { referenceDate: (!refdate.dataset.auto && refdate.value) || undefined, today: today(), layers: LAYERS };
}

// ---------------------------------------------------------------- analysis

let timer = 0;
function schedule(delay) {
  clearTimeout(timer);
  const g = ++gen;
  timer = setTimeout(() => run(g), delay);
}

async function run(g) {
  const text = input.value;
  const opts = options();
  view.setAttribute('aria-busy', 'true');
  if (text.length < WORKER_FROM || !workerOk) {
    await wasmReady;
    if (g !== gen) return;
    try {
      show(g, text, analyze(text, opts));
    } catch (e) {
      fail(g, e);
    }
  } else {
    setStatus(`Analysing ${Math.round(text.length / 1000).toLocaleString('en')} thousand characters…`);
    viaWorker({ g, text, opts });
  }
}

function viaWorker(job) {
  if (!worker) {
    worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
    if (compiled) worker.postMessage({ module: compiled });
    worker.onmessage = ({ data }) => {
      const done = workerBusy;
      workerBusy = null;
      if (data.error) fail(data.g, new Error(data.error));
      else show(data.g, done.text, data.result);
      if (workerNext) { const j = workerNext; workerNext = null; viaWorker(j); }
    };
    // A worker that cannot start (old browser, odd hosting): analyse here.
    worker.onerror = async (ev) => {
      ev.preventDefault();
      const job = workerNext || workerBusy;
      worker = null;
      workerBusy = workerNext = null;
      workerOk = false;
      if (job) { await wasmReady; try { show(job.g, job.text, analyze(job.text, job.opts)); } catch (e) { fail(job.g, e); } }
    };
  }
  // The worker does one job at a time; of those waiting, keep the newest.
  if (workerBusy) { workerNext = job; return; }
  workerBusy = job;
  worker.postMessage(job);
}

function fail(g, e) {
  if (g !== gen) return;
  view.setAttribute('aria-busy', 'false');
  setStatus('Could not analyse: ' + (e && e.message ? e.message : e));
}

function setStatus(s) { $('status').textContent = s; }

async function show(g, text, a) {
  if (g !== gen || text == null) return;
  const spans = spansOf(a);
  const els = new Map();
  state = { text, a, spans, els };
  view.replaceChildren();
  hideTip();
  const made = (s, el, first) => {
    let list = els.get(s.id);
    if (!list) els.set(s.id, (list = []));
    list.push(el);
    if (first) el.tabIndex = 0;
  };
  // The text is rendered in blocks of whole paragraphs (content-visibility
  // skips the layout of those off screen), in slices of a few milliseconds
  // so that a click is answered while a long article is rendered.
  // Blocks are built detached and attached at the end: attaching them one by one
  // made the browser restyle the growing article every frame.
  const frag = document.createDocumentFragment();
  const seen = new Set();
  let live = [];
  let si = 0;
  let budget = performance.now();
  for (let from = 0; from < text.length;) {
    let to = text.indexOf('\n\n', from + 3000);
    if (to < 0) to = text.length;
    while (to < text.length && text[to] === '\n') to++;
    live = live.filter((x) => x.end > from);
    while (si < spans.length && spans[si].start < to) live.push(spans[si++]);
    const block = document.createElement('div');
    block.className = 'nm-block';
    render(block, text.slice(from, to), live.filter((x) => x.start < to && x.end > from), from, made, null, seen);
    frag.append(block);
    from = to;
    // Yield between blocks, never after the last: that would put a task
    // (and often a frame) between the finished render and the page.
    if (from < text.length && performance.now() - budget > 10) {
      await new Promise((r) => setTimeout(r, 0));
      if (g !== gen) return;
      budget = performance.now();
    }
  }
  view.append(frag);
  if (g !== gen) return;
  view.setAttribute('aria-busy', 'false');
  legend(a);
  refInfo(a.reference);
  panels(text, a);
  const n = a.entities.length + a.dates.length + a.statements.length;
  setStatus(text ? `${n} marks` : 'Paste or type an article above.');
  document.documentElement.dataset.newsmarkReady = '1';
  performance.mark('newsmark-ready');
}

// ------------------------------------------------------------------ legend

function legend(a) {
  const counts = {};
  for (const e of a.entities) counts[e.label] = (counts[e.label] || 0) + 1;
  for (const d of a.dates) counts[d.type] = (counts[d.type] || 0) + 1;
  counts.QUOTE = a.statements.length;
  const ul = $('legend');
  ul.replaceChildren(...TYPES.map((t) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'chip';
    b.dataset.type = t.key;
    b.setAttribute('aria-pressed', String(!hidden.has(t.key)));
    const sw = document.createElement('mark');
    sw.className = `nm nm-sw nm-${t.layer} nm-${t.key}`;
    sw.setAttribute('aria-hidden', 'true');
    sw.textContent = 'Aa';
    const name = document.createElement('span');
    name.textContent = t.name;
    const c = document.createElement('span');
    c.className = 'count';
    c.textContent = String(counts[t.key] || 0);
    if (!counts[t.key]) b.dataset.zero = '';
    b.append(sw, name, c);
    li.append(b);
    return li;
  }));
}

$('legend').addEventListener('click', (ev) => {
  const b = ev.target.closest('button.chip');
  if (!b) return;
  const k = b.dataset.type;
  const on = hidden.has(k);
  if (on) hidden.delete(k); else hidden.add(k);
  b.setAttribute('aria-pressed', String(on));
  view.classList.toggle('nm-off-' + k, !on);
});

// -------------------------------------------------------- reference date

function refInfo(r) {
  const out = $('refinfo');
  if (!r) { out.textContent = 'No article date: relative dates stay unresolved.'; return; }
  out.dataset.origin = r.origin;
  const from = { given: 'set by you', text: 'found in the text', today: "today's date (none found in the text)" }[r.origin];
  out.textContent = `Dates resolved against ${r.date}, ${from}`;
  if (r.origin === 'text' && r.span) out.textContent += ` (“${state.text.slice(r.span.start, r.span.end)}”)`;
  if (r.origin !== 'given') { refdate.value = r.date; refdate.dataset.auto = '1'; }
}

refdate.addEventListener('change', () => { delete refdate.dataset.auto; schedule(0); });
$('refclear').addEventListener('click', () => { refdate.value = ''; refdate.dataset.auto = '1'; schedule(0); });

// ------------------------------------------------------------------ panel

// A panel row; hovering or focusing it lights the marks linked to `id`.
function item(label, sub, onClick, id) {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'row';
  const m = document.createElement('span');
  m.className = 'main';
  m.textContent = label;
  b.append(m);
  if (sub) {
    const s = document.createElement('span');
    s.className = 'sub';
    s.textContent = sub;
    b.append(s);
  }
  b.addEventListener('click', () => onClick(b));
  const on = () => lit(linked(id));
  b.addEventListener('mouseenter', on);
  b.addEventListener('focus', on);
  b.addEventListener('mouseleave', () => lit([]));
  li.append(b);
  return li;
}

function group(title, count, cls) {
  const sec = document.createElement('section');
  sec.className = 'group ' + (cls || '');
  const h = document.createElement('h3');
  h.textContent = title;
  if (count != null) {
    const c = document.createElement('span');
    c.className = 'count';
    c.textContent = String(count);
    h.append(' ', c);
  }
  const ul = document.createElement('ul');
  sec.append(h, ul);
  return [sec, ul];
}

function empty(box, msg) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = msg;
  box.append(p);
}

const clip = (s, n) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);

function panels(text, a) {
  // Who said what: statements grouped by speaker, biggest group first.
  const said = $('view-said');
  said.replaceChildren();
  const by = new Map();
  a.statements.forEach((st, i) => {
    const who = speakerOf(st, text) || 'Unattributed';
    if (!by.has(who)) by.set(who, []);
    by.get(who).push(i);
  });
  let rows = 0;
  for (const [who, list] of [...by].sort((x, y) => y[1].length - x[1].length)) {
    if (rows >= LIST_MAX) break;
    const [sec, ul] = group(who, list.length, 'speaker');
    for (const i of list) {
      if (rows++ >= LIST_MAX) break;
      const st = a.statements[i];
      const frags = st.fragments && st.fragments.length ? st.fragments : [[st.start, st.end]];
      const words = frags.map(([s, e]) => text.slice(s, e)).join(' … ');
      const cue = st.cue ? `${st.kind} · cue: ${text.slice(st.cue.start, st.cue.end)}` : st.kind;
      ul.append(item(clip(words, 180), cue, () => jump('s' + i), 's' + i));
    }
    said.append(sec);
  }
  if (!a.statements.length) empty(said, 'No attributed statements found.');

  // Entities by type, each canonical name with its mention count.
  const ents = $('view-ents');
  ents.replaceChildren();
  for (const t of TYPES.filter((t) => t.layer === 'e')) {
    const m = new Map();
    a.entities.forEach((e, i) => {
      if (e.label !== t.key) return;
      if (!m.has(e.canonical)) m.set(e.canonical, []);
      m.get(e.canonical).push('e' + i);
    });
    if (!m.size) continue;
    const [sec, ul] = group(t.name, m.size, 'ent-' + t.key);
    const sorted = [...m].sort((x, y) => y[1].length - x[1].length || byCode(x[0], y[0]));
    for (const [name, ids] of sorted.slice(0, LIST_MAX)) {
      let k = 0;
      const li = item(name, `${ids.length} mention${ids.length > 1 ? 's' : ''}`, (b) => {
        jump(ids[k % ids.length]);
        b.querySelector('.sub').textContent = `mention ${(k % ids.length) + 1} of ${ids.length}`;
        k++;
      }, ids[0]);
      li.firstChild.dataset.ids = ids.join(' ');
      ul.append(li);
    }
    ents.append(sec);
  }
  if (!a.entities.length) empty(ents, 'No names found.');

  // Timeline: dates sorted by normalized value; vague ones after.
  const time = $('view-time');
  time.replaceChildren();
  const dated = a.dates.map((d, i) => ({ d, i })).filter(({ d }) => d.type === 'DATE' || d.type === 'TIME');
  const other = a.dates.map((d, i) => ({ d, i })).filter(({ d }) => d.type !== 'DATE' && d.type !== 'TIME');
  const iso = (v) => /^\d{4}/.test(v);
  dated.sort((x, y) => (iso(y.d.value) - iso(x.d.value)) || byCode(x.d.value, y.d.value) || x.d.start - y.d.start);
  for (const [title, list] of [['Dates and times', dated], ['Durations and recurring', other]]) {
    if (!list.length) continue;
    const [sec, ul] = group(title, list.length);
    for (const { d, i } of list.slice(0, LIST_MAX)) {
      ul.append(item(d.value, `${clip(text.slice(d.start, d.end), 60)} · ${d.type.toLowerCase()}`, () => jump('d' + i), 'd' + i));
    }
    time.append(sec);
  }
  if (!a.dates.length) empty(time, 'No dates found.');
}

// Plain code-unit order. localeCompare's first call builds an ICU collator,
// which cost ~18 ms of the page's first paint for a list order no one reads
// letter by letter (normalized dates sort right in code-unit order).
function byCode(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function jump(id) {
  const list = state.els.get(id);
  if (!list) return;
  const el = list[0];
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  el.focus({ preventScroll: true });
  lit(linked(id));
}

// tabs: arrow keys move between them (WAI-ARIA tabs pattern)
const tabs = [...document.querySelectorAll('[role=tab]')];
function select(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
}
tabs.forEach((t, i) => {
  t.addEventListener('click', () => select(t));
  t.addEventListener('keydown', (ev) => {
    const d = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i }[ev.key];
    if (d === undefined) return;
    ev.preventDefault();
    const n = tabs[(i + d + tabs.length) % tabs.length];
    select(n);
    n.focus();
  });
});

// ------------------------------------------------- tooltips, hover linking

let litEls = [];
function lit(els) {
  for (const e of litEls) e.classList.remove('nm-lit');
  litEls = els;
  for (const e of els) e.classList.add('nm-lit');
}

// The marks to light with span `id`: a statement's cue and source, or every
// mention of an entity.
function linked(id) {
  const k = id[0];
  const n = id.slice(1);
  const get = (x) => state.els.get(x) || [];
  if (k === 's' || k === 'c' || k === 'r') return [...get('s' + n), ...get('c' + n), ...get('r' + n)];
  if (k === 'e') {
    const canon = state.a.entities[+n].canonical;
    const out = [];
    state.a.entities.forEach((e, i) => { if (e.canonical === canon) out.push(...get('e' + i)); });
    return out;
  }
  return get(id);
}

function spanById(id) {
  return state.spans.find((s) => s.id === id);
}

function showTip(el) {
  const lines = [];
  for (let m = el; m && m !== view; m = m.parentElement) {
    if (m.localName !== 'mark' || !m.dataset.id) continue;
    const s = spanById(m.dataset.id);
    if (s && !hidden.has(s.type)) lines.push(describe(s, state.text));
  }
  if (!lines.length) return hideTip();
  tip.replaceChildren(...lines.map((l) => {
    const d = document.createElement('div');
    d.textContent = l;
    return d;
  }));
  tip.hidden = false;
  const r = el.getBoundingClientRect();
  const w = tip.offsetWidth;
  const x = Math.max(8, Math.min(r.left + scrollX, scrollX + document.documentElement.clientWidth - w - 8));
  let y = r.bottom + scrollY + 6;
  if (r.bottom + tip.offsetHeight + 12 > innerHeight) y = r.top + scrollY - tip.offsetHeight - 6;
  tip.style.left = x + 'px';
  tip.style.top = y + 'px';
  el.setAttribute('aria-describedby', 'tip');
}

function hideTip() { tip.hidden = true; }

function markAt(t) {
  const m = t && t.closest ? t.closest('mark.nm') : null;
  return m && view.contains(m) ? m : null;
}

view.addEventListener('mouseover', (ev) => {
  const m = markAt(ev.target);
  if (!m) { hideTip(); lit([]); return; }
  showTip(m);
  lit(linked(m.dataset.id));
});
view.addEventListener('mouseleave', () => { hideTip(); lit([]); });
view.addEventListener('focusin', (ev) => {
  const m = markAt(ev.target);
  if (m) { showTip(m); lit(linked(m.dataset.id)); }
});
view.addEventListener('focusout', () => { hideTip(); lit([]); });
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') hideTip(); });

// -------------------------------------------------- input: type, paste, drop

input.addEventListener('input', () => schedule(input.value.length < WORKER_FROM ? 120 : 300));

// Plain text is preferred; HTML-only clipboard content is reduced to its
// text with paragraphs kept. DOMParser documents run no scripts and load
// no images, and only the resulting text is inserted.
input.addEventListener('paste', (ev) => {
  const dt = ev.clipboardData;
  if (!dt || dt.types.includes('text/plain') || !dt.types.includes('text/html')) return;
  ev.preventDefault();
  insert(htmlToText(dt.getData('text/html')));
});

const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|FIGURE|FIGCAPTION|TABLE|TR|DT|DD|HR)$/;
export function htmlToText(html) {
  // Handler attributes are renamed first: they could never run (CSP, and
  // a DOMParser document is inert), but Chromium reports each one.
  html = html.replace(/<[^>]*>/g, (tag) => tag.replace(/(\s|\/)on(\w+\s*=)/gi, '$1data-off-$2'));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const parts = [];
  const walk = (n) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) parts.push(c.data.replace(/\s+/g, ' '));
      else if (c.nodeType === 1) {
        if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|HEAD)$/.test(c.tagName)) continue;
        if (c.tagName === 'BR') { parts.push('\n'); continue; }
        const block = BLOCK.test(c.tagName);
        if (block) parts.push('\n\n');
        walk(c);
        if (block) parts.push('\n\n');
      }
    }
  };
  walk(doc.body || doc);
  return parts.join('').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function insert(text) {
  input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

for (const el of [input, view]) {
  el.addEventListener('dragover', (ev) => { ev.preventDefault(); document.body.classList.add('dropping'); });
  el.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
  el.addEventListener('drop', async (ev) => {
    ev.preventDefault();
    document.body.classList.remove('dropping');
    const f = ev.dataTransfer && ev.dataTransfer.files[0];
    if (!f) return;
    if (!/^text\/|^$/.test(f.type) && !/\.(txt|md|text)$/i.test(f.name)) { setStatus(`Not a text file: ${f.name}`); return; }
    input.value = await f.text();
    schedule(0);
  });
}

// ------------------------------------------------------------------ export

function download(name, type, body) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

$('export-json').addEventListener('click', () => {
  if (!state.a) return;
  download('newsmark.json', 'application/json', JSON.stringify({ offsets: 'utf-16', text: state.text, ...state.a }, null, 2));
});

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

$('export-html').addEventListener('click', async () => {
  if (!state.a) return;
  // A standalone copy: the marks with their details as title attributes,
  // marks.css inlined, no script. innerHTML of a clone serializes text
  // escaped, so user text stays text.
  const css = await (await fetch(new URL('marks.css', import.meta.url))).text();
  const copy = view.cloneNode(true);
  for (const m of copy.querySelectorAll('mark.nm')) {
    const s = spanById(m.dataset.id);
    if (s) m.title = describe(s, state.text);
    m.removeAttribute('tabindex');
    m.classList.remove('nm-lit');
    m.removeAttribute('aria-describedby');
  }
  const title = esc(state.text.split('\n').find((l) => l.trim()) || 'Article').slice(0, 200);
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${css}
body{font:1.1rem/1.7 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
@media (prefers-color-scheme: dark){body{background:#15161a;color:#e8e8ea}}
.nm-view{white-space:pre-wrap}</style></head>
<body><article class="${esc(view.className)}">${copy.innerHTML}</article>
<p><small>Marked by newsmark. Reference date: ${esc(state.a.reference ? state.a.reference.date : 'none')}.</small></p>
</body></html>\n`;
  download('newsmark.html', 'text/html', html);
});

// -------------------------------------------------------------- first load

input.value = $('sample').content.textContent;
// No debounce and no timer for the sample: the first highlight should come
// at once (a zero-delay timer waited behind the first layout and paint of
// the empty page).
run(++gen);

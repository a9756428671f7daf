// newsmark for existing pages. Three ways in:
//   <script type="module" src="newsmark-embed.js" data-newsmark-target="article"></script>
//   <newsmark-article> … </newsmark-article>
//   import { highlight } from './newsmark-embed.js'; await highlight(element, options);
// The page's own elements are left alone: only text nodes are split, and
// their pieces wrapped in <mark>, so links, emphasis and event handlers
// keep working. Text is never parsed as HTML. Loads only files beside it.
import init, { analyze } from './pkg/newsmark.js';
import { TYPES, spansOf, describe, render } from './marks.js';

let ready = null;
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|INPUT|SELECT|OPTION|BUTTON|SVG|MATH|CODE|PRE|MARK)$/;
const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|DL|DT|DD|BLOCKQUOTE|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|NAV|FIGURE|FIGCAPTION|TABLE|TR|TD|TH|HR|BR|MAIN|NEWSMARK-ARTICLE)$/;

function stylesheet() {
  const href = new URL('marks.css', import.meta.url).href;
  if ([...document.styleSheets].some((s) => s.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/**
 * Highlights `root` in place. Options: `referenceDate` ('YYYY-MM-DD'),
 * `legend` (default true: a small legend after `root`). Resolves to the
 * analysis, with `text` (the text analysed; offsets index into it).
 */
export async function highlight(root, options = {}) {
  stylesheet();
  ready = ready || init();
  await ready;
  // Collect the text nodes in order. Text from different blocks is joined
  // by a blank line so paragraphs stay paragraphs; whitespace inside a
  // node maps one-to-one, so node offsets stay exact.
  const nodes = [];
  let text = '';
  let lastBlock = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => (n.nodeType === 1 && SKIP.test(n.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      if (BLOCK.test(n.tagName)) lastBlock = null;
      continue;
    }
    let block = n.parentElement;
    while (block && block !== root && !BLOCK.test(block.tagName)) block = block.parentElement;
    if (lastBlock !== block && text) text += '\n\n';
    lastBlock = block;
    nodes.push({ node: n, start: text.length });
    text += n.data.replace(/[\n\r\t\f]/g, ' ');
  }
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const a = analyze(text, { referenceDate: options.referenceDate || root.dataset?.newsmarkDate || undefined, today, layers: ['entities', 'dates', 'statements'] });
  const spans = spansOf(a);
  const seen = new Set();
  const made = (s, el, first) => {
    el.title = describe(s, text);
    if (first) el.tabIndex = 0;
  };
  // Sweep the nodes and spans together: each node gets the spans over it.
  let si = 0;
  let open = [];
  for (const { node, start } of nodes) {
    const end = start + node.data.length;
    open = open.filter((s) => s.end > start);
    while (si < spans.length && spans[si].start < end) {
      if (spans[si].end > start) open.push(spans[si]);
      si++;
    }
    const here = open.filter((s) => s.start < end && s.end > start);
    if (!here.length) continue;
    const frag = document.createDocumentFragment();
    render(frag, node.data, here, start, made, null, seen);
    node.replaceWith(frag);
  }
  root.classList.add('nm-view', scheme(root));
  if (options.legend !== false) legend(root, a).classList.add(scheme(root));
  a.text = text;
  return a;
}

function legend(root, a) {
  const counts = {};
  for (const e of a.entities) counts[e.label] = (counts[e.label] || 0) + 1;
  for (const d of a.dates) counts[d.type] = (counts[d.type] || 0) + 1;
  counts.QUOTE = a.statements.length;
  const ul = document.createElement('ul');
  ul.className = 'nm-legend';
  ul.setAttribute('aria-label', 'Highlights by newsmark');
  for (const t of TYPES) {
    if (!counts[t.key]) continue;
    const li = document.createElement('li');
    const sw = document.createElement('mark');
    sw.className = `nm nm-sw nm-${t.layer} nm-${t.key}`;
    sw.setAttribute('aria-hidden', 'true');
    sw.textContent = 'Aa';
    li.append(sw, ` ${t.name} ${counts[t.key]}`);
    ul.append(li);
  }
  root.after(ul);
  return ul;
}

// 'nm-on-dark' when the host page paints `el` on a dark background.
function scheme(el) {
  for (let e = el; e; e = e.parentElement) {
    const m = getComputedStyle(e).backgroundColor.match(/[\d.]+/g);
    if (!m || (m.length > 3 && +m[3] === 0)) continue;
    const [r, g, b] = m.map(Number);
    return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'nm-on-dark' : 'nm-on-light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'nm-on-dark' : 'nm-on-light';
}

/** `<newsmark-article>`: highlights its own content once connected. */
class NewsmarkArticle extends HTMLElement {
  connectedCallback() {
    if (this.done) return;
    this.done = true;
    highlight(this, { referenceDate: this.getAttribute('date') || undefined, legend: this.getAttribute('legend') !== 'off' })
      .then(() => this.dispatchEvent(new CustomEvent('newsmark-ready', { bubbles: true })));
  }
}
if (!customElements.get('newsmark-article')) customElements.define('newsmark-article', NewsmarkArticle);

// The script tag: highlight what its data-newsmark-target selects. Module
// scripts have no document.currentScript, so find the tag by its URL.
for (const s of document.querySelectorAll('script[data-newsmark-target]')) {
  if (s.src !== import.meta.url) continue;
  const run = () => Promise.all([...document.querySelectorAll(s.dataset.newsmarkTarget)].map((el) => highlight(el, { referenceDate: s.dataset.newsmarkDate })))
    .then(() => { document.documentElement.dataset.newsmarkReady = '1'; });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
}

// Shared by the page (app.js), its export and the embed script: turns an
// analysis into flat spans and renders them as nested <mark> elements.
// Text only ever enters the DOM as text nodes, never as HTML.

/** Display names of the types, in legend order; `layer` groups them. */
export const TYPES = [
  { key: 'PERSON', layer: 'e', name: 'Person' },
  { key: 'ORG', layer: 'e', name: 'Organization' },
  { key: 'PLACE', layer: 'e', name: 'Place' },
  { key: 'MISC', layer: 'e', name: 'Other name' },
  { key: 'DATE', layer: 'd', name: 'Date' },
  { key: 'TIME', layer: 'd', name: 'Time' },
  { key: 'DURATION', layer: 'd', name: 'Duration' },
  { key: 'SET', layer: 'd', name: 'Recurring' },
  { key: 'QUOTE', layer: 's', name: 'Statement' },
];

// Nesting order when two spans start and end together: statement outside,
// its cue and source inside it, entities inside those, dates innermost.
const RANK = { s: 0, c: 1, r: 1, e: 2, d: 3 };

/**
 * Flattens an analysis into spans `{id, kind, type, start, end, ref}`
 * sorted by start (then longest first, then rank), so renderers can nest.
 * kind: e entity, d date, s statement fragment, c cue, r source.
 */
export function spansOf(a) {
  const out = [];
  a.entities.forEach((x, i) => out.push({ id: 'e' + i, kind: 'e', type: x.label, start: x.start, end: x.end, ref: x }));
  a.dates.forEach((x, i) => out.push({ id: 'd' + i, kind: 'd', type: x.type, start: x.start, end: x.end, ref: x }));
  a.statements.forEach((x, i) => {
    const frags = x.fragments && x.fragments.length ? x.fragments : [[x.start, x.end]];
    for (const [s, e] of frags) out.push({ id: 's' + i, kind: 's', type: 'QUOTE', start: s, end: e, ref: x });
    if (x.cue) out.push({ id: 'c' + i, kind: 'c', type: 'QUOTE', start: x.cue.start, end: x.cue.end, ref: x });
    if (x.source) out.push({ id: 'r' + i, kind: 'r', type: 'QUOTE', start: x.source.start, end: x.source.end, ref: x });
  });
  return out.filter((s) => s.end > s.start).sort(order);
}

function order(a, b) {
  return a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind];
}

/** The speaker's name for a statement: resolved entity, else source text. */
export function speakerOf(st, text) {
  if (st.source_entity) return st.source_entity;
  if (st.source) return text.slice(st.source.start, st.source.end);
  return '';
}

/** One line of plain-text detail per span, for tooltips and titles. */
export function describe(span, text) {
  const x = span.ref;
  const q = (s) => (s ? '“' + text.slice(s.start, s.end) + '”' : '—');
  switch (span.kind) {
    case 'e': return `${nameOf(x.label)} · ${x.canonical}`;
    case 'd': return `${nameOf(x.type)} · ${x.value}`;
    default: {
      const who = speakerOf(x, text) || 'unknown';
      const role = span.kind === 'c' ? 'Cue of a statement' : span.kind === 'r' ? 'Source of a statement' : `Statement (${x.kind})`;
      return `${role} · speaker: ${who} · cue: ${q(x.cue)}`;
    }
  }
}

function nameOf(key) {
  const t = TYPES.find((t) => t.key === key);
  return t ? t.name : key;
}

/**
 * Renders `text` (which starts at offset `base` of the analysed string)
 * into `parent`, wrapping every span (clipped to the text) in nested
 * <mark>s. Spans that cross each other are split into pieces, never lost.
 * `made(span, el, first)` is called for each mark created; `first` is true
 * for the first piece of each span id (across calls sharing `seen`), and the
 * first piece of every span (e.g. each fragment of a statement) gets the
 * class nm-start. Returns a
 * promise when `pause` (an async function called every few thousand
 * pieces, returning false to cancel) is given, else finishes synchronously.
 */
export function render(parent, text, spans, base, made, pause, seen = new Set()) {
  const end = base + text.length;
  const pts = [base, end];
  for (const s of spans) {
    if (s.start > base && s.start < end) pts.push(s.start);
    if (s.end > base && s.end < end) pts.push(s.end);
  }
  pts.sort((a, b) => a - b);
  const doc = parent.ownerDocument;
  let stack = [];
  let active = [];
  let si = 0;
  let i = 0;
  const step = () => {
    for (let n = 0; i < pts.length - 1; i++) {
      const a = pts[i];
      const b = pts[i + 1];
      if (a === b) continue;
      active = active.filter((s) => s.end > a);
      while (si < spans.length && spans[si].start <= a) {
        if (spans[si].end > a) active.push(spans[si]);
        si++;
      }
      const want = active.length > 1 ? active.slice().sort(order) : active;
      let k = 0;
      while (k < stack.length && k < want.length && stack[k].s === want[k]) k++;
      stack.length = k;
      let cur = k ? stack[k - 1].el : parent;
      for (let j = k; j < want.length; j++) {
        const s = want[j];
        const el = doc.createElement('mark');
        const first = !seen.has(s.id);
        seen.add(s.id);
        el.className = `nm nm-${s.kind} nm-${s.type}`;
        if (!seen.has(s)) { seen.add(s); el.classList.add('nm-start'); }
        el.dataset.id = s.id;
        made(s, el, first);
        cur.appendChild(el);
        stack.push({ s, el });
        cur = el;
      }
      cur.appendChild(doc.createTextNode(text.slice(a - base, b - base)));
      if (pause && ++n >= 3000) return pause().then((go) => go && (i++, step()));
    }
  };
  return step();
}

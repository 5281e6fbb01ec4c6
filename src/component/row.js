// One node of the tree as a row (role=treeitem): twisty, marker, text (its label in bold, dates
// as <time>, amounts as <data>, search hits as <mark>), the reporting unit where it changes, and
// the link icon. The row is named by its marker and text only: the unit badge describes it
// (aria-describedby), and the twisty and link icon are hidden from assistive technology.

import { h } from './dom.js';
import { isoDate } from './dates.js';

/**
 * The row of node `i` of outline `o`: position `pos` of `size` among its siblings; `hits` are
 * [start, end) ranges of marker + text to mark; `id` its element id; `s` the words.
 */
export function row(o, i, { id, pos, size, hits, s }) {
  const kind = o.kind(i);
  const role = o.role(i);
  const label = h('span', { class: 'label' });
  const marker = o.marker(i);
  if (marker) {
    const m = h('span', { class: 'marker', part: 'marker' });
    appendMarked(m, marker, 0, marker.length, hits, 0);
    label.append(m);
  }
  const rows = kind === 'table' ? o.rows(i) : null;
  if (rows) label.append(table(rows));
  else {
    const t = h('span', { class: 'text', part: 'text' });
    richText(o, t, i, o.text(i), hits, marker.length, s);
    label.append(t);
  }
  const el = h(
    'div',
    {
      class: 'row',
      part: 'row',
      role: 'treeitem',
      id,
      'data-id': i,
      'aria-level': o.depth(i) + 1,
      'aria-setsize': size,
      'aria-posinset': pos,
    },
    h('span', { class: 'twisty', 'aria-hidden': 'true' }),
    label,
    h('span', { class: 'link', 'aria-hidden': 'true', title: s.copyNodeLink }),
  );
  const unit = o.unit(i);
  const parent = o.parent(i);
  if (unit && (parent < 0 || o.unit(parent) !== unit)) {
    el.append(h('span', { class: 'unit', part: 'unit', id: id + '-u', 'aria-hidden': 'true' }, unit));
    el.setAttribute('aria-describedby', id + '-u');
  }
  return { el, classes: `k-${kind}${role ? ' r-' + role : ''}` };
}

/** The text with its label in bold, dates as <time>, amounts as <data>, and hits marked. */
function richText(o, el, i, text, hits, offset, s) {
  const wraps = [];
  const labelLen = o.labelLen(i);
  if (labelLen) {
    const cls = o.kind(i) === 'field' ? 'field-label' : 'role-label';
    wraps.push({ start: 0, end: labelLen, make: () => h('strong', { class: cls, part: 'label' }) });
  }
  for (const f of o.facts(i)) {
    if (f.kind === 'date') {
      const from = isoDate(f.a);
      const to = isoDate(f.b);
      const title = from && to && from !== to ? `${from} – ${to}` : from;
      wraps.push({ start: f.start, end: f.end, make: () => h('time', { datetime: from, title }) });
    } else if (f.kind === 'amount') {
      const words = s.amountTitle(f.a, o.f.currencies[f.b] ?? 'TWD');
      wraps.push({ start: f.start, end: f.end, make: () => h('data', { value: String(f.a), title: words, 'data-value': words }) });
    }
  }
  wraps.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const w of wraps) {
    if (w.start < at) continue;
    appendMarked(el, text, at, w.start, hits, offset);
    const inner = w.make();
    appendMarked(inner, text, w.start, w.end, hits, offset);
    el.append(inner);
    at = w.end;
  }
  appendMarked(el, text, at, text.length, hits, offset);
}

/** Appends text[a, b) to `el`, wrapping what falls inside `hits` (offset by `offset`) in <mark>. */
function appendMarked(el, text, a, b, hits, offset) {
  if (a >= b) return;
  if (!hits) {
    el.append(text.slice(a, b));
    return;
  }
  let at = a;
  for (const [hs, he] of hits) {
    const s = Math.max(hs - offset, at);
    const e = Math.min(he - offset, b);
    if (e <= s) continue;
    if (s > at) el.append(text.slice(at, s));
    el.append(h('mark', { part: 'mark' }, text.slice(s, e)));
    at = e;
  }
  if (at < b) el.append(text.slice(at, b));
}

function table(rows) {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const body = h('tbody');
  for (const r of rows) {
    const tr = h('tr');
    for (let c = 0; c < cols; c++) tr.append(h('td', null, r[c] ?? ''));
    body.append(tr);
  }
  return h('table', { part: 'table' }, body);
}

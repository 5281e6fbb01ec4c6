// The filters, as one state object, and what they keep of an outline. Pure functions: the
// element owns the state and the DOM.
//
// A node is kept when it passes every active filter; its ancestors are kept with it so that
// it is seen in place. Each filter asks one thing of a node:
//   q      its marker and text contain every search word
//   units  it belongs to one of these reporting units
//   from…to  one of its dates falls in the range (ISO dates, either end may be open)
//   kind   'decision': it is a decision label (決定, 決議, 主席裁示 …) or inside one;
//          'agenda': it is an agenda item (案由一, 第一案 …)
// `depth` is not a filter: it opens the tree to that level. `node` is the node a link points at.

import { fold, terms, hits } from './search.js';
import { isoDate } from './model.js';

export const EMPTY = Object.freeze({ q: '', units: [], from: '', to: '', kind: '', depth: 0, node: -1 });

/** A state with every field present and of the right type. */
export function normalise(state = {}) {
  const s = { ...EMPTY, ...state };
  return {
    q: String(s.q ?? ''),
    units: [...new Set((Array.isArray(s.units) ? s.units : [s.units]).filter(Boolean).map(String))],
    from: /^\d{4}-\d{2}-\d{2}$/.test(s.from) ? s.from : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(s.to) ? s.to : '',
    kind: ['decision', 'agenda'].includes(s.kind) ? s.kind : '',
    depth: Number.isInteger(+s.depth) && +s.depth > 0 ? +s.depth : 0,
    node: Number.isInteger(+s.node) && +s.node >= 0 ? +s.node : -1,
  };
}

/** Whether the state narrows the tree (depth and node do not). */
export function narrows(s) {
  return Boolean(terms(s.q).length || s.units.length || s.from || s.to || s.kind);
}

/**
 * What the state keeps of the outline: `show` (Uint8Array, 1 for kept nodes and their
 * ancestors), `matches` (the nodes that passed, in document order) and `hits` (node → ranges
 * of the search words in marker + text).
 */
export function apply(outline, s, folded) {
  const n = outline.count;
  const ts = terms(s.q);
  const units = s.units.length ? new Set(s.units) : null;
  const inDecision = s.kind === 'decision' ? decisionScope(outline) : null;
  const matches = [];
  const found = new Map();
  const show = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (units && !units.has(outline.unit(i))) continue;
    if (inDecision && !inDecision[i]) continue;
    if (s.kind === 'agenda' && outline.kind(i) !== 'agenda') continue;
    if ((s.from || s.to) && !datesMeet(outline, i, s.from, s.to)) continue;
    if (ts.length) {
      const r = hits(folded(i), ts);
      if (!r) continue;
      found.set(i, r);
    }
    matches.push(i);
    for (let k = i; k >= 0 && !show[k]; k = outline.parent(k)) show[k] = 1;
  }
  return { show, matches, hits: found };
}

/** 1 for decision labels and everything inside them. */
function decisionScope(outline) {
  const scope = new Uint8Array(outline.count);
  for (let i = 0; i < outline.count; i++) {
    if (outline.role(i) === 'decision' || (outline.parent(i) >= 0 && scope[outline.parent(i)])) scope[i] = 1;
  }
  return scope;
}

function datesMeet(outline, i, from, to) {
  for (const f of outline.facts(i)) {
    if (f.kind !== 'date') continue;
    const a = isoDate(f.a);
    const b = isoDate(f.b);
    if (!a || !b) continue;
    if ((!to || a <= to) && (!from || b >= from)) return true;
  }
  return false;
}

/**
 * The folded search text of each node: the whole input is folded once (folding keeps
 * lengths, so the parser's offsets still hold) and each node's text is cut from it on
 * first use.
 */
export function folder(outline) {
  const cache = new Array(outline.count);
  let folded = null;
  const get = (i) => (cache[i] ??= outline.searchText(i, (folded ??= fold(outline.input))));
  let next = 0;
  /** Folds ahead while `more()` says there is time, so that the first search is quick too. */
  get.warm = (more) => {
    while (next < outline.count && more()) {
      for (const end = Math.min(next + 256, outline.count); next < end; next++) get(next);
    }
    return next >= outline.count;
  };
  return get;
}

// ----- the URL fragment ------------------------------------------------------------------------

const KEYS = ['q', 'unit', 'from', 'to', 'kind', 'depth', 'node'];

/**
 * Reads this element's state from a fragment such as `#outline.q=海纜&outline.unit=數位策略司`.
 * Keys are prefixed with the element's id (or `mo`), so that several components and the page's
 * own fragment live side by side. Returns null when the fragment has nothing for it.
 */
export function fromFragment(hash, prefix) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const s = {};
  let any = false;
  for (const key of KEYS) {
    const all = params.getAll(`${prefix}.${key}`);
    if (!all.length) continue;
    any = true;
    if (key === 'unit') s.units = all;
    else s[key] = all[0];
  }
  return any ? normalise(s) : null;
}

/** The fragment with this element's state written in, other keys kept. */
export function toFragment(hash, prefix, s) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const key of KEYS) params.delete(`${prefix}.${key}`);
  if (s.q) params.set(`${prefix}.q`, s.q);
  for (const u of s.units) params.append(`${prefix}.unit`, u);
  if (s.from) params.set(`${prefix}.from`, s.from);
  if (s.to) params.set(`${prefix}.to`, s.to);
  if (s.kind) params.set(`${prefix}.kind`, s.kind);
  if (s.depth) params.set(`${prefix}.depth`, String(s.depth));
  if (s.node >= 0) params.set(`${prefix}.node`, String(s.node));
  const out = params.toString();
  return out ? `#${out}` : '';
}

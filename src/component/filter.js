// The filters, as one state object, and what they keep of an outline. Pure functions: the
// element owns the state and the DOM.
//
// A node of the body is kept when it passes every active filter; its ancestors are kept with it
// so that it is seen in place. Each filter asks one thing of a node:
//   q      its marker and text contain every search word (search.js folds both sides)
//   units  it belongs to one of these reporting units
//   from…to  one of its dates falls in the range (ISO dates, either end may be open)
//   kind   'decision': it is a decision label (決定, 決議, 主席裁示 …) or inside one;
//          'agenda': it is an agenda item (案由一, 第一案 …)
// `depth` is not a filter: it opens the tree to that level. `node` is the node a link points at.

import { terms, hits } from './search.js';
import { isoDate, isIso } from './dates.js';

export const EMPTY = Object.freeze({ q: '', units: [], from: '', to: '', kind: '', depth: 0, node: -1 });

/** A state with every field present and of the right type. */
export function normalise(state = {}) {
  const s = { ...EMPTY, ...state };
  return {
    q: String(s.q ?? ''),
    units: [...new Set((Array.isArray(s.units) ? s.units : [s.units]).filter(Boolean).map(String))],
    from: isIso(s.from) ? s.from : '',
    to: isIso(s.to) ? s.to : '',
    kind: ['decision', 'agenda'].includes(s.kind) ? s.kind : '',
    depth: Number.isInteger(+s.depth) && +s.depth > 0 ? +s.depth : 0,
    node: Number.isInteger(+s.node) && +s.node >= 0 ? +s.node : -1,
  };
}

/** Whether the state narrows the tree (depth and node do not). */
export function narrows(s) {
  return Boolean(terms(s.q).length || s.units.length || s.from || s.to || s.kind);
}

/** How many filters beyond the search box are in force (the 篩選 control shows it). */
export function beyondSearch(s) {
  return s.units.length + (s.from || s.to ? 1 : 0) + (s.kind ? 1 : 0);
}

/** Two states alike. */
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the state keeps of the body: `show` (Uint8Array, 1 for kept nodes and their ancestors),
 * `matches` (the nodes that passed, in document order) and `hits` (node → ranges of the search
 * words in marker + text).
 */
export function apply(outline, s) {
  const n = outline.count;
  const ts = terms(s.q);
  const units = s.units.length ? new Set(s.units) : null;
  const inDecision = s.kind === 'decision' ? decisionScope(outline) : null;
  const matches = [];
  const found = new Map();
  const show = new Uint8Array(n);
  for (let i = outline.bodyStart; i < n; i++) {
    if (units && !units.has(outline.unit(i))) continue;
    if (inDecision && !inDecision[i]) continue;
    if (s.kind === 'agenda' && outline.kind(i) !== 'agenda') continue;
    if ((s.from || s.to) && !datesMeet(outline, i, s.from, s.to)) continue;
    if (ts.length) {
      const r = hits(outline.folded(i), ts);
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

// The URL fragment: the filters and the node a link points at, so that a link brings back the
// same view. Keys are prefixed with the element's id (or `mo`), so that several components and
// the page's own fragment live side by side: `#outline.q=海纜&outline.unit=數位策略司`.
//
// A node is named by its path of markers, `貳/案由一/決定/一~k3f9a2`, and a fingerprint of its
// text after the `~`, so that a link still finds it when a corrected re-publication adds or
// removes items before it (a numeric id would then point at another node). Numeric ids, as
// older links have them, still work.

import { normalise } from './filter.js';
import { foldText } from './search.js';

const KEYS = ['q', 'unit', 'from', 'to', 'kind', 'depth', 'node'];

/**
 * This element's state in a fragment: `{ state, node }`, `node` the link's node as written (or
 * null); null when the fragment has nothing for the element.
 */
export function fromFragment(hash, prefix) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const s = {};
  let any = false;
  let node = null;
  for (const key of KEYS) {
    const all = params.getAll(`${prefix}.${key}`);
    if (!all.length) continue;
    any = true;
    if (key === 'unit') s.units = all;
    else if (key === 'node') node = all[0];
    else s[key] = all[0];
  }
  return any ? { state: normalise(s), node } : null;
}

/** The fragment with this element's state written in (`node` as a reference), other keys kept. */
export function toFragment(hash, prefix, s, node = null) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const key of KEYS) params.delete(`${prefix}.${key}`);
  if (s.q) params.set(`${prefix}.q`, s.q);
  for (const u of s.units) params.append(`${prefix}.unit`, u);
  if (s.from) params.set(`${prefix}.from`, s.from);
  if (s.to) params.set(`${prefix}.to`, s.to);
  if (s.kind) params.set(`${prefix}.kind`, s.kind);
  if (s.depth) params.set(`${prefix}.depth`, String(s.depth));
  if (node) params.set(`${prefix}.node`, node);
  const out = params.toString();
  return out ? `#${out}` : '';
}

/** The state the fragment asks of element `key`, its node found in outline `o`; null for none. */
export function wanted(hash, key, o) {
  const w = fromFragment(hash, key);
  return w && normalise({ ...w.state, node: resolve(o, w.node) });
}

/** This page's URL with `state` (and node `id`, -1 for none) under `key`, other keys kept. */
export function link(key, o, state, id) {
  const ref = id < 0 ? null : o && id < o.count ? nodeRef(o, id) : String(id);
  return location.href.replace(/#.*$/, '') + toFragment(location.hash, key, state, ref);
}

/** Writes the state into this page's fragment, without a new history entry. */
export function write(key, o, state) {
  const to = link(key, o, state, state.node);
  const hash = to.slice(location.href.replace(/#.*$/, '').length);
  if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(history.state, '', to);
}

// ----- naming a node -------------------------------------------------------------------------

const RESERVED = /[/~*]/g;

/** Children of `p` in document order; the top level is the header's nodes, then the body's. */
function kids(o, p) {
  const out = [];
  if (p < 0) return [...o.headerRoots, ...o.roots];
  for (let c = o.firstChild[p]; c >= 0; c = o.nextSibling[c]) out.push(c);
  return out;
}

/** A node's step in a path: its marker without punctuation, its label, or its first words. */
function step(o, i) {
  const marker = o.marker(i).normalize('NFKC').replace(/\s+/g, '').replace(/[、，,.．:：。]+$/u, '');
  if (marker) return marker.replace(RESERVED, '');
  const text = o.text(i).normalize('NFKC');
  const label = o.labelLen(i) ? text.slice(0, o.labelLen(i)) : text;
  return label.replace(/[\s\p{P}\p{S}]+/gu, '').slice(0, 8).replace(RESERVED, '') || '_';
}

/** The step with `*k` when it is the k-th sibling so named (k ≥ 2). */
function stepAmong(o, i) {
  const own = step(o, i);
  let k = 0;
  for (const c of kids(o, o.parent(i))) {
    if (step(o, c) === own) k++;
    if (c === i) break;
  }
  return k > 1 ? `${own}*${k}` : own;
}

/** A short fingerprint of a node's text: its words, folded, without spaces or punctuation. */
export function fingerprint(o, i) {
  const words = foldText(o.text(i)).text.replace(/[\s\p{P}\p{S}]+/gu, '');
  let h = 0x811c9dc5; // FNV-1a
  for (let k = 0; k < words.length; k++) {
    h ^= words.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** How a link names node `i`: `貳/案由一/決定~k3f9a2`. */
export function nodeRef(o, i) {
  const path = [...o.ancestors(i).reverse(), i].map((k) => stepAmong(o, k));
  return `${path.join('/')}~${fingerprint(o, i)}`;
}

/**
 * The node a link names, or -1. The path is followed as far as it goes; when the node found
 * there does not have the link's text (a re-publication renumbered it), the node that does, the
 * nearest to where the path led, is taken; without either, as far as the path went.
 */
export function resolve(o, ref) {
  if (ref == null || ref === '') return -1;
  if (/^\d+$/.test(ref)) return +ref < o.count ? +ref : -1;
  const cut = ref.lastIndexOf('~');
  const path = (cut >= 0 ? ref.slice(0, cut) : ref).split('/').filter(Boolean);
  const fp = cut >= 0 ? ref.slice(cut + 1) : '';
  let at = -1;
  let whole = path.length > 0;
  for (const want of path) {
    const [name, nth] = want.split('*');
    let k = 0;
    const next = kids(o, at).find((c) => step(o, c) === name && ++k === (+nth || 1));
    if (next === undefined) {
      whole = false;
      break;
    }
    at = next;
  }
  if (!fp || (whole && fingerprint(o, at) === fp)) return at;
  let best = -1;
  for (let i = 0; i < o.count; i++) {
    if (fingerprint(o, i) === fp && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
  }
  return best >= 0 ? best : at;
}

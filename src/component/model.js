// The outline as the component holds it: the flat columns from the parser's `parseFlat`
// (typed arrays, one entry per node in document order) and the input string they point
// into. Node texts are sliced from the input on first use; nothing is built per node up
// front, so a year of minutes costs arrays, not objects.
//
// The nodes before `bodyStart` are the header block (title lines, 日期：, 出席人員：, a web
// page's chrome): the meeting card shows them, and the tree starts at the body. The model keeps
// them all; `roots` are the body's top-level nodes, `headerRoots` the header's.

import { foldText } from './search.js';

const HEADER_KINDS = new Set(['title', 'field']);

/** Where the body starts: the parser's `bodyStart`, else after the leading titles and fields. */
function bodyStartOf(flat) {
  let at = flat.bodyStart;
  if (!(at >= 0)) {
    at = 0;
    while (at < flat.count && HEADER_KINDS.has(flat.kindNames[flat.kind[at]])) {
      // The node and its children (they follow it) are the header's.
      const depth = flat.depth[at];
      at++;
      while (at < flat.count && flat.depth[at] > depth) at++;
    }
  }
  // A text that is all header still gets an outline: a tree with nothing in it says nothing.
  return at >= flat.count ? 0 : at;
}

export class Outline {
  /** @param {string} input the text that was parsed  @param {object} flat parseFlat's result */
  constructor(input, flat) {
    this.input = input;
    this.f = flat;
    this.count = flat.count;
    this.meta = flat.meta;
    this.units = flat.units;
    this.diagnostics = flat.diagnostics;
    this.bodyStart = bodyStartOf(flat);
    const n = this.count;
    const parent = flat.parent;
    // Children as linked lists: first child, next sibling, and sibling positions for ARIA.
    // The header's top-level nodes and the body's are two lists that do not touch.
    this.firstChild = new Int32Array(n).fill(-1);
    this.nextSibling = new Int32Array(n).fill(-1);
    this.prevSibling = new Int32Array(n).fill(-1);
    this.posInSet = new Uint32Array(n);
    this.setSize = new Uint32Array(n);
    const lastChild = new Int32Array(n).fill(-1);
    const childCount = new Uint32Array(n);
    this.roots = [];
    this.headerRoots = [];
    let lastRoot = -1;
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      let prev;
      if (p < 0) {
        const list = i < this.bodyStart ? this.headerRoots : this.roots;
        prev = i === this.bodyStart ? -1 : lastRoot;
        lastRoot = i;
        list.push(i);
        this.posInSet[i] = list.length;
      } else {
        prev = lastChild[p];
        lastChild[p] = i;
        if (prev < 0) this.firstChild[p] = i;
        this.posInSet[i] = ++childCount[p];
      }
      if (prev >= 0) this.nextSibling[prev] = i;
      this.prevSibling[i] = prev;
    }
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      this.setSize[i] = p >= 0 ? childCount[p] : i < this.bodyStart ? this.headerRoots.length : this.roots.length;
    }
    this.tables = new Map(flat.tables.map(([id, rows]) => [id, rows]));
    // Facts by node: the first fact of each node (facts come in node order).
    this.factFrom = new Int32Array(n + 1).fill(-1);
    const fn = flat.factNode;
    for (let k = fn.length - 1; k >= 0; k--) this.factFrom[fn[k]] = k;
    this._text = new Array(n);
    this._marker = new Array(n);
    this._folded = new Array(n);
  }

  parent(i) {
    return this.f.parent[i];
  }
  depth(i) {
    return this.f.depth[i];
  }
  kind(i) {
    return this.f.kindNames[this.f.kind[i]];
  }
  role(i) {
    return this.f.roleNames[this.f.role[i]];
  }
  line(i) {
    return this.f.line[i];
  }
  endLine(i) {
    return this.f.endLine?.[i] ?? this.f.line[i];
  }
  ordinal(i) {
    return this.f.ordinal[i];
  }
  labelLen(i) {
    return this.f.labelLen[i];
  }
  unit(i) {
    const u = this.f.unit[i];
    return u < 0 ? null : this.units[u];
  }
  hasChildren(i) {
    return this.firstChild[i] >= 0;
  }
  /** Whether node `i` is in the header block (shown by the card, not the tree). */
  inHeader(i) {
    return i < this.bodyStart;
  }

  _join(from, to) {
    const { segStart, segEnd, segSpace } = this.f;
    let s = '';
    for (let k = from; k < to; k++) {
      if (segSpace[k] && k > from) s += ' ';
      s += this.input.slice(segStart[k], segEnd[k]);
    }
    return s;
  }

  /** The numbering as written, '' when none. */
  marker(i) {
    return (this._marker[i] ??= this._join(this.f.markerAt[i], this.f.textAt[i]));
  }

  /** The node's text after its marker. */
  text(i) {
    return (this._text[i] ??= this._join(this.f.textAt[i], this.f.markerAt[i + 1]));
  }

  /** Marker and text folded for search and type-ahead (search.js), made on first use. */
  folded(i) {
    return (this._folded[i] ??= foldText(this.marker(i) + this.text(i)));
  }

  /** Folds ahead while `more()` says there is time, so that the first search is quick too. */
  warm(more) {
    for (let i = this._warmed ?? 0; i < this.count; ) {
      if (!more()) return (this._warmed = i), false;
      for (const end = Math.min(i + 256, this.count); i < end; i++) this.folded(i);
    }
    this._warmed = this.count;
    return true;
  }

  /** Folds everything while the page is idle, as long as `alive()` says the outline is still shown. */
  warmWhenIdle(alive) {
    if (typeof requestIdleCallback !== 'function') return;
    const step = (deadline) => {
      if (alive() && !this.warm(() => deadline.timeRemaining() > 2)) requestIdleCallback(step);
    };
    requestIdleCallback(step);
  }

  /** The node's marker and text on one line, cut short: how a message names it. */
  label(i) {
    const s = (this.marker(i) + this.text(i)).replace(/\s+/g, ' ').trim();
    return s.length > 24 ? s.slice(0, 23) + '…' : s;
  }

  /** What events say of a node, without building the model. */
  summary(i) {
    return { id: i, kind: this.kind(i), marker: this.marker(i), text: this.text(i), line: this.line(i), unit: this.unit(i) };
  }

  /** Rows of cells, for table nodes. */
  rows(i) {
    return this.tables.get(i) ?? null;
  }

  /** Facts in the node's text: { kind: 'date'|'amount'|'percent', start, end, a, b }. */
  facts(i) {
    const out = [];
    const { factNode, factKind, factStart, factEnd, factA, factB } = this.f;
    for (let k = this.factFrom[i]; k >= 0 && k < factNode.length && factNode[k] === i; k++) {
      out.push({
        kind: ['date', 'amount', 'percent'][factKind[k]],
        start: factStart[k],
        end: factEnd[k],
        a: factA[k],
        b: factB[k],
      });
    }
    return out;
  }

  /** Ancestors of `i`, nearest first. */
  ancestors(i) {
    const out = [];
    for (let p = this.parent(i); p >= 0; p = this.parent(p)) out.push(p);
    return out;
  }

  /** Nodes are in document order, so a subtree is a contiguous run: this is its end. */
  subtreeEnd(i) {
    let k = i;
    while (k >= 0 && this.nextSibling[k] < 0) k = this.parent(k);
    if (k >= 0) return this.nextSibling[k];
    return i < this.bodyStart ? this.bodyStart : this.count;
  }

  /** The node whose text holds `line` (1-based), else the first one after it; -1 for none. */
  nodeAt(line) {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.line(mid) <= line) lo = mid + 1;
      else hi = mid;
    }
    // lo - 1 is the last node starting at or before the line: it holds it if it reaches it.
    const before = lo - 1;
    if (before >= 0 && this.endLine(before) >= line) return before;
    return lo < this.count ? lo : before;
  }
}

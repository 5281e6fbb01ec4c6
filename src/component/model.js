// The outline as the component holds it: the flat columns from the parser's `parseFlat`
// (typed arrays, one entry per node in document order) and the input string they point
// into. Node texts are sliced from the input on first use; nothing is built per node up
// front, so a year of minutes costs arrays, not objects.

export class Outline {
  /** @param {string} input the text that was parsed  @param {object} flat parseFlat's result */
  constructor(input, flat) {
    this.input = input;
    this.f = flat;
    this.count = flat.count;
    this.meta = flat.meta;
    this.units = flat.units;
    this.diagnostics = flat.diagnostics;
    const n = this.count;
    const parent = flat.parent;
    // Children as linked lists: first child, next sibling, and sibling positions for ARIA.
    this.firstChild = new Int32Array(n).fill(-1);
    this.nextSibling = new Int32Array(n).fill(-1);
    this.prevSibling = new Int32Array(n).fill(-1);
    this.posInSet = new Uint32Array(n);
    this.setSize = new Uint32Array(n);
    const lastChild = new Int32Array(n).fill(-1);
    const childCount = new Uint32Array(n);
    this.roots = [];
    let lastRoot = -1;
    for (let i = 0; i < n; i++) {
      const p = parent[i];
      let prev;
      if (p < 0) {
        prev = lastRoot;
        lastRoot = i;
        this.roots.push(i);
        this.posInSet[i] = this.roots.length;
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
      this.setSize[i] = parent[i] < 0 ? this.roots.length : childCount[parent[i]];
    }
    this.tables = new Map(flat.tables.map(([id, rows]) => [id, rows]));
    // Facts by node: the first fact of each node (facts come in node order).
    this.factFrom = new Int32Array(n + 1).fill(-1);
    const fn = flat.factNode;
    for (let k = fn.length - 1; k >= 0; k--) this.factFrom[fn[k]] = k;
    this._text = new Array(n);
    this._marker = new Array(n);
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

  _join(from, to, source = this.input) {
    const { segStart, segEnd, segSpace } = this.f;
    let s = '';
    for (let k = from; k < to; k++) {
      if (segSpace[k] && k > from) s += ' ';
      s += source.slice(segStart[k], segEnd[k]);
    }
    return s;
  }

  /**
   * Marker and text as one string, cut from `source`: a string of the input's length, such
   * as the input folded for search.
   */
  searchText(i, source) {
    return this._join(this.f.markerAt[i], this.f.textAt[i], source) + this._join(this.f.textAt[i], this.f.markerAt[i + 1], source);
  }

  /** The numbering as written, '' when none. */
  marker(i) {
    return (this._marker[i] ??= this._join(this.f.markerAt[i], this.f.textAt[i]));
  }

  /** The node's text after its marker. */
  text(i) {
    return (this._text[i] ??= this._join(this.f.textAt[i], this.f.markerAt[i + 1]));
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

  /** A document-order walk over the subtree of `i` (or everything), without recursion. */
  *descendants(i) {
    const end = i < 0 ? this.count : this.subtreeEnd(i);
    for (let k = i + 1; k < end; k++) yield k;
  }

  /** Nodes are in document order, so a subtree is a contiguous run: this is its end. */
  subtreeEnd(i) {
    let k = i;
    while (k >= 0 && this.nextSibling[k] < 0) k = this.parent(k);
    return k < 0 ? this.count : this.nextSibling[k];
  }
}

/** yyyymmdd (a float from the parser) as ISO, or null when the year is unknown. */
export function isoDate(n) {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (!y) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

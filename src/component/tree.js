// The outline as an ARIA tree (WAI-ARIA Authoring Practices, treeview pattern): nested
// role="tree" / "treeitem" / "group" lists with aria-level, aria-setsize, aria-posinset and
// aria-expanded, a roving tabindex and the full keyboard model (keys.js).
//
// Small documents are rendered whole, collapsed groups hidden "until-found" so that the
// browser's find-in-page still reaches them; large ones render a group when it is first opened.
// Long renders run in slices of a few milliseconds so that the page never freezes for more than
// a frame. The tree shows the body: the header block is the card's (model.js).

import { h } from './dom.js';
import { row } from './row.js';
import { onKey } from './keys.js';

/** Documents up to this many nodes are rendered whole. */
export const EAGER_LIMIT = 4000;
const SLICE_MS = 8;

export class TreeView {
  /**
   * @param {import('./model.js').Outline} outline
   * @param {object} opts
   *   strings    the component's words
   *   prefix     id prefix, unique within the shadow root
   *   show       Uint8Array of nodes in this view (the whole body when null)
   *   hits       Map of node → [start, end) ranges of (marker + text) to <mark>
   *   openDepth  nodes shallower than this start open (Infinity: all)
   *   label      the tree's accessible name
   *   onProgress (done, total, view) while a render runs, and (n, n, view) when it is done
   *   onSelect   (node id) when a node is chosen: clicked, or Enter or Space on it
   *   onLink     (node id) when its link icon is clicked
   *   onMiss     (view) when a typed character matches no node (keys.js: the jump box)
   */
  constructor(outline, opts) {
    this.o = outline;
    this.s = opts.strings;
    this.prefix = opts.prefix;
    this.show = opts.show ?? null;
    this.hits = opts.hits ?? null;
    this.onProgress = opts.onProgress ?? (() => {});
    this.onSelect = opts.onSelect ?? (() => {});
    this.onLink = opts.onLink ?? (() => {});
    this.onMiss = opts.onMiss ?? (() => {});
    this.selected = -1;
    this.current = -1;
    const n = outline.count;
    this.open = new Uint8Array(n);
    this.items = new Array(n); // the treeitem of each rendered node (its row)
    this.wraps = new Array(n); // the <li> holding the row and its group
    this.groups = new Array(n);
    this.visible = this.visibleCount();
    this.eager = this.visible <= EAGER_LIMIT;
    const openDepth = opts.openDepth ?? Infinity;
    for (let i = 0; i < n; i++) if (outline.depth(i) < openDepth) this.open[i] = 1;
    this.focusId = -1;
    this.stack = [];
    this.waiting = []; // the promises of runs, settled when the queue is empty
    this.timer = 0;
    this.rendered = 0;
    this.typed = '';
    this.typedAt = 0;
    this.el = h('ul', { role: 'tree', 'aria-label': opts.label, part: 'tree' });
    this.el.addEventListener('keydown', (e) => onKey(this, e));
    this.el.addEventListener('click', (e) => this.onClick(e));
    this.el.addEventListener('focusin', (e) => this.onFocusIn(e));
    // Find-in-page reveals a collapsed group: open it for real.
    this.el.addEventListener('beforematch', (e) => {
      const r = e.target.closest('li')?.querySelector(':scope > [role="treeitem"]');
      if (r) this.expand(+r.dataset.id);
    });
  }

  visibleCount() {
    if (!this.show) return this.o.count - this.o.bodyStart;
    let c = 0;
    for (let i = 0; i < this.show.length; i++) c += this.show[i];
    return c;
  }

  // ----- which nodes this view shows --------------------------------------------------------

  shown(i) {
    return i >= this.o.bodyStart && (!this.show || this.show[i] === 1);
  }
  firstKid(i) {
    let c = i < 0 ? (this.o.roots[0] ?? -1) : this.o.firstChild[i];
    while (c >= 0 && !this.shown(c)) c = this.o.nextSibling[c];
    return c;
  }
  nextKid(c) {
    let k = this.o.nextSibling[c];
    while (k >= 0 && !this.shown(k)) k = this.o.nextSibling[k];
    return k;
  }
  prevKid(c) {
    let k = this.o.prevSibling[c];
    while (k >= 0 && !this.shown(k)) k = this.o.prevSibling[k];
    return k;
  }
  kids(i) {
    const out = [];
    for (let c = this.firstKid(i); c >= 0; c = this.nextKid(c)) out.push(c);
    return out;
  }
  hasKids(i) {
    return this.firstKid(i) >= 0;
  }
  isOpen(i) {
    return this.open[i] === 1 && this.hasKids(i);
  }

  // ----- rendering --------------------------------------------------------------------------

  /** Renders the roots and everything open below them; returns a promise of the end. */
  render() {
    this.cancel();
    this.el.replaceChildren();
    this.items.fill(undefined);
    this.wraps.fill(undefined);
    this.groups.fill(undefined);
    this.rendered = 0;
    const roots = this.kids(-1);
    if (this.focusId < 0 || !this.shown(this.focusId)) this.focusId = roots[0] ?? -1;
    this.push(roots, this.el);
    return this.run();
  }

  /** Queues nodes for rendering into `container`, in document order. */
  push(ids, container) {
    for (let k = ids.length - 1; k >= 0; k--) this.stack.push([ids[k], container, k + 1, ids.length]);
  }

  /**
   * Renders from the queue: all of it when `sync`, else in slices until it is empty. The promise
   * settles when the queue is empty, whichever run empties it: a run that takes over (a reveal
   * that finishes the work at once, a new render after a cancel) settles the earlier ones too.
   */
  run(sync = false) {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      const step = () => {
        this.timer = 0;
        const until = performance.now() + SLICE_MS;
        while (this.stack.length && (sync || performance.now() < until)) {
          const [i, container, pos, size] = this.stack.pop();
          this.renderItem(i, container, pos, size);
        }
        if (this.stack.length) {
          this.onProgress(this.rendered, this.visible, this);
          this.timer = setTimeout(step, 0);
        } else {
          this.onProgress(this.rendered, this.rendered, this);
          const li = this.settle;
          this.settle = null;
          if (li?.isConnected && li.getRootNode().activeElement === li) li.scrollIntoView({ block: 'nearest' });
          for (const done of this.waiting.splice(0)) done();
        }
      };
      if (this.timer) clearTimeout(this.timer);
      step();
    });
  }

  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    this.stack.length = 0;
  }

  /** Stops for good (the view is replaced): what waited for its render waits no more. */
  dispose() {
    this.cancel();
    for (const done of this.waiting.splice(0)) done();
  }

  renderItem(i, container, pos, size) {
    if (this.items[i]) return;
    const r = row(this.o, i, { id: this.prefix + i, pos, size, hits: this.hits?.get(i) ?? null, s: this.s });
    const el = r.el;
    el.setAttribute('aria-selected', String(i === this.selected));
    el.tabIndex = i === this.focusId ? 0 : -1;
    if (i === this.current) el.classList.add('current');
    const kids = this.kids(i);
    if (kids.length) el.setAttribute('aria-expanded', String(this.open[i] === 1));
    const li = h('li', { role: 'none', class: r.classes }, el);
    container.append(li);
    this.items[i] = el;
    this.wraps[i] = li;
    this.rendered++;
    if (!kids.length) return;
    const open = this.open[i] === 1;
    if (open || this.eager) {
      const group = this.group(i);
      if (!open) group.setAttribute('hidden', 'until-found');
      this.push(kids, group);
    }
  }

  /** The group of node `i`'s children: a sibling of its row in the DOM, owned by the row. */
  group(i) {
    const group = h('ul', { role: 'group', id: this.prefix + i + '-g' });
    this.wraps[i].append(group);
    this.items[i].setAttribute('aria-owns', group.id);
    this.groups[i] = group;
    return group;
  }

  /** Renders the children of an opened node now (one level; deeper open ones follow). */
  renderKids(i) {
    if (this.groups[i] || !this.items[i]) return;
    const group = this.group(i);
    const mark = this.stack.length;
    this.push(this.kids(i), group);
    // The first level now, so that the keyboard can move into it; the rest in slices.
    const level = this.stack.splice(mark);
    for (let k = level.length - 1; k >= 0; k--) {
      const [c, container, pos, size] = level[k];
      this.renderItem(c, container, pos, size);
    }
    if (this.stack.length) this.run();
  }

  // ----- opening and closing ----------------------------------------------------------------

  expand(i) {
    if (!this.hasKids(i)) return;
    this.open[i] = 1;
    const li = this.items[i];
    if (!li) return;
    li.setAttribute('aria-expanded', 'true');
    if (this.groups[i]) this.groups[i].removeAttribute('hidden');
    else this.renderKids(i);
  }

  collapse(i) {
    if (!this.hasKids(i)) return;
    this.open[i] = 0;
    const li = this.items[i];
    if (!li) return;
    li.setAttribute('aria-expanded', 'false');
    const g = this.groups[i];
    if (g) g.setAttribute('hidden', this.eager ? 'until-found' : '');
    // Focus inside the closed group goes to the node itself.
    if (this.focusId >= 0 && this.o.ancestors(this.focusId).includes(i)) this.focus(i);
  }

  toggle(i) {
    if (this.open[i]) this.collapse(i);
    else this.expand(i);
  }

  /** Opens every node (or closes every node) of this view. */
  setAll(open) {
    this.cancel();
    this.open.fill(open ? 1 : 0);
    return this.render();
  }

  /** Opens the tree to `levels` levels (0: all). */
  setDepth(levels) {
    this.cancel();
    const n = this.o.count;
    for (let i = 0; i < n; i++) this.open[i] = !levels || this.o.depth(i) < levels - 1 ? 1 : 0;
    return this.render();
  }

  /** Renders every group now, open or not (for printing). */
  renderAll() {
    if (this.eager && !this.stack.length) return;
    this.eager = true;
    this.cancel();
    this.render();
    this.run(true);
  }

  /** Marks `i` as the node chosen (aria-selected). */
  select(i) {
    const old = this.items[this.selected];
    if (old) old.setAttribute('aria-selected', 'false');
    this.selected = i;
    this.items[i]?.setAttribute('aria-selected', 'true');
    if (i >= 0) this.onSelect(i);
  }

  /** Marks `i` as the current search hit (or jump target), shown and scrolled to without moving focus. */
  setCurrent(i) {
    this.items[this.current]?.classList.remove('current');
    this.current = i;
    if (i < 0) return;
    const li = this.reveal(i);
    if (!li) return;
    li.classList.add('current');
    this.rove(i);
    li.scrollIntoView?.({ block: 'nearest' });
  }

  /** Opens the ancestors of `i` so that it is shown, rendering as needed. */
  reveal(i) {
    const path = this.o.ancestors(i).reverse();
    // Still rendering the view (a row on the way is queued, not yet made): finish it first.
    const made = (k) => this.items[k] || (this.stack.length && this.run(true), this.items[k]);
    for (const a of path) {
      if (!made(a)) break;
      this.expand(a);
    }
    return made(i) ?? null;
  }

  // ----- focus ------------------------------------------------------------------------------

  /** Makes `i` the tree's one tab stop. */
  rove(i) {
    const old = this.items[this.focusId];
    const li = this.items[i];
    if (old && old !== li) old.tabIndex = -1;
    this.focusId = i;
    if (li) li.tabIndex = 0;
  }

  focus(i, scroll = true) {
    if (i < 0) return;
    const li = this.reveal(i);
    if (!li) return;
    this.rove(i);
    li.focus({ preventScroll: !scroll });
    // Rows still to come above it (and sections laid out as they near the screen) move it:
    // once the view is complete, bring it back into view if it still has the focus.
    if (scroll && this.stack.length) this.settle = li;
  }

  nextShown(i) {
    if (this.isOpen(i)) return this.firstKid(i);
    for (let k = i; k >= 0; k = this.o.parent(k)) {
      const s = this.nextKid(k);
      if (s >= 0) return s;
    }
    return -1;
  }

  prevShown(i) {
    const p = this.prevKid(i);
    if (p < 0) return this.o.parent(i);
    let k = p;
    while (this.isOpen(k)) {
      let last = this.firstKid(k);
      for (let c = last; c >= 0; c = this.nextKid(c)) last = c;
      k = last;
    }
    return k;
  }

  lastShown() {
    let k = -1;
    for (let c = this.firstKid(-1); c >= 0; c = this.nextKid(c)) k = c;
    while (k >= 0 && this.isOpen(k)) {
      let last = this.firstKid(k);
      for (let c = last; c >= 0; c = this.nextKid(c)) last = c;
      k = last;
    }
    return k;
  }

  onFocusIn(e) {
    const li = e.target.closest?.('[role="treeitem"]');
    if (li && +li.dataset.id !== this.focusId) this.rove(+li.dataset.id);
  }

  onClick(e) {
    const li = e.target.closest('[role="treeitem"]');
    if (!li || !this.el.contains(li)) return;
    const i = +li.dataset.id;
    // Selecting text to copy it is not a click on the row.
    const sel = this.el.getRootNode().getSelection?.() ?? document.getSelection();
    if (sel && !sel.isCollapsed && !e.target.classList.contains('twisty')) return;
    this.focus(i, false);
    this.select(i);
    if (e.target.classList.contains('link')) this.onLink(i);
    else if (this.hasKids(i)) this.toggle(i);
  }
}

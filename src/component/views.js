// The outline on screen: the whole tree, and the filtered view when a filter narrows. The whole
// tree stays laid out (parked, hidden) while a filtered view is shown, so that clearing a filter
// shows it again at once instead of laying out thousands of rows anew. The status line says
// what is shown, and says it again when a render ends.

import { TreeView } from './tree.js';
import * as filter from './filter.js';

/** More nodes than this and the tree opens to its agenda items instead of in full. */
const OPEN_ALL = 1500;

export class Views {
  /**
   * @param {object} o  container (the element the trees go in), live (live.js), s (the words),
   *   prefix, onSelect(id), onLink(id), onMiss(view) (a character typed in the tree found nothing)
   */
  constructor(o) {
    Object.assign(this, o);
    this.outline = null;
    this.tree = null; // the whole outline
    this.results = null; // the filtered view, when a filter narrows
    this.kept = null; // what the filters keep: { show, matches, hits }
    this.planned = 0; // rows the render of the whole tree under way will make
    this.hit = -1; // index of the current search hit in kept.matches
    this.ms = 0; // how long the last filter took
    this.carried = false; // the filters came over from the text before
  }

  /** The view on screen. */
  get view() {
    return this.results ?? this.tree;
  }

  /** The number of nodes the filters keep, or of the body's nodes when none narrows. */
  get count() {
    const o = this.outline;
    return this.kept ? this.kept.matches.length : o.count - o.bodyStart;
  }

  /** What the status line says when nothing else is going on. */
  summary() {
    const { s } = this;
    if (this.kept) return this.carried ? s.carried(this.kept.matches.length) : s.results(this.kept.matches.length);
    return this.count ? s.nodes(this.count) : s.empty;
  }

  make(opts) {
    return new TreeView(this.outline, {
      strings: this.s,
      label: this.s.outline,
      onProgress: (done, total, view) => {
        // Only the view on screen speaks. A large tree renders only its open nodes: the count
        // is of those, as planned when the render began.
        if (view !== this.view) return;
        if (view === this.tree && this.planned > done) total = this.planned;
        if (done < total) this.live.progressed(this.s.rendering(done, total), done, total);
        else {
          this.live.busy(null);
          this.live.say(this.summary());
        }
      },
      onSelect: this.onSelect,
      onLink: this.onLink,
      onMiss: this.onMiss,
      ...opts,
      prefix: this.prefix + opts.prefix,
    });
  }

  /** Renders a new outline's whole tree, then the state; resolves when the tree is rendered. */
  async show(outline, state) {
    this.tree?.dispose();
    this.results?.dispose();
    this.results = null;
    this.kept = null;
    this.outline = outline;
    // Whole meetings open in full; an archive opens to its agenda items.
    const open = state.depth ? state.depth - 1 : outline.count <= OPEN_ALL ? Infinity : 2;
    this.tree = this.make({ openDepth: open, prefix: 'n' });
    this.plan(open);
    this.container.replaceChildren(this.tree.el);
    const done = this.tree.render();
    this.apply(state, null);
    await done;
  }

  /** Shows what `state` keeps (`before`: the state it replaces, null for a new outline). */
  apply(state, before) {
    const o = this.outline;
    this.results?.dispose();
    this.hit = -1;
    const t0 = performance.now();
    if (filter.narrows(state)) {
      this.kept = filter.apply(o, state);
      this.results = this.make({
        prefix: 'r',
        show: this.kept.show,
        hits: this.kept.hits.size ? this.kept.hits : null,
        openDepth: state.depth ? state.depth - 1 : Infinity,
      });
      this.unpark(false);
      this.tree.el.after(this.results.el);
      this.results.render();
    } else {
      this.kept = null;
      this.results = null;
      this.unpark(true);
      if (before && state.depth !== before.depth) {
        this.plan(state.depth ? state.depth - 1 : Infinity);
        this.tree.setDepth(state.depth);
      }
      this.live.say(this.summary());
    }
    this.ms = performance.now() - t0;
  }

  /**
   * Retires the filtered view and shows the whole tree (or parks it), never moving it. A retired
   * view is parked (neither drawn nor in the accessibility tree) and removed after the next
   * frame: taking thousands of rows out of the page is no part of the answer to a keystroke. A
   * new view goes before it, so that its ids are the ones found.
   */
  unpark(show) {
    const trees = this.container;
    for (const c of [...trees.children]) {
      if (c === this.tree.el || c.classList.contains('parked')) continue;
      c.classList.add('parked');
      c.inert = true;
      const gone = () => c.remove();
      requestAnimationFrame(() => setTimeout(gone));
      setTimeout(gone, 1000); // no frames in a background tab
    }
    if (this.tree.el.parentNode !== trees) trees.prepend(this.tree.el);
    this.tree.el.classList.toggle('parked', !show);
  }

  /** Opens (or closes) every node of the view shown; resolves when rendered. */
  setAll(open) {
    const view = this.view;
    if (!view) return undefined;
    if (view === this.tree) this.plan(open ? Infinity : 0);
    return view.setAll(open);
  }

  /** Moves to the next (1) or previous (-1) search hit; returns what the status should say. */
  step(dir) {
    const k = this.kept;
    if (!k || !k.matches.length || !this.results) return null;
    const n = k.matches.length;
    this.hit = this.hit < 0 ? (dir > 0 ? 0 : n - 1) : (this.hit + dir + n) % n;
    this.results.setCurrent(k.matches[this.hit]);
    return this.s.hitOf(this.hit + 1, n);
  }

  /** How many rows rendering the whole tree makes when nodes shallower than `open` are open. */
  plan(open) {
    const o = this.outline;
    if (!o || !this.tree) return;
    if (this.tree.eager || open === Infinity) {
      this.planned = o.count - o.bodyStart;
      return;
    }
    let n = 0;
    for (let i = o.bodyStart; i < o.count; i++) if (o.depth(i) <= open) n++;
    this.planned = n;
  }

  cancel() {
    this.tree?.dispose();
    this.results?.dispose();
  }
}

// <minutes-outline>: the element's public API, over the parts that do the work:
//   session.js: load.js (src, files, documents) → parse-client.js (worker or page) → model.js (the outline),
//   then card.js, notes.js, toolbar.js and views.js (tree.js) on screen, url.js for links,
//   live.js for what it says, export.js for files. register.js defines the tag.
// Everything lives in a shadow root; text from the minutes is only ever set as text.

import { h } from './dom.js';
import { css } from './styles.js';
import { strings, wordsFor } from './i18n.js';
import * as filter from './filter.js';
import * as url from './url.js';
import * as parser from './parse-client.js';
import * as exporter from './export.js';
import { read, LoadError } from './load.js';
import { Session } from './session.js';
import { decode } from './decode.js';
import { Live } from './live.js';
import * as ui from './ui.js';

// In the parser's worker (the same script) there is no HTMLElement, and no element is made.
const Base = globalThis.HTMLElement ?? class {};
let sheet = null;
let instances = 0;

export class MinutesOutline extends Base {
  static observedAttributes = ['src', 'lang', 'sync-url'];

  /** The text of fetched or opened bytes, decoded as `src` is (decode.js). */
  static decode = decode;

  /**
   * The text of a URL or a File/Blob, read as `src` is: the same limits, decoding and refusals.
   * Rejects with an error whose `message` says why in words (`lang`: the language of them, the
   * page's by default) and whose `code` is load.js's.
   */
  static read(source, { lang, ...options } = {}) {
    return read(source, options).catch((err) => {
      if (err instanceof LoadError) err.message = wordsFor(lang ?? document.documentElement.lang).loadError(err);
      throw err;
    });
  }

  #root = null;
  #s = null;
  #parts = null; // { main, card, notes, toolbar, views, jump, trees }
  #live = null;
  // What the page gave, winning over `src` and the inline text: `{ text, hints }` (the `text`
  // property, or a file read by load()), `{ source }` (a file or URL load() is reading), or
  // null. `settle(outcome)` ends a load()'s promise; `before` is what it replaces.
  #given = null;
  #parsed = null; // { text, hints, flat } of the text shown
  #outline = null;
  #state = filter.normalise();
  #session = new Session(this, {
    words: () => this.#s,
    live: null, // set with the interface
    given: () => this.#given,
    read: (given, got) => {
      if (this.#given !== given) return;
      // Read: the text (and its hints) is kept, not the file. Not read: back to what was before.
      this.#given = got ? { text: got.text, hints: got.hints, notes: got.notes, settle: given.settle } : given.before;
    },
    started: () => {
      // A new `ready` for each new text, unless the last one is still pending.
      if (!this.#settle) this.#ready = new Promise((ok) => (this.#settle = ok));
      this.#live.warn('');
    },
    outline: (parsed, outline, current) => this.#shown(parsed, outline, current),
    error: (message) => {
      this.#live.warn(message);
      this.#emit('mo-error', { message });
    },
    failed: (message, text) => this.#fail(message, text),
  });
  #prefix = `mo${++instances}-`;
  #settle = null; // resolves `ready`
  #ready = new Promise((ok) => (this.#settle = ok));
  #onHash = () => this.#fromUrl();
  #onPrint = () => this.#parts?.views.view?.renderAll();

  connectedCallback() {
    // A property set before the element was defined hides the setter: set it again.
    if (Object.prototype.hasOwnProperty.call(this, 'text')) {
      const value = this.text;
      delete this.text;
      this.#give(value == null ? null : { text: String(value), hints: null });
    }
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
      }
      this.#root.adoptedStyleSheets = [sheet];
      this.#build();
    }
    window.addEventListener('hashchange', this.#onHash);
    window.addEventListener('beforeprint', this.#onPrint);
    if ((!this.#outline || this.#session.interrupted) && !this.#session.loading) this.#start();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.#onHash);
    window.removeEventListener('beforeprint', this.#onPrint);
    // Work under way stops (the download cancelled, the worker ended) and starts again if the
    // element comes back.
    this.#session.stop();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#root || old === value) return;
    if (name === 'src' && this.#given === null && value) this.#start();
    if (name === 'lang') {
      this.#build();
      if (this.#outline) this.#render();
    }
    if (name === 'sync-url' && value !== null) this.#toUrl();
  }

  // ----- the API ---------------------------------------------------------------------------

  /** The minutes text shown. Setting it parses and renders it. */
  get text() {
    return this.#given?.text ?? this.#parsed?.text ?? '';
  }
  set text(value) {
    this.#give(value == null ? null : { text: String(value), hints: null });
    if (this.#root) this.#start();
  }

  /**
   * Reads a URL or a File/Blob as `src` is, documents (.odt, .docx, PDF) too, and shows it,
   * parsed with what the document says of its lines (hints): resolves when it is shown; rejects
   * with the reason in words (`code` as read()'s) when it cannot be read, the outline shown
   * staying, or with an AbortError when other text is given first. Then `text` is its text.
   */
  load(source) {
    let settle;
    const done = new Promise((ok) => (settle = ok));
    const before = this.#given?.source != null ? this.#given.before : this.#given;
    this.#give({ source, settle, before });
    if (this.#root) this.#start();
    return done.then((outcome) => {
      if (outcome.error) throw outcome.error;
      if (outcome.replaced) throw new DOMException('Other text was given before this file was shown.', 'AbortError');
    });
  }

  get src() {
    return this.getAttribute('src') ?? '';
  }
  set src(value) {
    this.setAttribute('src', value);
  }

  /** Resolves when the text given last is parsed and rendered, or failed. */
  get ready() {
    return this.#ready;
  }

  /** The parsed model (docs/MODEL.md), or null before the first parse. */
  get document() {
    return this.#parsed && this.#outline ? parser.modelOf(this.#parsed) : null;
  }

  /** The filters in force: { q, units, from, to, kind, depth, node }. */
  get filter() {
    return { ...this.#state, units: [...this.#state.units] };
  }

  /** Changes some filters, keeping the others; `{}` after `clearFilter()` shows everything. */
  setFilter(changes = {}) {
    this.#apply({ ...this.#state, node: -1, ...changes });
  }

  clearFilter() {
    this.#apply(filter.normalise({ depth: this.#state.depth }));
  }

  expandAll() {
    return this.#outline ? this.#parts.views.setAll(true) : undefined;
  }
  collapseAll() {
    return this.#outline ? this.#parts.views.setAll(false) : undefined;
  }

  /** Shows node `id` (opening its ancestors, leaving a filter that hides it) and focuses it. */
  reveal(id, { focus = true } = {}) {
    const o = this.#outline;
    if (!o || !(id >= 0 && id < o.count)) return false;
    const { views, card } = this.#parts;
    // A line of the header is shown by the card.
    if (o.inHeader(id)) {
      card.reveal(id, { focus });
      this.#selected(id);
      return true;
    }
    if (views.results && !views.kept.show[id]) this.#apply(filter.normalise({ depth: this.#state.depth }));
    const view = views.view;
    if (focus) view.focus(id);
    else view.reveal(id)?.scrollIntoView?.({ block: 'nearest' });
    view.select(id);
    return true;
  }

  /** A link to node `id` (or to the current view): this page with the state in the fragment. */
  linkTo(id = -1) {
    if (id >= 0) return this.#link(filter.EMPTY, id);
    return this.#link(this.#state, this.#state.node);
  }

  // ----- loading ---------------------------------------------------------------------------

  /** What the page gives replaces what it gave: a load() still under way for it ends. */
  #give(given) {
    this.#given?.settle?.({ replaced: true });
    this.#given = given;
  }

  /** A load, whose outcome ends the promise of the load() that gave it (if it was one). */
  #start() {
    const given = this.#given;
    this.#session.start().then((outcome) => {
      if (!outcome.stale) given?.settle?.(outcome);
    });
  }

  /** Shows a parsed text: the card, the notes, the tree, the state a link asks for. */
  async #shown(parsed, outline, current) {
    // A text after another one that had something to filter (not the empty element's).
    const replaced = this.#outline?.count > 0;
    this.#parsed = parsed;
    this.#outline = outline;
    // A link into the page (or a shared view) comes back on load. Filters kept from the text
    // before (the fragment may be their own copy, with sync-url) are said to be so.
    const wanted = this.#wanted();
    const carried = replaced && filter.narrows(this.#state) && (!wanted || filter.same({ ...wanted, node: -1 }, { ...this.#state, node: -1 }));
    if (wanted) this.#state = wanted;
    this.#build();
    await this.#render(carried);
    if (!current()) return;
    // The search text is folded while the page is idle, so that the first search is quick.
    outline.warmWhenIdle(() => outline === this.#outline && this.isConnected);
    this.#emit('mo-ready', { nodes: outline.count, diagnostics: outline.diagnostics.length });
  }

  /** Ends a load that gave no outline: says why (when `message`), shows `text` as it is. */
  #fail(message, text = '') {
    if (text) this.#outline = null;
    if (message) {
      this.#live.warn(message);
      this.#emit('mo-error', { message });
    }
    // An outline still shown (a file that could not be read) has its count said again.
    this.#live.say(this.#outline ? this.#parts.views.summary() : '');
    this.#live.busy(null);
    if (text) {
      const { card, notes, trees } = this.#parts;
      card.el.hidden = notes.banner.hidden = notes.panel.hidden = true;
      trees.replaceChildren(h('pre', { class: 'raw', part: 'raw' }, text));
    }
    // `ready` means "done with the text given last", whatever came of it: it never rejects,
    // which a page that does not wait for it would see as an unhandled rejection.
    this.#settle?.();
    this.#settle = null;
  }

  /** Settles `ready` (for an outline) and tells the page. */
  #emit(type, detail) {
    if (type === 'mo-ready') {
      this.#settle?.();
      this.#settle = null;
    }
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  // ----- the interface ---------------------------------------------------------------------

  /** Builds the interface (again after a change of language); the live regions are kept. */
  #build() {
    const s = (this.#s = strings(this));
    this.#live ??= new Live(this.#prefix);
    this.#session.on.live = this.#live;
    this.#parts?.views.cancel(); // a rebuild (a new language) draws the tree again
    this.#parts = ui.build({
      s,
      prefix: this.#prefix,
      live: this.#live,
      api: {
        state: () => this.#state,
        apply: (st) => this.#apply(st),
        expandAll: () => this.expandAll(),
        collapseAll: () => this.collapseAll(),
        clear: () => this.clearFilter(),
        copyView: () => {
          const chosen = this.#parts.views.view?.selected ?? -1;
          const id = chosen >= 0 ? chosen : this.#state.node;
          this.#live.copy(this.#link(this.#state, id), s.copiedView(id >= 0 && this.#outline ? this.#outline.label(id) : ''), s);
        },
        copyNode: (id) => this.#live.copy(this.linkTo(id), s.copiedNode(this.#outline.label(id)), s),
        export: (kind) => this.#outline && exporter.saveView(kind, { outline: this.#outline, parsed: this.#parsed, kept: this.#parts.views.kept, model: () => this.document }),
        select: (id) => this.#selected(id),
        reveal: (id) => this.reveal(id),
      },
    });
    this.#root.replaceChildren(this.#parts.main);
    this.#parts.toolbar.sync(this.#state);
  }

  /** Renders everything for the current outline, then applies the state. */
  async #render(carried = false) {
    const o = this.#outline;
    const { views } = this.#parts;
    ui.fill(this.#parts, o, (u) => {
      const units = this.#state.units;
      this.#apply({ ...this.#state, units: units.includes(u) ? units.filter((x) => x !== u) : [...units, u], node: -1 });
    });
    views.carried = carried;
    const done = views.show(o, this.#state);
    this.#apply(this.#state, { initial: true });
    await done;
  }

  /** Applies a filter state: the view, the controls, the URL, the event. */
  #apply(next, { initial = false } = {}) {
    const before = this.#state;
    const st = filter.normalise(next);
    this.#state = st;
    if (!this.#outline) return;
    const { views, toolbar } = this.#parts;
    const changed = !filter.same(before, st);
    if (changed) views.carried = false;
    toolbar.sync(st);
    if (!initial) views.apply(st, before);
    if (st.node >= 0) this.reveal(st.node);
    if (!initial || filter.narrows(st)) this.#toUrl();
    if (!initial && changed) this.dispatchEvent(new CustomEvent('mo-filter', { detail: { filter: this.filter, matches: views.count } }));
  }

  /** The state a link in the URL fragment asks for (its node found in the outline), or null. */
  #wanted() {
    return url.wanted(location.hash, this.id || 'mo', this.#outline);
  }

  /** This page's URL with `state` (and node `id`) in the fragment, the page's other keys kept. */
  #link(state, id) {
    return url.link(this.id || 'mo', this.#outline, state, id);
  }

  #fromUrl() {
    if (!this.#outline) return;
    const wanted = this.#wanted();
    if (wanted && !filter.same(wanted, this.#state)) this.#apply(wanted);
  }

  /** Writes the state into the URL fragment, for pages that ask for it (`sync-url`). */
  #toUrl() {
    if (this.hasAttribute('sync-url')) url.write(this.id || 'mo', this.#outline, this.#state);
  }

  #selected(id) {
    const node = this.#outline.summary(id);
    this.dispatchEvent(new CustomEvent('mo-select', { detail: { id, node, link: this.linkTo(id) } }));
  }
}

// <minutes-outline>: the custom element. Takes minutes text (written inside the element, from
// `src`, or through the `text` property), has the WebAssembly parser read it, and shows the
// meeting card, a toolbar of filters, the outline as an ARIA tree, and the parser's notes.
//
// Everything lives in a shadow root; text from the minutes is only ever set as text.

import { Outline } from './model.js';
import { TreeView } from './tree.js';
import { css } from './styles.js';
import { strings } from './i18n.js';
import * as filter from './filter.js';
import * as exporter from './export.js';

/** The largest input fetched or read, in bytes. */
export const MAX_BYTES = 50 * 1024 * 1024;
/** Texts longer than this (in UTF-16 units, about 600 KB of Chinese) are parsed in a worker. */
const OFF_THREAD = 200_000;
/** Diagnostics listed in the notes panel; the rest are counted. */
const MAX_PROBLEMS = 300;

let sheet = null;
let instances = 0;

const h = (tag, props, ...children) => {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === true) el.setAttribute(k, '');
      else if (v != null && v !== false) el.setAttribute(k, v);
    }
  }
  el.append(...children);
  return el;
};

/** Decodes fetched or opened bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or Big5. */
export function decode(buffer, contentType = '') {
  const bytes = new Uint8Array(buffer);
  const declared = /charset=([\w-]+)/i.exec(contentType)?.[1];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (declared && !/utf-?8/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      /* an unknown label: try UTF-8 */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Taiwanese documents are often Big5; if that reads cleanly, it was.
    try {
      return new TextDecoder('big5', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** Whether bytes look like a binary file rather than text. */
export function looksBinary(buffer) {
  const b = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, 4096));
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  let odd = 0;
  for (const x of b) if (x < 9 || (x > 13 && x < 32 && x !== 27)) odd++;
  return odd > b.length / 50;
}

const rocDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y - 1911}年${m}月${d}日`;
};

export function define(parser) {
  if (customElements.get('minutes-outline')) return;

  class MinutesOutline extends HTMLElement {
    static observedAttributes = ['src', 'lang', 'sync-url'];
    static decode = decode;

    #root = null;
    #ui = null;
    #s = null;
    #text = null; // set through the property
    #input = ''; // what was parsed last
    #outline = null;
    #folded = null;
    #tree = null; // the whole outline
    #results = null; // the filtered view, when a filter narrows
    #kept = null; // what the filters keep: { show, matches, hits }
    #state = filter.normalise();
    #hit = -1; // index of the current search hit in #kept.matches
    #token = 0;
    #loading = false;
    #abort = null;
    #searchTimer = 0;
    #prefix;
    #onHash = () => this.#fromUrl();
    #settle = null; // resolves `ready`
    #ready = new Promise((ok) => (this.#settle = ok));
    #onPrint = () => this.#view()?.renderAll();

    constructor() {
      super();
      this.#prefix = `mo${++instances}-`;
    }

    connectedCallback() {
      // A property set before the element was defined hides the setter: set it again.
      if (Object.prototype.hasOwnProperty.call(this, 'text')) {
        const value = this.text;
        delete this.text;
        this.#text = value == null ? null : String(value);
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
      if (!this.#outline && !this.#loading) this.#start();
    }

    disconnectedCallback() {
      window.removeEventListener('hashchange', this.#onHash);
      window.removeEventListener('beforeprint', this.#onPrint);
      // A load cut short starts again when the element comes back.
      if (this.#loading) {
        this.#token++;
        this.#loading = false;
        this.#abort?.abort();
      }
    }

    attributeChangedCallback(name, old, value) {
      if (!this.#root || old === value) return;
      if (name === 'src' && this.#text === null && value) this.#start();
      if (name === 'lang') {
        this.#build();
        if (this.#outline) this.#render();
      }
      if (name === 'sync-url' && value !== null) this.#toUrl();
    }

    // ----- the API -----------------------------------------------------------------------

    /** The minutes text shown. Setting it parses and renders it. */
    get text() {
      return this.#text ?? this.#input;
    }
    set text(value) {
      this.#text = value == null ? null : String(value);
      if (this.#root) this.#start();
    }

    get src() {
      return this.getAttribute('src') ?? '';
    }
    set src(value) {
      this.setAttribute('src', value);
    }

    /** Resolves when the text given last is parsed and rendered. */
    get ready() {
      return this.#ready;
    }

    /** The parsed model (docs/MODEL.md), or null before the first parse. */
    get document() {
      return this.#outline ? (this.#outline.model ??= parser.parse(this.#outline.input)) : null;
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
      return this.#view()?.setAll(true);
    }
    collapseAll() {
      return this.#view()?.setAll(false);
    }

    /** Shows node `id` (opening its ancestors, leaving a filter that hides it) and focuses it. */
    reveal(id, { focus = true } = {}) {
      const o = this.#outline;
      if (!o || !(id >= 0 && id < o.count)) return false;
      if (this.#results && !this.#kept.show[id]) this.#apply(filter.normalise({ depth: this.#state.depth }));
      const view = this.#view();
      if (focus) view.focus(id);
      else view.reveal(id)?.scrollIntoView?.({ block: 'nearest' });
      view.select(id);
      return true;
    }

    /** A link to node `id` (or to the current view): this page with the state in the fragment. */
    linkTo(id = -1) {
      const state = id >= 0 ? filter.normalise({ node: id }) : this.#state;
      const base = location.href.replace(/#.*$/, '');
      return base + filter.toFragment(location.hash, this.#key(), state);
    }

    // ----- loading -----------------------------------------------------------------------

    /** Where the text comes from: the property, then `src`, then the element's own text. */
    async #start() {
      const token = ++this.#token;
      this.#loading = true;
      // A new `ready` for each new text, unless the last one is still pending.
      if (!this.#settle) this.#ready = new Promise((ok) => (this.#settle = ok));
      try {
        await this.#load(token);
      } finally {
        if (token === this.#token) this.#loading = false;
      }
    }

    async #load(token) {
      this.#abort?.abort();
      this.#abort = null;
      this.#status(this.#s.loading);
      let text;
      try {
        if (this.#text !== null) text = this.#text;
        else if (this.getAttribute('src')) text = await this.#fetch(this.getAttribute('src'), token);
        else text = await this.#inline();
      } catch (err) {
        if (token !== this.#token) return;
        this.#status(this.#s.fetchFailed(this.getAttribute('src'), err?.message ?? String(err)), true);
        // The page's own copy of the minutes is still worth showing.
        const inline = await this.#inline();
        if (token === this.#token && inline.trim()) await this.#show(inline, token, true);
        return;
      }
      if (token !== this.#token) return;
      await this.#show(text, token);
    }

    /** The text written inside the element, once the HTML parser has read all of it. */
    #inline() {
      return new Promise((resolve) => {
        if (document.readyState !== 'loading') resolve(this.textContent ?? '');
        else document.addEventListener('DOMContentLoaded', () => resolve(this.textContent ?? ''), { once: true });
      });
    }

    async #fetch(src, token) {
      const ctrl = new AbortController();
      this.#abort = ctrl;
      const timer = setTimeout(() => ctrl.abort(new Error(this.#s.timedOut)), 30000);
      try {
        const res = await fetch(new URL(src, document.baseURI), { signal: ctrl.signal });
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
        const size = Number(res.headers.get('content-length') || 0);
        if (size > MAX_BYTES) throw new Error(this.#s.tooLarge((size / 1048576).toFixed(1)));
        const buffer = await res.arrayBuffer();
        if (buffer.byteLength > MAX_BYTES) throw new Error(this.#s.tooLarge((buffer.byteLength / 1048576).toFixed(1)));
        if (looksBinary(buffer)) throw new Error(this.#s.notText);
        return decode(buffer, res.headers.get('content-type') ?? '');
      } finally {
        clearTimeout(timer);
        if (token === this.#token) this.#abort = null;
      }
    }

    async #show(text, token, keepStatus = false) {
      const status = keepStatus ? this.#ui.status.textContent : null;
      let flat;
      if (text.length > OFF_THREAD && parser.parseFlatAsync) {
        // A long text is parsed off the page's thread, so that the page goes on responding.
        this.#status(this.#s.parsing((text.length / 1048576).toFixed(1)));
        flat = await parser.parseFlatAsync(text);
      } else {
        await parser.ready();
        if (token !== this.#token) return;
        flat = parser.parseFlat(text);
      }
      if (token !== this.#token) return;
      this.#input = text;
      this.#outline = new Outline(text, flat);
      this.#folded = filter.folder(this.#outline);
      // A link into the page (or a shared view) comes back on load.
      const wanted = filter.fromFragment(location.hash, this.#key());
      if (wanted) this.#state = wanted;
      this.#build();
      await this.#render();
      if (token !== this.#token) return;
      if (status) this.#status(status, true);
      this.#settle?.();
      this.#settle = null;
      this.dispatchEvent(
        new CustomEvent('mo-ready', { detail: { nodes: this.#outline.count, diagnostics: this.#outline.diagnostics.length } }),
      );
    }

    // ----- the interface -----------------------------------------------------------------

    /** The key of this element's state in the URL fragment: its id, or `mo`. */
    #key() {
      return this.id || 'mo';
    }

    #view() {
      return this.#results ?? this.#tree;
    }

    /** Builds the card, toolbar, tree area and notes (again after a change of language). */
    #build() {
      this.#s = strings(this);
      const s = this.#s;
      const ui = {};
      const p = this.#prefix;
      ui.search = h('input', {
        type: 'search',
        id: p + 'q',
        part: 'search',
        placeholder: s.searchPlaceholder,
        autocomplete: 'off',
        'aria-describedby': p + 'status',
      });
      ui.searchLabel = h('label', { for: p + 'q', class: 'visually-hidden' }, s.search);
      ui.kind = h(
        'select',
        { id: p + 'kind', part: 'select' },
        h('option', { value: '' }, s.kindAll),
        h('option', { value: 'decision' }, s.kindDecision),
        h('option', { value: 'agenda' }, s.kindAgenda),
      );
      ui.depth = h(
        'select',
        { id: p + 'depth', part: 'select' },
        h('option', { value: '0' }, s.depthAll),
        ...[1, 2, 3].map((d) => h('option', { value: String(d) }, s.depthTo(d))),
      );
      ui.from = h('input', { type: 'date', id: p + 'from', part: 'date' });
      ui.to = h('input', { type: 'date', id: p + 'to', part: 'date' });
      ui.units = h('div', { class: 'units', role: 'group', 'aria-label': s.units });
      ui.expand = h('button', { type: 'button', part: 'button' }, s.expandAll);
      ui.collapse = h('button', { type: 'button', part: 'button' }, s.collapseAll);
      ui.clear = h('button', { type: 'button', part: 'button', hidden: true }, s.clear);
      ui.copy = h('button', { type: 'button', part: 'button' }, s.copyLink);
      const exportButton = (label, kind) => {
        const b = h('button', { type: 'button', part: 'button', 'data-export': kind }, label);
        b.addEventListener('click', () => this.#export(kind));
        return b;
      };
      ui.export = h(
        'details',
        { class: 'menu', part: 'export' },
        h('summary', { part: 'button' }, s.export),
        h('div', { class: 'menu-items' }, exportButton('JSON', 'json'), exportButton('Markdown', 'md'), exportButton('CSV', 'csv')),
      );
      const field = (label, control) => h('span', { class: 'field' }, h('label', { for: control.id }, label), control);
      ui.toolbar = h(
        'div',
        { class: 'toolbar', part: 'toolbar', role: 'search', 'aria-label': s.filters },
        h('div', { class: 'line' }, ui.searchLabel, ui.search, field(s.kind, ui.kind), field(s.depth, ui.depth)),
        ui.units,
        h(
          'div',
          { class: 'line' },
          field(s.from, ui.from),
          field(s.to, ui.to),
          ui.clear,
          h('span', { class: 'spacer' }),
          ui.expand,
          ui.collapse,
          ui.copy,
          ui.export,
        ),
      );
      ui.status = h('div', { class: 'status', id: p + 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
      ui.card = h('section', { class: 'card', part: 'card', hidden: true });
      ui.trees = h('div', { class: 'trees' });
      ui.problems = h('details', { class: 'problems', part: 'problems', hidden: true });
      ui.main = h('div', { class: 'mo', lang: s.lang }, ui.card, ui.toolbar, ui.status, ui.trees, ui.problems);
      this.#root.replaceChildren(ui.main);

      ui.search.addEventListener('input', () => {
        clearTimeout(this.#searchTimer);
        // Small documents filter as one types; large ones wait for a pause.
        const delay = (this.#outline?.count ?? 0) > 4000 ? 250 : 80;
        this.#searchTimer = setTimeout(() => this.#apply({ ...this.#state, q: ui.search.value, node: -1 }), delay);
      });
      ui.search.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && ui.search.value) {
          ui.search.value = '';
          this.#apply({ ...this.#state, q: '', node: -1 });
          e.stopPropagation();
        } else if (e.key === 'Enter') {
          e.preventDefault();
          // A pending search first, then the next (or, with Shift, the previous) hit.
          if (ui.search.value !== this.#state.q) this.#apply({ ...this.#state, q: ui.search.value, node: -1 });
          this.#step(e.shiftKey ? -1 : 1);
        }
      });
      ui.kind.addEventListener('change', () => this.#apply({ ...this.#state, kind: ui.kind.value, node: -1 }));
      ui.depth.addEventListener('change', () => this.#apply({ ...this.#state, depth: +ui.depth.value, node: -1 }));
      ui.from.addEventListener('change', () => this.#apply({ ...this.#state, from: ui.from.value, node: -1 }));
      ui.to.addEventListener('change', () => this.#apply({ ...this.#state, to: ui.to.value, node: -1 }));
      ui.clear.addEventListener('click', () => {
        this.clearFilter();
        ui.search.focus();
      });
      ui.expand.addEventListener('click', () => this.expandAll());
      ui.collapse.addEventListener('click', () => this.collapseAll());
      ui.copy.addEventListener('click', () => this.#copyLink(this.#view()?.selected ?? -1));
      this.#ui = ui;
      this.#controls();
    }

    /** Sets the toolbar's controls to the state. */
    #controls() {
      const ui = this.#ui;
      const st = this.#state;
      if (ui.search.value !== st.q && this.#root.activeElement !== ui.search) ui.search.value = st.q;
      ui.kind.value = st.kind;
      ui.depth.value = String(st.depth);
      ui.from.value = st.from;
      ui.to.value = st.to;
      ui.clear.hidden = !filter.narrows(st);
      for (const b of ui.units.querySelectorAll('button')) {
        b.setAttribute('aria-pressed', String(st.units.includes(b.dataset.unit)));
      }
    }

    #unitChips() {
      const ui = this.#ui;
      const units = this.#outline.units;
      ui.units.replaceChildren();
      ui.units.hidden = !units.length;
      if (!units.length) return;
      ui.units.append(h('span', { class: 'group-label', 'aria-hidden': 'true' }, this.#s.units));
      for (const u of units) {
        const b = h('button', { type: 'button', class: 'chip', part: 'chip', 'data-unit': u, 'aria-pressed': 'false' }, u);
        b.addEventListener('click', () => {
          const on = this.#state.units.includes(u);
          const next = on ? this.#state.units.filter((x) => x !== u) : [...this.#state.units, u];
          this.#apply({ ...this.#state, units: next, node: -1 });
        });
        ui.units.append(b);
      }
    }

    /** Renders everything for the current outline, then applies the state. */
    async #render() {
      const o = this.#outline;
      this.#tree?.cancel();
      this.#results?.cancel();
      this.#results = null;
      this.#card(o.meta);
      this.#unitChips();
      this.#problems(o.diagnostics);
      // Whole meetings open in full; an archive opens to its agenda items.
      const open = this.#state.depth ? this.#state.depth - 1 : o.count <= 1500 ? Infinity : 2;
      this.#tree = this.#makeView({ openDepth: open, prefix: 'n' });
      this.#ui.trees.replaceChildren(this.#tree.el);
      const done = this.#tree.render();
      this.#apply(this.#state, { initial: true });
      await done;
      if (!this.#results) this.#status(this.#summary());
    }

    #makeView(opts) {
      return new TreeView(this.#outline, {
        strings: this.#s,
        label: this.#s.outline,
        onProgress: (done, total, view) => {
          // Only the view on screen speaks.
          if (done < total && view === this.#view()) this.#status(this.#s.rendering(done, total));
        },
        onSelect: (id) => this.#selected(id),
        onLink: (id) => this.#copyLink(id),
        ...opts,
        prefix: this.#prefix + opts.prefix,
      });
    }

    #summary() {
      const o = this.#outline;
      return o.count ? this.#s.nodes(o.count) : this.#s.empty;
    }

    /** Applies a filter state: the filtered view or the whole tree, the URL, the event. */
    #apply(state, { initial = false } = {}) {
      const o = this.#outline;
      const before = this.#state;
      const st = filter.normalise(state);
      this.#state = st;
      if (!o) return;
      this.#controls();
      this.#results?.cancel();
      this.#hit = -1;
      let count = o.count;
      if (filter.narrows(st)) {
        this.#kept = filter.apply(o, st, this.#folded);
        this.#results = this.#makeView({
          prefix: 'r',
          show: this.#kept.show,
          hits: this.#kept.hits.size ? this.#kept.hits : null,
          openDepth: st.depth ? st.depth - 1 : Infinity,
        });
        this.#ui.trees.replaceChildren(this.#results.el);
        this.#results.render();
        count = this.#kept.matches.length;
        this.#status(this.#s.results(count));
      } else {
        this.#kept = null;
        this.#results = null;
        if (this.#ui.trees.firstChild !== this.#tree.el) this.#ui.trees.replaceChildren(this.#tree.el);
        if (!initial && st.depth !== before.depth) this.#tree.setDepth(st.depth);
        this.#status(this.#summary());
      }
      if (st.node >= 0) this.reveal(st.node);
      if (!initial || filter.narrows(st)) this.#toUrl();
      const same = JSON.stringify(before) === JSON.stringify(st);
      if (!initial && !same) {
        this.dispatchEvent(new CustomEvent('mo-filter', { detail: { filter: this.filter, matches: count } }));
      }
    }

    /** Moves to the next (1) or previous (-1) search hit, focus staying in the search box. */
    #step(dir) {
      const k = this.#kept;
      if (!k || !k.matches.length || !this.#results) return;
      const n = k.matches.length;
      this.#hit = this.#hit < 0 ? (dir > 0 ? 0 : n - 1) : (this.#hit + dir + n) % n;
      this.#results.setCurrent(k.matches[this.#hit]);
      this.#status(this.#s.hitOf(this.#hit + 1, n));
    }

    #fromUrl() {
      if (!this.#outline) return;
      const wanted = filter.fromFragment(location.hash, this.#key());
      if (wanted && JSON.stringify(wanted) !== JSON.stringify(this.#state)) this.#apply(wanted);
    }

    /** Writes the state into the URL fragment, for pages that ask for it (`sync-url`). */
    #toUrl() {
      if (!this.hasAttribute('sync-url')) return;
      const hash = filter.toFragment(location.hash, this.#key(), this.#state);
      if (hash !== location.hash && !(hash === '' && location.hash === '')) {
        history.replaceState(history.state, '', location.href.replace(/#.*$/, '') + hash);
      }
    }

    #selected(id) {
      const o = this.#outline;
      const node = { id, kind: o.kind(id), marker: o.marker(id), text: o.text(id), line: o.line(id), unit: o.unit(id) };
      this.dispatchEvent(new CustomEvent('mo-select', { detail: { id, node, link: this.linkTo(id) } }));
    }

    async #copyLink(id) {
      const link = this.linkTo(id);
      try {
        await navigator.clipboard.writeText(link);
        this.#status(this.#s.copied);
      } catch {
        // No clipboard (an insecure page, or permission refused): show the link instead.
        this.#status(`${this.#s.linkIs} ${link}`);
      }
    }

    #export(kind) {
      const o = this.#outline;
      if (!o) return;
      const show = this.#kept?.show ?? null;
      const base = (o.meta.title || 'minutes').replace(/[\\/:*?"<>|\s]+/g, '_');
      if (kind === 'json') exporter.download(exporter.json(this.document), `${base}.json`, 'application/json');
      if (kind === 'md') exporter.download(exporter.markdown(o, show), `${base}.md`, 'text/markdown');
      if (kind === 'csv') exporter.download(exporter.csv(o, show), `${base}.csv`, 'text/csv');
      this.#ui.export.open = false;
    }

    #status(text, alert = false) {
      this.#ui.status.textContent = text;
      this.#ui.status.classList.toggle('error', alert);
    }

    #card(meta) {
      const s = this.#s;
      const card = this.#ui.card;
      card.replaceChildren();
      const has = meta && (meta.title || meta.date || meta.chair || meta.attendees?.length);
      card.hidden = !has;
      if (!has) return;
      card.setAttribute('aria-label', s.meeting);
      const title = [meta.body, meta.title].filter(Boolean).join(' ');
      if (title) {
        card.append(h('h2', { part: 'title' }, title, meta.edition ? h('span', { class: 'note' }, `（${meta.edition}）`) : ''));
      }
      const dl = h('dl');
      const row = (term, ...value) => dl.append(h('dt', null, term), h('dd', null, ...value));
      if (meta.date) {
        const weekday = meta.weekday ? `（${meta.weekday}）` : '';
        row(s.date, h('time', { datetime: meta.date }, `${rocDate(meta.date)}${weekday}`), h('span', { class: 'note' }, ` ${meta.date}`));
      }
      if (meta.start) row(s.time, meta.end ? `${meta.start}–${meta.end}` : meta.start);
      if (meta.location) row(s.place, meta.location);
      const person = (p) => [p.unit, p.name, p.title].filter(Boolean).join(' ') || p.raw;
      if (meta.chair) row(s.chair, person(meta.chair));
      if (meta.recorder) row(s.recorder, person(meta.recorder));
      const people = (list) => {
        const ul = h('ul', { class: 'people' });
        for (const a of list) {
          const li = h('li', null, h('span', { class: 'who' }, person(a)));
          if (a.status === 'absent') {
            li.className = 'absent';
            li.append(h('span', { class: 'note' }, `（${s.absent}）`));
          } else if (a.status === 'substituted' && a.substitute) {
            li.className = 'substituted';
            li.append(h('span', { class: 'note' }, `（${s.substitutedBy(person(a.substitute))}）`));
          }
          ul.append(li);
        }
        return ul;
      };
      const tally = (list) => {
        const absent = list.filter((a) => a.status === 'absent').length;
        const subs = list.filter((a) => a.status === 'substituted').length;
        return s.tally(list.length, absent, subs);
      };
      if (meta.attendees?.length) row(`${s.attendees}`, h('span', { class: 'note' }, tally(meta.attendees)), people(meta.attendees));
      if (meta.observers?.length) row(`${s.observers}`, people(meta.observers));
      card.append(dl);
    }

    /** The parser's notes; each jumps to the node at its line. */
    #problems(diagnostics) {
      const d = this.#ui.problems;
      d.replaceChildren();
      d.hidden = !diagnostics.length;
      if (!diagnostics.length) return;
      const list = h('ul');
      // A broken document can have thousands; the first few hundred say enough.
      for (const x of diagnostics.slice(0, MAX_PROBLEMS)) {
        const text = `${x.line ? `${this.#s.line(x.line)}：` : ''}${this.#s.diagnostic(x)}`;
        const id = x.line ? this.#nodeAt(x.line) : -1;
        if (id >= 0) {
          const b = h('button', { type: 'button', class: 'jump', part: 'jump' }, text);
          b.addEventListener('click', () => this.reveal(id));
          list.append(h('li', { class: `sev-${x.severity}` }, b));
        } else {
          list.append(h('li', { class: `sev-${x.severity}` }, text));
        }
      }
      if (diagnostics.length > MAX_PROBLEMS) list.append(h('li', null, this.#s.more(diagnostics.length - MAX_PROBLEMS)));
      d.append(h('summary', null, this.#s.problems(diagnostics.length)), list);
    }

    /** The last node starting at or before `line` (nodes come in line order). */
    #nodeAt(line) {
      const o = this.#outline;
      let lo = 0;
      let hi = o.count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (o.line(mid) <= line) lo = mid + 1;
        else hi = mid;
      }
      return lo - 1;
    }
  }

  customElements.define('minutes-outline', MinutesOutline);
}

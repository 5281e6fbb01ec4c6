// <minutes-outline>: the custom element. Takes minutes text (written inside the element, from
// `src`, or through the `text` property), has the WebAssembly parser read it, and shows the
// meeting card, the outline as an ARIA tree with a search box, and the parser's notes.
//
// Everything lives in a shadow root; text from the minutes is only ever set as text.

import { Outline } from './model.js';
import { TreeView } from './tree.js';
import { css } from './styles.js';
import { strings } from './i18n.js';
import { fold, terms, hits } from './search.js';

/** The largest input fetched or read, in bytes. */
export const MAX_BYTES = 50 * 1024 * 1024;
const SEARCH_DELAY_MS = 150;

let sheet = null;
let instances = 0;

const h = (tag, props, ...children) => {
  const el = document.createElement(tag);
  if (props) for (const [k, v] of Object.entries(props)) if (v != null) el.setAttribute(k, v);
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
function looksBinary(buffer) {
  const b = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, 4096));
  let odd = 0;
  for (const x of b) if (x === 0 || (x < 9 && x !== 0)) odd++;
  // UTF-16 text has NULs too, but starts with a BOM.
  return odd > b.length / 50 && !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff);
}

const rocDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y - 1911}年${m}月${d}日`;
};

export function define(parser) {
  if (customElements.get('minutes-outline')) return;

  class MinutesOutline extends HTMLElement {
    static observedAttributes = ['src', 'lang'];
    static decode = decode;

    #root = null;
    #ui = null;
    #text = null; // set through the property
    #input = ''; // what was parsed last
    #outline = null;
    #tree = null;
    #results = null;
    #hay = null;
    #token = 0;
    #loading = false;
    #abort = null;
    #searchTimer = 0;
    #prefix;
    #s;

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
      if (!this.#root) this.#build();
      if (!this.#outline && !this.#loading) this.#start();
    }

    disconnectedCallback() {
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
        this.#s = strings(this);
        this.#rebuild();
      }
    }

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

    /** The parsed model (docs/MODEL.md), or null before the first parse. */
    get document() {
      return this.#outline ? (this.#outline.model ??= parser.parse(this.#outline.input)) : null;
    }

    expandAll() {
      return this.#view()?.setAll(true);
    }
    collapseAll() {
      return this.#view()?.setAll(false);
    }

    #view() {
      return this.#results ?? this.#tree;
    }

    #build() {
      this.#s = strings(this);
      const root = this.attachShadow({ mode: 'open' });
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
      }
      root.adoptedStyleSheets = [sheet];
      this.#root = root;
      const s = this.#s;
      const ui = {};
      ui.search = h('input', {
        type: 'search',
        part: 'search',
        'aria-label': s.search,
        placeholder: s.searchPlaceholder,
        autocomplete: 'off',
      });
      ui.expand = h('button', { type: 'button', part: 'button' }, s.expandAll);
      ui.collapse = h('button', { type: 'button', part: 'button' }, s.collapseAll);
      ui.toolbar = h('div', { class: 'toolbar', part: 'toolbar', role: 'search' }, ui.search, ui.expand, ui.collapse);
      ui.status = h('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
      ui.card = h('section', { class: 'card', part: 'card', hidden: '' });
      ui.trees = h('div', { class: 'trees' });
      ui.problems = h('details', { class: 'problems', part: 'problems', hidden: '' });
      ui.main = h('div', { class: 'mo' }, ui.card, ui.toolbar, ui.status, ui.trees, ui.problems);
      root.append(ui.main);
      ui.search.addEventListener('input', () => {
        clearTimeout(this.#searchTimer);
        this.#searchTimer = setTimeout(() => this.#search(), SEARCH_DELAY_MS);
      });
      ui.search.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && ui.search.value) {
          ui.search.value = '';
          this.#search();
          e.stopPropagation();
        }
      });
      ui.expand.addEventListener('click', () => this.expandAll());
      ui.collapse.addEventListener('click', () => this.collapseAll());
      this.#ui = ui;
    }

    /** Where the text comes from: the property, then `src`, then the element's own text. */
    async #start() {
      const token = ++this.#token;
      this.#loading = true;
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
        if (token === this.#token && inline.trim()) await this.#show(inline, token);
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
      const timer = setTimeout(() => ctrl.abort(new Error('timed out')), 30000);
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

    async #show(text, token) {
      await parser.ready();
      if (token !== this.#token) return;
      const flat = parser.parseFlat(text);
      if (token !== this.#token) return;
      this.#input = text;
      this.#outline = new Outline(text, flat);
      this.#hay = null;
      await this.#rebuild();
      if (token !== this.#token) return;
      this.dispatchEvent(new CustomEvent('mo-ready', { detail: { nodes: this.#outline.count } }));
    }

    /** Renders the card, the tree and the notes for the current outline. */
    async #rebuild() {
      const o = this.#outline;
      if (!o) return;
      const ui = this.#ui;
      this.#tree?.cancel();
      this.#results?.cancel();
      this.#results = null;
      this.#card(o.meta);
      // Whole meetings open in full; an archive opens to its agenda items.
      const small = o.count <= 1500;
      this.#tree = new TreeView(o, {
        strings: this.#s,
        prefix: this.#prefix + 'n',
        label: this.#s.outline,
        openDepth: small ? Infinity : 2,
        onProgress: (done, total) => {
          if (done < total) this.#status(this.#s.rendering(done, total));
        },
      });
      ui.trees.replaceChildren(this.#tree.el);
      this.#problems(o.diagnostics);
      const done = this.#tree.render();
      if (ui.search.value.trim()) this.#search();
      else this.#status(o.count ? this.#s.nodes(o.count) : this.#s.empty);
      await done;
      if (!ui.search.value.trim()) this.#status(o.count ? this.#s.nodes(o.count) : this.#s.empty);
    }

    #status(text, alert = false) {
      this.#ui.status.textContent = text;
      this.#ui.status.classList.toggle('error', alert);
    }

    /** Filters the tree to the nodes that contain every search term, and their ancestors. */
    #search() {
      const o = this.#outline;
      if (!o) return;
      const ts = terms(this.#ui.search.value);
      this.#results?.cancel();
      if (!ts.length) {
        this.#results = null;
        this.#tree.el.hidden = false;
        this.#ui.trees.replaceChildren(this.#tree.el);
        this.#status(this.#s.nodes(o.count));
        return;
      }
      if (!this.#hay) {
        this.#hay = new Array(o.count);
        for (let i = 0; i < o.count; i++) this.#hay[i] = fold(o.marker(i) + o.text(i));
      }
      const show = new Uint8Array(o.count);
      const found = new Map();
      for (let i = 0; i < o.count; i++) {
        const r = hits(this.#hay[i], ts);
        if (!r) continue;
        found.set(i, r);
        for (let k = i; k >= 0 && !show[k]; k = o.parent(k)) show[k] = 1;
      }
      const view = new TreeView(o, {
        strings: this.#s,
        prefix: this.#prefix + 'r',
        label: this.#s.outline,
        show,
        hits: found,
        openDepth: Infinity,
      });
      this.#results = view;
      this.#ui.trees.replaceChildren(view.el);
      view.render();
      this.#status(this.#s.results(found.size));
      this.dispatchEvent(new CustomEvent('mo-filter', { detail: { query: this.#ui.search.value, matches: found.size } }));
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
      if (title) card.append(h('h2', { part: 'title' }, title, meta.edition ? h('span', { class: 'note' }, `（${meta.edition}）`) : ''));
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
            li.append(h('span', { class: 'note' }, `（${s.substitutedBy(person(a.substitute))}）`));
          }
          ul.append(li);
        }
        return ul;
      };
      if (meta.attendees?.length) row(`${s.attendees}（${meta.attendees.length}）`, people(meta.attendees));
      if (meta.observers?.length) row(`${s.observers}（${meta.observers.length}）`, people(meta.observers));
      card.append(dl);
    }

    #problems(diagnostics) {
      const d = this.#ui.problems;
      d.replaceChildren();
      d.hidden = !diagnostics.length;
      if (!diagnostics.length) return;
      const list = h('ul');
      for (const x of diagnostics) {
        list.append(h('li', null, x.line ? `${this.#s.line(x.line)}：` : '', x.message));
      }
      d.append(h('summary', null, this.#s.problems(diagnostics.length)), list);
    }
  }

  customElements.define('minutes-outline', MinutesOutline);
}

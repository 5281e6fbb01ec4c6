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

/**
 * The largest `src` read, in bytes (50 MiB: years of a ministry's minutes). A larger file is
 * refused with a message: before it downloads when the server gives its size, as soon as it
 * passes the limit when not. Up to it, the page stays responsive: the bytes are decoded as
 * they arrive and parsed in a worker.
 */
export const MAX_BYTES = 50 * 1024 * 1024;
/**
 * Seconds a `src` may stay silent (no answer, or no new bytes of it) before the load gives up
 * with a message; the `timeout` attribute (in seconds) changes it. Browsers themselves wait
 * minutes on a server that never answers, which would leave "Loading…" on screen.
 */
export const TIMEOUT = 30;
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

/** The encoding of bytes starting with `head`: UTF-16 by its BOM, the declared charset, or UTF-8. */
function encodingOf(head, contentType) {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const declared = /charset=([\w-]+)/i.exec(contentType)?.[1];
  if (declared && !/utf-?8/i.test(declared)) {
    try {
      return new TextDecoder(declared).encoding;
    } catch {
      /* an unknown label: try UTF-8 */
    }
  }
  return 'utf-8';
}

/** Decodes fetched or opened bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or Big5. */
export function decode(buffer, contentType = '') {
  const bytes = new Uint8Array(buffer);
  const label = encodingOf(bytes, contentType);
  if (label !== 'utf-8') return new TextDecoder(label).decode(bytes);
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

/**
 * decode() for bytes that arrive in pieces: each piece is decoded as it comes, so that a long
 * file is never decoded in one long task. `binary` tells, from the first 4 KB, that it is not
 * text. UTF-8 pieces are kept until the end, in case the file turns out to be Big5.
 */
function streamDecoder(contentType = '') {
  const pieces = [];
  let parts = [];
  let size = 0;
  let dec = null;
  let broken = false; // not valid UTF-8 after all
  const feed = (b) => {
    if (broken) return;
    try {
      parts.push(dec.decode(b, { stream: true }));
    } catch {
      broken = true;
    }
  };
  const begin = () => {
    const head = new Uint8Array(Math.min(size, 4096));
    let at = 0;
    for (const b of pieces) {
      if (at >= head.length) break;
      head.set(b.subarray(0, head.length - at), at);
      at += Math.min(b.length, head.length - at);
    }
    it.binary = looksBinary(head.buffer);
    const label = encodingOf(head, contentType);
    dec = new TextDecoder(label, { fatal: label === 'utf-8' });
    for (const b of pieces) feed(b);
    if (label !== 'utf-8') pieces.length = 0;
  };
  // Decodes the kept pieces again, yielding to the page every few milliseconds.
  const again = async (label, fatal) => {
    const d = new TextDecoder(label, { fatal });
    const out = [];
    let t = performance.now();
    try {
      for (const b of pieces) {
        out.push(d.decode(b, { stream: true }));
        if (performance.now() - t > 20) {
          await new Promise((ok) => setTimeout(ok));
          t = performance.now();
        }
      }
      out.push(d.decode());
      return out;
    } catch {
      return null;
    }
  };
  const it = {
    binary: false,
    push(bytes) {
      if (dec && !dec.fatal) return feed(bytes);
      pieces.push(bytes);
      size += bytes.length;
      if (dec) feed(bytes);
      else if (size >= 4096) begin();
    },
    async end() {
      if (!dec) begin();
      if (it.binary) return '';
      if (!broken) {
        try {
          parts.push(dec.decode());
        } catch {
          broken = true;
        }
      }
      if (broken) parts = (await again('big5', true)) ?? (await again('utf-8', false));
      pieces.length = 0; // 50 MB the parse is better off without
      return parts.join('');
    },
  };
  return it;
}

/** Whether a fetched text is a web page (a server's error or sign-in page, say), not minutes. */
function looksHtml(text, contentType) {
  const head = text.slice(0, 1024).trimStart();
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return true;
  return /html/i.test(contentType) && head.startsWith('<');
}

/** An error whose message is meant for the reader, as it is. */
class Refusal extends Error {}

const megabytes = (n) => (n / 1048576).toFixed(1);

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
    #applyMs = 0; // how long the last filter took: typing waits for a pause only when slow
    #tree = null; // the whole outline
    #results = null; // the filtered view, when a filter narrows
    #kept = null; // what the filters keep: { show, matches, hits }
    #state = filter.normalise();
    #hit = -1; // index of the current search hit in #kept.matches
    #token = 0;
    #loading = false;
    #job = null; // aborts the load under way: its download, its worker
    #interrupted = false; // a load was cut short by removal from the page
    #live = null; // the status, alert and progress bar, kept across rebuilds
    #planned = 0; // rows the render of the whole tree under way will make
    #spoke = 0; // when the status last changed for progress
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
      if ((!this.#outline || this.#interrupted) && !this.#loading) this.#start();
    }

    disconnectedCallback() {
      window.removeEventListener('hashchange', this.#onHash);
      window.removeEventListener('beforeprint', this.#onPrint);
      // Work under way stops (the download cancelled, the worker ended) and starts again if
      // the element comes back.
      if (this.#loading) {
        this.#token++;
        this.#loading = false;
        this.#interrupted = true;
        this.#job?.abort();
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
      if (this.#view() === this.#tree) this.#plan(Infinity);
      return this.#view()?.setAll(true);
    }
    collapseAll() {
      if (this.#view() === this.#tree) this.#plan(0);
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
      this.#job?.abort();
      const job = (this.#job = new AbortController());
      this.#loading = true;
      this.#interrupted = false;
      // A new `ready` for each new text, unless the last one is still pending.
      if (!this.#settle) this.#ready = new Promise((ok) => (this.#settle = ok));
      this.#alert('');
      try {
        await this.#load(token, job.signal);
      } catch (err) {
        // Nothing a text, a server or a bug does may throw into the page: it is said here.
        if (token === this.#token) this.#fail(this.#s.failed(err?.message ?? String(err)));
      } finally {
        if (token === this.#token) {
          this.#loading = false;
          this.#busy(null);
        }
      }
    }

    async #load(token, signal) {
      this.#status(this.#s.loading);
      this.#busy();
      const src = this.getAttribute('src');
      let text;
      if (this.#text !== null) text = this.#text;
      else if (src) {
        try {
          text = await this.#fetch(src, signal);
        } catch (err) {
          if (token !== this.#token) return;
          // The page's own copy of the minutes is still worth showing.
          const own = await this.#inline();
          const inline = own.trim() ? own : '';
          if (token !== this.#token) return;
          const why = err instanceof Refusal ? err.message : this.#s.network;
          this.#alert(this.#s.fetchFailed(src, why) + (inline ? this.#s.showingInline : ''));
          this.#emit('mo-error', { message: this.#live.alert.textContent });
          if (inline) await this.#show(inline, token, signal);
          else this.#fail(null);
          return;
        }
      } else text = await this.#inline();
      if (token !== this.#token) return;
      await this.#show(text, token, signal);
    }

    /** The text written inside the element, once the HTML parser has read all of it. */
    #inline() {
      return new Promise((resolve) => {
        if (document.readyState !== 'loading') resolve(this.textContent ?? '');
        else document.addEventListener('DOMContentLoaded', () => resolve(this.textContent ?? ''), { once: true });
      });
    }

    /** The text at `src`; a Refusal says why there is none. */
    async #fetch(src, signal) {
      const s = this.#s;
      const seconds = +this.getAttribute('timeout') > 0 ? +this.getAttribute('timeout') : TIMEOUT;
      const ctrl = new AbortController();
      const cancel = () => ctrl.abort();
      signal.addEventListener('abort', cancel, { once: true });
      let silent = false;
      let timer = 0;
      // The clock starts again with every piece that arrives: a slow but steady download goes on.
      const wait = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          silent = true;
          ctrl.abort();
        }, seconds * 1000);
      };
      try {
        wait();
        const res = await fetch(new URL(src, document.baseURI), { signal: ctrl.signal });
        if (!res.ok) throw new Refusal(s.httpError(res.status));
        const type = res.headers.get('content-type') ?? '';
        if (/^\s*(image|audio|video|font)\//i.test(type)) throw new Refusal(s.notText);
        const size = Number(res.headers.get('content-length')) || 0;
        if (size > MAX_BYTES) throw new Refusal(s.tooLarge(megabytes(size), megabytes(MAX_BYTES)));
        const text = streamDecoder(type);
        const reader = res.body?.getReader();
        let got = 0;
        let slice = performance.now();
        while (reader) {
          wait();
          // Pieces already received resolve at once, as one task: let the page in between.
          if (performance.now() - slice > 20) {
            await new Promise((ok) => setTimeout(ok));
            slice = performance.now();
          }
          const { done, value } = await reader.read();
          if (done) break;
          got += value.length;
          if (got > MAX_BYTES) throw new Refusal(s.tooLarge(`> ${megabytes(MAX_BYTES)}`, megabytes(MAX_BYTES)));
          text.push(value);
          if (text.binary) throw new Refusal(s.notText);
          this.#progress(s.reading(megabytes(got), size ? megabytes(size) : ''), got, size);
        }
        clearTimeout(timer);
        const out = await text.end();
        if (text.binary) throw new Refusal(s.notText);
        if (looksHtml(out, type)) throw new Refusal(s.notHtml);
        return out;
      } catch (err) {
        if (err instanceof Refusal || signal.aborted) throw err;
        // A network failure and a cross-origin file the server does not share (CORS) look
        // the same to a page: a TypeError without details.
        throw new Refusal(silent ? s.timedOut(seconds) : s.network);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', cancel);
        // A file refused halfway is not downloaded to its end.
        ctrl.abort();
      }
    }

    async #show(text, token, signal) {
      let flat;
      try {
        if (text.length > OFF_THREAD && parser.parseFlatAsync) {
          // A long text is parsed off the page's thread, so that the page goes on responding.
          // Sending it costs a copy: in a task of its own, after the status is painted.
          this.#status(this.#s.parsing(megabytes(text.length)));
          this.#busy();
          await new Promise((ok) => setTimeout(ok));
          if (token !== this.#token) return;
          flat = await parser.parseFlatAsync(text, signal);
          // `document` and the exports use the page's own parser: have it ready too.
          await parser.ready().catch(() => {});
        } else {
          await parser.ready();
          if (token !== this.#token) return;
          flat = parser.parseFlat(text);
        }
      } catch (err) {
        if (token !== this.#token) return;
        // The parser could not run (WebAssembly refused by the page's policy) or stopped:
        // the text is still shown, as it is.
        const why = err?.message ?? String(err);
        this.#outline = null;
        this.#fail(/Content.Security|unsafe-eval/i.test(why) ? this.#s.noWasm : this.#s.failed(why), text);
        return;
      }
      if (token !== this.#token) return;
      const outline = new Outline(text, flat);
      // A large outline's first screen in a task of its own: two shorter waits for the page.
      if (outline.count > 20_000) await new Promise((ok) => setTimeout(ok));
      if (token !== this.#token) return;
      this.#input = text;
      this.#outline = outline;
      this.#folded = filter.folder(this.#outline);
      // A link into the page (or a shared view) comes back on load.
      const wanted = filter.fromFragment(location.hash, this.#key());
      if (wanted) this.#state = wanted;
      this.#build();
      await this.#render();
      if (token !== this.#token) return;
      this.#warmSearch(this.#folded);
      this.#emit('mo-ready', { nodes: this.#outline.count, diagnostics: this.#outline.diagnostics.length });
    }

    /** Ends a load that gave no outline: says why (when `message`), shows `text` as it is. */
    #fail(message, text = '') {
      if (message) {
        this.#alert(message);
        this.#emit('mo-error', { message });
      }
      this.#status('');
      this.#busy(null);
      if (text) {
        this.#ui.card.hidden = this.#ui.problems.hidden = true;
        this.#ui.trees.replaceChildren(h('pre', { class: 'raw', part: 'raw' }, text));
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
      // The live regions are made once: a region made again is announced again, or not at all.
      // Errors are an alert, apart from the status, so that the outline's count (when there
      // is an outline) does not hide them.
      this.#live ??= {
        status: h('div', { class: 'status', id: p + 'status', part: 'status', role: 'status', 'aria-live': 'polite' }),
        progress: h('progress', { class: 'progress', part: 'progress', hidden: true, 'aria-labelledby': p + 'status' }),
        alert: h('div', { class: 'alert', part: 'alert', role: 'alert' }),
      };
      ui.status = this.#live.status;
      ui.card = h('section', { class: 'card', part: 'card', hidden: true });
      ui.trees = h('div', { class: 'trees' });
      ui.problems = h('details', { class: 'problems', part: 'problems', hidden: true });
      ui.main = h(
        'div',
        { class: 'mo', lang: s.lang },
        this.#live.alert,
        ui.card,
        ui.toolbar,
        ui.status,
        this.#live.progress,
        ui.trees,
        ui.problems,
      );
      this.#root.replaceChildren(ui.main);

      ui.search.addEventListener('input', (e) => {
        clearTimeout(this.#searchTimer);
        // Zhuyin or pinyin being composed is not yet what the reader looks for.
        if (e.isComposing) return;
        const search = () => this.#apply({ ...this.#state, q: ui.search.value, node: -1 });
        // Filter as one types, in the same frame; only where a filter has proved slow, wait
        // for a pause in the typing.
        if (this.#applyMs > 50) this.#searchTimer = setTimeout(search, 150);
        else search();
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
      // A depth set by a link or by setFilter() beyond the offered ones gets its own option.
      if (st.depth && ![...ui.depth.options].some((o) => o.value === String(st.depth))) {
        ui.depth.append(h('option', { value: String(st.depth) }, this.#s.depthTo(st.depth)));
      }
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
      this.#plan(open);
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
          // Only the view on screen speaks. A large tree renders only its open nodes: the
          // count is of those, as planned when the render began.
          if (view !== this.#view()) return;
          if (view === this.#tree && this.#planned > done) total = this.#planned;
          if (done < total) this.#progress(this.#s.rendering(done, total), done, total);
          else this.#busy(null);
        },
        onSelect: (id) => this.#selected(id),
        onLink: (id) => this.#copyLink(id),
        ...opts,
        prefix: this.#prefix + opts.prefix,
      });
    }

    /** Prepares the search text while the page is idle, so that the first search is quick. */
    #warmSearch(folded) {
      if (typeof requestIdleCallback !== 'function') return;
      const step = (deadline) => {
        if (folded !== this.#folded || !this.isConnected) return;
        if (!folded.warm(() => deadline.timeRemaining() > 2)) requestIdleCallback(step);
      };
      requestIdleCallback(step);
    }

    /**
     * Retires the filtered view and shows the whole tree (or parks it), never moving it.
     * A retired view is parked (neither drawn nor in the accessibility tree) and removed after
     * the next frame: taking thousands of rows out of the page is no part of the answer to a
     * keystroke. A new view goes before it, so that its ids are the ones found.
     */
    #unpark(show) {
      const { trees } = this.#ui;
      for (const c of [...trees.children]) {
        if (c === this.#tree.el || c.classList.contains('parked')) continue;
        c.classList.add('parked');
        c.inert = true;
        const gone = () => c.remove();
        requestAnimationFrame(() => setTimeout(gone));
        setTimeout(gone, 1000); // no frames in a background tab
      }
      if (this.#tree.el.parentNode !== trees) trees.prepend(this.#tree.el);
      this.#tree.el.classList.toggle('parked', !show);
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
      const t0 = performance.now();
      if (filter.narrows(st)) {
        this.#kept = filter.apply(o, st, this.#folded);
        this.#results = this.#makeView({
          prefix: 'r',
          show: this.#kept.show,
          hits: this.#kept.hits.size ? this.#kept.hits : null,
          openDepth: st.depth ? st.depth - 1 : Infinity,
        });
        // The whole tree stays in place, parked: its layout is kept, so that clearing the
        // filter shows it again at once instead of laying out thousands of rows anew.
        this.#unpark(false);
        this.#tree.el.after(this.#results.el);
        this.#results.render();
        count = this.#kept.matches.length;
        this.#status(this.#s.results(count));
      } else {
        this.#kept = null;
        this.#results = null;
        this.#unpark(true);
        if (!initial && st.depth !== before.depth) {
          this.#plan(st.depth ? st.depth - 1 : Infinity);
          this.#tree.setDepth(st.depth);
        }
        this.#status(this.#summary());
      }
      this.#applyMs = performance.now() - t0;
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

    #status(text) {
      if (this.#live.status.textContent !== text) this.#live.status.textContent = text;
    }

    #alert(text) {
      if (this.#live.alert.textContent !== text) this.#live.alert.textContent = text;
    }

    /** The progress bar: `value` of `max`, indeterminate without them, hidden with null. */
    #busy(value, max) {
      const bar = this.#live?.progress;
      if (!bar) return;
      bar.hidden = value === null;
      if (value == null || !max) bar.removeAttribute('value');
      else {
        bar.max = max;
        bar.value = value;
      }
    }

    /** Progress in the bar at once, in words at most a few times a second (a live region that
     *  changes with every piece would talk without end). */
    #progress(text, value, max) {
      this.#busy(value, max);
      const now = performance.now();
      if (now - this.#spoke < 250 && this.#live.status.textContent) return;
      this.#spoke = now;
      this.#status(text);
    }

    /** How many rows rendering the whole tree makes when nodes shallower than `open` are open. */
    #plan(open) {
      const o = this.#outline;
      if (!o || !this.#tree) return;
      if (this.#tree.eager || open === Infinity) {
        this.#planned = o.count;
        return;
      }
      let n = 0;
      for (let i = 0; i < o.count; i++) if (o.depth(i) <= open) n++;
      this.#planned = n;
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

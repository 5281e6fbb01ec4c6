// One load of the element's text, from where it comes to a parsed outline: what the page gave
// (the `text` property, or a file or URL given to load()), else `src` (load.js; on failure, the
// page's own copy inside the element, if any), else the text inside the element; then the
// parse (parse-client.js), with the hints of a document's lines. A newer load, or the element
// leaving the page, stops the one under way (its download, its worker); only the last one
// speaks. Each load ends in an outcome: `{ shown }`, `{ error }` or `{ stale }` (stopped).

import { nextTask } from './dom.js';
import * as parser from './parse-client.js';
import { Outline } from './model.js';
import { load, LoadError } from './load.js';

export class Session {
  /**
   * @param {HTMLElement} el the element, whose `src`, `timeout` and inline text are read
   * @param {object} on  words() (the interface's), live (live.js), given() (what the page gave:
   *   `{ text, hints }`, `{ source }` to read, or null), read(given, { text, hints } | null)
   *   (a source read, or not), started(), outline(parsed, outline, isCurrent) (shows it),
   *   error(message) (a load that failed, with an outline still to come or not),
   *   failed(message, text) (no new outline: says why, shows `text` as it is)
   */
  constructor(el, on) {
    this.el = el;
    this.on = on;
    this.token = 0;
    this.job = null;
    this.loading = false;
    this.interrupted = false; // cut short by removal from the page
  }

  async start() {
    const token = ++this.token;
    this.job?.abort();
    const job = (this.job = new AbortController());
    this.loading = true;
    this.interrupted = false;
    this.on.started();
    try {
      return (await this.#load(token, job.signal)) ?? { stale: true };
    } catch (err) {
      if (token !== this.token) return { stale: true };
      // Nothing a text, a server or a bug does may throw into the page: it is said here.
      const message = this.on.words().failed(err?.message ?? String(err));
      this.on.failed(message);
      return { error: new Error(message) };
    } finally {
      if (token === this.token) {
        this.loading = false;
        this.on.live.busy(null);
      }
    }
  }

  /** Stops the load under way; it starts again when the element comes back (`interrupted`). */
  stop() {
    if (!this.loading) return;
    this.token++;
    this.loading = false;
    this.interrupted = true;
    this.job?.abort();
  }

  async #load(token, signal) {
    const { live } = this.on;
    const s = this.on.words();
    live.say(s.loading);
    live.busy();
    const src = this.el.getAttribute('src');
    const given = this.on.given();
    let text;
    let hints = null; // what a document reader knew of the lines (load.js, formats.js)
    let notes = []; // and what it could not read
    if (given?.source != null) return this.#open(given, token, signal);
    if (given) ({ text, hints = null, notes = [] } = given);
    else if (src) {
      try {
        ({ text, hints, notes } = await load(src, this.#reading(signal)));
      } catch (err) {
        if (token !== this.token) return;
        // The page's own copy of the minutes is still worth showing.
        const written = await this.#inline();
        const inline = written.trim() ? written : '';
        if (token !== this.token) return;
        const why = s.loadError(err instanceof LoadError ? err : new LoadError('network'));
        this.on.error(s.fetchFailed(src, why) + (inline ? s.showingInline : ''));
        if (inline) return this.#parse(inline, null, token, signal);
        this.on.failed(null);
        return { error: err };
      }
    } else text = await this.#inline();
    if (token !== this.token) return;
    return this.#parse(text, hints, token, signal, notes);
  }

  /** load()'s options: the signal, the `timeout` attribute, progress in the status line. */
  #reading(signal) {
    const { live } = this.on;
    const s = this.on.words();
    return {
      signal,
      timeout: +this.el.getAttribute('timeout'),
      onProgress: (got, size) => live.progressed(s.reading(got, size), got, size),
      onDocument: () => {
        live.say(s.converting);
        live.busy();
      },
    };
  }

  /**
   * Reads a file or URL the page gave (the element's load()), then parses it. When it cannot
   * be read, the outline shown stays, and the alert says why.
   */
  async #open(given, token, signal) {
    const s = this.on.words();
    let got;
    try {
      got = await load(given.source, this.#reading(signal));
    } catch (err) {
      if (token !== this.token) return;
      const why = err instanceof LoadError ? s.loadError(err) : String(err?.message ?? err);
      this.on.read(given, null);
      const source = given.source;
      const name = typeof Blob !== 'undefined' && source instanceof Blob ? source.name || s.thisFile : String(source);
      this.on.failed(s.openFailed(name, why));
      // A script that asked gets the reason in words, and the code.
      const error = err instanceof Error ? err : new Error(why);
      error.message = why;
      return { error };
    }
    if (token !== this.token) return;
    this.on.read(given, got);
    return this.#parse(got.text, got.hints, token, signal, got.notes);
  }

  /** The text written inside the element, once the HTML parser has read all of it. */
  #inline() {
    return new Promise((resolve) => {
      if (document.readyState !== 'loading') resolve(this.el.textContent ?? '');
      else document.addEventListener('DOMContentLoaded', () => resolve(this.el.textContent ?? ''), { once: true });
    });
  }

  async #parse(text, hints, token, signal, notes = []) {
    const { live } = this.on;
    let parsed;
    try {
      parsed = await parser.parse(text, {
        signal,
        hints,
        notes,
        onWorker: () => {
          live.say(this.on.words().parsing(text.length));
          live.busy();
        },
      });
    } catch (err) {
      if (token !== this.token) return;
      // The parser could not run (WebAssembly refused by the page's policy) or stopped: the
      // text is still shown, as it is.
      const why = err?.message ?? String(err);
      const s = this.on.words();
      const message = /Content.Security|unsafe-eval/i.test(why) ? s.noWasm : s.failed(why);
      this.on.failed(message, text);
      return { error: new Error(message) };
    }
    if (token !== this.token) return;
    const outline = new Outline(text, parsed.flat);
    // A large outline's first screen in a task of its own: two shorter waits for the page.
    if (outline.count > 20_000) await nextTask();
    if (token !== this.token) return;
    await this.on.outline(parsed, outline, () => token === this.token);
    return token === this.token ? { shown: true } : undefined;
  }
}

// The one place that talks to the parser. A text is parsed once, into the flat columns the
// outline is drawn from (model.js): in a Web Worker when it is long, so that the page goes on
// responding, on the page otherwise. The same file (the drop-in script) is the worker.
//
// The parser object comes from the entry (dropin.js): { ready(), parse, parseFlat, markdown,
// csv, scriptUrl }.

import { trustedScriptURL } from './formats.js';

/** Texts longer than this (in UTF-16 units, about 600 KB of Chinese) are parsed in a worker. */
export const OFF_THREAD = 200_000;
/**
 * Texts up to this long (typical minutes are 5,000 to 15,000) bring the whole model with their
 * columns, from the same parse: about 1 ms more, so that `document` never parses again. Longer
 * ones would pay 30-70% more for a model few pages read; theirs is made on first read.
 */
export const MODEL_WITH_COLUMNS = 50_000;

let parser = null;
let usable = true; // false once a worker could not be had: none is tried again

/** Sets the parser the elements use (register.js). */
export function useParser(p) {
  parser = p;
}

/** Resolves when the page's own parser is compiled (it rejects where WebAssembly is refused). */
export const ready = () => parser.ready();

/**
 * Parses `text`; resolves with `{ text, hints, flat }`. `hints` (one byte a line, from a document
 * reader) go with it; `notes`, what the reader could not read as diagnostics, come first among
 * the parser's; `onWorker()` is called when the parse goes to a worker (the caller says so on
 * screen); `signal` stops it, ending the worker.
 */
export async function parse(text, { signal, onWorker, hints = null, notes = [] } = {}) {
  const parsed = await parsedOf(text, { signal, onWorker, hints });
  if (notes.length) {
    parsed.notes = notes;
    parsed.flat.diagnostics = [...notes, ...parsed.flat.diagnostics];
  }
  return parsed;
}

async function parsedOf(text, { signal, onWorker, hints }) {
  if (text.length > OFF_THREAD) {
    const w = spawn();
    if (w) {
      onWorker?.();
      // Sending the text costs a copy: in a task of its own, after the status is painted.
      await new Promise((ok) => setTimeout(ok));
      const flat = await inWorker(w, text, hints, signal);
      if (flat) {
        // The model (modelOf) comes from the page's own parser: have it ready too.
        await parser.ready().catch(() => {});
        return { text, hints, flat };
      }
    }
  }
  await parser.ready();
  if (signal?.aborted) throw signal.reason;
  return { text, hints, flat: parser.parseFlat(text, hints ?? undefined, text.length <= MODEL_WITH_COLUMNS) };
}

/**
 * The model of a parsed text (docs/MODEL.md). Where the parser gave it with the columns
 * (`flat.model`), that one; else it is made from the same text on first use, and kept.
 */
export function modelOf(parsed) {
  if (!parsed.model) {
    const model = parsed.flat.model ?? parser.parse(parsed.text, parsed.hints ?? undefined);
    // What the document's reader could not read comes first, as in the columns (and the CLI).
    if (parsed.notes) model.diagnostics = [...parsed.notes, ...model.diagnostics];
    parsed.model = model;
  }
  return parsed.model;
}

/**
 * A parsed text as Markdown (`'md'`) or CSV (`'csv'`), the nodes `keep` marks (a Uint8Array, 1
 * for each node shown), rendered by the parser (src/emit/export.rs) as the CLI renders them.
 * It parses the text again, with the same hints, so that the ids are the columns' own. On the
 * page's thread, for a text the worker parsed too: an export is one click of a reader's, who
 * waits for the file anyway; only texts of many megabytes make that wait long.
 */
export function rendered(kind, parsed, keep) {
  const render = kind === 'md' ? parser.markdown : parser.csv;
  return render(parsed.text, keep, parsed.hints ?? undefined);
}

/** A new worker from the script's own file, or null where the page cannot have one. */
function spawn() {
  const url = parser.scriptUrl;
  if (!usable || !url || typeof Worker === 'undefined' || new URL(url).origin !== location.origin) return null;
  try {
    // Where Trusted Types are enforced, a worker's URL must come from a policy. Sites that list
    // their policies by name allow this one as `trusted-types minutes-outline`; there is one of
    // that name a page, shared with the document readers' workers (formats.js). Null: another
    // script has the name, and there is no worker.
    const trusted = trustedScriptURL(url);
    if (trusted === null) {
      usable = false;
      return null;
    }
    return new Worker(trusted);
  } catch {
    usable = false;
    return null;
  }
}

/**
 * parseFlat in worker `w`, which ends with its job (giving back the memory its WebAssembly grew
 * to: wasm memory never shrinks). Resolves null when the worker could not start (a policy
 * refused it): the caller parses on the page, and no worker is tried again.
 */
function inWorker(w, text, hints, signal) {
  return new Promise((done, fail) => {
    let started = false;
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      w.onmessage = w.onerror = null;
      w.terminate();
    };
    const stop = () => {
      finish();
      fail(signal.reason ?? new DOMException('The parse was abandoned.', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    w.onmessage = ({ data }) => {
      if (data.started) {
        started = true;
        return;
      }
      finish();
      if (data.error) fail(new Error(data.error));
      else done(data.flat);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      finish();
      if (started) return fail(new Error(e.message || 'the parser stopped'));
      usable = false;
      done(null);
    };
    w.postMessage({ text, hints });
  });
}

/** The worker's side: parses what the page sends, and sends the columns back (moved, not copied). */
export function serve(worker, p) {
  worker.onmessage = async ({ data }) => {
    try {
      await p.ready();
      const flat = p.parseFlat(data.text, data.hints ?? undefined);
      const transfer = Object.values(flat)
        .filter((v) => ArrayBuffer.isView(v))
        .map((v) => v.buffer);
      worker.postMessage({ flat }, transfer);
    } catch (err) {
      worker.postMessage({ error: String(err?.message ?? err) });
    }
  };
  // Tells the page that the worker runs: an error before this means it could not start.
  worker.postMessage({ started: true });
}

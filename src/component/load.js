// Reading the minutes from where they are: a URL (`src`, or the demo's URL box) or a file the
// reader picked or dropped. One routine for both, so that the picker refuses what `src` refuses:
// the same limits, the same decoding (decode.js), the same reasons. Words are not chosen here:
// a LoadError carries a `code`, and i18n.js says it in the reader's language.
//
// The seam for other formats: bytes that are not text (a PDF, an .odt, a .docx) are refused
// unless a converter has been registered with useFormats(); the drop-in (dropin.js) registers
// formats.js's readDocument. This file never imports the readers: what is heavy stays out of it.

import { Decoder, looksHtml } from './decode.js';
import { nextTask } from './dom.js';

/**
 * The largest file read, in bytes (50 MiB: years of a ministry's minutes). A larger one is
 * refused: before it downloads when its size is known, as soon as it passes the limit when not.
 */
export const MAX_BYTES = 50 * 1024 * 1024;
/**
 * Seconds a download may stay silent (no answer, or no new bytes) before it gives up; the
 * `timeout` attribute changes it. Browsers themselves wait minutes on a server that never
 * answers, which would leave "Loading…" on screen.
 */
export const TIMEOUT = 30;

/**
 * Why there is no text. `code` is one of: `http` (with `status`), `network`, `cors` (the other
 * site does not share the file), `policy` (this page's Content-Security-Policy forbids the
 * site), `offline`, `timeout` (with `seconds`), `not-text`, `html`, `too-large` (with `size`,
 * `max`, in bytes; `size` is null when only "more than the limit" is known, both when a
 * document unpacks to too much), `unreadable` (a file the browser could not read); or the code
 * of a converter's error (formats.js's CODES), with its own words in `detail`.
 */
export class LoadError extends Error {
  constructor(code, details = {}) {
    super(code);
    this.name = 'LoadError';
    this.code = code;
    Object.assign(this, details);
  }
}

let convert = null;
let claims = null;

/**
 * Registers what turns the bytes of a non-text file into text: `(bytes, { type, name, signal })
 * => Promise<string | { text, hints } | null>`, null when it does not read that file (which is
 * then refused as not text). `hints` (one byte a line, formats.js) go to the parser with the
 * text. An error it throws with a string `code` becomes a LoadError of that code.
 * `wants(head)` (optional) claims files whose first 4 KB look like text but are documents: a
 * PDF written without binary bytes, a flat .fodt, RTF.
 */
export function useFormats(fn, wants = null) {
  convert = fn;
  claims = fn ? wants : null;
}

const NOT_TEXT_TYPES = /^\s*(image|audio|video|font)\//i;

/**
 * The text of `source`: a URL (string or URL, relative to the page) or a Blob/File.
 * Options: `signal` (stops it), `timeout` (seconds of silence), `onProgress(got, total)`.
 * Rejects with a LoadError, or with the signal's reason when stopped.
 */
export const read = (source, options) => load(source, options).then((r) => r.text);

/**
 * As read(), with what a converter gave: `{ text, hints, notes }`, hints null for text files,
 * notes the diagnostics of what the converter could not read (an embedded spreadsheet).
 * `onDocument()` is called when the bytes go to the converter (the caller says so on screen).
 */
export async function load(source, { signal, timeout = TIMEOUT, onProgress, onDocument } = {}) {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const name = source.name ?? '';
    check(source.type, source.size);
    try {
      return await body(source.stream().getReader(), { type: source.type, name, size: source.size, onProgress, onDocument, signal });
    } catch (err) {
      // A file moved or changed since it was picked fails as a DOMException.
      if (err instanceof LoadError || signal?.aborted || !(err instanceof DOMException)) throw err;
      throw new LoadError('unreadable');
    }
  }
  return download(new URL(String(source), document.baseURI), { signal, timeout, onProgress, onDocument });
}

function check(type, size) {
  // No converter reads pictures or sound: refused before a byte is read.
  if (NOT_TEXT_TYPES.test(type)) throw new LoadError('not-text');
  if (size > MAX_BYTES) throw new LoadError('too-large', { size, max: MAX_BYTES });
}

async function download(url, { signal, timeout, onProgress, onDocument }) {
  const seconds = timeout > 0 ? timeout : TIMEOUT;
  const ctrl = new AbortController();
  const cancel = () => ctrl.abort();
  signal?.addEventListener('abort', cancel, { once: true });
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
  // A page whose Content-Security-Policy forbids the site says so in an event, not in the error.
  let forbidden = false;
  const onViolation = (e) => {
    try {
      if (new URL(e.blockedURI, document.baseURI).origin === url.origin) forbidden = true;
    } catch {
      /* a blockedURI such as "inline" */
    }
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    wait();
    const res = await fetch(url, { signal: ctrl.signal });
    if (!res.ok) throw new LoadError('http', { status: res.status });
    const type = res.headers.get('content-type') ?? '';
    const size = Number(res.headers.get('content-length')) || 0;
    check(type, size);
    const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    return await body(res.body?.getReader(), { type, name, size, onProgress, onDocument, signal: ctrl.signal, tick: wait });
  } catch (err) {
    if (err instanceof LoadError || signal?.aborted) throw err;
    if (silent) throw new LoadError('timeout', { seconds });
    throw await why(url, () => forbidden, signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
    document.removeEventListener('securitypolicyviolation', onViolation);
    // A file refused halfway is not downloaded to its end.
    ctrl.abort();
  }
}

/**
 * What a failed fetch means. A network failure and a file the other site does not share (CORS)
 * look the same to a page, a TypeError without details; a request that does not ask to read the
 * answer (`no-cors`) tells them apart: it reaches a server that is there.
 */
async function why(url, forbidden, signal) {
  await nextTask(); // the policy's event comes in a task of its own
  if (forbidden()) return new LoadError('policy', { origin: url.origin });
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return new LoadError('offline');
  if (url.origin === location.origin) return new LoadError('network');
  const probe = new AbortController();
  const stop = setTimeout(() => probe.abort(), 5000);
  signal?.addEventListener('abort', () => probe.abort(), { once: true });
  try {
    await fetch(url, { mode: 'no-cors', method: 'HEAD', signal: probe.signal, cache: 'no-store' });
    return new LoadError('cors', { origin: url.origin });
  } catch {
    return new LoadError(forbidden() ? 'policy' : 'network', { origin: url.origin });
  } finally {
    clearTimeout(stop);
  }
}

/** Reads a body in pieces: decoded as they come, with progress, within the limit. */
async function body(reader, { type, name, size, onProgress, onDocument, signal, tick = () => {} }) {
  const text = new Decoder(type);
  // The bytes as they came, until the first 4 KB (or the end) tell text from a document; a
  // document (or bytes that are not text) then goes whole to the converter, if there is one.
  let early = [];
  let raw = null;
  const refuse = () => {
    reader?.cancel().catch(() => {});
    return new LoadError('not-text');
  };
  const decide = () => {
    if (text.binary || claims?.(joined(early))) {
      if (!convert) throw refuse();
      raw = early;
    }
    early = null;
  };
  let got = 0;
  let slice = performance.now();
  while (reader) {
    tick();
    // Pieces already received resolve at once, as one task: let the page in between.
    if (performance.now() - slice > 20) {
      await nextTask();
      slice = performance.now();
    }
    const { done, value } = await reader.read();
    if (done) break;
    if (signal?.aborted) throw signal.reason;
    got += value.length;
    if (got > MAX_BYTES) {
      reader.cancel().catch(() => {});
      throw new LoadError('too-large', { size: null, max: MAX_BYTES });
    }
    if (raw) raw.push(value);
    else if (early) {
      early.push(value);
      text.push(value);
      if (text.dec) decide();
    } else text.push(value);
    onProgress?.(got, size);
  }
  let out = null;
  if (early) {
    // Less than 4 KB in all: the decoder tells text from not at its end.
    out = await text.endSoon();
    decide();
  }
  if (raw) {
    onDocument?.();
    return converted(joined(raw), { type, name, signal });
  }
  out ??= await text.endSoon();
  if (looksHtml(out, type)) throw new LoadError('html');
  return { text: out, hints: null, notes: [] };
}

/** The pieces as one array of bytes. */
function joined(pieces) {
  if (pieces.length === 1) return pieces[0];
  const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

async function converted(bytes, info) {
  let out;
  try {
    out = await convert(bytes, info);
  } catch (err) {
    if (err instanceof LoadError || info.signal?.aborted || typeof err?.code !== 'string') throw err;
    // A zip that unpacks to far more than it weighs: too large, with no size to tell.
    if (err.code === 'too-large') throw new LoadError('too-large', { size: null, max: null, detail: err.message });
    throw new LoadError(err.code, { detail: err.message });
  }
  if (out == null) throw new LoadError('not-text');
  if (typeof out === 'string') return { text: out, hints: null, notes: [] };
  // `warnings`: what the reader could not read, as diagnostics (formats.js).
  return { text: out.text, hints: out.hints ?? null, notes: out.warnings ?? [] };
}

// Opens the files bodies publish: .odt (and flat .fodt), .docx and PDF, and plain text, into
// the lines the parser reads. Self-contained and small: what is heavy loads on demand, only
// when such a file is opened, from the folder of the component's files (`assets`, pkg/):
//   .odt .docx   formats.js + formats_bg.wasm   the Rust readers of src/formats/
//   PDF          pdf-lines.js + pdfjs/          Mozilla's pdf.js, its worker and CJK CMaps
//
//   const { text, hints, format, warnings } = await readDocument(bytes, { name, type, assets });
//
// `hints` has one byte a line of `text`: 0, `level + 1` for a line that begins a list item at
// list level `level` (0-9), 255 for page furniture (a running header or footer, a page number),
// what the parser's `parse_with(text, hints)` / `parseFlat(text, hints)` take. A file that
// cannot be read throws a FormatError whose `code` is stable (CODES below).

import { decode } from './decode.js';
import { MAX_BYTES } from './load.js';

// One limit and one decoding for every way a file arrives (load.js, decode.js): a text file
// opened here reads exactly as it does through `src` or the picker.
export { MAX_BYTES };

/** The error codes, and what each means. */
export const CODES = Object.freeze({
  'scanned-pdf': 'a PDF without text (a scan): it needs OCR first',
  'encrypted-pdf': 'a PDF protected by a password',
  'corrupt-pdf': 'a damaged PDF',
  'encrypted-document': 'an .odt or .docx protected by a password',
  'corrupt-zip': 'a damaged .odt or .docx (its zip archive)',
  'corrupt-document': 'a damaged .odt or .docx (its XML)',
  'legacy-doc': 'an old binary Word file (.doc), or a password-protected Office file',
  spreadsheet: 'a spreadsheet (.ods, .xlsx, .xls)',
  presentation: 'a presentation (.odp, .pptx)',
  'too-large': `a file over ${MAX_BYTES >> 20} MiB, or one that unpacks to far more`,
  'unknown-format': 'none of .odt, .docx, PDF or text',
  'load-failed': 'the reader for this format could not be loaded (its files, or the page policy)',
});

export class FormatError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
  }
}

// Where the on-demand files are, unless the caller says: beside the script that holds this
// module (a classic <script> names itself while it runs; a module has its own URL).
const here = (() => {
  try {
    const src = typeof document !== 'undefined' ? document.currentScript?.src : null;
    if (src) return new URL('./', src).href;
    const url = import.meta.url;
    if (/^(https?|file):/.test(url)) return new URL('./', url).href;
  } catch {}
  return null;
})();

/** What the bytes are, from their first bytes: 'pdf', 'zip', 'ole2', 'rtf', 'fodt', 'text' or 'binary'. */
export function sniff(bytes) {
  const b = bytes.subarray(0, 4096);
  const starts = (...sig) => sig.every((v, k) => b[k] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2';
  // A PDF may have bytes before its header; readers look in the first kilobyte.
  const head = String.fromCharCode(...b.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^(\ufeff|\xef\xbb\xbf)?<\?xml/.test(head) && /office:document|opendocument/.test(head)) return 'fodt';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'text';
  return b.includes(0) ? 'binary' : 'text';
}

async function bytesOf(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return new Uint8Array(await input.arrayBuffer());
  throw new TypeError('readDocument: give an ArrayBuffer, a typed array or a Blob (a File)');
}

const loaded = new Map();
/** A module of the on-demand files, imported once. */
function load(assets, file) {
  const url = new URL(file, assets).href;
  if (!loaded.has(url)) {
    const p = import(/* webpackIgnore: true */ url).catch((err) => {
      loaded.delete(url);
      throw new FormatError('load-failed', `could not load ${file} (${err?.message ?? err})`);
    });
    loaded.set(url, p);
  }
  return loaded.get(url);
}

let readers = null;
async function documentReaders(assets) {
  readers ??= (async () => {
    const glue = await load(assets, 'formats.js');
    // Compiling WebAssembly needs 'wasm-unsafe-eval' in a Content-Security-Policy's script-src.
    await glue.default({ module_or_path: new URL('formats_bg.wasm', assets) });
    return glue;
  })().catch((err) => {
    readers = null;
    throw err instanceof FormatError ? err : new FormatError('load-failed', `could not start the document reader (${err?.message ?? err})`);
  });
  return readers;
}

// Trusted Types: a worker's URL must come from a policy where they are enforced, and a page
// that lists its policies allows `minutes-outline`. One policy of that name per page, shared
// through a global by every module of the component that starts a worker.
// Exported for the component's other workers (dropin.js's parser worker), so that all share it;
// null where no policy can be had (another script took the name).
const POLICY = Symbol.for('minutes-outline.trusted-types');
export function trustedScriptURL(url) {
  const tt = globalThis.trustedTypes;
  if (!tt?.createPolicy) return url;
  let state = globalThis[POLICY];
  if (!state) {
    state = { allowed: new Set(), policy: null };
    try {
      state.policy = tt.createPolicy('minutes-outline', {
        createScriptURL: (u) => {
          if (!state.allowed.has(u)) throw new TypeError('minutes-outline: unexpected worker URL');
          return u;
        },
      });
    } catch {}
    globalThis[POLICY] = state;
  }
  if (!state.policy) return null;
  state.allowed.add(url);
  return state.policy.createScriptURL(url);
}

/** pdf.js's worker in a Worker of its own, or null where the page cannot have one. */
function pdfWorker(pdfjs, url) {
  try {
    if (typeof Worker === 'undefined' || new URL(url).origin !== location.origin) return null;
    const trusted = trustedScriptURL(url);
    if (trusted === null) return null;
    return new pdfjs.PDFWorker({ port: new Worker(trusted, { type: 'module' }) });
  } catch {
    return null;
  }
}

async function readPdf(bytes, assets, signal) {
  const [pdfjs, lines] = await Promise.all([load(assets, 'pdfjs/pdf.min.mjs'), load(assets, 'pdf-lines.js')]);
  const workerUrl = new URL('pdfjs/pdf.worker.min.mjs', assets).href;
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  let worker = pdfWorker(pdfjs, workerUrl);
  if (!worker) {
    // No worker (another origin, or the page's policies): pdf.js runs on the page's thread.
    globalThis.pdfjsWorker ??= await load(assets, 'pdfjs/pdf.worker.min.mjs');
  }
  try {
    return await lines.readPdf(pdfjs, bytes, {
      cMapUrl: new URL('pdfjs/cmaps/', assets).href,
      worker,
      signal,
    });
  } catch (err) {
    throw err?.code && !(err instanceof FormatError) ? new FormatError(err.code, err.message) : err;
  } finally {
    worker?.destroy();
  }
}

/**
 * Reads a document into the parser's lines.
 *   input     an ArrayBuffer, a typed array, or a Blob (a File from a picker or a drop)
 *   name      its file name or URL (for messages, and to tell an .xls from a .doc)
 *   type      its media type, if known: the bytes say what a file is; a text file's charset
 *   assets    the folder of the on-demand files (pkg/); defaults to this script's
 *   signal    an AbortSignal
 * Gives `{ text, hints, format: 'odt'|'docx'|'pdf'|'text', warnings, pages? }`; `warnings` are
 * diagnostics of what could not be read (an embedded spreadsheet: `embedded-object`).
 */
export async function readDocument(input, { name = '', type = '', assets = here, signal } = {}) {
  if (typeof Blob !== 'undefined' && input instanceof Blob && input.size > MAX_BYTES) throw tooLarge(input.size);
  const bytes = await bytesOf(input);
  if (bytes.byteLength > MAX_BYTES) throw tooLarge(bytes.byteLength);
  const kind = sniff(bytes);
  if (kind === 'text') {
    const text = decode(bytes, type);
    return { text, hints: new Uint8Array(0), format: 'text', warnings: [] };
  }
  if (kind === 'binary') throw new FormatError('unknown-format', 'this file is not an .odt, .docx, PDF or text document');
  if (kind === 'rtf') throw new FormatError('unknown-format', 'this is an RTF file; save it as .odt or .docx');
  if (kind === 'ole2') {
    if (/\.xls$/i.test(name)) throw new FormatError('spreadsheet', 'this is an old binary Excel spreadsheet (.xls), not minutes');
    throw new FormatError('legacy-doc', 'this is an old binary Word file (.doc), or an Office file protected by a password; open it in a word processor and save it as .odt or .docx');
  }
  if (!assets) throw new FormatError('load-failed', 'readDocument: say where the on-demand files are (`assets`)');
  assets = new URL(assets, typeof document !== 'undefined' ? document.baseURI : undefined).href;
  if (kind === 'pdf') {
    const r = await readPdf(bytes, assets, signal);
    return { text: r.text, hints: r.hints, format: 'pdf', warnings: r.warnings, pages: r.pages };
  }
  const glue = await documentReaders(assets);
  signal?.throwIfAborted();
  try {
    const r = glue.readDocument(bytes, name);
    return { text: r.text, hints: r.hints, format: r.format, warnings: r.warnings };
  } catch (err) {
    throw new FormatError(err?.code ?? 'corrupt-document', err?.message ?? String(err));
  }
}

function tooLarge(size) {
  return new FormatError('too-large', `this file is ${(size / 1048576).toFixed(1)} MiB, larger than the ${MAX_BYTES >> 20} MiB that is read`);
}

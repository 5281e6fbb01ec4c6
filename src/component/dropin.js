// The drop-in build's entry (pkg/minutes-outline.js): the parser's wasm is inlined, compiled
// the first time an element needs it, and the element is defined. Loaded by a classic
// <script src> or as a module alike.
//
// The same file also runs as the parser's Web Worker (parse-client.js): large texts are parsed
// there, so that the page never stops for the length of a parse. A worker from the page's own
// script is allowed by `script-src 'self'`; where it cannot be had (a script from another
// origin, one renamed and loaded as a module, or refused by the page's policies), texts are
// parsed on the page itself.
//
// It also offers the parser to scripts: `await MinutesOutline.parse(text)` gives the model.
//
// And it opens the files bodies publish (.odt, .docx, PDF) wherever text is read (`src`, the
// element's load(), the static read()): load.js hands their bytes to formats.js, which loads
// its readers on demand from beside this script. A page that only shows text fetches none.

import init, { parse, parseFlat, markdown, csv, schemaVersion } from 'minutes-outline:parser';
import wasm from 'minutes-outline:wasm';
import { define } from './register.js';
import { serve } from './parse-client.js';
import { decode } from './decode.js';
import { useFormats } from './load.js';
import { readDocument, sniff } from './formats.js';
import { MinutesOutline as Element } from './element.js';

/** What formats.js reads; other bytes that are not text (a picture, say) are refused as such. */
const DOCUMENTS = new Set(['pdf', 'zip', 'ole2', 'rtf', 'fodt']);

function bytes(base64) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out;
}

let loading = null;
// Compiling WebAssembly needs 'wasm-unsafe-eval' in a Content-Security-Policy's script-src.
const ready = () => (loading ??= init({ module_or_path: bytes(wasm) }));

const inWorker = typeof document === 'undefined' && typeof self !== 'undefined' && typeof self.postMessage === 'function';

if (inWorker) {
  serve(self, { ready, parseFlat });
} else {
  // A classic script names itself; a module does not (currentScript is null), so look for
  // its tag. Under another file name there is no worker, and texts are parsed on the page.
  const scriptUrl =
    document.currentScript?.src ||
    [...document.querySelectorAll('script[src]')].find((s) => /(^|\/)minutes-outline(\.min)?\.js([?#]|$)/.test(s.src))?.src ||
    null;

  define({ ready, parse, parseFlat, markdown, csv, scriptUrl });
  // The readers' files are pkg/'s, beside this script. The bundle has no import.meta.url of its
  // own; without the script's URL (bundled into another file) a document cannot be opened, and
  // readDocument says so (load-failed).
  const assets = scriptUrl ? new URL('./', scriptUrl).href : null;
  useFormats(
    (bytes, { name, type, signal }) => (DOCUMENTS.has(sniff(bytes)) ? readDocument(bytes, { name, type, assets, signal }) : null),
    (head) => DOCUMENTS.has(sniff(head)),
  );
  // Compile the parser while the page goes on loading: the first outline waits for it.
  // A failure (a policy without 'wasm-unsafe-eval') is told by the element that needs it.
  ready().catch(() => {});

  globalThis.MinutesOutline ??= Object.freeze({
    // `hints`: one byte a line, as a document reader gives them (docs/FORMATS.md).
    parse: async (text, hints) => (await ready(), parse(text, hints ?? undefined)),
    schemaVersion: async () => (await ready(), schemaVersion()),
    decode,
    read: (source, options) => Element.read(source, options),
  });
}

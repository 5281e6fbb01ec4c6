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

import init, { parse, parseFlat, markdown, csv, schemaVersion } from 'minutes-outline:parser';
import wasm from 'minutes-outline:wasm';
import { define } from './register.js';
import { serve } from './parse-client.js';
import { decode } from './decode.js';
import { MinutesOutline as Element } from './element.js';

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

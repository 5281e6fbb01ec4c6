// The drop-in build's entry (pkg/minutes-outline.js): the parser's wasm is inlined, compiled
// the first time an element needs it, and the element is defined. Loaded by a classic
// <script src> or as a module alike.
//
// It also offers the parser to scripts: `await MinutesOutline.parse(text)` gives the model.

import init, { parse, parseFlat, schemaVersion } from 'minutes-outline:parser';
import wasm from 'minutes-outline:wasm';
import { define, decode } from './element.js';

function bytes(base64) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out;
}

let loading = null;
const parser = {
  // Compiling WebAssembly needs 'wasm-unsafe-eval' in a Content-Security-Policy's script-src.
  ready: () => (loading ??= init({ module_or_path: bytes(wasm) }).then(() => parser)),
  parse,
  parseFlat,
};

define(parser);

globalThis.MinutesOutline ??= Object.freeze({
  parse: async (text) => (await parser.ready(), parse(text)),
  schemaVersion: async () => (await parser.ready(), schemaVersion()),
  decode,
});

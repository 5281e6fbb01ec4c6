// The drop-in build's entry (pkg/minutes-outline.js): the parser's wasm is inlined, compiled
// the first time an element needs it, and the element is defined. Loaded by a classic
// <script src> or as a module alike.
//
// The same file also runs as the parser's Web Worker: large texts are parsed there, so that the
// page never stops for the length of a parse. A worker from the page's own script is allowed by
// `script-src 'self'`; where it cannot be had (a script from another origin, loaded as a module,
// or refused by the page's policies), texts are parsed on the page itself.
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
// Compiling WebAssembly needs 'wasm-unsafe-eval' in a Content-Security-Policy's script-src.
const ready = () => (loading ??= init({ module_or_path: bytes(wasm) }));

const inWorker = typeof document === 'undefined' && typeof self !== 'undefined' && typeof self.postMessage === 'function';

if (inWorker) {
  self.onmessage = async ({ data }) => {
    try {
      await ready();
      const flat = parseFlat(data.text);
      const transfer = Object.values(flat)
        .filter((v) => ArrayBuffer.isView(v))
        .map((v) => v.buffer);
      self.postMessage({ id: data.id, flat }, transfer);
    } catch (err) {
      self.postMessage({ id: data.id, error: String(err?.message ?? err) });
    }
  };
} else {
  const scriptUrl = document.currentScript?.src ?? null;
  let worker = null; // null: not tried yet; false: cannot be had
  let next = 0;
  const waiting = new Map();

  /** The worker, started on first use; false where the page cannot have one. */
  function getWorker() {
    if (worker !== null) return worker;
    worker = false;
    if (!scriptUrl || typeof Worker === 'undefined' || new URL(scriptUrl).origin !== location.origin) return worker;
    try {
      let url = scriptUrl;
      // Where Trusted Types are enforced, a worker's URL must come from a policy. Sites that
      // list their policies by name allow this one as `trusted-types minutes-outline`.
      if (globalThis.trustedTypes?.createPolicy) {
        const policy = trustedTypes.createPolicy('minutes-outline', {
          createScriptURL: (u) => {
            if (u !== scriptUrl) throw new TypeError('minutes-outline: unexpected worker URL');
            return u;
          },
        });
        url = policy.createScriptURL(scriptUrl);
      }
      const w = new Worker(url);
      w.onmessage = ({ data }) => {
        const job = waiting.get(data.id);
        waiting.delete(data.id);
        if (!job) return;
        if (data.error) job.fail(new Error(data.error));
        else job.done(data.flat);
      };
      w.onerror = (e) => {
        // The worker could not start (a policy refused it): parse on the page from now on.
        e.preventDefault?.();
        worker = false;
        for (const job of waiting.values()) job.fallback();
        waiting.clear();
      };
      worker = w;
    } catch {
      worker = false;
    }
    return worker;
  }

  const parser = {
    ready: () => ready().then(() => parser),
    parse,
    parseFlat,
    /** parseFlat off the page's thread when a worker can be had; on it otherwise. */
    parseFlatAsync(text) {
      const w = getWorker();
      if (!w) return ready().then(() => parseFlat(text));
      return new Promise((done, fail) => {
        const id = ++next;
        const fallback = () => ready().then(() => done(parseFlat(text)), fail);
        waiting.set(id, { done, fail, fallback });
        w.postMessage({ id, text });
      });
    },
  };

  define(parser);

  globalThis.MinutesOutline ??= Object.freeze({
    parse: async (text) => (await ready(), parse(text)),
    schemaVersion: async () => (await ready(), schemaVersion()),
    decode,
  });
}

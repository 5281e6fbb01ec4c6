// The drop-in build's entry (pkg/minutes-outline.js): the parser's wasm is inlined, compiled
// the first time an element needs it, and the element is defined. Loaded by a classic
// <script src> or as a module alike.
//
// The same file also runs as the parser's Web Worker: large texts are parsed there, so that the
// page never stops for the length of a parse. A worker from the page's own script is allowed by
// `script-src 'self'`; where it cannot be had (a script from another origin, one renamed and
// loaded as a module, or refused by the page's policies), texts are parsed on the page itself.
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
      self.postMessage({ flat }, transfer);
    } catch (err) {
      self.postMessage({ error: String(err?.message ?? err) });
    }
  };
  // Tells the page that the worker runs: an error before this means it could not start.
  self.postMessage({ started: true });
} else {
  // A classic script names itself; a module does not (currentScript is null), so look for
  // its tag. Under another file name there is no worker, and texts are parsed on the page.
  const scriptUrl =
    document.currentScript?.src ||
    [...document.querySelectorAll('script[src]')].find((s) => /(^|\/)minutes-outline(\.min)?\.js([?#]|$)/.test(s.src))?.src ||
    null;
  let usable = true; // false once a worker could not be had: none is tried again
  let policy = null;

  /** A new worker, or null where the page cannot have one. */
  function spawn() {
    if (!usable || !scriptUrl || typeof Worker === 'undefined' || new URL(scriptUrl).origin !== location.origin) return null;
    try {
      // Where Trusted Types are enforced, a worker's URL must come from a policy. Sites that
      // list their policies by name allow this one as `trusted-types minutes-outline`. It is
      // created once: a second policy of the same name would be refused.
      if (!policy && globalThis.trustedTypes?.createPolicy) {
        policy = trustedTypes.createPolicy('minutes-outline', {
          createScriptURL: (u) => {
            if (u !== scriptUrl) throw new TypeError('minutes-outline: unexpected worker URL');
            return u;
          },
        });
      }
      return new Worker(policy ? policy.createScriptURL(scriptUrl) : scriptUrl);
    } catch {
      usable = false;
      return null;
    }
  }

  const parser = {
    ready: () => ready().then(() => parser),
    parse,
    parseFlat,
    /**
     * parseFlat off the page's thread when a worker can be had, on it otherwise. Each job has
     * a worker of its own, so that `signal` can stop it: an abandoned parse of a long text is
     * terminated rather than left to hold up the next one. The worker ends with its job, which
     * also gives back the memory its WebAssembly grew to (wasm memory never shrinks).
     */
    parseFlatAsync(text, signal) {
      const w = spawn();
      const here = () => ready().then(() => parseFlat(text));
      if (!w) return here();
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
          // The worker could not start (a policy refused it): parse on the page from now on.
          usable = false;
          here().then(done, fail);
        };
        w.postMessage({ text });
      });
    },
  };

  define(parser);
  // Compile the parser while the page goes on loading: the first outline waits for it.
  // A failure (a policy without 'wasm-unsafe-eval') is told by the element that needs it.
  ready().catch(() => {});

  globalThis.MinutesOutline ??= Object.freeze({
    parse: async (text) => (await ready(), parse(text)),
    schemaVersion: async () => (await ready(), schemaVersion()),
    decode,
  });
}

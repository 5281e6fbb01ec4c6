// Bytes to text, written once for every way bytes arrive: a whole file (`decode`, the picker,
// a drop) and a download that comes in pieces (`src`). UTF-16 by its BOM, else the charset the
// server declares, else UTF-8, else Big5 when that reads cleanly (older Taiwanese documents are
// often Big5), else UTF-8 with replacement characters.

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

/** Whether the first bytes of a file look binary (a PDF, an image, a Word file) rather than text. */
export function looksBinary(bytes) {
  const b = bytes.subarray(0, 4096);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  let odd = 0;
  for (const x of b) if (x < 9 || (x > 13 && x < 32 && x !== 27)) odd++;
  return odd > b.length / 50;
}

/** Whether a text is a web page (a server's error or sign-in page, say), not minutes. */
export function looksHtml(text, contentType = '') {
  const head = text.slice(0, 1024).trimStart();
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return true;
  return /html/i.test(contentType) && head.startsWith('<');
}

const HEAD = 4096;

/**
 * A decoder fed piece by piece: each piece is decoded as it comes, so that a long file is never
 * decoded in one long task. UTF-8 pieces are kept until the end, in case the file turns out to
 * be Big5. `binary` tells, once 4 KB (or the end) has come, that it is not text.
 */
export class Decoder {
  /** `sniff: false` decodes whatever comes, binary or not (as `decode()` always has). */
  constructor(contentType = '', { sniff = true } = {}) {
    this.type = contentType;
    this.sniff = sniff;
    this.binary = false;
    this.pieces = []; // kept while the text may still need decoding again
    this.parts = [];
    this.size = 0;
    this.dec = null;
    this.broken = false; // not valid UTF-8 after all
  }

  push(bytes) {
    if (this.dec && !this.dec.fatal) return this.#feed(bytes);
    this.pieces.push(bytes);
    this.size += bytes.length;
    if (this.dec) this.#feed(bytes);
    else if (this.size >= HEAD) this.#begin();
  }

  /** The text, decoding again in one go where the first guess was wrong. */
  end() {
    const again = this.#finish();
    if (again) this.parts = run(again('big5', true)) ?? run(again('utf-8', false));
    return this.#text();
  }

  /** As end(), yielding to the page every few milliseconds while it decodes again. */
  async endSoon() {
    const again = this.#finish();
    if (again) this.parts = (await runSoon(again('big5', true))) ?? (await runSoon(again('utf-8', false)));
    return this.#text();
  }

  #feed(b) {
    if (this.broken) return;
    try {
      this.parts.push(this.dec.decode(b, { stream: true }));
    } catch {
      this.broken = true;
    }
  }

  #begin() {
    const head = new Uint8Array(Math.min(this.size, HEAD));
    let at = 0;
    for (const b of this.pieces) {
      if (at >= head.length) break;
      head.set(b.subarray(0, head.length - at), at);
      at += Math.min(b.length, head.length - at);
    }
    this.binary = this.sniff && looksBinary(head);
    const label = encodingOf(head, this.type);
    this.dec = new TextDecoder(label, { fatal: label === 'utf-8' });
    for (const b of this.pieces) this.#feed(b);
    if (label !== 'utf-8') this.pieces.length = 0;
  }

  /** Ends the first decoding; returns how to decode again when it failed, else null. */
  #finish() {
    if (!this.dec) this.#begin();
    if (this.binary) return null;
    if (!this.broken) {
      try {
        this.parts.push(this.dec.decode());
      } catch {
        this.broken = true;
      }
    }
    if (!this.broken) return null;
    const pieces = this.pieces;
    // Decodes the kept pieces again, one step a piece, so that the caller may pause between.
    return function* (label, fatal) {
      const d = new TextDecoder(label, { fatal });
      const out = [];
      try {
        for (const b of pieces) {
          out.push(d.decode(b, { stream: true }));
          yield;
        }
        out.push(d.decode());
        return out;
      } catch {
        return null;
      }
    };
  }

  #text() {
    this.pieces.length = 0; // 50 MB the parse is better off without
    return this.binary ? '' : this.parts.join('');
  }
}

function run(steps) {
  for (;;) {
    const { done, value } = steps.next();
    if (done) return value;
  }
}

async function runSoon(steps) {
  let t = performance.now();
  for (;;) {
    const { done, value } = steps.next();
    if (done) return value;
    if (performance.now() - t > 20) {
      await new Promise((ok) => setTimeout(ok));
      t = performance.now();
    }
  }
}

/** Decodes fetched or opened bytes (an ArrayBuffer or a typed array) the way `src` is decoded. */
export function decode(buffer, contentType = '') {
  const bytes = ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
  // Text even for binary bytes, as it always has been: refusing them is read()'s job.
  const d = new Decoder(contentType, { sniff: false });
  d.push(bytes);
  return d.end();
}

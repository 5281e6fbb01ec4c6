// Lines from a PDF's positioned text, as a reader sees them: pdf.js (pdfjs-dist) gives each
// page's text as runs with positions; they are put into lines by their baseline (with a
// tolerance), each line read left to right, CJK runs joined without spaces, a space where the
// page shows a gap, a tab where the gap is a column's (a table's cells, "主席：…   記錄：…").
// Runs drawn twice over each other (printer drivers that overlap their chunks by a glyph, or
// fake bold) are read once. Lines that repeat at the top or bottom of every page (a letterhead,
// a running header or footer) and page numbers are page furniture: kept, and marked so (hint
// 255). A PDF without text is a scan and is refused, as an encrypted one is.
//
// Loaded on demand by formats.js (pkg/pdf-lines.js), with pdf.js from pkg/pdfjs/.

export const FURNITURE = 255;

class PdfError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
  }
}

/**
 * Reads a PDF into lines. `pdfjs` is the pdf.js module; `options`: `cMapUrl`, `worker` (a
 * pdf.js PDFWorker or null for pdf.js's default), `signal`.
 * Gives `{ text, hints, pages, warnings }`.
 */
export async function readPdf(pdfjs, bytes, { cMapUrl, standardFontDataUrl, worker = null, signal } = {}) {
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    worker: worker ?? undefined,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  const stop = () => task.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    if (signal?.aborted) throw signal.reason ?? err;
    if (err?.name === 'PasswordException')
      throw new PdfError('encrypted-pdf', 'this PDF is protected by a password; open it in a PDF reader and save a copy without one');
    throw new PdfError('corrupt-pdf', `this PDF cannot be read (${err?.message ?? err})`);
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      // As written: compatibility ideographs (U+F9D1 for 六) are the parser's to fold.
      const content = await page.getTextContent({ disableNormalization: true });
      pages.push(pageLines(content.items, viewport, pdfjs.Util));
      page.cleanup();
      if (signal?.aborted) throw signal.reason;
    }
    const chars = pages.reduce((s, p) => s + p.reduce((t, l) => t + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars === 0) throw new PdfError('scanned-pdf', 'no text in this PDF; it needs OCR first');
    return { ...joinPages(pages), pages: pages.length, warnings: [] };
  } finally {
    signal?.removeEventListener('abort', stop);
    await task.destroy().catch(() => {});
  }
}

/**
 * One page's lines: `items` are pdf.js text items, placed by `viewport` (so that rotated
 * pages read upright). Gives `[{ text, top, bottom, size }]` in reading order, `top` and
 * `bottom` as fractions of the page's height.
 */
export function pageLines(items, viewport, Util) {
  const runs = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str === '') continue;
    const [a, b, c, d, e, f] = Util.transform(viewport.transform, it.transform);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10;
    // Text turned on its side (vertical CJK, a rotated stamp) is read as its own line.
    const upright = Math.abs(b) < Math.abs(a) * 0.2;
    const width = upright ? Math.abs(it.width * (viewport.scale ?? 1)) : 0;
    // A run of spaces only is kept as a mark: the text has a space there, however narrow.
    const space = it.str.trim() === '';
    runs.push({ str: space ? '' : it.str, space, x0: e, x1: e + (space ? 0 : width), y: f, size, upright });
  }
  // Baselines top to bottom, then left to right.
  runs.sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const lines = [];
  for (const r of runs) {
    const line = lines.at(-1);
    if (line && r.upright && line.upright && Math.abs(r.y - line.y) <= Math.min(line.size, r.size) * 0.5) {
      line.runs.push(r);
      line.size = Math.max(line.size, r.size);
    } else {
      lines.push({ y: r.y, size: r.size, upright: r.upright, runs: [r] });
    }
  }
  const height = viewport.height || 1;
  return lines.map((l) => ({
    text: joinRuns(l.runs),
    top: (l.y - l.size) / height,
    bottom: l.y / height,
    size: l.size,
  }));
}

// How wide a character is, in ems, near enough to tell which glyphs two runs share.
const wide = (c) => (/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 1 : 0.5);

/** The x where each character of a run starts, and where the run ends. */
function edges(r) {
  const chars = [...r.str];
  const ems = chars.reduce((s, c) => s + wide(c), 0) || 1;
  const unit = (r.x1 - r.x0) / ems;
  const at = [r.x0];
  for (const c of chars) at.push(at.at(-1) + wide(c) * unit);
  return { chars, at };
}

/**
 * A line's runs, left to right: glyphs drawn twice read once, gaps as spaces, columns' gaps
 * as tabs. Some printer drivers (Word through PScript5, then Distiller) cut the text into
 * chunks that overlap by a glyph, or draw a glyph again over the one before: a run that lies
 * over the text already read, with the same characters there, adds nothing.
 */
export function joinRuns(runs) {
  runs = runs.slice().sort((p, q) => p.x0 - q.x0);
  let out = '';
  // The text read so far, each character with the x where it starts (to compare overlaps).
  const placed = [];
  let end = -Infinity;
  let size = 0;
  let space = false;
  for (const r0 of runs) {
    let r = r0;
    if (r.space) {
      space = placed.length > 0;
      continue;
    }
    const { chars, at } = edges(r);
    const em = Math.max(size, r.size);
    if (placed.length && r.x0 < end - em * 0.15) {
      // Overlaps what is there: skip the leading characters that repeat the ones under them.
      let k = 0;
      while (k < chars.length && at[k] < end - em * 0.15) {
        const mid = (at[k] + at[k + 1]) / 2;
        const under = placed.find((p) => p.x0 - em * 0.3 <= mid && mid <= p.x1 + em * 0.3 && p.c === chars[k]);
        if (!under) break;
        k++;
      }
      if (k === chars.length) continue;
      if (k > 0) r = { ...r, str: chars.slice(k).join(''), x0: at[k] };
    }
    if (placed.length) {
      const gap = r.x0 - end;
      if (gap > em * 2.2) out += '\t';
      else if ((space || gap > em * 0.2) && !/\s$/.test(out) && !/^\s/.test(r.str)) out += ' ';
    }
    space = false;
    const e = edges(r);
    e.chars.forEach((c, i) => placed.push({ c, x0: e.at[i], x1: e.at[i + 1] }));
    out += r.str;
    end = Math.max(end, r.x1);
    size = r.size;
  }
  return out.replace(/[ \u00a0]+$/u, '').replace(/^[ \u00a0]+/u, '');
}

const PAGE_NUMBER = [
  /^[-－—–‒─~]?\s*\d{1,4}\s*[-－—–‒─~]?$/,
  /^第\s*\d{1,4}\s*頁(\s*[，,、/／]?\s*共\s*\d{1,4}\s*頁)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

export const isPageNumber = (t) => PAGE_NUMBER.some((re) => re.test(t.trim()));

// What repeats from page to page: the text without its digits (page numbers, dates) and spaces.
const key = (t) => t.replace(/[\s\u3000]/g, '').replace(/[0-9０-９]+/g, '#');

/**
 * The pages' lines as one text, and a hint for each line: FURNITURE for the lines that repeat
 * at the same height at the top or the bottom of most pages, and for page numbers at a page's
 * edge; 0 for the rest.
 */
export function joinPages(pages) {
  const n = pages.length;
  // How many pages have a line of this key at about this height.
  const seen = new Map();
  for (const lines of pages) {
    const here = new Set();
    for (const l of lines) here.add(`${key(l.text)}@${Math.round(l.bottom * 40)}`);
    for (const k of here) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeats = (l) => {
    if (n < 2) return false;
    const b = Math.round(l.bottom * 40);
    const k = key(l.text);
    const count = Math.max(seen.get(`${k}@${b}`) ?? 0, seen.get(`${k}@${b - 1}`) ?? 0, seen.get(`${k}@${b + 1}`) ?? 0);
    return count >= Math.max(2, Math.ceil(n * 0.5));
  };
  const text = [];
  const hints = [];
  for (const lines of pages) {
    const furniture = new Array(lines.length).fill(false);
    // From the top down and from the bottom up, while the lines repeat: the body starts at the
    // first line that does not.
    for (let i = 0; i < lines.length && repeats(lines[i]); i++) furniture[i] = true;
    for (let i = lines.length - 1; i >= 0 && !furniture[i] && repeats(lines[i]); i--) furniture[i] = true;
    // A page number alone at the top or bottom edge.
    for (const i of [0, 1, lines.length - 2, lines.length - 1]) {
      const l = lines[i];
      if (l && (l.bottom > 0.85 || l.top < 0.12) && isPageNumber(l.text)) furniture[i] = true;
    }
    lines.forEach((l, i) => {
      text.push(l.text);
      hints.push(furniture[i] ? FURNITURE : 0);
    });
  }
  return { text: text.join('\n'), hints: Uint8Array.from(hints) };
}

// formats.js in headless Chromium, on a page with the strictest policies the component supports:
// .odt and .docx (numbering typed and automatic) and a PDF printed from the same minutes, parsed
// with their hints as the component parses them, give the outline of the minutes as text; the real PDFs of ../shared/formats/ give the outline a reader
// sees (tests/expected/formats/); bad files get their codes; the heavy files load only when a
// document needs them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { start, printPdf as printPdfWith } from './browser.mjs';

const root = new URL('../../', import.meta.url);
const SOURCES = ['city-shizheng', 'county-council-committee', 'school-numbered-header'];
const VARIANTS = ['typed.docx', 'auto.docx', 'typed.odt', 'auto.odt'];
const SHARED = new URL('../shared/formats/', root);
const FURNITURE = 255;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const written = (name) => readFileSync(new URL(`tests/fixtures/written/${name}.txt`, root), 'utf8');

/** The strict test page, ready; `requests` collects the URLs it asks for, `workers` its workers. */
async function formatsPage(path = '/tests/browser/pages/formats.html') {
  const page = await env.page();
  page.requests = [];
  page.workers = [];
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  page.on('worker', (w) => page.workers.push(new URL(w.url()).pathname));
  await page.goto(env.url + path);
  await page.waitForFunction(() => window.formatsReady && window.MinutesOutline);
  return page;
}

const readAndParse = (page, bytes, name) =>
  page.evaluate(([b, n]) => window.readAndParse(b, n), [Buffer.from(bytes).toString('base64'), name]);
const parseText = (page, text) => page.evaluate((t) => MinutesOutline.parse(t).then((m) => m.outline), text);

const squeeze = (s) => s.normalize('NFKC').replace(/\s+/g, '').replace(/叁/g, '參');

/** The tree as a reader compares it: each node's kind, number and text, and its children. */
const shape = (nodes) => nodes.map((n) => [n.kind, n.ordinal ?? null, squeeze(n.text), shape(n.children)]);

/** The first place where two shapes part, as a readable path. */
function differ(a, b, path = '') {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (!x || !y) return `${path}[${k}]: ${JSON.stringify(x?.slice(0, 3))} vs ${JSON.stringify(y?.slice(0, 3))}`;
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2]) return `${path}[${k}]: ${JSON.stringify(x.slice(0, 3))} vs ${JSON.stringify(y.slice(0, 3))}`;
    const d = differ(x[3], y[3], `${path}[${k}] ${x[2].slice(0, 8)} >`);
    if (d) return d;
  }
  return null;
}

let variantsPage = null; // one page for the twelve, each reading on it in turn
for (const src of SOURCES) {
  for (const v of VARIANTS) {
    const file = `${src}.${v}`;
    test(`${file}, read with its hints, gives the tree of the same minutes as text`, async () => {
      const page = await (variantsPage ??= formatsPage());
      const want = shape(await parseText(page, written(src)));
      assert.ok(want.length > 5, `${src}: a real outline`);
      const r = await readAndParse(page, readFileSync(new URL(`tests/fixtures/formats/${file}`, root)), file);
      assert.equal(r.error, undefined, `${file}: ${JSON.stringify(r.error)}`);
      assert.equal(r.format, v.split('.')[1]);
      assert.equal(r.hints.length, r.text.split('\n').length, 'one hint a line');
      assert.equal(r.hints.filter((h) => h === FURNITURE).length, 2, `${file}: the running header and the footer`);
      if (v.startsWith('auto')) assert.ok(r.hints.filter((h) => h > 0 && h < FURNITURE).length > 5, `${file}: list levels`);
      const d = differ(shape(r.outline), want);
      assert.equal(d, null, `${file}: ${d}`);
      assert.deepEqual(page.errors, []);
    });
  }
}

/** A PDF of `text` as Chromium prints it (browser.mjs). */
const printPdf = (text, options) => printPdfWith(env, text, options);

test('a PDF printed from the minutes gives the tree of the minutes as text', async () => {
  const page = await formatsPage();
  for (const src of SOURCES) {
    const text = written(src);
    const want = shape(await parseText(page, text));
    const r = await readAndParse(page, await printPdf(text), `${src}.pdf`);
    assert.equal(r.error, undefined, `${src}.pdf: ${JSON.stringify(r.error)}`);
    assert.equal(r.format, 'pdf');
    const lines = r.text.split('\n');
    // The running header and the page numbers are furniture on every page, and only they are.
    const furniture = lines.filter((_, i) => r.hints[i] === FURNITURE);
    assert.equal(furniture.length, 2 * r.pages, `${src}.pdf: ${JSON.stringify(furniture)}`);
    assert.ok(furniture.every((l) => l === text.split('\n')[0] || /^第 \d+ 頁$/.test(l)), JSON.stringify(furniture));
    const d = differ(shape(r.outline), want);
    assert.equal(d, null, `${src}.pdf: ${d}`);
  }
  assert.deepEqual(page.errors, []);
});

test('a PDF whose ideographs come back as radicals keeps every character, as written', async () => {
  // Noto CJK through Chromium: ⼀ (U+2F00) for 一, ⻑ (U+2ED1) for 長 … They are kept as the PDF
  // writes them (the parser folds them when it reads markers and words, FORMAT.md §5).
  const page = await formatsPage();
  const LOOKALIKE = { '⻑': '長', '⺠': '民' };
  const fold = (s) => squeeze(s).replace(/[⻑⺠]/g, (c) => LOOKALIKE[c]);
  for (const src of SOURCES) {
    const text = written(src);
    const r = await readAndParse(page, await printPdf(text, { font: "'Noto Serif CJK TC'" }), `${src}.pdf`);
    assert.equal(r.error, undefined);
    assert.ok(/[\u2f00-\u2fd5]/.test(r.text), `${src}: the radicals are there as written`);
    const body = r.text.split('\n').filter((_, i) => r.hints[i] !== FURNITURE).join('\n');
    // Nothing lost, nothing doubled, nothing out of order: the same characters, spaces aside.
    assert.equal(fold(body), fold(text), src);
  }
  assert.deepEqual(page.errors, []);
});

/** An expected outline file: { date, furniture: [...], items: [{ snippet, depth, parent }] }. */
function expected(name) {
  const out = { date: null, furniture: [], items: [] };
  const stack = [];
  for (const raw of readFileSync(new URL(`tests/expected/formats/${name}.expected`, root), 'utf8').split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const m = raw.match(/^(date|furniture): (.*)$/);
    if (m) {
      if (m[1] === 'date') out.date = m[2].trim();
      else out.furniture.push(m[2].trim());
      continue;
    }
    const depth = (raw.length - raw.trimStart().length) / 2;
    const item = { snippet: squeeze(raw), depth, parent: stack[depth - 1] ?? null };
    stack[depth] = item;
    stack.length = depth + 1;
    out.items.push(item);
  }
  return out;
}

const shared = existsSync(SHARED);
const skip = !shared && 'no ../shared/formats/ beside the repository';
const realPdfs = shared ? readdirSync(SHARED).filter((f) => f.endsWith('.pdf')).sort() : [];

/** Each real PDF read on the strict page (once). */
const readReal = (() => {
  let done = null;
  return async () => {
    done ??= (async () => {
      const page = await formatsPage();
      const out = {};
      for (const file of realPdfs) out[file] = await readAndParse(page, readFileSync(new URL(file, SHARED)), file);
      assert.deepEqual(page.errors, []);
      return out;
    })();
    return done;
  };
})();

test('the real PDFs give the lines a reader sees: letterhead and footer marked, every numbered line', { skip }, async () => {
  assert.ok(realPdfs.length >= 3);
  const read = await readReal();
  for (const file of realPdfs) {
    const want = expected(file.replace(/\.pdf$/, ''));
    const r = read[file];
    assert.equal(r.error, undefined, `${file}: ${JSON.stringify(r.error)}`);
    const lines = r.text.split('\n');
    // The letterhead and the footer on every page, each line as printed, and nothing else.
    const furniture = lines.filter((_, i) => r.hints[i] === FURNITURE).map(squeeze);
    const perPage = want.furniture.map(squeeze);
    assert.deepEqual(furniture, Array.from({ length: perPage.length ? r.pages : 0 }, () => perPage).flat(), `${file}: furniture`);
    // Every numbered line starts a line of the body, in order.
    const body = lines.filter((_, i) => r.hints[i] !== FURNITURE).map(squeeze);
    let at = 0;
    for (const w of want.items) {
      const k = body.findIndex((l, i) => i >= at && l.startsWith(w.snippet));
      assert.ok(k >= 0, `${file}: no line starts with ${w.snippet} after line ${at + 1}`);
      at = k + 1;
    }
    // The header's date as printed (its digits, in order), on the line of the time field.
    const [y, m, d] = want.date.split('-').map(Number);
    assert.ok(body.some((l) => /^一、時間:/.test(l) && new RegExp(`${y}年0?${m}月0?${d}日`).test(l)), `${file}: the date`);
  }
});

// What the parser makes of them. The parser being rewritten on main, some of what a reader sees
// is not yet what it gives: each gap is named, and the test runs and reports all the same.
const PARSER_GAPS = {};
for (const file of realPdfs.length ? realPdfs : ['(none)']) {
  test(`the real PDF ${file} gives the outline a reader sees`, { skip, todo: PARSER_GAPS[file] }, async () => {
    const want = expected(file.replace(/\.pdf$/, ''));
    const r = (await readReal())[file];
    assert.equal(r.error, undefined, `${file}: ${JSON.stringify(r.error)}`);
    // Every numbered node, in order, under its numbered parent; no numbered node besides.
    const numbered = [];
    const walk = (nodes, parent) => {
      for (const n of nodes) {
        const self = n.marker ? { head: squeeze(n.marker + n.text), parent } : null;
        if (self) numbered.push(self);
        walk(n.children, self ?? parent);
      }
    };
    walk(r.outline, null);
    const got = numbered.map((n) => `${n.head.slice(0, 24)}  <  ${n.parent?.head.slice(0, 12) ?? '-'}`).join('\n');
    assert.equal(numbered.length, want.items.length, `${file}: numbered nodes\n${got}`);
    want.items.forEach((w, k) => {
      const n = numbered[k];
      assert.ok(n.head.startsWith(w.snippet), `${file}: item ${k + 1} is ${n.head.slice(0, 20)}, the reader sees ${w.snippet}\n${got}`);
      const parent = n.parent?.head ?? null;
      assert.ok(w.parent ? parent?.startsWith(w.parent.snippet) : parent === null, `${file}: ${w.snippet} is under ${parent?.slice(0, 12) ?? 'the top'}, the reader sees ${w.parent?.snippet ?? 'the top'}\n${got}`);
    });
    assert.equal(r.meta.date, want.date, `${file}: the date`);
  });
}

test('bad files get a clear message and a code', async () => {
  const page = await formatsPage();
  const code = async (bytes, name) => {
    const r = await readAndParse(page, bytes, name);
    assert.ok(r.error, `${name} was read`);
    assert.ok(r.error.isFormatError && r.error.message.length > 10, JSON.stringify(r.error));
    return r.error;
  };
  // A PDF without text: a page of shapes only, as a scan is a page of pictures.
  const scanned = await (async () => {
    const p = await env.page();
    await p.setContent('<svg width="400" height="300"><rect x="10" y="10" width="300" height="200" fill="#444"/></svg>');
    const pdf = await p.pdf({ format: 'A4' });
    await p.close();
    return pdf;
  })();
  const s = await code(scanned, 'scan.pdf');
  assert.equal(s.code, 'scanned-pdf');
  assert.match(s.message, /no text in this PDF; it needs OCR first/);
  assert.equal((await code(encryptedPdf(), 'locked.pdf')).code, 'encrypted-pdf');
  assert.equal((await code(Buffer.from('%PDF-1.4\nnot a pdf at all\n'), 'bad.pdf')).code, 'corrupt-pdf');
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  assert.equal((await code(ole, 'old.doc')).code, 'legacy-doc');
  assert.equal((await code(ole, 'old.xls')).code, 'spreadsheet');
  const docx = readFileSync(new URL('tests/fixtures/formats/city-shizheng.auto.docx', root));
  assert.equal((await code(docx.subarray(0, docx.length >> 1), 'cut.docx')).code, 'corrupt-zip');
  assert.equal((await code(odsLike(), 'sheet.ods')).code, 'spreadsheet');
  assert.equal((await code(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]), 'a.png')).code, 'unknown-format');
  // Over the limit: refused from its size, before it is read.
  const big = await page.evaluate(async () => {
    const { readDocument } = await import('/src/component/formats.js');
    const blob = new Blob([new Uint8Array(50 * 1024 * 1024 + 1)]);
    try {
      await readDocument(blob, { name: 'big.pdf', assets: '/pkg/' });
    } catch (e) {
      return e.code;
    }
  });
  assert.equal(big, 'too-large');
  assert.deepEqual(page.errors, []);
});

/**
 * A one-page PDF in a CJK font it does not embed, as many offices' PDFs are: MingLiU through the
 * predefined CMap UniCNS-UCS2-H, so that only pdf.js's CMaps (pkg/pdfjs/cmaps/) tell its text.
 */
function unembeddedCjkPdf(lines) {
  const hex = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = lines.map((l, k) => `BT /F1 12 Tf 72 ${760 - k * 20} Td <${hex(l)}> Tj ET`).join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /MingLiU /Encoding /UniCNS-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MingLiU /CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /MingLiU /Flags 6 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const at = [];
  objs.forEach((o, k) => {
    at.push(out.length);
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${at.map((a) => `${String(a).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test("a PDF whose CJK font is not embedded is read through pdf.js's CMaps", async () => {
  const page = await formatsPage();
  const lines = ['壹、報告事項', '一、民政課：里鄰長講習已辦理完竣。', '二、社會課：敬老金發放完成。'];
  const r = await readAndParse(page, unembeddedCjkPdf(lines), 'mingliu.pdf');
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.equal(r.text, lines.join('\n'));
  assert.ok(page.requests.some((p) => p === '/pkg/pdfjs/cmaps/UniCNS-UCS2-H.bcmap'), page.requests.join(' '));
  assert.deepEqual(page.errors, []);
});

/** A one-page PDF whose Standard security handler wants a password that is not the empty one. */
function encryptedPdf() {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> /P -4 >>`,
  ];
  let out = '%PDF-1.4\n';
  const at = [];
  objs.forEach((o, k) => {
    at.push(out.length);
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${at.map((a) => `${String(a).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}><${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A zip holding only an ODF spreadsheet's mimetype entry (stored), as a spreadsheet begins. */
function odsLike() {
  const name = Buffer.from('mimetype');
  const data = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  const crc = ~c >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

test('text users load nothing more; a document loads only its own reader', async () => {
  const page = await formatsPage();
  const onDemand = (p) => /\/pkg\/(formats(_bg)?\.(js|wasm)|pdf-lines\.js|pdfjs\/)/.test(p);
  await parseText(page, written('city-shizheng'));
  assert.deepEqual(page.requests.filter(onDemand), [], 'text needs none of the readers');
  await readAndParse(page, readFileSync(new URL('tests/fixtures/formats/city-shizheng.auto.odt', root)), 'a.odt');
  assert.deepEqual(page.requests.filter(onDemand).sort(), ['/pkg/formats.js', '/pkg/formats_bg.wasm']);
  const pdf = await printPdf(written('city-shizheng'));
  const r = await readAndParse(page, pdf, 'a.pdf');
  assert.equal(r.error, undefined);
  const loaded = page.requests.filter(onDemand);
  assert.ok(loaded.includes('/pkg/pdfjs/pdf.min.mjs') && loaded.includes('/pkg/pdf-lines.js'), loaded.join(' '));
  // pdf.js parses in a worker of its own, started through the page's Trusted Types policy.
  assert.ok(page.workers.some((w) => w.endsWith('/pkg/pdfjs/pdf.worker.min.mjs')), page.workers.join(' '));
  assert.deepEqual(page.errors, []);
});

test('where the policy is taken, pdf.js reads on the page instead, and still reads', async () => {
  const page = await formatsPage('/tests/browser/pages/formats-policy-taken.html');
  const r = await readAndParse(page, await printPdf(written('county-council-committee')), 'a.pdf');
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.ok(r.outline.length > 3);
  assert.deepEqual(page.workers, []);
  // The browser reports the refused policy; nothing else goes wrong.
  assert.deepEqual(page.errors.filter((e) => !/TrustedTypePolicy named 'minutes-outline'/.test(e)), []);
});

test('a 20-page PDF: how long until its text is ready, and its outline (measured, not judged)', async (t) => {
  const page = await formatsPage();
  // Twenty pages of minutes: the written fixtures, one after another.
  const dir = new URL('tests/fixtures/written/', root);
  const all = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  // Noto CJK, which Chromium subsets (AR PL UMing it embeds whole, 10 MB a file).
  let text = all.slice(0, 14).join('\n');
  let pdf = await printPdf(text, { title: '測試用會議紀錄', font: "'Noto Serif CJK TC'" });
  let r = await readAndParse(page, pdf, 'long.pdf');
  if (r.pages < 20) {
    text += '\n' + all.slice(0, 6).join('\n');
    pdf = await printPdf(text, { title: '測試用會議紀錄', font: "'Noto Serif CJK TC'" });
    r = await readAndParse(page, pdf, 'long.pdf');
  }
  assert.ok(r.pages >= 20, `${r.pages} pages`);
  // Twice: the first also loads and compiles pdf.js; the second is what the next file costs.
  const again = await readAndParse(page, pdf, 'long.pdf');
  t.diagnostic(`${again.pages} pages, ${(pdf.length / 1024).toFixed(0)} KB: first open ${r.ms.read.toFixed(0)} ms to text, ${r.ms.parsed.toFixed(0)} ms to outline; again ${again.ms.read.toFixed(0)} ms to text, ${again.ms.parsed.toFixed(0)} ms to outline`);
  assert.ok(again.outline.length > 20);
});

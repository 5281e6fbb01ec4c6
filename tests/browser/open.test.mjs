// Opening the files bodies publish (.odt, .docx, PDF) in the element, as a page does: `src`
// and the element's load() with a File. The document's hints reach the parser (its running
// header and page numbers stay out of the tree); a page of text fetches none of the readers, a
// document only its own; why a document is refused is said in words, in the alert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, printPdf, seeds, webmasterPage } from './browser.mjs';

const root = new URL('../../', import.meta.url);
const fixture = (name) => readFileSync(new URL(`tests/fixtures/formats/${name}`, root));
const written = (name) => readFileSync(new URL(`tests/fixtures/written/${name}.txt`, root), 'utf8');
// A source whose automatic numbering the parser reads as the text (formats.test.mjs names the
// sources where it does not yet).
const SOURCE = 'county-council-committee';
const ON_DEMAND = /\/pkg\/(formats(_bg)?\.(js|wasm)|pdf-lines\.js|pdfjs\/)/;

let env;
let pdf; // SOURCE printed by Chromium: a running header and page numbers on every page
let scan; // a PDF without text, as a scan is
before(async () => {
  env = await start();
  pdf = await printPdf(env, written(SOURCE));
  const p = await env.page();
  await p.setContent('<svg width="400" height="300"><rect x="10" y="10" width="300" height="200" fill="#444"/></svg>');
  scan = await p.pdf({ format: 'A4' });
  await p.close();
});
after(async () => {
  await env?.close();
});

/** A webmaster's page with `text` (README's one classic script), every request it makes kept. */
async function webmaster(text = seeds[0].text, { lang } = {}) {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  page.fetched = [];
  page.on('request', (r) => page.fetched.push({ path: new URL(r.url()).pathname, request: r }));
  await page.route(env.url + '/open/minutes.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: webmasterPage(text, { lang }) }));
  await page.goto(env.url + '/open/minutes.html');
  await page.evaluate(() => document.querySelector('minutes-outline').ready);
  return page;
}

/** Gives the element a File of `bytes` through load(); resolves with the time it took, or the error. */
const loadFile = (page, bytes, name, type = '') =>
  page.evaluate(
    async ([b64, name, type]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const el = document.querySelector('minutes-outline');
      window.errors = [];
      el.addEventListener('mo-error', (e) => window.errors.push(e.detail.message));
      const t0 = performance.now();
      try {
        await el.load(new File([bytes], name, { type }));
        return { ms: performance.now() - t0 };
      } catch (err) {
        return { error: { code: err.code, message: err.message, name: err.name }, events: window.errors };
      }
    },
    [Buffer.from(bytes).toString('base64'), name, type],
  );

/** The tree as a reader compares it: each node's kind, number and text, and its children. */
const squeeze = (s) => s.normalize('NFKC').replace(/\s+/g, '').replace(/叁/g, '參');
const shape = (nodes) => nodes.map((n) => [n.kind, n.ordinal ?? null, squeeze(n.text), shape(n.children)]);
/** The element's model, and the model of the written text, as shapes. */
const shapes = (page, text, sel = 'minutes-outline') =>
  page.evaluate(
    async ([text, sel]) => [document.querySelector(sel).document.outline, (await MinutesOutline.parse(text)).outline],
    [text, sel],
  ).then(([got, want]) => [shape(got), shape(want)]);

const onDemand = (page) => page.fetched.filter((f) => ON_DEMAND.test(f.path));
/** The bytes of the responses to `list` (a worker's script has no body size here: its Content-Length says it). */
async function bytesOf(list) {
  let n = 0;
  for (const { request } of list) {
    const response = await request.response();
    await response?.finished();
    n += (await request.sizes()).responseBodySize || Number(response?.headers()['content-length'] ?? 0);
  }
  return n;
}
const KB = (n) => `${(n / 1024).toFixed(0)} KB`;
const alertOf = (page, sel = 'minutes-outline') => page.locator(`${sel} [role="alert"]`).textContent();

test('a page of text fetches none of the readers; a .docx fetches its reader, a PDF pdf.js; each gives its outline (bytes and time measured)', async (t) => {
  const page = await webmaster();
  await page.waitForLoadState('networkidle');
  const text = await bytesOf(page.fetched);
  assert.deepEqual(onDemand(page), [], 'text needs none of the readers');

  const docx = await loadFile(page, fixture(`${SOURCE}.auto.docx`), `${SOURCE}.auto.docx`);
  assert.equal(docx.error, undefined, JSON.stringify(docx.error));
  const [got, want] = await shapes(page, written(SOURCE));
  assert.deepEqual(got, want, 'the tree of the minutes as text: the running header and the footer are not in it');
  const forDocx = onDemand(page);
  assert.deepEqual(forDocx.map((f) => f.path).sort(), ['/pkg/formats.js', '/pkg/formats_bg.wasm']);
  const again = await loadFile(page, fixture(`${SOURCE}.typed.docx`), `${SOURCE}.typed.docx`);
  assert.equal(again.error, undefined);
  assert.equal(onDemand(page).length, 2, 'loaded once');

  const r = await loadFile(page, pdf, `${SOURCE}.pdf`, 'application/pdf');
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  const [gotPdf, wantPdf] = await shapes(page, written(SOURCE));
  assert.deepEqual(gotPdf, wantPdf, 'the PDF: the same tree, its page furniture left out');
  const forPdf = onDemand(page).filter((f) => !forDocx.includes(f));
  const paths = forPdf.map((f) => f.path);
  for (const p of ['/pkg/pdf-lines.js', '/pkg/pdfjs/pdf.min.mjs', '/pkg/pdfjs/pdf.worker.min.mjs']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  const pdfAgain = await loadFile(page, pdf, `${SOURCE}.pdf`, 'application/pdf');
  t.diagnostic(
    `fetched: text page ${KB(text)}; +${KB(await bytesOf(forDocx))} for the first .docx; +${KB(await bytesOf(forPdf))} for the first PDF (${paths.length} files). ` +
      `First outline: .docx ${docx.ms.toFixed(0)} ms (${again.ms.toFixed(0)} ms the next), PDF of ${KB(pdf.length)} ${r.ms.toFixed(0)} ms (${pdfAgain.ms.toFixed(0)} ms the next)`,
  );
  assert.deepEqual(page.errors, []);
});

test('`src` naming an .odt, a .docx or a PDF shows its outline, with its hints; the status line says it reads the document', async () => {
  const page = await webmaster();
  await page.evaluate(() => {
    window.statuses = [];
    const status = document.querySelector('minutes-outline').shadowRoot.querySelector('[role="status"]');
    new MutationObserver(() => window.statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.route(env.url + '/open/minutes.pdf', (r) => r.fulfill({ contentType: 'application/pdf', body: pdf }));
  for (const src of [`/tests/fixtures/formats/${SOURCE}.auto.odt`, `/tests/fixtures/formats/${SOURCE}.typed.docx`, '/open/minutes.pdf']) {
    const text = await page.evaluate(async (src) => {
      const el = document.querySelector('minutes-outline');
      el.src = src;
      await new Promise((ok) => el.addEventListener('mo-ready', ok, { once: true }));
      return el.text;
    }, src);
    const [got, want] = await shapes(page, written(SOURCE));
    assert.deepEqual(got, want, src);
    assert.match(text, /^雲林縣議會/, `${src}: text is the document's lines`);
    assert.equal(await alertOf(page), '');
  }
  const said = await page.evaluate(() => window.statuses);
  assert.ok(said.includes('正在讀取文件的內容…'), said.join(' | '));
  assert.deepEqual(page.errors, []);
});

test("read() gives a document's text only; load() keeps its hints, and its text is then `text`", async () => {
  const page = await webmaster();
  const r = await page.evaluate(async (b64) => {
    const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'a.docx');
    const el = document.querySelector('minutes-outline');
    const text = await customElements.get('minutes-outline').read(file);
    await el.load(file);
    const count = (nodes) => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
    // Given before the element is in the page: read once it is.
    const later = document.createElement('minutes-outline');
    const loaded = later.load(file);
    document.body.append(later);
    await loaded;
    const laterText = later.text;
    // Other text given before the file is shown: it wins, and load() rejects.
    const pending = later.load(file);
    later.text = '一、後來的文字。';
    const replaced = await pending.then(() => 'shown', (e) => e.name);
    await later.ready;
    // The same text without its hints: the running header and page number become nodes.
    return {
      later: { same: laterText === text },
      replaced: [replaced, later.shadowRoot.querySelector('[role="treeitem"] .label').textContent],
      same: text === el.text, generated: /\n\(壹\) 審查事項\n/.test(text) && /\n一\.縣政府函送/.test(text), withHints: count(el.document.outline), without: count((await MinutesOutline.parse(text)).outline) };
  }, fixture(`${SOURCE}.auto.docx`).toString('base64'));
  assert.ok(r.same, 'read() and load() read the same lines');
  assert.ok(r.later.same, 'an element not yet in the page reads the file once it is');
  assert.deepEqual(r.replaced, ['AbortError', '一、後來的文字。'], 'text given first wins; the load says so');
  assert.ok(r.generated, 'the numbers the list styles generate are written out');
  assert.ok(r.without > r.withHints, `${r.without} nodes without the hints, ${r.withHints} with`);
  assert.deepEqual(page.errors, []);
});

test('a document that cannot be read: the alert says why in words, the outline shown stays, load() rejects with the code', async () => {
  const page = await webmaster();
  const before = await page.locator('minutes-outline [role="treeitem"]').count();
  const r = await loadFile(page, scan, 'scan.pdf', 'application/pdf');
  assert.equal(r.error.code, 'scanned-pdf');
  assert.match(r.error.message, /^這個 PDF 沒有文字，只有影像/);
  assert.equal(await alertOf(page), `無法開啟 scan.pdf：${r.error.message}`);
  assert.deepEqual(r.events, [await alertOf(page)], 'mo-error says the same');
  assert.equal(await page.locator('minutes-outline [role="treeitem"]').count(), before, 'the outline stayed');
  assert.match(await page.locator('minutes-outline [role="status"]').textContent(), /^共 \d+ 個項目$/);
  // An old binary Word file, and a picture: each its own reason.
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  assert.equal((await loadFile(page, ole, 'old.doc')).error.code, 'legacy-doc');
  assert.match(await alertOf(page), /^無法開啟 old\.doc：這是舊版的 Word 檔（\.doc）/);
  const png = readFileSync(new URL('docs/screenshot.png', root));
  assert.equal((await loadFile(page, png, 'a.png', 'image/png')).error.code, 'not-text');
  // A document that opens clears the alert.
  assert.equal((await loadFile(page, fixture(`${SOURCE}.typed.odt`), 'a.odt')).error, undefined);
  assert.equal(await alertOf(page), '');
  // Through `src`, the same words after the URL; in English with lang="en".
  const en = await webmaster(seeds[0].text, { lang: 'en' });
  await en.route(env.url + '/open/old.doc', (route) => route.fulfill({ contentType: 'application/msword', body: ole }));
  await en.evaluate(async () => {
    const el = document.querySelector('minutes-outline');
    el.src = '/open/old.doc';
    await new Promise((ok) => el.addEventListener('mo-error', ok, { once: true }));
  });
  assert.match(await alertOf(en), /^Could not load \/open\/old\.doc: this is an old Word file \(\.doc\), or an Office file with a password; save it as \.odt or \.docx/);
  assert.equal((await loadFile(en, scan, 'scan.pdf')).error.message, 'this PDF has no text, only images (a scan?); it needs text recognition (OCR) first.');
  assert.deepEqual([...page.errors, ...en.errors], []);
});

// Opening the files bodies publish (.odt, .docx, PDF) in the element and in the demo, as a
// person does: `src`, the element's load() with a File, the demo's open-file button (from the
// keyboard) and a drop. The document's hints reach the parser (its running header and page
// numbers stay out of the tree); a page of text fetches none of the readers, a document only
// its own; why a document is refused is said in words, in the alert and beside the control.
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

test('a document that embeds a spreadsheet says so at the top, in words, and in the model; its outline is its text\'s', async () => {
  const page = await webmaster();
  const name = 'city-shizheng';
  const got = await page.evaluate(async (b64) => {
    const file = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'a.docx');
    const el = document.querySelector('minutes-outline');
    await el.load(file);
    const banner = el.shadowRoot.querySelector('[part~="banner"], .banner');
    return { codes: el.document.diagnostics.map((d) => [d.code, d.line]), banner: banner && !banner.hidden ? banner.textContent : null };
  }, fixture(`${name}.embedded.docx`).toString('base64'));
  assert.deepEqual(got.codes[0], ['embedded-object', 0], JSON.stringify(got.codes));
  assert.match(got.banner ?? '', /嵌入了試算表或圖表/);
  // Nothing else is lost: the same tree as the minutes as text.
  const [tree, want] = await shapes(page, written(name));
  assert.deepEqual(tree, want);
  // A document without one says nothing of it.
  await loadFile(page, fixture(`${name}.typed.docx`), 'b.docx');
  assert.ok(!(await page.evaluate(() => document.querySelector('minutes-outline').document.diagnostics.some((d) => d.code === 'embedded-object'))));
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

async function demo() {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  // Playwright turns on file-chooser interception when a listener is added, asynchronously: added
  // only just before the key press, the picker can open uncaught. Turn it on before the page loads.
  page.on('filechooser', () => {});
  await page.goto(env.url + '/www/');
  await page.evaluate(() => document.querySelector('minutes-outline').ready);
  return page;
}

/**
 * Records the demo's messages beside its controls as they change (they are live regions). Only
 * once a picker is open: with a MutationObserver on the page, Chromium 156 gives Playwright no
 * file chooser event.
 */
const listen = (page) =>
  page.evaluate(() => {
    window.said = [];
    for (const el of document.querySelectorAll('.input [role="status"]')) {
      new MutationObserver(() => el.textContent && window.said.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
    }
  });

test('the demo opens a .docx from its button by keyboard, and a PDF dropped on it; what happens is said beside the control', async () => {
  const page = await demo();
  assert.deepEqual(page.requested.filter((p) => ON_DEMAND.test(p)), [], 'the demo with a sample fetches none of the readers');
  const button = page.getByRole('button', { name: '開啟檔案…' });
  assert.equal(await button.getAttribute('aria-describedby'), 'file-kinds');
  assert.match(await page.locator('#file-kinds').textContent(), /\.odt、\.docx 或 PDF/);
  // From the keyboard: focus the button and press Enter; the browser's picker opens.
  await button.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  const picker = await chooser;
  await listen(page);
  const accept = (await picker.element().getAttribute('accept')).split(',');
  for (const kind of ['.txt', '.md', '.odt', '.docx', '.pdf']) assert.ok(accept.includes(kind), kind);
  await picker.setFiles({ name: `${SOURCE}.auto.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: fixture(`${SOURCE}.auto.docx`) });
  await page.waitForFunction(() => document.getElementById('file-status').textContent.startsWith('已開啟'));
  assert.deepEqual(await page.evaluate(() => window.said), [`正在開啟 ${SOURCE}.auto.docx…`, `已開啟 ${SOURCE}.auto.docx。`]);
  const [got, want] = await shapes(page, written(SOURCE));
  assert.deepEqual(got, want);
  assert.match(await page.locator('#paste').inputValue(), /^雲林縣議會/, 'the box shows the lines read');

  // A PDF dropped on the side of the page where the ways to give it text are.
  const drop = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'minutes.pdf', { type: 'application/pdf' }));
    return dt;
  }, pdf.toString('base64'));
  await page.locator('.input').dispatchEvent('drop', { dataTransfer: drop });
  await page.waitForFunction(() => document.getElementById('paste-status').textContent === '已開啟 minutes.pdf。');
  const [gotPdf] = await shapes(page, written(SOURCE));
  assert.deepEqual(gotPdf, want);

  // A scan, refused: said beside the picker, and in the outline's alert; the outline stays.
  await page.locator('#file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scan });
  await page.waitForFunction(() => document.getElementById('file-status').classList.contains('error'));
  assert.equal(await page.locator('#file-status').textContent(), '無法開啟 scan.pdf：這個 PDF 沒有文字，只有影像（可能是掃描檔），需要先經過文字辨識（OCR）。');
  assert.equal(await page.locator('#file-status').getAttribute('role'), 'status');
  assert.equal(await alertOf(page), '無法開啟 scan.pdf：這個 PDF 沒有文字，只有影像（可能是掃描檔），需要先經過文字辨識（OCR）。');
  const [still] = await shapes(page, written(SOURCE));
  assert.deepEqual(still, want);
  assert.deepEqual(page.errors, []);
});

test('the demo keeps an opened document for a reload of the tab, and opens it again with its hints', async () => {
  const page = await demo();
  await page.locator('#file').setInputFiles({ name: `${SOURCE}.auto.odt`, mimeType: 'application/vnd.oasis.opendocument.text', buffer: fixture(`${SOURCE}.auto.odt`) });
  await page.waitForFunction(() => document.getElementById('file-status').textContent.startsWith('已開啟'));
  await page.reload();
  await page.waitForFunction((name) => document.getElementById('file-status').textContent === `已還原先前開啟的 ${name}。`, `${SOURCE}.auto.odt`);
  const [got, want] = await shapes(page, written(SOURCE));
  assert.deepEqual(got, want, 'the same tree: the hints came back with the file');
  assert.equal(new URL(page.url()).search, '', 'no sample in the query');
  assert.deepEqual(page.errors, []);
});

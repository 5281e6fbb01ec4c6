// The component's parts on their own, in Node, without a browser: each is a plain module that
// can be imported and tested alone (issue 12). The outlines come from the real parser
// (pkg/parser.js, its WebAssembly compiled here), not from hand-made columns.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, { parseFlat } from '../../pkg/parser.js';
import { decode, Decoder, looksBinary, looksHtml } from '../../src/component/decode.js';
import { foldText, terms, hits } from '../../src/component/search.js';
import { Outline } from '../../src/component/model.js';
import * as filter from '../../src/component/filter.js';
import { nodeRef, resolve, fromFragment, toFragment } from '../../src/component/url.js';
import { isoDate, rocDate } from '../../src/component/dates.js';
import { load, read, useFormats, LoadError, MAX_BYTES } from '../../src/component/load.js';
import { readDocument, CODES as FORMAT_CODES } from '../../src/component/formats.js';
import { wordsFor } from '../../src/component/i18n.js';
import { seeds, corpus } from './browser.mjs';

before(async () => {
  await init({ module_or_path: readFileSync(new URL('../../pkg/parser_bg.wasm', import.meta.url)) });
});

const outline = (text) => new Outline(text, parseFlat(text));

test('decode: one routine for a whole file and for pieces, UTF-8, UTF-16 by its BOM, Big5', () => {
  const text = '壹、報告事項\n一、民政課：里鄰長講習。\n';
  const utf8 = new TextEncoder().encode(text);
  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
  const big5 = Buffer.from('b3fca142b3f8a769a8c6b6b50a', 'hex');
  assert.equal(decode(utf8), text);
  assert.equal(decode(utf16), text);
  assert.equal(decode(big5), '壹、報告事項\n');
  assert.equal(decode(utf8.buffer), text, 'an ArrayBuffer too');
  // In pieces of any size, cut anywhere (inside a character too), the same text.
  const long = new TextEncoder().encode(text.repeat(500));
  for (const size of [1, 7, 4096, 5000]) {
    const d = new Decoder('text/plain');
    for (let at = 0; at < long.length; at += size) d.push(long.subarray(at, at + size));
    assert.equal(d.end(), text.repeat(500), `pieces of ${size}`);
  }
  const b = new Decoder('');
  for (let at = 0; at < big5.length; at += 3) b.push(big5.subarray(at, at + 3));
  assert.equal(b.end(), '壹、報告事項\n', 'Big5 in pieces');
  // Not text: sniffed, and said; decode() itself gives text whatever it is given.
  const pdf = new Uint8Array(5000).map((_, k) => (k % 3 ? k % 7 : 0));
  assert.equal(looksBinary(pdf), true);
  const s = new Decoder('');
  s.push(pdf);
  assert.equal(s.binary, true);
  assert.equal(typeof decode(pdf), 'string');
  assert.equal(looksHtml('<!DOCTYPE html><html>', 'text/plain'), true);
  assert.equal(looksHtml('壹、報告事項', 'text/html'), false);
});

test('fold: spaces between digits and CJK, and between CJK, do not matter; hits point at the text as written', () => {
  const cases = [
    ['本會 96 年 9 月 6 日會議', '96年9月', ['96 年 9 月']],
    ['報 告 事 項', '報告事項', ['報 告 事 項']],
    ['中華民國 1 0 1 年 5 月', '101年5月', ['1 0 1 年 5 月']],
    ['ＡＩ 與 臺灣', 'ai 台灣', ['ＡＩ', '臺灣']],
    ['AI 與 data', 'ai data', ['AI', 'data']],
  ];
  for (const [text, query, marked] of cases) {
    const r = hits(foldText(text), terms(query));
    assert.deepEqual(
      r.map(([a, b]) => text.slice(a, b)),
      marked,
      `${query} in ${text}`,
    );
  }
  // Latin words keep their spaces: "ai data" is two words, not "aidata".
  assert.equal(hits(foldText('AI data'), terms('aidata')), null);
  // Every position maps back into the text, in order.
  const text = '第 1 6 次 會議 ，討 論 事 項 一';
  const { text: folded, map } = foldText(text);
  assert.equal(map.length, folded.length + 1);
  for (let k = 0; k < folded.length; k++) {
    assert.ok(map[k] < text.length && (k === 0 || map[k] > map[k - 1]));
    assert.equal(folded[k], foldText(text[map[k]]).text);
  }
});

test('the outline: the header block is the card\'s, the tree starts at the body (bodyStart, or the leading titles and fields)', () => {
  const o = outline(seeds[0].text);
  assert.equal(o.bodyStart, 8);
  assert.equal(o.marker(o.roots[0]), '壹、');
  assert.deepEqual(o.headerRoots, [0, 1, 2, 3, 4, 5, 6, 7]);
  // The two lists do not touch: the body's first node has no sibling before it.
  assert.equal(o.prevSibling[o.roots[0]], -1);
  assert.equal(o.posInSet[o.roots[0]], 1);
  assert.equal(o.setSize[o.roots[0]], o.roots.length);
  // The parser's own bodyStart, when it gives one, wins.
  const flat = parseFlat(seeds[0].text);
  flat.bodyStart = 3;
  assert.equal(new Outline(seeds[0].text, flat).bodyStart, 3);
  // A text that is all header still has a tree.
  assert.equal(outline('日期：114年11月20日\n地點：本部\n').bodyStart, 0);
  // A line finds the node that holds it, else the next one.
  const line = o.line(20);
  assert.equal(o.nodeAt(line), 20);
});

test('filters keep nodes of the body only, with their ancestors; a link names a node by its path and finds it again', () => {
  const o = outline(seeds[0].text);
  const kept = filter.apply(o, filter.normalise({ q: '林宜敬' }));
  assert.deepEqual(kept.matches, [], 'the chair is in the header, the card shows it');
  const q = filter.apply(o, filter.normalise({ q: '海纜' }));
  assert.equal(q.matches.length, 4);
  for (const m of q.matches) for (const a of o.ancestors(m)) assert.equal(q.show[a], 1);
  // Links: every node of both seeds and of the corpus (when it is there) is found again from
  // its own link.
  for (const doc of [...seeds, ...(corpus ?? [])]) {
    const d = outline(doc.text);
    for (let i = 0; i < d.count; i++) assert.equal(resolve(d, nodeRef(d, i)), i, `${doc.name}: ${nodeRef(d, i)}`);
  }
  assert.equal(resolve(o, '12'), 12, 'numeric ids still work');
  assert.equal(resolve(o, '9999'), -1);
  // In the fragment, beside the page's own keys.
  const hash = toFragment('#top&page=2', 'outline', filter.normalise({ q: '海纜', units: ['法制處'] }), nodeRef(o, 30));
  const back = fromFragment(hash, 'outline');
  assert.equal(back.state.q, '海纜');
  assert.deepEqual(back.state.units, ['法制處']);
  assert.equal(resolve(o, back.node), 30);
  assert.match(hash, /^#top=&page=2&/);
});

test('dates, written once: yyyymmdd, the ROC calendar', () => {
  assert.equal(isoDate(20251120), '2025-11-20');
  assert.equal(isoDate(1120), null, 'no year');
  assert.equal(rocDate('2025-11-20'), '114年11月20日');
});

test('load: a file not text is refused, unless a document reader is registered at the seam; its hints come with its text', async () => {
  const pdf = new Blob([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6000, 1)])], { type: 'application/pdf' });
  await assert.rejects(read(pdf), (e) => e instanceof LoadError && e.code === 'not-text');
  await assert.rejects(read(new Blob(['<!DOCTYPE html><p>x'])), (e) => e.code === 'html');
  assert.equal(await read(new Blob(['壹、報告事項\n'])), '壹、報告事項\n');
  const seen = [];
  useFormats(async (bytes, info) => {
    seen.push([bytes.length, info.type]);
    if (info.type !== 'application/pdf') return null;
    const note = { code: 'embedded-object', severity: 'warning', line: 0, message: 'an object' };
    return { text: '壹、報告事項\n一、甲案\n', hints: Uint8Array.of(1, 2), warnings: [note] };
  });
  try {
    // What the reader could not read comes with the text, as notes.
    const note = { code: 'embedded-object', severity: 'warning', line: 0, message: 'an object' };
    assert.deepEqual(await load(pdf), { text: '壹、報告事項\n一、甲案\n', hints: Uint8Array.of(1, 2), notes: [note] });
    assert.deepEqual(seen, [[pdf.size, 'application/pdf']], 'the whole file, once');
    // A file the reader does not read is refused as before.
    await assert.rejects(read(new Blob([Buffer.alloc(6000, 2)], { type: 'application/zip' })), (e) => e.code === 'not-text');
  } finally {
    useFormats(null);
  }
});

test('load: a PDF without binary bytes, or a small one, is claimed by the reader; its error codes become the load\'s', async () => {
  // A PDF written as plain ASCII looks like text to the decoder: the reader's sniff claims it.
  const ascii = new Blob(['%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'.repeat(200)], { type: 'application/pdf' });
  const small = new Blob([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)])]);
  const seen = [];
  useFormats(
    async (bytes) => {
      seen.push(bytes.length);
      const e = new Error('no text in this PDF; it needs OCR first');
      e.code = 'scanned-pdf';
      throw e;
    },
    (head) => String.fromCharCode(...head.subarray(0, 5)) === '%PDF-',
  );
  try {
    for (const pdf of [ascii, small]) {
      await assert.rejects(load(pdf), (e) => e instanceof LoadError && e.code === 'scanned-pdf' && /OCR/.test(e.detail));
    }
    assert.deepEqual(seen, [ascii.size, small.size], 'each whole, once');
    // Text the reader does not claim is text, as before.
    assert.deepEqual(await load(new Blob(['壹、報告事項\n'])), { text: '壹、報告事項\n', hints: null, notes: [] });
  } finally {
    useFormats(null);
  }
  // Without a reader to claim it, the decoder takes it for text: which is why the seam asks.
  assert.match((await load(ascii)).text, /^%PDF-1\.4\n1 0 obj/);
});

test('one decoding and one limit: a text file reads the same through the readers and through load', async () => {
  const big5 = Buffer.from('b3fca142b3f8a769a8c6b6b50a', 'hex'); // 壹、報告事項 in Big5
  const doc = await readDocument(big5, { name: 'old.txt' });
  assert.deepEqual([doc.format, doc.text], ['text', decode(big5)]);
  assert.equal(doc.text, '壹、報告事項\n');
  assert.equal((await readDocument(new TextEncoder().encode('\ufeff一、甲案\n'))).text, decode(new TextEncoder().encode('\ufeff一、甲案\n')));
  // The same size is refused by both, before a byte is read; one byte less is not too large.
  const over = new Blob([new Uint8Array(MAX_BYTES + 1)]);
  await assert.rejects(readDocument(over, { name: 'big.pdf' }), (e) => e.code === 'too-large');
  await assert.rejects(load(over), (e) => e.code === 'too-large' && e.size === MAX_BYTES + 1);
  await assert.rejects(load(new Blob([new Uint8Array(MAX_BYTES)])), (e) => e.code === 'not-text');
});

test('every reason a file or a document is refused has words for a reader in both languages', () => {
  const dts = readFileSync(new URL('../../src/component/minutes-outline.d.ts', import.meta.url), 'utf8');
  const union = dts.match(/export type MinutesOutlineReadErrorCode =([^;]+);/)[1];
  const codes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
  // The types list every code of the readers, and the readers' codes are all documented there.
  for (const code of Object.keys(FORMAT_CODES)) assert.ok(codes.includes(code), `${code} is not in MinutesOutlineReadErrorCode`);
  for (const lang of ['zh-Hant', 'en']) {
    const s = wordsFor(lang);
    for (const code of codes) {
      const words = s.loadError(new LoadError(code, { status: 404, seconds: 30, size: 1, max: MAX_BYTES, origin: 'https://example.org' }));
      assert.ok(s.why[code], `${lang}: no words for ${code}`);
      assert.ok(words.length > 5 && !/undefined|NaN|\{/.test(words) && words !== code, `${lang} ${code}: ${words}`);
    }
    // Unpacking to too much is not "larger than the limit": it has no size.
    assert.notEqual(s.loadError(new LoadError('too-large', { size: null, max: null })), s.loadError(new LoadError('too-large', { size: null, max: MAX_BYTES })));
  }
  assert.match(wordsFor('zh-Hant').loadError(new LoadError('scanned-pdf')), /文字辨識（OCR）/);
  assert.match(wordsFor('en').loadError(new LoadError('legacy-doc')), /save it as \.odt or \.docx/);
});

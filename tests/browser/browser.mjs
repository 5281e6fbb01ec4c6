// Shared by the browser tests: a static server over the repository and Debian's Chromium
// through playwright-core, with the flags this machine needs (no sandbox as root, no
// background networking on a closed network).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts the server and the browser; returns { url, browser, page(), close() }. */
export async function start() {
  const server = await serve({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const contexts = [];
  return {
    url: server.url,
    browser,
    /** A fresh page (own context), collecting errors from the page and its console. */
    async page(options = {}) {
      const context = await browser.newContext({ locale: 'zh-TW', ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') page.errors.push(m.text());
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      server.close();
    },
  };
}

/** The shadow root's tree items of the first <minutes-outline> as a locator. */
export const items = (page, sel = 'minutes-outline') => page.locator(`${sel} [role="treeitem"]`);

/** The tree item whose own label (not its children's) contains `name`. */
export const node = (page, name) => page.getByRole('treeitem', { name });

/** The corpus of real minutes beside the project (../shared/corpus), or null when it is absent. */
const SHARED = new URL('../../../shared/corpus/', import.meta.url);
export const corpus = existsSync(SHARED)
  ? readdirSync(SHARED)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(new URL(f, SHARED), 'utf8') }))
  : null;
/** Why a test of the corpus is skipped, in one line (false when it runs). */
export const noCorpus = corpus ? false : '../shared/corpus/ is absent';

/** Both seeds, as the demo offers them. */
export const seeds = ['002_d55827880d80a051', '000_0d1e01bc7b43adf3'].map((name) => ({
  name: `seed-${name.slice(0, 3)}`,
  text: readFileSync(new URL(`../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8'),
}));

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A webmaster's page, as README's "Put it on a page" has it: a heading, one classic script, the
 * minutes written inside the element.
 */
export const webmasterPage = (text, { lang = 'zh-Hant-TW' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>會議紀錄</title><script src="/pkg/minutes-outline.js"></script></head>` +
  `<body><h1>某機關會議紀錄</h1><minutes-outline id="outline"><pre>${escapeHtml(text)}</pre></minutes-outline></body></html>`;

/**
 * A PDF of `text` as Chromium prints it: A4, a running header, page numbers in the footer. In
 * AR PL UMing: with Noto CJK, Chromium writes the ideographs that share a glyph with a radical
 * as the radical (⼀ for 一), a PDF of its own kind (formats.test.mjs). `env` is start()'s.
 */
export async function printPdf(env, text, { title = text.split('\n')[0], size = 12, font = "'AR PL UMing TW'" } = {}) {
  const page = await env.page();
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = [];
  let rows = null;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      rows ??= [];
      rows.push(line.split('\t'));
      continue;
    }
    if (rows) {
      body.push(`<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
      rows = null;
    }
    body.push(line.trim() ? `<p>${esc(line)}</p>` : '<p class="blank"></p>');
  }
  if (rows) body.push(`<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
  await page.setContent(`<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><style>
    body { font: ${size}pt/1.6 ${font}, serif; margin: 0; }
    p { margin: 0; } p.blank { height: 0.8em; }
    td { padding: 0 3.5em 0 0; vertical-align: top; }
  </style></head><body>${body.join('\n')}</body></html>`);
  const foot = `<div style="font-size:9px; width:100%; text-align:center; font-family: ${font}">第 <span class="pageNumber"></span> 頁</div>`;
  const head = `<div style="font-size:9px; width:100%; text-align:center; font-family: ${font}">${esc(title)}</div>`;
  const pdf = await page.pdf({ format: 'A4', displayHeaderFooter: true, headerTemplate: head, footerTemplate: foot, margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' } });
  await page.close();
  return pdf;
}

// Shared by the browser tests: a static server over the repository and Debian's Chromium
// through playwright-core, with the flags this machine needs (no sandbox as root, no
// background networking on a closed network).
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

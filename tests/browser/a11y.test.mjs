// WCAG 2.2 AA, checked by axe-core in headless Chromium: the demo with the outline, with the
// filters in use and the notes open, in light and in dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { start, items } from './browser.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function audit(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`the demo meets WCAG 2.2 AA in ${scheme} mode`, async () => {
    // axe is injected as a script, which the demo's strict CSP would refuse.
    const page = await env.page({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await page.goto(env.url + '/www/');
    await items(page).first().waitFor();
    await page.evaluate(() => document.querySelector('minutes-outline').ready);
    assert.deepEqual(await audit(page), []);
    // Filters in use, a hit current, the export menu and the notes panel open.
    await page.evaluate(() => {
      const el = document.querySelector('minutes-outline');
      el.text = '壹、報告事項\n一、甲案海纜\n三、丙案\n日期：114年11月21日（星期四）\n';
    });
    await page.evaluate(() => document.querySelector('minutes-outline').ready);
    await page.locator('minutes-outline input[type="search"]').fill('案');
    await page.locator('minutes-outline mark').first().waitFor();
    await page.locator('minutes-outline input[type="search"]').press('Enter');
    await page.locator('minutes-outline details.problems summary').click();
    await page.locator('minutes-outline .menu > summary').click();
    assert.deepEqual(await audit(page), []);
  });
}

// WCAG 2.2 AA, checked by axe-core in headless Chromium: the demo with the outline, with the
// filters in use and the notes open, in light and in dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { start, items, webmasterPage } from './browser.mjs';

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
    await page.locator('minutes-outline .toolbar .toggle').click();
    await page.locator('minutes-outline .menu > summary').click();
    assert.deepEqual(await audit(page), []);
  });

  test(`a webmaster's page on a phone meets WCAG 2.2 AA in ${scheme} mode: banner, card opened, filters, jump box`, async () => {
    const page = await env.page({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
    const text = [
      '臺北市某區公所113年第5次區務會議紀錄',
      '時間：113年5月8日（星期三）上午9時30分',
      '地點：本所第一會議室',
      '主席：王區長大明',
      '出席人員：李課長小華、陳課長大同（請假）',
      '壹、報告事項',
      '一、民政課（報告單位：民政課）',
      '三、社會課（報告單位：社會課）',
      '貳、討論事項',
      '案由一：本所廳舍修繕經費案。',
      '決議：照案通過。',
      '',
    ].join('\n');
    await page.route(env.url + '/a11y/phone.html', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: webmasterPage(text) }));
    await page.goto(env.url + '/a11y/phone.html');
    await page.evaluate(() => document.querySelector('minutes-outline').ready);
    const banner = page.locator('minutes-outline .banner');
    assert.ok(await banner.isVisible(), 'the numbering gap raises the banner');
    for (const sel of ['.card details.people summary', '.card details.source summary', '.toolbar .toggle']) await page.locator(`minutes-outline ${sel}`).click();
    await page.locator('minutes-outline [role="treeitem"]').first().focus();
    await page.keyboard.press('q'); // finds nothing: the jump box
    assert.ok(await page.locator('minutes-outline .jump-box').isVisible());
    assert.deepEqual(await audit(page), []);
  });
}

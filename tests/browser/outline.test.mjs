// The component as a person uses it, in headless Chromium: paste minutes, see the outline,
// search, collapse and expand, move with the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, items, node } from './browser.mjs';

const SEED_002 = readFileSync(new URL('../fixtures/seeds/002_d55827880d80a051.txt', import.meta.url), 'utf8');
const SEED_000 = readFileSync(new URL('../fixtures/seeds/000_0d1e01bc7b43adf3.txt', import.meta.url), 'utf8');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The demo page with its first sample loaded. */
async function demo() {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.url + '/www/');
  await items(page).first().waitFor();
  await page.evaluate(() => document.querySelector('minutes-outline').ready);
  return page;
}

/** The focused element inside the component's shadow root. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('minutes-outline').shadowRoot.activeElement;
    return el ? { id: el.dataset.id, text: el.querySelector('.label').textContent } : null;
  });

test('the demo opens with a real sample outlined', async () => {
  const page = await demo();
  const card = page.locator('minutes-outline .card');
  await assert.doesNotReject(card.getByRole('heading', { name: /第18次主管會議紀錄/ }).waitFor());
  assert.match(await card.textContent(), /2025-11-20/);
  assert.ok((await items(page).count()) > 150);
  // The tree is an ARIA tree with levels, positions and expansion.
  const first = node(page, '貳、報告事項');
  assert.equal(await first.getAttribute('aria-level'), '1');
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  const agenda = node(page, '案由二：數位國際司施政重點');
  assert.equal(await agenda.getAttribute('aria-level'), '2');
  assert.equal(await agenda.getAttribute('aria-posinset'), '2');
  assert.equal(await agenda.getAttribute('aria-setsize'), '4');
  assert.deepEqual(page.errors, []);
});

test('pasting minutes into the demo outlines them', async () => {
  const page = await demo();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), SEED_000);
  const paste = page.locator('#paste');
  await paste.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  // The outline becomes the pasted document: its first agenda item and its units.
  const agenda = node(page, '案由三：本部各單位業務報告書面資料');
  await agenda.waitFor();
  assert.equal(await agenda.getAttribute('aria-level'), '1');
  await node(page, '十三、資安研究院').waitFor();
  assert.equal(await node(page, '第18次主管會議紀錄').count(), 0);
  // A nested item sits under the right parent: (1) under 2、 under (二) under 一、.
  const nested = node(page, '(1)社會發展類(4件)');
  assert.equal(await nested.getAttribute('aria-level'), '6');
  assert.deepEqual(page.errors, []);
});

test('typing in the search box narrows the tree and marks the hits', async () => {
  const page = await demo();
  const all = await items(page).count();
  const search = page.locator('minutes-outline input[type="search"]');
  await search.click();
  await search.pressSequentially('海纜');
  const marks = page.locator('minutes-outline mark');
  await marks.first().waitFor();
  // The whole tree waits, hidden, beside the results: count what a reader can see.
  const shown = await page.evaluate(
    () => [...document.querySelector('minutes-outline').shadowRoot.querySelectorAll('[role="treeitem"]')].filter((r) => r.checkVisibility()).length,
  );
  assert.ok(shown < all / 4, `${shown} of ${all} shown`);
  for (const m of await marks.allTextContents()) assert.equal(m, '海纜');
  // Every item shown holds a hit or is an ancestor of one.
  const check = await page.evaluate(() => {
    const root = document.querySelector('minutes-outline').shadowRoot;
    return [...root.querySelectorAll('[role="treeitem"]')].filter((r) => r.checkVisibility()).every(
      (row) => row.querySelector('mark') || row.parentElement.querySelector(':scope > [role="group"] mark'),
    );
  });
  assert.ok(check);
  const status = page.locator('minutes-outline [role="status"]');
  assert.match(await status.textContent(), /\d+ 個符合的項目/);
  // The hits under 二、韌性建設司 are shown with their ancestors.
  await node(page, '二、韌性建設司').first().waitFor();
  // Clearing the search brings the whole tree back.
  await search.fill('');
  await page.waitForFunction(
    (n) => document.querySelector('minutes-outline').shadowRoot.querySelectorAll('[role="treeitem"]').length === n,
    all,
  );
  assert.equal(await marks.count(), 0);
});

test('a node collapses and expands with a click', async () => {
  const page = await demo();
  const agenda = node(page, '案由一：本部重要會議指');
  const child = node(page, '（一）第17次（10月）主管會議列管案件');
  assert.equal(await agenda.getAttribute('aria-expanded'), 'true');
  assert.ok(await child.isVisible());
  await agenda.locator('.twisty').click();
  assert.equal(await agenda.getAttribute('aria-expanded'), 'false');
  assert.equal(await child.isVisible(), false);
  await agenda.click();
  assert.equal(await agenda.getAttribute('aria-expanded'), 'true');
  assert.ok(await child.isVisible());
});

test('arrow keys move focus through the tree', async () => {
  const page = await demo();
  // Tab from the last control of the toolbar into the tree: one stop, on the first item of the
  // body (the header is the card's).
  await page.locator('minutes-outline .menu > summary').focus();
  await page.keyboard.press('Tab');
  assert.match((await focused(page)).text, /^壹、頒獎/);
  await page.keyboard.press('End');
  assert.match((await focused(page)).text, /關鍵基礎設施防護講座/);
  await page.keyboard.press('Home');
  assert.match((await focused(page)).text, /^壹、頒獎/);
  // Down to 貳、報告事項, close it with Left, and the next Down skips its items.
  await page.keyboard.press('ArrowDown');
  assert.match((await focused(page)).text, /貳、報告事項/);
  await page.keyboard.press('ArrowLeft');
  const section = node(page, '貳、報告事項');
  assert.equal(await section.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('ArrowDown');
  assert.match((await focused(page)).text, /參、討論事項/);
  // Up, Right opens, Right again enters the first child; Left closes an open item, and on a
  // closed one goes to the parent.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  assert.equal(await section.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.match((await focused(page)).text, /案由一/);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await node(page, '案由一：本部重要會議指').getAttribute('aria-expanded'), 'false');
  assert.match((await focused(page)).text, /案由一/);
  await page.keyboard.press('ArrowLeft');
  assert.match((await focused(page)).text, /貳、報告事項/);
  // Only the focused item is in the tab order.
  const tabbable = await page.evaluate(
    () => document.querySelector('minutes-outline').shadowRoot.querySelectorAll('[role="treeitem"][tabindex="0"]').length,
  );
  assert.equal(tabbable, 1);
});

test('minutes text is shown as text, never run as HTML', async () => {
  const page = await demo();
  await page.evaluate(() => {
    window.pwned = false;
    document.querySelector('minutes-outline').text =
      '壹、報告事項\n一、<img src=x onerror="window.pwned=true">說明\n二、<script>window.pwned=true</script>\n';
  });
  await node(page, '<img src=x').waitFor();
  const counts = await page.evaluate(() => {
    const root = document.querySelector('minutes-outline').shadowRoot;
    return { img: root.querySelectorAll('img').length, script: root.querySelectorAll('script').length };
  });
  assert.deepEqual(counts, { img: 0, script: 0 });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.pwned), false);
  assert.equal(await node(page, '<script>window.pwned=true</script>').count(), 1);
});

test('a classic script tag and inline minutes are all a webmaster needs', async () => {
  const page = await env.page();
  await page.goto(env.url + '/tests/browser/pages/inline-classic.html');
  const agenda = node(page, '案由一：本所廳舍修繕經費案。');
  await agenda.waitFor();
  assert.equal(await agenda.getAttribute('aria-level'), '2');
  // The whole inline text was read, to its last line.
  await node(page, '參、散會（上午11時10分）').waitFor();
  const card = page.locator('minutes-outline .card');
  assert.match(await card.textContent(), /2024-05-08/);
  assert.match(await card.textContent(), /王大明 區長/);
  // The escaped <script> in the minutes is text in the outline.
  await node(page, '<script>alert(1)</script>').waitFor();
  assert.equal(await page.locator('#after').textContent(), 'The page goes on after the component.');
  assert.deepEqual(page.errors, []);
});

test('the drop-in file also works as a module', async () => {
  const page = await env.page();
  await page.goto(env.url + '/tests/browser/pages/inline-module.html');
  await node(page, '二、財政課').waitFor();
  assert.equal(await items(page).count(), 4);
  assert.deepEqual(page.errors, []);
});

test('pkg/parser.js keeps its contract: parse(text) gives { meta, outline, diagnostics }', async () => {
  const page = await env.page();
  await page.goto(env.url + '/tests/browser/pages/parser.html');
  const doc = await page.evaluate((t) => window.parseMinutes(t), SEED_002);
  assert.equal(doc.meta.date, '2025-11-20');
  assert.ok(Array.isArray(doc.diagnostics));
  const sections = doc.outline.filter((n) => n.kind === 'section');
  assert.deepEqual(
    sections.map((n) => n.marker),
    ['壹、', '貳、', '參、', '肆、', '伍、', '陸、'],
  );
  const report = sections[1];
  assert.deepEqual(
    Object.keys(report).filter((k) => ['marker', 'ordinal', 'text', 'line', 'children'].includes(k)).sort(),
    ['children', 'line', 'marker', 'ordinal', 'text'],
  );
  assert.equal(report.ordinal, 2);
  assert.equal(report.text, '報告事項');
  assert.equal(report.line, 21);
  const first = report.children[0];
  assert.equal(first.marker, '案由一：');
  assert.equal(first.children.find((n) => n.label === '決定').children[1].children[0].marker, '（一）');
  const initSync = await page.evaluate(async () => (await window.parserReady).initSync);
  assert.equal(initSync, 'function');
});

// <minutes-outline> as people use it: the filters (search, units, dates, kind, depth) and their
// state in the URL, the meeting card, links to nodes, the notes panel, exports, printing, the
// full keyboard model, and its API and events. In headless Chromium, through the demo page
// (seed 002 loaded) unless said otherwise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, items, node } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function demo(hash = '', options = {}) {
  const page = await env.page({ viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(env.url + '/www/' + hash);
  await items(page).first().waitFor();
  await page.evaluate(() => document.querySelector('minutes-outline').ready);
  return page;
}

const root = 'document.querySelector("minutes-outline").shadowRoot';
/** Labels of the tree items shown, in order. */
const shown = (page) =>
  page.evaluate(`[...${root}.querySelectorAll('[role="treeitem"]')].filter((li) => li.checkVisibility()).map((li) => li.querySelector('.label').textContent)`);
const status = (page) => page.locator('minutes-outline [role="status"]').textContent();
const search = (page) => page.locator('minutes-outline input[type="search"]');
/** Opens the filters beyond the search box (the 篩選 control), as a reader does before using them. */
async function openFilters(page, sel = 'minutes-outline') {
  const toggle = page.locator(`${sel} .toolbar .toggle`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

test('search: a hit count, and Enter and Shift+Enter walk the hits', async () => {
  const page = await demo();
  await search(page).fill('海纜');
  await page.locator('minutes-outline mark').first().waitFor();
  assert.equal(await status(page), '4 個符合的項目');
  await search(page).press('Enter');
  assert.equal(await status(page), '第 1 項，共 4 項');
  const current = () => page.locator('minutes-outline .row.current .label').textContent();
  assert.match(await current(), /海纜障礙通報機制/);
  await search(page).press('Enter');
  assert.match(await current(), /114年10月15日更新本部官網海纜/);
  await search(page).press('Shift+Enter');
  assert.match(await current(), /海纜障礙通報機制/);
  await search(page).press('Shift+Enter');
  assert.equal(await status(page), '第 4 項，共 4 項');
  // Focus stayed in the box; Tab then enters the tree at the current hit.
  assert.equal(await page.evaluate(`${root}.activeElement.type`), 'search');
  await page.keyboard.press('Escape');
  assert.equal(await search(page).inputValue(), '');
  assert.equal(await page.locator('minutes-outline mark').count(), 0);
});

test('units: a chip keeps that unit, a second adds another', async () => {
  const page = await demo();
  await openFilters(page);
  const chip = page.locator('minutes-outline .chip', { hasText: '韌性建設司' });
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  let labels = await shown(page);
  assert.ok(labels.some((l) => l.includes('海纜障礙通報機制')));
  assert.ok(!labels.some((l) => l.includes('數位策略司')), 'other units are left out');
  // Ancestors stay, so the unit is seen in place.
  assert.ok(labels.some((l) => l.startsWith('附錄')));
  await page.locator('minutes-outline .chip', { hasText: '主計處' }).click();
  labels = await shown(page);
  assert.ok(labels.some((l) => l.includes('92.65%')));
  assert.ok(labels.some((l) => l.includes('海纜障礙通報機制')));
  await chip.click();
  await page.locator('minutes-outline .chip', { hasText: '主計處' }).click();
  // 170 nodes, of which the 8 of the header are the card's.
  assert.equal(await status(page), '共 162 個項目');
});

test('dates: a range keeps the nodes with a date inside it', async () => {
  const page = await demo();
  await openFilters(page);
  await page.locator('minutes-outline input[type="date"]').first().fill('2025-11-12');
  await page.locator('minutes-outline input[type="date"]').last().fill('2025-11-12');
  await page.locator('minutes-outline input[type="date"]').last().dispatchEvent('change');
  const labels = await shown(page);
  assert.ok(labels.some((l) => l.includes('11月12日開放領現')));
  // 114年11月12日至11月28日 contains the 12th; 11月13日 does not.
  assert.ok(labels.some((l) => l.includes('活動時間自114年11月12日至11月28日')));
  assert.ok(!labels.some((l) => l.includes('114年11月13日及19日')));
});

test('kind: decisions only, each under its agenda item; agenda items only', async () => {
  const page = await demo();
  await openFilters(page);
  await page.locator('minutes-outline select').first().selectOption('decision');
  const labels = await shown(page);
  const decisions = labels.filter((l) => l.startsWith('決定：'));
  assert.equal(decisions.length, 4);
  assert.ok(labels.some((l) => l.startsWith('案由二：數位國際司施政重點')));
  assert.ok(labels.some((l) => l.includes('二、請國際司依規劃時程')), 'what was decided is shown');
  assert.ok(!labels.some((l) => l.includes('（報告單位：數位策略司）')), 'the reporting unit field is not a decision');
  await page.locator('minutes-outline select').first().selectOption('agenda');
  const agenda = await shown(page);
  assert.deepEqual(
    agenda.filter((l) => l.startsWith('案由')).map((l) => l.slice(0, 3)),
    ['案由一', '案由二', '案由三', '案由四', '案由四'],
  );
  assert.ok(!agenda.some((l) => l.startsWith('決定')));
});

test('depth: the tree opens to the level chosen; expand and collapse all', async () => {
  const page = await demo();
  await openFilters(page);
  await page.locator('minutes-outline select').last().selectOption('1');
  let labels = await shown(page);
  assert.ok(labels.every((l) => !l.startsWith('案由')));
  assert.ok(labels.some((l) => l.startsWith('貳、')));
  await page.locator('minutes-outline select').last().selectOption('2');
  labels = await shown(page);
  assert.ok(labels.some((l) => l.startsWith('案由一')));
  assert.ok(!labels.some((l) => l.startsWith('決定')));
  await page.getByRole('button', { name: '全部展開' }).click();
  // The body's 162 nodes (the header's 8 are in the card), and its 7 top-level sections.
  assert.equal((await shown(page)).length, 162);
  await page.getByRole('button', { name: '全部收合' }).click();
  assert.equal((await shown(page)).length, 7);
});

test('filters combine, live in the URL and come back from it', async () => {
  const page = await demo();
  await openFilters(page);
  await page.locator('minutes-outline .chip', { hasText: '法制處' }).click();
  await search(page).fill('海纜');
  await page.locator('minutes-outline mark').first().waitFor();
  assert.equal(await status(page), '2 個符合的項目');
  await page.waitForFunction(() => location.hash.includes('outline.q='));
  const url = page.url();
  assert.match(decodeURIComponent(url), /outline\.unit=法制處/);
  assert.match(decodeURIComponent(url), /sample=1/);
  // A new visitor with the link sees the same view.
  const other = await env.page({ viewport: { width: 1280, height: 900 } });
  await other.goto(url);
  await other.locator('minutes-outline mark').first().waitFor();
  assert.equal(await other.locator('minutes-outline input[type="search"]').inputValue(), '海纜');
  assert.equal(await other.locator('minutes-outline .chip', { hasText: '法制處' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await other.locator('minutes-outline [role="status"]').textContent(), '2 個符合的項目');
  // The status is a polite live region: screen readers hear the count.
  const live = other.locator('minutes-outline [role="status"]');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await page.getByRole('button', { name: '清除篩選' }).click();
  await page.waitForFunction(() => !location.hash.includes('outline.q='));
});

test('the meeting card: dates in both calendars, time span, people with their status', async () => {
  const page = await demo();
  const card = page.locator('minutes-outline .card');
  const text = await card.textContent();
  for (const want of ['114年11月20日（星期四）', '2025-11-20', '15:30–16:39', '本部延平大樓101會議室', '林宜敬 部長', '林怡芬']) {
    assert.ok(text.includes(want), want);
  }
  assert.match(text, /20 人，請假 1 人，代理 2 人/);
  assert.equal(await card.locator('.absent .who').textContent(), '鄭明宗 參事');
  assert.equal(await card.locator('.substituted').count(), 2);
  assert.match(await card.locator('.substituted').first().textContent(), /由陳坤中 高級分析師代理/);
  assert.equal(await card.locator('time').getAttribute('datetime'), '2025-11-20');
});

test('dates and amounts are marked up; an amount shows its value in 元 on focus', async () => {
  const page = await env.page();
  await page.goto(env.url + '/tests/browser/pages/inline-classic.html');
  const item = node(page, '說明：<script>alert(1)</script>');
  await item.waitFor();
  const data = item.locator('data');
  assert.equal(await data.getAttribute('value'), '32500000');
  assert.equal(await data.getAttribute('title'), '32,500,000 元');
  const time = node(page, '（一）113年度里鄰長講習').locator('time');
  assert.equal(await time.getAttribute('datetime'), '2024-04-21');
  await item.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  const after = await data.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(after, /32,500,000 元/);
});

test('a link to a node: copy it, open it, and the node is shown and focused', async () => {
  const page = await demo();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const target = node(page, '2、海纜障礙通報機制');
  // The row's link icon copies a link to that node; the status says which.
  await target.hover();
  await target.locator('.link').click();
  // Said once the clipboard has taken it (a promise), not at the click.
  await page.waitForFunction(() => document.querySelector('minutes-outline').shadowRoot.querySelector('[role="status"]').textContent !== '共 162 個項目');
  assert.equal(await status(page), '已複製「2、海纜障礙通報機制」的連結。');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The node is named by its path of markers and a fingerprint of its text, not by a number.
  const ref = new URLSearchParams(new URL(link).hash.slice(1)).get('outline.node');
  assert.match(ref, /^附錄\/[^/]+\/[^/]+\/[^/]+\/[^/]+\/2~[0-9a-z]+$/);
  // Selected, the toolbar's button copies the view with that node, and says so.
  assert.equal(await target.getAttribute('aria-selected'), 'true');
  await page.getByRole('button', { name: '複製連結' }).click();
  await page.waitForFunction(() => document.querySelector('minutes-outline').shadowRoot.querySelector('[role="status"]').textContent.startsWith('已複製連結：目前的檢視，指向「2、海纜障礙通報機制」'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Opened with everything collapsed below the top level, the link still reaches it.
  const other = await env.page({ viewport: { width: 1280, height: 600 } });
  await other.goto(link.replace('#', '#outline.depth=1&'));
  await other.waitForFunction(() => document.querySelector('minutes-outline').shadowRoot.activeElement?.textContent.includes('海纜障礙通報機制'));
  const focused = await other.evaluate(`${root}.activeElement.getAttribute('aria-level')`);
  assert.equal(focused, '6');
  const box = await other.evaluate(`${root}.activeElement.getBoundingClientRect().top`);
  assert.ok(box >= 0 && box < 600, 'scrolled into view');
});

test('the notes panel lists what the parser could not understand, each jumping to its node', async () => {
  const page = await demo();
  await page.evaluate(() => {
    document.querySelector('minutes-outline').text = '壹、報告事項\n一、甲案\n三、丙案\n日期：114年11月21日（星期四）\n';
  });
  const panel = page.locator('minutes-outline details.problems');
  await panel.waitFor();
  await panel.locator('summary').click();
  const entries = await panel.locator('li').allTextContents();
  assert.ok(entries.some((e) => e.includes('編號跳號：預期 二、，實際為 三、')), entries.join('\n'));
  assert.ok(entries.some((e) => e.includes('星期與日期不符')));
  await panel.getByRole('button', { name: /編號跳號/ }).click();
  await page.waitForFunction(() => document.querySelector('minutes-outline').shadowRoot.activeElement?.textContent.includes('丙案'));
});

test('export: JSON of the model, a Markdown outline and CSV of the view', async () => {
  const page = await demo();
  await openFilters(page);
  await page.locator('minutes-outline select').first().selectOption('decision');
  const save = async (kind) => {
    await page.locator('minutes-outline .menu > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`minutes-outline [data-export="${kind}"]`).click()]);
    return readFileSync(await download.path(), 'utf8');
  };
  const json = JSON.parse(await save('json'));
  assert.equal(json.meta.date, '2025-11-20');
  assert.equal(json.outline.length, 15);
  const md = await save('md');
  assert.match(md, /^# 數位發展部 第18次主管會議紀錄/);
  assert.match(md, /\n  - \*\*案由二：\*\* 數位國際司施政重點/);
  assert.match(md, /\n    - 決定：/);
  assert.ok(!md.includes('人工智慧基本法'), 'only the filtered view');
  const csv = await save('csv');
  assert.ok(csv.startsWith('\ufeffpath,marker,kind,unit,text,dates,line\r\n'));
  assert.match(csv, /貳、 > 案由一：,決定：,label,數位策略司,決定：,,26\r\n|貳、 > 案由一：,,label,數位策略司,決定：,,26\r\n/);
});

/** The element from the sources over a parser that counts its calls (pages/counted.js). */
async function counted() {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.url + '/tests/browser/pages/counted.html');
  await page.waitForFunction(() => window.countedReady);
  return page;
}
const seed002 = readFileSync(new URL('../fixtures/seeds/002_d55827880d80a051.txt', import.meta.url), 'utf8');

test('document: typical minutes are parsed once, the model coming with the outline; a long text parses again on first read only', async () => {
  const page = await counted();
  const long = `${seed002}\n`.repeat(Math.ceil(60_000 / seed002.length));
  const r = await page.evaluate(
    async ([typical, long]) => {
      const { parse } = await import('/pkg/parser.js');
      const el = document.getElementById('outline');
      const reset = () => Object.keys(window.calls).forEach((k) => (window.calls[k] = 0));
      await el.ready; // the empty element's own parse
      const run = async (text) => {
        reset();
        el.text = text;
        await el.ready;
        const shown = { ...window.calls };
        const modelAsked = window.args.parseFlat[2];
        const doc = el.document;
        const same = el.document === doc;
        const read = { ...window.calls };
        // The model is the parser's own for that text, not another.
        const right = JSON.stringify(doc) === JSON.stringify(parse(text));
        return { shown, read, modelAsked, same, right };
      };
      return { typical: await run(typical), long: await run(long), length: long.length };
    },
    [seed002, long],
  );
  assert.ok(r.length > 50_000);
  assert.equal(r.typical.modelAsked, true);
  assert.deepEqual([r.typical.shown.parseFlat, r.typical.shown.parse], [1, 0]);
  assert.deepEqual([r.typical.read.parseFlat, r.typical.read.parse], [1, 0], 'reading document parsed nothing again');
  assert.ok(r.typical.same && r.typical.right);
  assert.equal(r.long.modelAsked, false);
  assert.deepEqual([r.long.shown.parseFlat, r.long.shown.parse], [1, 0]);
  assert.deepEqual([r.long.read.parseFlat, r.long.read.parse], [1, 1], 'a long text: its model on first read, once');
  assert.ok(r.long.same && r.long.right);
  assert.deepEqual(page.errors, []);
});

test('export: Markdown and CSV are written by the parser, of the nodes the view shows', async () => {
  const page = await counted();
  await page.evaluate(async (text) => {
    const el = document.getElementById('outline');
    el.text = text;
    await el.ready;
  }, seed002);
  const save = async (kind) => {
    await page.locator('minutes-outline .menu > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`minutes-outline [data-export="${kind}"]`).click()]);
    return readFileSync(await download.path(), 'utf8');
  };
  const sent = (fn) =>
    page.evaluate((fn) => {
      const [text, keep, hints] = window.args[fn];
      return { calls: window.calls[fn], text: text.length, mask: ArrayBuffer.isView(keep) && keep.constructor.name, ones: keep.reduce((n, b) => n + b, 0), length: keep.length, hints: hints ?? null };
    }, fn);
  const md = await save('md');
  assert.match(md, /^# 數位發展部 第18次主管會議紀錄\n/);
  const all = await sent('markdown');
  assert.deepEqual({ ...all, ones: undefined }, { calls: 1, text: seed002.length, mask: 'Uint8Array', ones: undefined, length: all.length, hints: null });
  // The whole body: every node but the header's, which the card shows.
  const [count, bodyStart] = await page.evaluate(() => {
    const doc = document.getElementById('outline').document;
    const walk = (nodes) => nodes.reduce((n, x) => n + 1 + walk(x.children), 0);
    return [walk(doc.outline), doc.bodyStart];
  });
  assert.ok(bodyStart > 0);
  assert.deepEqual([all.length, all.ones], [count, count - bodyStart]);
  // Filtered: the nodes the view shows, their ancestors with them, and no others.
  await openFilters(page);
  await page.locator('minutes-outline select').first().selectOption('decision');
  const rows = await page.locator('minutes-outline [role="tree"]:not(.parked) [role="treeitem"]').count();
  const csv = await save('csv');
  const some = await sent('csv');
  assert.equal(some.calls, 1);
  assert.equal(some.ones, rows);
  assert.equal(csv.split('\r\n').length - 2, rows, 'a row a node shown, after the heading');
  assert.deepEqual(page.errors, []);
});

test('print: the whole tree expanded, without the toolbar', async () => {
  const page = await demo();
  await page.getByRole('button', { name: '全部收合' }).click();
  const child = node(page, '（一）第17次（10月）主管會議列管案件');
  assert.equal(await child.isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await child.isVisible());
  assert.equal(await page.locator('minutes-outline .toolbar').isVisible(), false);
});

test('keyboard: * opens siblings, typing jumps, Enter selects; collapsed text stays findable', async () => {
  const page = await demo();
  await page.evaluate(() => {
    window.selected = [];
    document.querySelector('minutes-outline').addEventListener('mo-select', (e) => window.selected.push(e.detail.node.marker));
  });
  await page.getByRole('button', { name: '全部收合' }).click();
  await page.locator('minutes-outline .menu > summary').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await page.keyboard.press('*');
  for (const name of ['貳、報告事項', '附錄']) {
    assert.equal(await page.getByRole('treeitem', { name, exact: true }).getAttribute('aria-expanded'), 'true');
  }
  // Typing jumps to the next item that starts with what was typed (IMEs type no keys, so
  // this is for digits and letters: 2 finds 2、).
  await page.getByRole('button', { name: '全部展開' }).click();
  await page.locator('minutes-outline .menu > summary').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  assert.match(await page.evaluate(`${root}.activeElement.textContent`), /^2、海纜障礙通報機制/);
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.evaluate(() => window.selected), ['2、']);
  assert.equal(await node(page, '2、海纜障礙通報機制').getAttribute('aria-selected'), 'true');
  // A closed group is hidden until found: the browser's find-in-page can open it.
  await page.getByRole('button', { name: '全部收合' }).click();
  const group = page.locator('minutes-outline [role="treeitem"][aria-expanded="false"] + ul[role="group"]').first();
  assert.equal(await group.getAttribute('hidden'), 'until-found');
  // The browser fires beforematch on the hidden element and then shows it; the tree follows.
  const opened = await group.evaluate((g) => {
    g.dispatchEvent(new Event('beforematch', { bubbles: true }));
    return [g.previousElementSibling.getAttribute('aria-expanded'), g.hasAttribute('hidden')];
  });
  assert.deepEqual(opened, ['true', false]);
});

test('API and events: setFilter, filter, reveal, document, mo-ready and mo-filter', async () => {
  const page = await demo();
  const result = await page.evaluate(async () => {
    const el = document.querySelector('minutes-outline');
    const seen = [];
    el.addEventListener('mo-filter', (e) => seen.push(e.detail));
    el.setFilter({ q: '資安', units: ['資通安全署'] });
    const filtered = el.filter;
    const ready = new Promise((ok) => el.addEventListener('mo-ready', (e) => ok(e.detail), { once: true }));
    el.clearFilter();
    el.text = '壹、報告事項\n一、甲\n二、乙\n';
    const detail = await ready;
    const doc = el.document;
    const revealed = el.reveal(2);
    const active = el.shadowRoot.activeElement.textContent;
    // A depth deeper than the select offers still shows in it.
    el.setFilter({ depth: 5 });
    const select = el.shadowRoot.querySelector('select[id$="depth"]');
    const depth = select.options[select.selectedIndex]?.textContent;
    return { seen, filtered, detail, doc: doc.outline[0].children.map((n) => n.marker), revealed, active, depth };
  });
  assert.equal(result.depth, '到第5層');
  assert.equal(result.seen[0].filter.q, '資安');
  assert.ok(result.seen[0].matches > 3);
  assert.deepEqual(result.filtered.units, ['資通安全署']);
  assert.deepEqual(result.detail, { nodes: 3, diagnostics: 0 });
  assert.deepEqual(result.doc, ['一、', '二、']);
  assert.equal(result.revealed, true);
  assert.match(result.active, /二、乙/);
});

test('English interface with lang="en"; theming by custom properties and parts; dark mode', async () => {
  const page = await env.page({ colorScheme: 'dark' });
  await page.goto(env.url + '/tests/browser/pages/themed.html');
  const en = page.locator('#en');
  await en.getByRole('treeitem').first().waitFor();
  assert.equal(await en.locator('input[type="search"]').getAttribute('placeholder'), 'Search (e.g. 海纜, 決議)');
  assert.ok(await en.getByRole('button', { name: 'Expand all' }).isVisible());
  // The page set --mo-accent and styled ::part(row).
  const accent = await page.locator('#themed').getByRole('button', { name: '全部展開' }).evaluate((b) => getComputedStyle(b).color);
  assert.equal(accent, 'rgb(128, 0, 128)');
  const row = await page.locator('#themed .row').first().evaluate((r) => getComputedStyle(r).letterSpacing);
  assert.equal(row, '1px');
  // Dark by default in a dark scheme.
  const bg = await en.locator('.mo').evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.equal(bg, 'rgb(27, 27, 27)');
});

// Takes the screenshots in docs/ from the demo as it is, in headless Chromium:
//   node tools/screenshots.mjs        (after tools/build.sh)
// README's images (docs/screenshot*.png), and docs/screenshots/: both seeds and three corpus
// documents (from ../shared/corpus, skipped when it is absent) at 1280×900 and 390×844, light
// and dark, each the first screen a reader sees.
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { start, seeds } from '../tests/browser/browser.mjs';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const docs = [
  ...seeds,
  ...['tpe-urbanplan-503', 'kinmen-jincheng-rep-12-15-4', 'chcec-233']
    .filter((name) => existsSync(new URL(`${name}.txt`, CORPUS)))
    .map((name) => ({ name, text: readFileSync(new URL(`${name}.txt`, CORPUS), 'utf8') })),
];
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const env = await start();

/** The demo at `size` in `scheme`, showing `text` as a reader who pasted it would see it. */
async function demo(size, scheme, text) {
  const page = await env.page({ viewport: size, colorScheme: scheme, deviceScaleFactor: 1 });
  await page.goto(env.url + '/www/');
  await page.getByRole('treeitem').first().waitFor();
  if (text) {
    await page.evaluate(async (text) => {
      const el = document.querySelector('minutes-outline');
      const paste = document.getElementById('paste');
      paste.value = text;
      const done = new Promise((ok) => el.addEventListener('mo-ready', ok, { once: true }));
      paste.dispatchEvent(new InputEvent('input', { inputType: 'insertText', bubbles: true }));
      await done;
    }, text);
  }
  await page.evaluate(() => document.fonts.ready);
  return page;
}

try {
  for (const [name, scheme, search] of [
    ['screenshot', 'light', ''],
    ['screenshot-dark', 'dark', ''],
    ['screenshot-search', 'light', '海纜'],
  ]) {
    const page = await demo(SIZES.desktop, scheme, null);
    if (search) {
      await page.locator('minutes-outline input[type="search"]').fill(search);
      await page.locator('minutes-outline mark').first().waitFor();
    }
    await page.screenshot({ path: `docs/${name}.png` });
    console.log(`docs/${name}.png`);
    await page.context().close();
  }
  const phone = await demo(SIZES.phone, 'light', null);
  await phone.screenshot({ path: 'docs/screenshot-phone.png' });
  console.log('docs/screenshot-phone.png');
  await phone.context().close();

  mkdirSync('docs/screenshots', { recursive: true });
  for (const doc of docs) {
    for (const [where, size] of Object.entries(SIZES)) {
      for (const scheme of ['light', 'dark']) {
        const page = await demo(size, scheme, doc.text);
        const path = `docs/screenshots/${doc.name}-${where}-${scheme}.png`;
        await page.screenshot({ path });
        console.log(path);
        await page.context().close();
      }
    }
  }
} finally {
  await env.close();
}

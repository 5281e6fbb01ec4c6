// Takes the screenshots in docs/ from the demo as it is, in headless Chromium:
//   node tools/screenshots.mjs        (after tools/build.sh)
import { start } from '../tests/browser/browser.mjs';

const env = await start();
try {
  for (const [name, scheme, search] of [
    ['screenshot', 'light', ''],
    ['screenshot-dark', 'dark', ''],
    ['screenshot-search', 'light', '海纜'],
  ]) {
    const page = await env.page({ viewport: { width: 1280, height: 1400 }, colorScheme: scheme, deviceScaleFactor: 1 });
    await page.goto(env.url + '/www/');
    await page.getByRole('treeitem').first().waitFor();
    if (search) {
      await page.locator('minutes-outline input[type="search"]').fill(search);
      await page.locator('minutes-outline mark').first().waitFor();
    }
    await page.screenshot({ path: `docs/${name}.png` });
    console.log(`docs/${name}.png`);
  }
} finally {
  await env.close();
}

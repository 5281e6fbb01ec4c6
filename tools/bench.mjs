// The benchmark behind docs/PERFORMANCE.md: every figure of issue 7, measured in the same
// run as its reference, printed as a Markdown table.
//   node tools/bench.mjs [--quick] [--json out.json] [--only throughput,native,size,first,filter]
// tools/bench.sh builds what it needs first (pkg/, the native bench) and runs this.
//
// References, in the same browser and the same run, because these machines are noisy:
//   markdown-it's `parse` (a mature, fast JavaScript parser of another line-structured format),
//   and the floor: `text.split('\n')` into `{ text, line }` objects, the least any outliner does.
// Timings are medians of interleaved rounds: ours, the reference, ours, … so that a slow
// moment of the machine lands on both.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { start } from '../tests/browser/browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const ROUNDS = QUICK ? 5 : 15;
// Some figures only (`--only first,filter`); all by default.
const ONLY = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : null;
const want = (name) => !ONLY || ONLY.has(name);

// ----- inputs ---------------------------------------------------------------------------------

const seedDir = join(ROOT, 'tests/fixtures/seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));
const meeting = seeds[0]; // seed 000, 34 KB
const archiveBytes = 5_000_000;
let archive = '';
while (Buffer.byteLength(archive) < archiveBytes) archive += seeds.join('\n');
const utf8 = (s) => Buffer.byteLength(s);

// markdown-it as one script for the page (a dev-dependency, bundled by esbuild).
const mdBundle = join(ROOT, 'target/bench/markdown-it.js');
if (!existsSync(mdBundle)) {
  mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: "export { default } from 'markdown-it';", resolveDir: ROOT },
    bundle: true,
    format: 'iife',
    globalName: 'markdownitModule',
    outfile: mdBundle,
    logLevel: 'error',
  });
}

const env = await start();
const rows = [];
const figures = {};
const row = (figure, how, value, target, met) => rows.push({ figure, how, value, target, met });
const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1e3);
const fmt = (x, d = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));

try {
  // ----- parse throughput ---------------------------------------------------------------------
  if (want('throughput')) {
    const page = await env.page();
    await page.goto(env.url + '/tests/browser/pages/parser.html');
    await page.evaluate(() => window.parserReady);
    await page.addScriptTag({ path: mdBundle });
    const r = await page.evaluate(
      async ({ meeting, archive, rounds }) => {
        const mod = await import('/pkg/parser.js');
        const md = (window.markdownitModule.default ?? window.markdownitModule)();
        const floor = (s) => s.split('\n').map((text, line) => ({ text, line }));
        // V8 caches split() results per string: each floor call gets a string of its own (a
        // slice, not a copy, one character shorter each time).
        let cut = 0;
        const fresh = (s) => s.slice(0, s.length - 1 - (cut++ % 64));
        // Interleaved rounds after a warm-up; the median of each.
        const race = (fns, n) => {
          const t = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
          for (const f of Object.values(fns)) f();
          for (let i = 0; i < n; i++) {
            for (const [k, f] of Object.entries(fns)) {
              const t0 = performance.now();
              f();
              t[k].push(performance.now() - t0);
            }
          }
          const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
          return Object.fromEntries(Object.entries(t).map(([k, a]) => [k, med(a)]));
        };
        const one = race(
          {
            ours: () => mod.parseFlat(meeting),
            model: () => mod.parse(meeting),
            md: () => md.parse(meeting, {}),
            floor: () => floor(fresh(meeting)),
          },
          rounds * 4,
        );
        const big = race(
          {
            ours: () => mod.parseFlat(archive),
            md: () => md.parse(archive, {}),
            floor: () => floor(fresh(archive)),
          },
          rounds,
        );
        const bigModel = race({ model: () => mod.parse(archive) }, 3).model;
        // Linear memory only grows, so its size after the archive is its peak.
        const mem = (await mod.default()).memory?.buffer.byteLength ?? null;
        return { one, big, bigModel, mem, nodes: mod.parseFlat(archive).count };
      },
      { meeting, archive, rounds: ROUNDS },
    );
    figures.throughput = r;
    const b1 = utf8(meeting);
    const c1 = meeting.length;
    const bB = utf8(archive);
    const cB = archive.length;
    const line = (name, bytes, chars, ms) =>
      `${name} ${fmt(ms, 2)} ms = ${fmt(mbps(bytes, ms))} MB/s, ${fmt(chars / 1e6 / (ms / 1e3))} M chars/s`;
    const r1 = r.one.md / r.one.ours;
    row(
      `parse, one meeting (seed 000, ${(b1 / 1000).toFixed(0)} KB)`,
      'headless Chromium, median of interleaved rounds',
      [
        line('parseFlat', b1, c1, r.one.ours),
        line('parse (model objects)', b1, c1, r.one.model),
        line('markdown-it', b1, c1, r.one.md),
        `**${r1.toFixed(2)}× markdown-it**`,
      ].join('<br>'),
      '≥ 5× markdown-it',
      r1 >= 5,
    );
    const r2 = r.big.md / r.big.ours;
    const f2 = r.big.floor / r.big.ours;
    row(
      `parse, archive (seeds repeated, ${(bB / 1e6).toFixed(1)} MB)`,
      'same, with the floor',
      [
        line('parseFlat', bB, cB, r.big.ours),
        line('parse (model objects)', bB, cB, r.bigModel),
        line('markdown-it', bB, cB, r.big.md),
        line('floor', bB, cB, r.big.floor),
        `**${r2.toFixed(2)}× markdown-it, ${f2.toFixed(2)}× the floor**`,
      ].join('<br>'),
      '≥ 2.5× markdown-it and ≥ 0.2× the floor',
      r2 >= 2.5 && f2 >= 0.2,
    );
    figures.wasmMemory = r.mem;
    await page.context().close();
  }

  // ----- native throughput --------------------------------------------------------------------
  if (want('native')) {
    let native = null;
    try {
      const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'parse'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Divan's table: name │ fastest │ slowest │ median │ mean │ samples │ iters.
      const unit = { ns: 1e-6, 'µs': 1e-3, ms: 1, s: 1e3 };
      const median = (name) => {
        const line = out.split('\n').find((l) => l.includes(name));
        const cells = line.split('│').map((c) => c.trim());
        const [, v, u] = cells[2].match(/^([\d.]+)\s*(\S+)$/);
        return +v * unit[u];
      };
      native = {
        archive_ms: median('archive_5mb'),
        archive_bytes: utf8(archive),
        meeting_ms: median('meeting_seed000'),
        meeting_bytes: utf8(meeting),
      };
    } catch (e) {
      console.error('native bench failed:', e.message);
    }
    figures.native = native;
    const wasmMs = figures.throughput?.big.ours ?? NaN;
    row(
      'native parse throughput',
      '`cargo bench --bench parse` (opt-level 3), same archive',
      native
        ? [
            `archive ${fmt(native.archive_ms, 2)} ms = ${fmt(mbps(native.archive_bytes, native.archive_ms))} MB/s`,
            `seed 000 ${fmt(native.meeting_ms, 3)} ms = ${fmt(mbps(native.meeting_bytes, native.meeting_ms))} MB/s`,
            `**wasm/native time ${(wasmMs / native.archive_ms).toFixed(1)}×** (archive, parseFlat)`,
          ].join('<br>')
        : 'failed',
      'reported',
      native != null,
    );
  }

  // ----- size ---------------------------------------------------------------------------------
  if (want('size')) {
    const size = (f) => {
      const b = readFileSync(join(ROOT, 'pkg', f));
      return {
        raw: b.length,
        gzip: gzipSync(b, { level: 9 }).length,
        br: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    };
    const kb = (n) => (n / 1024).toFixed(1);
    const w = size('parser_bg.wasm');
    const d = size('minutes-outline.js');
    figures.size = { wasm: w, dropin: d };
    row(
      'size',
      'pkg/ files; gzip -9, brotli 11; KB = 1024 bytes',
      [
        `parser_bg.wasm ${kb(w.raw)} / **${kb(w.gzip)}** / ${kb(w.br)} KB`,
        `minutes-outline.js ${kb(d.raw)} / **${kb(d.gzip)}** / ${kb(d.br)} KB`,
      ].join('<br>'),
      'wasm ≤ 60 KB gzip; drop-in ≤ 120 KB gzip',
      w.gzip <= 60 * 1024 && d.gzip <= 120 * 1024,
    );
  }

  // ----- time to first outline ----------------------------------------------------------------
  // A webmaster's page (one classic script, seed 002 inline) from navigation to the first row of
  // the tree, cold. References in the same run: DOMContentLoaded of the same load (the inline
  // text is whole only then, so no outline can come sooner), and the drop-in file of the `main`
  // branch, loaded in alternation with this one.
  if (want('first')) {
    const seed2 = seeds[1];
    const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const page = (script) => `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>first outline</title>
<script src="${script}"></script></head><body><h1>某機關會議紀錄</h1>
<minutes-outline>${esc(seed2)}</minutes-outline></body></html>`;
    // Files the server serves like any page (routing them through playwright would delay every
    // request of the page, the script's too).
    const variants = { ours: '/target/bench/first.html' };
    writeFileSync(join(ROOT, 'target/bench/first.html'), page('/pkg/minutes-outline.js'));
    try {
      const main = execFileSync('git', ['show', 'main:pkg/minutes-outline.js'], { cwd: ROOT, maxBuffer: 64 << 20 });
      mkdirSync(join(ROOT, 'target/bench/main'), { recursive: true });
      writeFileSync(join(ROOT, 'target/bench/main/minutes-outline.js'), main);
      writeFileSync(join(ROOT, 'target/bench/first-main.html'), page('/target/bench/main/minutes-outline.js'));
      variants.main = '/target/bench/first-main.html';
    } catch {
      console.error('time to first outline: no `main` branch to compare with');
    }
    const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let i = 0; i < (QUICK ? 5 : 10); i++) {
      for (const [name, path] of Object.entries(variants)) {
        // A fresh context each time: cold HTTP cache and no compiled-code cache.
        const p = await env.page();
        await p.addInitScript(() => {
          // Watch every shadow root the page makes for the first tree item.
          const attach = Element.prototype.attachShadow;
          window.__first = new Promise((done) => {
            Element.prototype.attachShadow = function (init) {
              const root = attach.call(this, init);
              new MutationObserver((_, obs) => {
                if (root.querySelector('[role="treeitem"]')) {
                  obs.disconnect();
                  done(performance.now());
                }
              }).observe(root, { childList: true, subtree: true });
              return root;
            };
          });
        });
        await p.goto(env.url + path);
        runs[name].push(
          await p.evaluate(async () => {
            const first = await window.__first;
            const nav = performance.getEntriesByType('navigation')[0];
            const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('minutes-outline.js'));
            return { first, script: script?.responseEnd ?? NaN, dcl: nav.domContentLoadedEventStart };
          }),
        );
        await p.context().close();
      }
    }
    const med = (list, k) => list.map((x) => x[k]).sort((a, b) => a - b)[list.length >> 1];
    figures.firstOutline = runs;
    const ours = runs.ours;
    const firsts = ours.map((x) => x.first).sort((a, b) => a - b);
    const m = med(ours, 'first');
    row(
      'time to first outline',
      `a webmaster's page: the drop-in file + seed 002 inline; navigation start → first treeitem, fresh context, median of ${ours.length}, in alternation with \`main\`'s drop-in`,
      [
        `**${m.toFixed(1)} ms** (min ${firsts[0].toFixed(1)}, max ${firsts.at(-1).toFixed(1)}); DOMContentLoaded **${med(ours, 'dcl').toFixed(1)} ms**, drop-in file received ${med(ours, 'script').toFixed(0)} ms`,
        runs.main ? `\`main\`: ${med(runs.main, 'first').toFixed(1)} ms, DOMContentLoaded ${med(runs.main, 'dcl').toFixed(1)} ms` : '`main`: not available',
      ].join('<br>'),
      '≤ 50 ms',
      m <= 50,
    );
  }

  // ----- filter latency and memory on the archive ----------------------------------------------
  if (want('filter')) {
    const page = await env.page();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(env.url + '/tests/browser/pages/inline-module.html');
    await page.waitForFunction(() => customElements.get('minutes-outline'));
    const heap0 = await heapUsed(cdp);
    await page.evaluate(async (text) => {
      const el = document.querySelector('minutes-outline');
      el.text = text;
      await el.ready;
    }, archive);
    const heap1 = await heapUsed(cdp);
    const count = figures.throughput?.nodes;
    // 50 keystrokes: words a reader looks for, typed one character at a time, each word
    // cleared before the next (clearing measured on its own).
    const words = ['決定', '預算', '2025', '數位', '說明', '教育部', '會議', '主席', '辦理', '資料', '計畫', '網路', '報告', '提案', '經費', '委員', '通過', '執行', '民國', '業務', '修正', '研議', '人員'];
    const search = page.locator('minutes-outline input[type="search"]');
    await search.focus();
    await page.evaluate(() => {
      const el = document.querySelector('minutes-outline');
      window.__lat = [];
      // keystroke (the event's own time stamp) → the end of the next frame rendered after the
      // component has applied the filter: a user-blocking task posted from that frame's
      // animation callback runs once the frame is done, ahead of the render's later slices.
      const input = el.shadowRoot.querySelector('input[type="search"]');
      input.addEventListener('beforeinput', (e) => (window.__t0 = e.timeStamp), true);
      input.addEventListener('keydown', (e) => (window.__t0 = e.timeStamp), true);
      el.addEventListener('mo-filter', () => {
        const t0 = window.__t0;
        const after = (f) => (window.scheduler?.postTask ? scheduler.postTask(f, { priority: 'user-blocking' }) : setTimeout(f, 0));
        requestAnimationFrame(() => after(() => window.__lat.push(performance.now() - t0)));
      });
    });
    const typing = [];
    const clearing = [];
    for (const w of words) {
      const chars = [...w].slice(0, Math.max(0, 50 - typing.length));
      if (!chars.length) break;
      for (const ch of chars) typing.push(await keystroke(page, () => page.keyboard.insertText(ch)));
      clearing.push(await keystroke(page, () => page.keyboard.press('Escape')));
    }
    // A keystroke whose filter never answered (NaN) counts as the slowest, not as a number.
    const pct = (a, p) => {
      const s = a.map((x) => (Number.isNaN(x) ? Infinity : x)).sort((x, y) => x - y);
      return s[Math.min(s.length - 1, Math.floor(s.length * p))];
    };
    figures.filter = { typing, clearing, nodes: count };
    row(
      `filter latency, archive (${count ?? '?'} nodes)`,
      `keystroke → next paint after the filter applied; ${typing.length} keystrokes, ${clearing.length} clears (Esc)`,
      `typing p50 ${pct(typing, 0.5).toFixed(0)} ms, **p95 ${pct(typing, 0.95).toFixed(0)} ms**; clear p50 ${pct(clearing, 0.5).toFixed(0)} ms, **max ${pct(clearing, 1).toFixed(0)} ms**`,
      'p95 ≤ 50 ms, clear ≤ 50 ms',
      pct(typing, 0.95) <= 50 && pct(clearing, 1) <= 50,
    );
    const wasm = figures.wasmMemory;
    const js = heap1 - heap0;
    const bytes = utf8(archive);
    figures.memory = { wasm, js, bytes };
    row(
      'memory, archive',
      'wasm linear memory after parseFlat (its peak: it only grows); JS heap of the page after the component parsed and rendered it, minus before, after GC',
      `wasm ${(wasm / 2 ** 20).toFixed(1)} MiB = **${(wasm / bytes).toFixed(2)}×** input; JS heap +${(js / 2 ** 20).toFixed(1)} MiB = **${(js / bytes).toFixed(2)}×** input (input ${(bytes / 2 ** 20).toFixed(1)} MiB UTF-8)`,
      '≤ 4× the input',
      wasm <= 4 * bytes && js <= 4 * bytes,
    );
    await page.context().close();
  }
} finally {
  await env.close();
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Runs one key action and waits for the latency it recorded (or the next paint if none). */
async function keystroke(page, act) {
  const before = await page.evaluate(() => window.__lat.length);
  await act();
  try {
    await page.waitForFunction((n) => window.__lat.length > n, before, { timeout: 5000 });
  } catch {
    return NaN;
  }
  return page.evaluate(() => window.__lat[window.__lat.length - 1]);
}

// ----- the table ------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const machine = `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${chromium}; node ${process.version}`;
console.log(`\nmachine: ${machine}\n`);
console.log('| figure | how | measured | target | met |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.figure} | ${r.how} | ${r.value} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ machine, figures, rows }, null, 2));

// The element's public API as documented, against the code: the Custom Elements Manifest
// (src/component/custom-elements.json), the TypeScript types (src/component/minutes-outline.d.ts)
// and docs/COMPONENT.md must name exactly what the element has, in both directions, so that
// none of them can drift from the code. Then `tsc --strict` compiles a developer's use of the
// types from pkg/ (tests/types/), and must refuse each mistake in tests/types/misuse.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { start } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const MANIFEST = JSON.parse(read('src/component/custom-elements.json'));
const DTS = read('src/component/minutes-outline.d.ts');
const DOCS = read('docs/COMPONENT.md');
const SOURCES = readdirSync(join(ROOT, 'src/component'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => read(`src/component/${f}`))
  .join('\n');

const ELEMENT = MANIFEST.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement);
const names = (list) => (list ?? []).map((x) => x.name).sort();
const ATTRIBUTES = names(ELEMENT.attributes);
const FIELDS = ELEMENT.members.filter((m) => m.kind === 'field');
const METHODS = ELEMENT.members.filter((m) => m.kind === 'method');
const EVENTS = names(ELEMENT.events);
const PARTS = names(ELEMENT.cssParts);
const PROPERTIES = names(ELEMENT.cssProperties);
/** Custom element callbacks and statics the platform asks for: not the element's API. */
const PROTOCOL = new Set([
  'constructor',
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'connectedMoveCallback',
  'observedAttributes',
  'length',
  'name',
  'prototype',
]);

/** Minutes with a header, units, a table, a numbering gap (a note) and a decision. */
const SAMPLE =
  [
    '臺北市某區公所113年第5次區務會議紀錄',
    '時間：113年5月8日（星期三）上午9時30分',
    '地點：本所第一會議室',
    '主席：王區長大明',
    '壹、報告事項',
    '一、民政課（報告單位：民政課）',
    '（一）里鄰長講習已於4月底辦理完竣，經費新臺幣12萬元。',
    '（三）防災演練訂於5月中旬辦理。',
    '二、社會課（報告單位：社會課）',
    '項目\t件數\t完成率',
    '低收入戶\t120\t92.5%',
    '貳、討論事項',
    '案由一：本所廳舍修繕經費案。',
    '說明：修繕經費新臺幣3,250萬元。',
    '決議：照案通過。',
    '參、散會（上午11時10分）',
  ].join('\n') + '\n';

/** The policy docs/COMPONENT.md gives, Trusted Types and the worker's policy name included. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; trusted-types minutes-outline";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** A page served at `path` with `body` under the policy `csp`, the drop-in script in its head. */
async function pageWith(path, body, csp = CSP) {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  const url = env.url + path;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
      body: `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>api</title><script src="/pkg/minutes-outline.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

/** Every part name in the element's shadow root now. */
const partsNow = (page, sel = 'minutes-outline') =>
  page.evaluate(
    (sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part').split(/\s+/)),
    sel,
  );

// ----- the manifest's own shape -------------------------------------------------------------------

/** The fields schema 2.1.0 of the Custom Elements Manifest allows for each kind of object. */
const SHAPES = {
  package: { required: ['schemaVersion', 'modules'], allowed: ['readme', 'deprecated'] },
  module: { required: ['kind', 'path'], allowed: ['summary', 'description', 'declarations', 'exports', 'deprecated'] },
  element: {
    required: ['kind', 'name', 'customElement'],
    allowed: ['summary', 'description', 'superclass', 'mixins', 'members', 'source', 'deprecated', 'tagName', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates', 'demos'],
  },
  attribute: { required: ['name'], allowed: ['summary', 'description', 'inheritedFrom', 'type', 'default', 'fieldName', 'deprecated'] },
  field: { required: ['kind', 'name'], allowed: ['summary', 'description', 'type', 'default', 'static', 'privacy', 'inheritedFrom', 'source', 'deprecated', 'readonly', 'attribute', 'reflects'] },
  method: { required: ['kind', 'name'], allowed: ['summary', 'description', 'parameters', 'return', 'static', 'privacy', 'inheritedFrom', 'source', 'deprecated'] },
  parameter: { required: ['name'], allowed: ['summary', 'description', 'type', 'default', 'optional', 'rest', 'readonly', 'deprecated'] },
  event: { required: ['name', 'type'], allowed: ['summary', 'description', 'inheritedFrom', 'deprecated'] },
  named: { required: ['name'], allowed: ['summary', 'description', 'deprecated'] },
  cssProperty: { required: ['name'], allowed: ['summary', 'description', 'default', 'syntax', 'deprecated'] },
  export: { required: ['kind', 'name', 'declaration'], allowed: ['deprecated'] },
};

function shape(obj, kind, where) {
  const { required, allowed } = SHAPES[kind];
  for (const key of required) assert.ok(key in obj, `${where}: ${kind} lacks "${key}"`);
  for (const key of Object.keys(obj)) assert.ok(required.includes(key) || allowed.includes(key), `${where}: "${key}" is not a field of a ${kind}`);
  for (const key of ['type']) if (key in obj && kind !== 'export') assert.equal(typeof obj[key].text, 'string', `${where}: type.text`);
}

test('the manifest follows Custom Elements Manifest 2.1.0, and pkg/ ships it with the types', () => {
  shape(MANIFEST, 'package', 'manifest');
  assert.equal(MANIFEST.schemaVersion, '2.1.0');
  for (const m of MANIFEST.modules) {
    shape(m, 'module', m.path);
    assert.equal(m.kind, 'javascript-module');
    for (const e of m.exports ?? []) {
      shape(e, 'export', m.path);
      assert.ok(['js', 'custom-element-definition'].includes(e.kind), e.kind);
    }
  }
  const m = MANIFEST.modules[0];
  assert.equal(m.path, 'minutes-outline.js', 'the module is the file the package ships');
  shape(ELEMENT, 'element', ELEMENT.name);
  assert.equal(ELEMENT.kind, 'class');
  assert.equal(ELEMENT.customElement, true);
  assert.equal(ELEMENT.tagName, 'minutes-outline');
  assert.deepEqual(
    m.exports.filter((e) => e.kind === 'custom-element-definition'),
    [{ kind: 'custom-element-definition', name: 'minutes-outline', declaration: { name: ELEMENT.name, module: m.path } }],
  );
  for (const a of ELEMENT.attributes) shape(a, 'attribute', `attribute ${a.name}`);
  for (const f of FIELDS) shape(f, 'field', `field ${f.name}`);
  for (const f of METHODS) {
    shape(f, 'method', `method ${f.name}`);
    for (const p of f.parameters ?? []) shape(p, 'parameter', `${f.name}(${p.name})`);
  }
  for (const e of ELEMENT.events) shape(e, 'event', `event ${e.name}`);
  for (const p of ELEMENT.cssParts) shape(p, 'named', `part ${p.name}`);
  for (const s of ELEMENT.slots) shape(s, 'named', `slot ${s.name}`);
  for (const p of ELEMENT.cssProperties) {
    shape(p, 'cssProperty', p.name);
    assert.match(p.name, /^--mo-[a-z-]+$/);
  }
  for (const list of [ATTRIBUTES, ELEMENT.members.map((x) => `${x.static ? 'static ' : ''}${x.name}`), EVENTS, PARTS, PROPERTIES]) {
    assert.equal(new Set(list).size, list.length, `no name twice: ${list}`);
  }
  for (const a of ELEMENT.attributes.filter((a) => a.fieldName)) {
    assert.ok(ELEMENT.members.some((f) => f.name === a.fieldName) || ['lang', 'id'].includes(a.fieldName), `${a.name} → ${a.fieldName}`);
  }

  // pkg/ ships both files as they are, and package.json points at them.
  assert.equal(read('pkg/custom-elements.json'), read('src/component/custom-elements.json'));
  assert.equal(read('pkg/minutes-outline.d.ts'), DTS);
  const pkg = JSON.parse(read('pkg/package.json'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.equal(pkg.types, './minutes-outline.d.ts');
  assert.deepEqual(pkg.exports['.'], { types: './minutes-outline.d.ts', default: './minutes-outline.js' });
  for (const f of ['minutes-outline.js', 'minutes-outline.d.ts', 'custom-elements.json']) assert.ok(pkg.files.includes(f), f);
});

// ----- the manifest against the element in a browser --------------------------------------------

test('attributes and members: the manifest lists exactly what the element observes and has', async () => {
  const page = await pageWith('/api/members.html', '<minutes-outline id="outline"></minutes-outline>');
  const found = await page.evaluate(async (text) => {
    await customElements.whenDefined('minutes-outline');
    const C = customElements.get('minutes-outline');
    const el = document.querySelector('minutes-outline');
    el.text = text;
    await el.ready;
    const describe = (obj) =>
      Object.fromEntries(
        Object.getOwnPropertyNames(obj).map((k) => {
          const d = Object.getOwnPropertyDescriptor(obj, k);
          return [k, { get: !!d.get, set: !!d.set, fn: typeof d.value === 'function' }];
        }),
      );
    return {
      observed: [...C.observedAttributes],
      proto: describe(C.prototype),
      statics: describe(C),
      own: Object.getOwnPropertyNames(el),
      link: el.linkTo(3),
      // What the file exports when imported as a module (loading it again defines nothing twice).
      exports: Object.keys(await import('/pkg/minutes-outline.js')),
    };
  }, SAMPLE);

  // Attributes: each is observed, or honoured another way (checked here); none observed is unlisted.
  const honoured = {
    id: () => assert.match(found.link, /#outline\.node=[^&=]+$/, 'the id prefixes the fragment keys'),
    // Read when a download starts: a server that never answers is given up on after `timeout` seconds.
    timeout: async () => {
      await page.route(env.url + '/api/silent.txt', () => {});
      const waited = await page.evaluate(async () => {
        const el = document.createElement('minutes-outline');
        el.setAttribute('timeout', '1');
        el.src = '/api/silent.txt';
        const t0 = performance.now();
        const error = new Promise((ok) => el.addEventListener('mo-error', ok, { once: true }));
        document.body.append(el);
        await error;
        return performance.now() - t0;
      });
      assert.ok(waited >= 900 && waited < 10_000, `gave up after ${waited} ms`);
    },
  };
  for (const a of ATTRIBUTES) {
    if (found.observed.includes(a)) continue;
    assert.ok(honoured[a], `attribute "${a}" is neither observed nor known to be honoured`);
    await honoured[a]();
  }
  for (const a of found.observed) assert.ok(ATTRIBUTES.includes(a), `observed attribute "${a}" is not in the manifest`);

  // Members: the same names, of the same kind, in both directions.
  const check = (actual, listed, where) => {
    const api = Object.keys(actual).filter((k) => !PROTOCOL.has(k)).sort();
    assert.deepEqual(api, names(listed), `${where} members`);
    for (const m of listed) {
      const d = actual[m.name];
      if (m.kind === 'method') assert.ok(d.fn, `${m.name} is a method`);
      else {
        assert.ok(d.get, `${m.name} is a property`);
        assert.equal(!d.set, !!m.readonly, `${m.name} is ${m.readonly ? '' : 'not '}read-only`);
      }
    }
  };
  check(found.proto, ELEMENT.members.filter((m) => !m.static), 'instance');
  check(found.statics, ELEMENT.members.filter((m) => m.static), 'static');
  assert.deepEqual(found.own, [], 'no public fields on the instance itself');
  const jsExports = MANIFEST.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'js').map((e) => e.name));
  assert.deepEqual(found.exports.sort(), jsExports.sort(), "the module's exports are the manifest's js exports");
  assert.deepEqual(ELEMENT.slots, [], 'the shadow root has no slots');
  assert.equal(await page.evaluate(() => document.querySelector('minutes-outline').shadowRoot.querySelectorAll('slot').length), 0);
  assert.deepEqual(page.errors, []);
});

test('parts and CSS custom properties: the manifest lists exactly what the shadow root has', async () => {
  const page = await pageWith('/api/parts.html', '<minutes-outline></minutes-outline>');
  const seen = new Set();
  const sheet = await page.evaluate(async (text) => {
    await customElements.whenDefined('minutes-outline');
    const el = document.querySelector('minutes-outline');
    el.text = text;
    await el.ready;
    const rules = (list) => [...list].map((r) => (r.cssRules ? `${r.cssText}\n${rules(r.cssRules)}` : r.cssText)).join('\n');
    return el.shadowRoot.adoptedStyleSheets.map((s) => rules(s.cssRules)).join('\n');
  }, SAMPLE);
  for (const p of await partsNow(page)) seen.add(p);
  // A search marks its hits.
  await page.evaluate(() => document.querySelector('minutes-outline').setFilter({ q: '經費' }));
  for (const p of await partsNow(page)) seen.add(p);
  // A text the parser cannot run on (WebAssembly refused by the page) is shown as it is.
  const raw = await pageWith('/api/raw.html', '<minutes-outline>一、甲案。</minutes-outline>', "script-src 'self'");
  await raw.locator('minutes-outline pre').waitFor();
  for (const p of await partsNow(raw)) seen.add(p);

  assert.deepEqual([...seen].sort(), PARTS, 'parts seen in the shadow root');
  const inSource = [...new Set([...SOURCES.matchAll(/\bpart: '([a-z-]+)'/g)].map((m) => m[1]))].sort();
  assert.deepEqual(inSource, PARTS, 'parts in src/component/*.js');

  const used = [...new Set(sheet.match(/--mo-[a-z-]+/g))].sort();
  assert.deepEqual(used, PROPERTIES, "custom properties in the shadow root's stylesheet");
  // The defaults listed are the ones in styles.js (light, and dark where it differs).
  const styles = read('src/component/styles.js');
  for (const p of ELEMENT.cssProperties) {
    const [light, dark] = p.default.split(/ \(dark: |\)$/);
    assert.ok(styles.includes(`var(${p.name}, ${light})`), `${p.name} defaults to ${light}`);
    if (dark) assert.ok(styles.includes(`var(${p.name}, ${dark})`), `${p.name} defaults to ${dark} in dark mode`);
  }
  assert.deepEqual(page.errors, []);
});

test('events: each listed is fired, with the detail documented, and no other is', async () => {
  const page = await pageWith('/api/events.html', '<minutes-outline id="outline"></minutes-outline>');
  await page.evaluate(async (text) => {
    window.fired = [];
    const listen = (el) => {
      const dispatch = el.dispatchEvent.bind(el);
      el.dispatchEvent = (e) => {
        window.fired.push({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail ?? null)), bubbles: e.bubbles, composed: e.composed });
        return dispatch(e);
      };
      return el;
    };
    const el = listen(document.getElementById('outline'));
    el.text = text;
    await el.ready;
    el.setFilter({ units: ['民政課'] });
    el.clearFilter();
    // A src that is not there, and no text inside the element to show instead.
    const missing = listen(document.createElement('minutes-outline'));
    missing.src = '/api/missing.txt';
    document.body.append(missing);
    await missing.ready;
  }, SAMPLE);
  await page.locator('#outline [role="treeitem"]', { hasText: '案由一' }).locator('.label').click();
  const fired = await page.evaluate(() => window.fired);
  const types = [...new Set(fired.map((e) => e.type))].sort();
  assert.deepEqual(types, EVENTS, 'events fired');
  const first = (type) => fired.find((e) => e.type === type).detail;
  assert.deepEqual(Object.keys(first('mo-ready')).sort(), ['diagnostics', 'nodes']);
  assert.deepEqual(Object.keys(first('mo-filter')).sort(), ['filter', 'matches']);
  assert.deepEqual(Object.keys(first('mo-filter').filter).sort(), ['depth', 'from', 'kind', 'node', 'q', 'to', 'units']);
  assert.deepEqual(Object.keys(first('mo-select')).sort(), ['id', 'link', 'node']);
  assert.deepEqual(Object.keys(first('mo-select').node).sort(), ['id', 'kind', 'line', 'marker', 'text', 'unit']);
  assert.deepEqual(Object.keys(first('mo-error')), ['message']);
  assert.ok(fired.every((e) => !e.bubbles && !e.composed), 'as documented, no event bubbles');
  // Every event the source can fire is listed.
  const inSource = [...new Set([...SOURCES.matchAll(/(?:CustomEvent\(|#emit\()'([a-z-]+)'/g)].map((m) => m[1]))].sort();
  assert.deepEqual(inSource, EVENTS, 'events in src/component/*.js');
});

test('the documented CSP is enough: the outline renders and a long text is parsed in a worker', async () => {
  const page = await pageWith('/api/csp.html', '<minutes-outline></minutes-outline>');
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const nodes = await page.evaluate(async () => {
    await customElements.whenDefined('minutes-outline');
    const el = document.querySelector('minutes-outline');
    const got = new Promise((ok) => el.addEventListener('mo-ready', (e) => ok(e.detail.nodes), { once: true }));
    el.text = '壹、報告事項\n一、甲案，經費新臺幣3,250萬元。\n二、乙案。\n'.repeat(8000);
    return got;
  });
  assert.equal(nodes, 24000);
  assert.ok(workers.some((u) => u.endsWith('/pkg/minutes-outline.js')), `a worker from the script: ${workers}`);
  assert.deepEqual(page.errors, []);
});

// ----- docs/COMPONENT.md and the types ---------------------------------------------------------

test('docs/COMPONENT.md names every attribute, member, event, part and custom property', () => {
  const missing = [];
  const want = (label, re) => {
    if (!re.test(DOCS)) missing.push(label);
  };
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const a of ATTRIBUTES) want(`attribute ${a}`, new RegExp(`\`${esc(a)}\``));
  // A member may be written as `name`, `name(…)` or `something.name(…)`.
  for (const m of ELEMENT.members) want(`member ${m.name}`, new RegExp(`\`(?:[^\`\\s]*\\.)?${esc(m.name)}[\`(]`));
  for (const e of EVENTS) want(`event ${e}`, new RegExp(`\`${esc(e)}\``));
  for (const p of PARTS) want(`part ${p}`, new RegExp(`::part\\(${esc(p)}\\)`));
  for (const p of PROPERTIES) want(`custom property ${p}`, new RegExp(`\`${esc(p)}\``));
  assert.deepEqual(missing, []);
  // And nothing the code no longer has: every ::part and --mo- property the docs name exists.
  for (const [, p] of DOCS.matchAll(/::part\(([a-z-]+)\)/g)) assert.ok(PARTS.includes(p), `docs name a part "${p}" the element lacks`);
  for (const [p] of DOCS.matchAll(/--mo-[a-z-]+/g)) assert.ok(PROPERTIES.includes(p), `docs name a property "${p}" the element lacks`);
  for (const [, e] of DOCS.matchAll(/`(mo-[a-z]+)`/g)) assert.ok(EVENTS.includes(e), `docs name an event "${e}" the element lacks`);
});

/** The declarations of the .d.ts, by name. */
function declarations() {
  const file = ts.createSourceFile('minutes-outline.d.ts', DTS, ts.ScriptTarget.Latest, true);
  const out = new Map();
  file.forEachChild((n) => {
    if (n.name) out.set(n.name.text, n);
  });
  return out;
}
const isStatic = (m) => !!m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
const isReadonly = (m) => !!m.modifiers?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);

test('the types declare what the manifest lists, and the model as docs/schema.json has it', () => {
  const decl = declarations();
  // The class: the manifest's members, of the same kind, static and read-only alike.
  const cls = decl.get('MinutesOutline');
  assert.ok(ts.isClassDeclaration(cls));
  const members = new Map();
  for (const m of cls.members) {
    const name = m.name?.text;
    if (!name || name === 'addEventListener' || name === 'removeEventListener') continue;
    const key = `${isStatic(m) ? 'static ' : ''}${name}`;
    const seen = members.get(key) ?? { kind: ts.isMethodDeclaration(m) ? 'method' : 'field', get: false, set: false, readonly: false };
    if (ts.isGetAccessor(m)) seen.get = true;
    if (ts.isSetAccessor(m)) seen.set = true;
    if (ts.isPropertyDeclaration(m)) seen.readonly = isReadonly(m);
    members.set(key, seen);
  }
  const listed = ELEMENT.members.map((m) => `${m.static ? 'static ' : ''}${m.name}`).sort();
  assert.deepEqual([...members.keys()].sort(), listed, 'members of the class in the .d.ts');
  for (const m of ELEMENT.members) {
    const t = members.get(`${m.static ? 'static ' : ''}${m.name}`);
    assert.equal(t.kind, m.kind, m.name);
    if (m.kind === 'field') assert.equal(t.readonly || (t.get && !t.set), !!m.readonly, `${m.name} read-only`);
  }
  // The events: the same names, with the types the manifest gives.
  const map = decl.get('MinutesOutlineEventMap');
  const events = Object.fromEntries(map.members.map((p) => [p.name.text, p.type.getText()]));
  assert.deepEqual(Object.keys(events).sort(), EVENTS);
  for (const e of ELEMENT.events) assert.equal(events[e.name], e.type.text, e.name);
  // JSX knows every attribute.
  const jsx = decl.get('MinutesOutlineAttributes').members.map((p) => p.name.text ?? p.name.getText());
  for (const a of ATTRIBUTES) assert.ok(jsx.includes(a), `JSX attribute ${a}`);

  // The model: each interface has the schema's fields, optional exactly where the schema does
  // not require them, and each union the schema's values.
  const schema = JSON.parse(read('docs/schema.json'));
  const defs = { ...schema.$defs, document: schema, page: schema.properties.pages.items };
  const fields = (name) => {
    const i = decl.get(name);
    const own = i.members.map((p) => [p.name.text, !!p.questionToken]);
    const inherited = (i.heritageClauses ?? []).flatMap((h) => h.types.flatMap((t) => fields(t.expression.getText())));
    return [...inherited, ...own];
  };
  const interfaces = {
    MinutesDocument: 'document',
    MinutesMeta: 'meta',
    MinutesPerson: 'person',
    MinutesAttendee: 'attendee',
    MinutesNode: 'node',
    MinutesDate: 'date',
    MinutesAmount: 'amount',
    MinutesPercentage: 'percentage',
    MinutesDiagnostic: 'diagnostic',
    MinutesPage: 'page',
  };
  for (const [name, def] of Object.entries(interfaces)) {
    const f = fields(name);
    const d = defs[def];
    assert.deepEqual(f.map(([k]) => k).sort(), Object.keys(d.properties).sort(), `${name} has the fields of ${def}`);
    for (const [k, optional] of f) assert.equal(optional, !d.required.includes(k), `${name}.${k} is ${optional ? '' : 'not '}optional`);
  }
  const union = (name) =>
    decl
      .get(name)
      .type.types.map((t) => t.literal.text)
      .sort();
  const values = {
    MinutesNodeKind: defs.node.properties.kind.enum,
    MinutesNodeRole: defs.node.properties.role.enum.filter((v) => v !== null),
    MinutesDiagnosticCode: defs.diagnostic.properties.code.enum,
    MinutesSeverity: defs.diagnostic.properties.severity.enum,
    MinutesCurrency: defs.amount.properties.currency.enum,
    MinutesAttendeeStatus: defs.attendee.properties.status.enum,
  };
  for (const [name, list] of Object.entries(values)) assert.deepEqual(union(name), [...list].sort(), name);
});

test('tsc --strict: a developer\'s use of the types compiles, and each misuse is refused', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const dir = mkdtempSync(join(tmpdir(), 'mo-types-'));
  try {
    // The package as a developer installs it: pkg/ as node_modules/minutes-outline.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(ROOT, 'pkg'), join(dir, 'node_modules/minutes-outline'), 'dir');
    const files = readdirSync(join(ROOT, 'tests/types')).filter((f) => /\.tsx?$/.test(f));
    for (const f of files) copyFileSync(join(ROOT, 'tests/types', f), join(dir, f));
    // tests/types/tsconfig.json, but resolving the package as installed rather than by `paths`.
    const config = JSON.parse(read('tests/types/tsconfig.json'));
    delete config.compilerOptions.paths;
    assert.deepEqual([...config.files].sort(), [...files].sort(), 'tsconfig.json lists every file of tests/types/');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tscRun = () => spawnSync(process.execPath, [tsc, '-p', '.', '--noEmit', '--strict', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
    const run = tscRun();
    assert.equal(run.status, 0, `tsc:\n${run.stdout}${run.stderr}`);
    // The misuse file is meant to be wrong: without its directives, each of them is an error.
    const misuse = readFileSync(join(dir, 'misuse.ts'), 'utf8');
    const expected = misuse.match(/^\s*\/\/ @ts-expect-error/gm).length;
    assert.ok(expected >= 15, 'misuse.ts keeps its mistakes');
    writeFileSync(join(dir, 'misuse.ts'), misuse.replaceAll('// @ts-expect-error', '// (expected)'));
    const bare = tscRun();
    const errors = new Set(bare.stdout.split('\n').filter((l) => l.startsWith('misuse.ts(')).map((l) => l.match(/^misuse\.ts\((\d+),/)[1]));
    assert.equal(errors.size, expected, `one error on each line marked:\n${bare.stdout}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every diagnostic code of the model, and each the parser is adding, has words for a reader in both languages", async () => {
  const { wordsFor, CODES } = await import('../../src/component/i18n.js');
  const schema = JSON.parse(read('docs/schema.json'));
  const codes = schema.$defs.diagnostic.properties.code.enum;
  // The doubts the parser is being taught to report (issue 13), worded ahead of it.
  const coming = ['heading-holds-items', 'top-level-fragments', 'bare-numbers'];
  for (const code of [...codes, ...coming]) assert.ok(CODES.includes(code), `no words for ${code}`);
  const zh = wordsFor('zh-Hant');
  const en = wordsFor('en');
  assert.deepEqual(Object.keys(en.notes).sort(), Object.keys(zh.notes).sort(), 'the same codes in both languages');
  // The placeholders are filled, and a note without a line (0) does not speak of line 0.
  const d = { code: 'numbering-gap', severity: 'warning', line: 12, message: 'numbering skips', expected: '二、', found: '三、' };
  assert.equal(zh.diagnostic(d), '第 12 行編號跳號：預期 二、，實際為 三、，可能漏了一項，或這一項放錯了層次。');
  assert.match(en.diagnostic(d), /^Line 12: the numbering skips \(expected 二、, found 三、\); /);
  for (const s of [zh, en]) {
    for (const code of CODES) {
      const words = s.diagnostic({ code, severity: 'warning', line: 0, message: '', expected: 'E', found: 'F' });
      assert.doesNotMatch(words, /\{|\}|第 0 行|[Ll]ine 0/, `${code}: ${words}`);
    }
  }
  // An unknown code falls back to the parser's own message.
  assert.equal(zh.diagnostic({ code: 'something-new', severity: 'warning', line: 3, message: 'as the CLI says it' }), 'as the CLI says it');
});

// How a developer's TypeScript uses the package: this must compile with `tsc --strict`
// (tests/browser/api.test.mjs runs it against pkg/ installed as node_modules/minutes-outline).
import 'minutes-outline';
import type {
  MinutesDocument,
  MinutesNode,
  MinutesOutline,
  MinutesOutlineFilter,
  MinutesOutlineReadError,
  MinutesOutlineSelectDetail,
} from 'minutes-outline';

// The tag name gives the element's type, without a cast.
const el = document.querySelector('minutes-outline');
if (el) {
  const outline: MinutesOutline = el;
  outline.text = '壹、報告事項\n一、甲案。\n';
  outline.text = null; // back to `src` or the inline text
  const text: string = outline.text;
  outline.src = '/minutes/114-18.txt';

  outline.addEventListener('mo-ready', (e) => {
    const nodes: number = e.detail.nodes;
    const notes: number = e.detail.diagnostics;
    console.log(nodes, notes, text);
  });
  outline.addEventListener('mo-select', (e) => {
    const detail: MinutesOutlineSelectDetail = e.detail;
    const where: string = `${e.detail.node.marker}${e.detail.node.text} (line ${e.detail.node.line})`;
    const unit: string | null = e.detail.node.unit;
    history.replaceState(null, '', detail.link);
    console.log(where, unit, this);
  });
  outline.addEventListener('mo-filter', (e) => {
    const f: MinutesOutlineFilter = e.detail.filter;
    console.log(f.q, f.units.join(), e.detail.matches);
  });
  outline.addEventListener('mo-error', (e) => console.warn(e.detail.message));
  // Other events keep their own types.
  outline.addEventListener('click', (e) => console.log(e.clientX));

  outline.setFilter({ q: '海纜', units: ['數位策略司'], kind: 'decision' });
  outline.setFilter({ units: '資通安全署', from: '2025-11-01', to: '2025-11-30', depth: 2 });
  outline.setFilter();
  outline.clearFilter();
  const state: MinutesOutlineFilter = outline.filter;
  const opened: Promise<void> | undefined = outline.expandAll();
  void opened?.then(() => outline.collapseAll());
  const shown: boolean = outline.reveal(state.node >= 0 ? state.node : 0, { focus: false });
  const link: string = outline.linkTo(3) + outline.linkTo();
  console.log(shown, link);

  void outline.ready.then(() => {
    const doc: MinutesDocument | null = outline.document;
    if (!doc) return;
    const walk = (nodes: MinutesNode[]): number => nodes.reduce((n, node) => n + 1 + walk(node.children), 0);
    const decisions = doc.outline.flatMap((n) => n.children).filter((n) => n.role === 'decision');
    const money = doc.outline.flatMap((n) => n.amounts).reduce((sum, a) => sum + (a.currency === 'TWD' ? a.value : 0), 0);
    const chair = doc.meta.chair?.name ?? doc.meta.chair?.raw;
    const absent = doc.meta.attendees.filter((a) => a.status === 'absent').map((a) => a.substitute?.name ?? a.name);
    const firstDate = doc.outline[0]?.dates[0]?.at[0];
    const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.line}: ${d.code} ${d.expected ?? ''}`);
    console.log(walk(doc.outline), decisions.length, money, chair, absent, firstDate, warnings, doc.schema === 1);
  });
}

// The class, through the registry.
const Ctor = customElements.get('minutes-outline');
if (Ctor) {
  const made = new Ctor();
  made.setAttribute('sync-url', '');
  made.id = 'outline';
  document.body.append(made);
  const decoded: string = Ctor.decode(new Uint8Array([0xe6, 0x9c, 0x83]), 'text/plain; charset=utf-8');
  console.log(decoded);
}
const created: MinutesOutline = document.createElement('minutes-outline');
console.log(created.ready);

// A file the reader picked, a document too: read, parsed with its hints, shown.
const picker = document.querySelector('input[type="file"]');
if (picker instanceof HTMLInputElement && picker.files?.[0]) {
  created.load(picker.files[0]).catch((err: MinutesOutlineReadError) => {
    if (err.name !== 'AbortError') console.warn(err.code === 'scanned-pdf' ? 'needs OCR' : err.message, err.detail);
  });
}
const fetched: Promise<void> = created.load('/minutes/114-18.pdf');
void fetched;

// The global parser, without an element. (The type imported above shadows the global's name
// here, as in any module that imports it: reach the global through globalThis.)
async function outlineOf(text: string): Promise<number> {
  const doc = await globalThis.MinutesOutline.parse(text, new Uint8Array([255, 1]));
  const version: number = await globalThis.MinutesOutline.schemaVersion();
  return doc.outline.length + version;
}
void outlineOf('一、甲案。');

// Mistakes the types must catch. Every line after a `@ts-expect-error` has to be an error: were
// the types to become `any` (or too loose), tsc would report the directive as unused and the
// test (tests/browser/api.test.mjs) would fail.
import 'minutes-outline';
import type { MinutesDocument, MinutesOutline } from 'minutes-outline';
import { MinutesOutline as NotAValue } from 'minutes-outline';

declare const el: MinutesOutline;
declare const doc: MinutesDocument;

// @ts-expect-error querySelector('minutes-outline') may find nothing
document.querySelector('minutes-outline').text = '';

// @ts-expect-error the text is a string
el.text = 42;

// @ts-expect-error `document` is read-only
el.document = null;

// @ts-expect-error `ready` is read-only
el.ready = Promise.resolve();

// @ts-expect-error `filter` is read-only: use setFilter()
el.filter = { q: '', units: [], from: '', to: '', kind: '', depth: 0, node: -1 };

// @ts-expect-error no such filter
el.setFilter({ query: '海纜' });

// @ts-expect-error kind is '', 'decision' or 'agenda'
el.setFilter({ kind: 'decisions' });

// @ts-expect-error depth is a number
el.setFilter({ depth: '2' });

// @ts-expect-error reveal takes a node id
el.reveal('3');

// @ts-expect-error there is no such method
el.expand();

// @ts-expect-error load() takes a URL or a file, not its bytes
el.load(new Uint8Array(4));

// @ts-expect-error load() resolves with nothing: the text is el.text
el.load('/a.pdf').then((text: string) => text);

el.addEventListener('mo-select', (e) => {
  // @ts-expect-error the node's fields are id, kind, marker, text, line, unit
  console.log(e.detail.node.children);
});

el.addEventListener('mo-ready', (e) => {
  // @ts-expect-error mo-ready's detail is { nodes, diagnostics }
  console.log(e.detail.count);
});

el.addEventListener('mo-filter', (e) => {
  // @ts-expect-error mo-filter's detail is { filter, matches }
  console.log(e.detail.query);
});

// @ts-expect-error a node's kind is one of the ten kinds
const kind: typeof doc.outline[number]['kind'] = 'bullet';

// @ts-expect-error meta.date may be null
const year: string = doc.meta.date.slice(0, 4);

// @ts-expect-error diagnostics have stable codes
const code: typeof doc.diagnostics[number]['code'] = 'gap';

// @ts-expect-error the element's class is not exported: the script has no exports
console.log(NotAValue);

// @ts-expect-error the global MinutesOutline is the parser, not the element's class
new globalThis.MinutesOutline();

console.log(kind, year, code);

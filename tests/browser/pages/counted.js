// The element from the sources over pkg/parser.js, each of the parser's functions wrapped to
// count its calls (window.calls) and keep their last arguments (window.args): what a page
// cannot see through the drop-in, whether reading `document` or exporting parses again.
import init, { parse, parseFlat, markdown, csv } from '/pkg/parser.js';
import { define } from '/src/component/register.js';

window.calls = { parse: 0, parseFlat: 0, markdown: 0, csv: 0 };
window.args = {};
const counted = (name, fn) => (...a) => {
  window.calls[name]++;
  window.args[name] = a;
  return fn(...a);
};
let ready = null;
define({
  ready: () => (ready ??= init()),
  parse: counted('parse', parse),
  parseFlat: counted('parseFlat', parseFlat),
  markdown: counted('markdown', markdown),
  csv: counted('csv', csv),
  // No worker: every parse is on the page, where it is counted.
  scriptUrl: null,
});
window.countedReady = true;

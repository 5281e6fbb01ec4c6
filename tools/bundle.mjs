// Bundles the drop-in component, pkg/minutes-outline.js: the element (src/component/), the
// wasm-bindgen glue and the wasm itself (base64), as one script that works from a classic
// <script src> and from type="module" alike. Also copies the element's TypeScript types and its
// Custom Elements Manifest (src/component/minutes-outline.d.ts, custom-elements.json) and writes
// pkg/package.json.
//   node tools/bundle.mjs BUILD_DIR OUT_DIR     (BUILD_DIR holds parser.js and parser_bg.wasm)
import { build } from 'esbuild';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [work, out] = process.argv.slice(2).map((p) => resolve(p));
const root = resolve(import.meta.dirname, '..');
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"/m)[1];
const wasm = readFileSync(join(work, 'parser_bg.wasm'));

const inline = {
  name: 'inline-wasm',
  setup(b) {
    b.onResolve({ filter: /^minutes-outline:wasm$/ }, () => ({ path: 'wasm', namespace: 'inline' }));
    b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
      contents: `export default ${JSON.stringify(wasm.toString('base64'))};`,
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src/component/dropin.js')],
  bundle: true,
  format: 'iife',
  target: 'es2021',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  alias: { 'minutes-outline:parser': join(work, 'parser.js') },
  plugins: [inline],
  // The glue's default path to the .wasm is never taken: the bytes are inlined.
  define: { 'import.meta.url': '"about:blank"' },
  logLevel: 'warning',
  banner: {
    js: `/*! <minutes-outline> ${version}: an outline of Taiwanese government meeting minutes. MIT OR Apache-2.0. */`,
  },
});
writeFileSync(join(out, 'minutes-outline.js'), result.outputFiles[0].contents);

// The PDF reader's own module, loaded on demand by formats.js beside pdfjs/.
const pdfLines = await build({
  entryPoints: [join(root, 'src/component/pdf-lines.js')],
  bundle: true,
  format: 'esm',
  target: 'es2021',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
  banner: { js: `/*! <minutes-outline> ${version}: lines from a PDF's text, over pdf.js. MIT OR Apache-2.0. */` },
});
writeFileSync(join(out, 'pdf-lines.js'), pdfLines.outputFiles[0].contents);

// Copied as they are (the same bytes, so that the build stays reproducible); a manifest that is
// not JSON stops the build here rather than in a developer's editor.
const component = join(root, 'src/component');
JSON.parse(readFileSync(join(component, 'custom-elements.json'), 'utf8'));
for (const file of ['minutes-outline.d.ts', 'custom-elements.json']) copyFileSync(join(component, file), join(out, file));

const pkg = {
  name: 'minutes-outline',
  version,
  description: 'A web component that turns Taiwanese government meeting minutes (會議紀錄) into a collapsible, searchable outline, with the parser in WebAssembly.',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  main: './minutes-outline.js',
  types: './minutes-outline.d.ts',
  customElements: 'custom-elements.json',
  exports: {
    '.': { types: './minutes-outline.d.ts', default: './minutes-outline.js' },
    './parser': { types: './parser.d.ts', default: './parser.js' },
    './parser_bg.wasm': './parser_bg.wasm',
    './formats': { types: './formats.d.ts', default: './formats.js' },
    './formats_bg.wasm': './formats_bg.wasm',
    './pdf-lines.js': './pdf-lines.js',
    './pdfjs/*': './pdfjs/*',
    './custom-elements.json': './custom-elements.json',
  },
  files: [
    'minutes-outline.js', 'minutes-outline.d.ts', 'custom-elements.json', 'parser.js', 'parser.d.ts', 'parser_bg.wasm',
    'formats.js', 'formats.d.ts', 'formats_bg.wasm', 'pdf-lines.js', 'pdfjs/',
  ],
  sideEffects: ['./minutes-outline.js'],
  keywords: ['web-component', 'custom-element', 'minutes', 'webassembly', 'taiwan', '會議紀錄'],
};
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

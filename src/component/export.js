// Exports of what the component shows: the model as JSON, a clean Markdown outline, and CSV (one
// row per node) for spreadsheets. Markdown and CSV follow the view: `keep` has a 1 for each node
// shown (the body, or what a filter keeps); the header is the Markdown's title and facts. The
// parser writes both (parse-client.js's rendered(), src/emit/export.rs), so that the page's
// files are the command line's: there is one rendering, in Rust.

import { rendered } from './parse-client.js';

/** The file for `kind` ('json', 'md' or 'csv'): { text, name, type }. */
export function file(kind, { outline, parsed, model, keep }) {
  const base = (outline.meta.title || 'minutes').replace(/[\\/:*?"<>|\s]+/g, '_');
  if (kind === 'json') return { text: JSON.stringify(model(), null, 2) + '\n', name: `${base}.json`, type: 'application/json' };
  if (kind === 'md') return { text: rendered('md', parsed, keep), name: `${base}.md`, type: 'text/markdown' };
  return { text: rendered('csv', parsed, keep), name: `${base}.csv`, type: 'text/csv' };
}

/** Saves the view as `kind`: what the filters keep (`kept`), else the body. */
export function saveView(kind, { outline, parsed, kept, model }) {
  let keep = kept?.show;
  if (!keep) {
    keep = new Uint8Array(outline.count);
    keep.fill(1, outline.bodyStart);
  }
  save(file(kind, { outline, parsed, model, keep }));
}

/** Saves a file (file()'s result) from the page: a blob: URL is allowed under a strict CSP. */
export function save({ text, name, type }) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

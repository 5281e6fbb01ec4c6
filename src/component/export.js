// Exports of what the component shows: the model as JSON, a clean Markdown outline, and CSV (one
// row per node) for spreadsheets. Markdown and CSV follow the view: `keep` has a 1 for each node
// shown (the body, or what a filter keeps). The header is the Markdown's title and facts.
//
// The element calls save() only: when the parser renders Markdown and CSV itself
// (`markdown(text, keep)`, `csv(text, keep)`), markdown() and csv() here give way to those, and
// nothing else changes.

import { isoRange } from './dates.js';

/** The file for `kind` ('json', 'md' or 'csv'): { text, name, type }. */
export function file(kind, { outline, model, keep }) {
  const base = (outline.meta.title || 'minutes').replace(/[\\/:*?"<>|\s]+/g, '_');
  if (kind === 'json') return { text: JSON.stringify(model(), null, 2) + '\n', name: `${base}.json`, type: 'application/json' };
  if (kind === 'md') return { text: markdown(outline, keep), name: `${base}.md`, type: 'text/markdown' };
  return { text: csv(outline, keep), name: `${base}.csv`, type: 'text/csv' };
}

/** Saves the view as `kind`: what the filters keep (`kept`), else the body. */
export function saveView(kind, { outline, kept, model }) {
  let keep = kept?.show;
  if (!keep) {
    keep = new Uint8Array(outline.count);
    keep.fill(1, outline.bodyStart);
  }
  save(file(kind, { outline, model, keep }));
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

/** Node ids to write, in document order. */
function ids(outline, keep) {
  const out = [];
  for (let i = 0; i < outline.count; i++) if (keep[i]) out.push(i);
  return out;
}

/** The node's text as one line. */
const line = (s) => s.replace(/\s*\n\s*/g, ' ').trim();

/** Markdown needs these escaped to stay text. */
const md = (s) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

const dates = (outline, i) =>
  outline
    .facts(i)
    .filter((f) => f.kind === 'date')
    .map((f) => isoRange(f.a, f.b).text)
    .filter(Boolean);

function markdown(outline, keep) {
  const m = outline.meta;
  const out = [];
  const title = [m.body, m.title].filter(Boolean).join(' ');
  if (title) out.push(`# ${md(title)}`, '');
  const facts = [
    ['日期', m.date ? `${m.date}${m.weekday ? `（${m.weekday}）` : ''}` : ''],
    ['時間', m.start ? (m.end ? `${m.start}–${m.end}` : m.start) : ''],
    ['地點', m.location],
    ['主席', m.chair?.raw],
    ['紀錄', m.recorder?.raw],
  ].filter(([, v]) => v);
  for (const [k, v] of facts) out.push(`- ${k}：${md(v)}`);
  if (facts.length) out.push('');
  for (const i of ids(outline, keep)) {
    const indent = '  '.repeat(outline.depth(i));
    const rows = outline.rows(i);
    if (rows) {
      for (const r of rows) out.push(`${indent}- ${r.map((c) => md(line(c))).join(' | ')}`);
      continue;
    }
    const marker = outline.marker(i);
    const text = md(line(outline.text(i)));
    out.push(`${indent}- ${marker ? `**${md(marker.trim())}** ` : ''}${text}`);
  }
  return out.join('\n') + '\n';
}

const csvCell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV with a byte order mark, so that Excel reads the Chinese as UTF-8. */
function csv(outline, keep) {
  const rows = [['path', 'marker', 'kind', 'unit', 'text', 'dates', 'line']];
  for (const i of ids(outline, keep)) {
    const path = outline
      .ancestors(i)
      .reverse()
      .map((a) => outline.marker(a).trim() || line(outline.text(a)).slice(0, 12))
      .join(' > ');
    const text = outline.rows(i) ? outline.rows(i).map((r) => r.join(' | ')).join(' / ') : line(outline.text(i));
    rows.push([path, outline.marker(i).trim(), outline.kind(i), outline.unit(i) ?? '', text, dates(outline, i).join('; '), String(outline.line(i))]);
  }
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Exports of what the component shows: the model as JSON, a clean Markdown outline, and CSV
// (one row per node) for spreadsheets. Markdown and CSV follow the current view: with a
// filter on, only what it keeps.

import { isoDate } from './model.js';

/** Node ids of the view in document order: every node, or those `show` keeps. */
function ids(outline, show) {
  const out = [];
  for (let i = 0; i < outline.count; i++) if (!show || show[i]) out.push(i);
  return out;
}

/** The node's text as one line. */
const line = (s) => s.replace(/\s*\n\s*/g, ' ').trim();

/** Markdown needs these escaped to stay text. */
const md = (s) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

function dates(outline, i) {
  return outline
    .facts(i)
    .filter((f) => f.kind === 'date')
    .map((f) => {
      const a = isoDate(f.a);
      const b = isoDate(f.b);
      return a && b && a !== b ? `${a}/${b}` : (a ?? '');
    })
    .filter(Boolean);
}

export function markdown(outline, show) {
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
  for (const i of ids(outline, show)) {
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
export function csv(outline, show) {
  const rows = [['path', 'marker', 'kind', 'unit', 'text', 'dates', 'line']];
  for (const i of ids(outline, show)) {
    const path = outline
      .ancestors(i)
      .reverse()
      .map((a) => outline.marker(a).trim() || line(outline.text(a)).slice(0, 12))
      .join(' > ');
    const text = outline.rows(i)
      ? outline.rows(i).map((r) => r.join(' | ')).join(' / ')
      : line(outline.text(i));
    rows.push([path, outline.marker(i).trim(), outline.kind(i), outline.unit(i) ?? '', text, dates(outline, i).join('; '), String(outline.line(i))]);
  }
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function json(model) {
  return JSON.stringify(model, null, 2) + '\n';
}

/** Saves `text` as a file, from the page (a blob: URL is allowed under a strict CSP). */
export function download(text, name, type) {
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

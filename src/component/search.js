// Text search over the outline, and the fold that search and type-ahead share: a reader's
// words match however the minutes happen to write them.
//   - full-width ASCII as half-width (`ＡＩ` finds `AI`), case, the ideographic space, 臺 as 台;
//   - no spaces between digits and CJK characters, nor between CJK characters: PDF conversions
//     write `96 年 9 月` and `報 告 事 項`, readers type `96年9月` and `報告事項`.
// Folding may drop characters, so each folded text keeps a map back to the original, and hits
// are given in the original's positions, where <mark> goes.

const FOLDS = /[\uff01-\uff5e\u3000\u81faA-Z]/g;
const foldChar = (ch) => {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0).toLowerCase();
  if (c === 0x3000) return ' ';
  if (c === 0x81fa) return '台'; // 臺 → 台
  return ch.toLowerCase();
};

/** Folds characters one for one (the result has the same length): one native replace. */
export const foldChars = (s) => s.replace(FOLDS, foldChar);

// Digits (half- and full-width), CJK ideographs and punctuation, full-width punctuation.
const TIGHT = '0-9\\u3001-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff20\\uff3b-\\uff40\\uff5b-\\uff60';
const SPACE = ' \\t\\u00a0\\u3000';
const LOOSE = new RegExp(`[${TIGHT}][${SPACE}]+(?=[${TIGHT}])`, 'g');

/**
 * A text folded for matching: `{ text, map }`, where `map[k]` is the position in the original
 * of folded character k (and `map[text.length]` the original's length), or null when folding
 * kept every character.
 */
export function foldText(s) {
  LOOSE.lastIndex = 0;
  if (!LOOSE.test(s)) return { text: foldChars(s), map: null };
  LOOSE.lastIndex = 0;
  const parts = [];
  const map = [];
  let at = 0;
  for (let m; (m = LOOSE.exec(s)); ) {
    const keep = m.index + 1; // the tight character before the spaces stays
    parts.push(s.slice(at, keep));
    for (let k = at; k < keep; k++) map.push(k);
    at = m.index + m[0].length;
  }
  parts.push(s.slice(at));
  for (let k = at; k < s.length; k++) map.push(k);
  map.push(s.length);
  return { text: foldChars(parts.join('')), map: Uint32Array.from(map) };
}

/** The terms of a query: words separated by spaces, each folded, each at least one character. */
export function terms(query) {
  return String(query)
    .trim()
    .split(/[\s\u3000]+/)
    .map((t) => foldText(t).text)
    .filter((t) => t.length > 0);
}

/**
 * Where the terms occur in a folded text: sorted, non-overlapping [start, end) ranges of the
 * original text, or null when a term is missing (every term must occur).
 */
export function hits(folded, ts) {
  const { text, map } = folded;
  const ranges = [];
  for (const t of ts) {
    let at = text.indexOf(t);
    if (at < 0) return null;
    while (at >= 0) {
      ranges.push([at, at + t.length]);
      at = text.indexOf(t, at + t.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  if (map) for (const r of merged) [r[0], r[1]] = [map[r[0]], map[r[1] - 1] + 1];
  return merged;
}

/** Whether a folded text starts with what was typed (type-ahead in the tree). */
export const startsWith = (folded, typed) => folded.text.startsWith(foldText(typed).text);

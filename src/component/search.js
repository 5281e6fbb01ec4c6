// Text search over the outline. Folding keeps every string the same length, so positions
// found in the folded text are positions in the original: full-width ASCII to half-width
// (`ＡＩ` finds `AI`), the ideographic space to a space, 臺 to 台, and case.

/** Folds one string for matching; the result has the same length. */
export function fold(s) {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    let c = s.charCodeAt(k);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    else if (c === 0x81fa) c = 0x53f0; // 臺 → 台
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCharCode(c);
  }
  return out;
}

/** The terms of a query: words separated by spaces, folded, each at least one character. */
export function terms(query) {
  return fold(query.trim())
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/**
 * Where the terms occur in `text` (already folded): sorted, non-overlapping [start, end)
 * ranges, or null when a term is missing (every term must occur).
 */
export function hits(folded, ts) {
  const ranges = [];
  for (const t of ts) {
    let at = folded.indexOf(t);
    if (at < 0) return null;
    while (at >= 0) {
      ranges.push([at, at + t.length]);
      at = folded.indexOf(t, at + t.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

// Dates in the component, written once: the parser gives dates as yyyymmdd numbers (the flat
// columns) or ISO strings (the model); readers see them in the ROC calendar, as the minutes
// write them.

/** yyyymmdd (a number from the parser) as an ISO date, or null when the year is unknown. */
export function isoDate(n) {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (!y) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2025-11-20` as `114年11月20日`; years before the ROC (1912) stay Gregorian. */
export function rocDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return y > 1911 ? `${y - 1911}年${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** Whether a string is an ISO date as the filters take it. */
export const isIso = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

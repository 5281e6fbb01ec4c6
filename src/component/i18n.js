// The component's own words, in 繁體中文 by default and in English with lang="en" on the
// element (or an ancestor).

const zh = {
  outline: '會議紀錄大綱',
  search: '搜尋大綱',
  searchPlaceholder: '搜尋（例如：海纜、決議）',
  results: (n) => (n === 0 ? '沒有符合的項目' : `${n} 個符合的項目`),
  nodes: (n) => `共 ${n} 個項目`,
  expandAll: '全部展開',
  collapseAll: '全部收合',
  loading: '載入中…',
  parsing: (pct) => `解析中… ${pct}%`,
  rendering: (done, total) => `顯示中… ${done} / ${total}`,
  empty: '沒有內容可以顯示。',
  meeting: '會議資訊',
  date: '日期',
  time: '時間',
  place: '地點',
  chair: '主席',
  recorder: '紀錄',
  attendees: '出席',
  observers: '列席',
  absent: '請假',
  substitutedBy: (who) => `由${who}代理`,
  problems: (n) => `解析提示（${n}）`,
  line: (n) => `第 ${n} 行`,
  amountTitle: (v, cur) => `${Number(v).toLocaleString('zh-TW')} ${cur === 'TWD' ? '元' : cur}`,
  fetchFailed: (src, why) => `無法載入 ${src}：${why}`,
  notText: '檔案不是文字檔。',
  tooLarge: (mb) => `檔案太大（${mb} MB）。`,
};

const en = {
  outline: 'Outline of the minutes',
  search: 'Search the outline',
  searchPlaceholder: 'Search (e.g. 海纜, 決議)',
  results: (n) => (n === 0 ? 'No matching items' : n === 1 ? '1 matching item' : `${n} matching items`),
  nodes: (n) => `${n} items`,
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  loading: 'Loading…',
  parsing: (pct) => `Parsing… ${pct}%`,
  rendering: (done, total) => `Showing… ${done} of ${total}`,
  empty: 'Nothing to show.',
  meeting: 'Meeting',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  chair: 'Chair',
  recorder: 'Minutes',
  attendees: 'Present',
  observers: 'Also present',
  absent: 'on leave',
  substitutedBy: (who) => `represented by ${who}`,
  problems: (n) => `Parser notes (${n})`,
  line: (n) => `line ${n}`,
  amountTitle: (v, cur) => `${Number(v).toLocaleString('en')} ${cur === 'TWD' ? 'NTD' : cur}`,
  fetchFailed: (src, why) => `Could not load ${src}: ${why}`,
  notText: 'The file is not text.',
  tooLarge: (mb) => `The file is too large (${mb} MB).`,
};

/** The strings for an element: English when its language (or its nearest ancestor's) is English. */
export function strings(el) {
  const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
  return /^en\b/i.test(lang) ? en : zh;
}

// The component's own words, in 繁體中文 by default and in English with lang="en" on the
// element (or an ancestor). The parser's notes come with an English message for the command
// line; here they are worded again for a reader, from their stable codes, with {line},
// {expected} and {found} filled in (an unknown code falls back to the parser's message). A `|`
// parts what was found from what it may mean.

const MB = (n) => (n / 1048576).toFixed(1);

const zh = {
  lang: 'zh-Hant',
  outline: '會議紀錄大綱',
  filters: '搜尋與篩選',
  search: '搜尋大綱',
  searchPlaceholder: '搜尋（例如：海纜、決議）',
  filtersButton: '篩選',
  filtersOn: (n) => `（${n}）`,
  results: (n) => (n === 0 ? '沒有符合的項目' : `${n} 個符合的項目`),
  carried: (n) => `沿用先前的篩選：${zh.results(n)}`,
  hitOf: (k, n) => `第 ${k} 項，共 ${n} 項`,
  nodes: (n) => `共 ${n} 個項目`,
  kind: '內容',
  kindAll: '全部',
  kindDecision: '只看決定與決議',
  kindAgenda: '只看議案',
  depth: '層級',
  depthAll: '全部層級',
  depthTo: (d) => (d === 1 ? '只看第1層' : `到第${d}層`),
  units: '單位',
  from: '日期從',
  to: '到',
  clear: '清除篩選',
  expandAll: '全部展開',
  collapseAll: '全部收合',
  copyLink: '複製連結',
  copyNodeLink: '複製這一項的連結',
  copiedView: (item) => (item ? `已複製連結：目前的檢視，指向「${item}」。` : '已複製連結：目前的檢視與篩選。'),
  copiedNode: (item) => `已複製「${item}」的連結。`,
  linkIs: '連結：',
  export: '匯出',
  jumpLabel: '跳到',
  jumpPlaceholder: '輸入項目開頭的字（可用輸入法）',
  jumpTo: (item) => `跳到：${item}`,
  jumpNone: (text) => `沒有含「${text}」的項目`,
  loading: '載入中…',
  parsing: (chars) => `解析中…（${MB(chars)} M 字）`,
  rendering: (done, total) => `顯示中… ${done} / ${total}`,
  reading: (got, total) => (total ? `讀取中… ${MB(got)} / ${MB(total)} MB` : `讀取中… ${MB(got)} MB`),
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
  tally: (n, absent, subs, observers) =>
    [n ? `出席 ${n} 人${absent ? `，請假 ${absent} 人` : ''}${subs ? `，代理 ${subs} 人` : ''}` : '', observers ? `列席 ${observers} 人` : ''].filter(Boolean).join('；'),
  headerLines: (n) => `表頭原文（${n} 行）`,
  doubtTitle: (n) => `這份大綱有 ${n} 處可能有誤，請對照原文：`,
  alsoAt: '另見',
  andMore: (n) => `等，另有 ${n} 處`,
  moreKinds: (n) => `另有 ${n} 種提示，見大綱下方的「解析提示」。`,
  problems: (n) => `解析提示（${n}）`,
  more: (n) => `另有 ${n} 則未列出。`,
  line: (n) => `第 ${n} 行`,
  amountTitle: (v, cur) => `${Number(v).toLocaleString('zh-TW')} ${cur === 'TWD' ? '元' : cur}`,
  fetchFailed: (src, why) => `無法載入 ${src}：${why}`,
  openFailed: (name, why) => `無法開啟 ${name}：${why}`,
  thisFile: '這個檔案',
  converting: '正在讀取文件的內容…',
  showingInline: '以下顯示頁面上的版本。',
  failed: (why) => `無法解析這份文字：${why}`,
  noWasm: "這個網頁的 Content-Security-Policy 不允許執行 WebAssembly（script-src 需要 'wasm-unsafe-eval'），以下顯示未經解析的原文。",
  why: {
    http: (e) => `伺服器回應 ${e.status}${e.status === 404 ? '（找不到這個檔案）' : e.status === 401 || e.status === 403 ? '（沒有讀取權限）' : e.status >= 500 ? '（伺服器發生錯誤）' : ''}。`,
    network: () => '連不上該網站：網址可能有誤，或網站、網路沒有回應。',
    cors: () => '該網站不允許其他網頁讀取它的檔案（CORS）；請把檔案下載後用「開啟檔案」讀取。',
    policy: (e) => `這個網頁的安全設定（Content-Security-Policy）不允許連到 ${e.origin}。`,
    offline: () => '目前沒有網路連線。',
    timeout: (e) => `等了 ${e.seconds} 秒仍沒有回應。`,
    'not-text': () => '這不是文字檔，也不是 .odt、.docx 或 PDF 文件（可能是圖片或其他格式）。',
    html: () => '這是一個網頁（HTML），不是會議紀錄的文字。',
    'too-large': (e) => (e.max == null ? '這份文件解壓縮後太大，不予讀取。' : `檔案太大（${e.size == null ? `> ${MB(e.max)}` : MB(e.size)} MB），上限為 ${MB(e.max)} MB。`),
    unreadable: () => '無法讀取這個檔案，它可能已被移動或修改；請重新選擇。',
    // Why a document (formats.js's codes) could not be read.
    'scanned-pdf': () => '這個 PDF 沒有文字，只有影像（可能是掃描檔），需要先經過文字辨識（OCR）。',
    'encrypted-pdf': () => '這個 PDF 設有密碼，無法讀取；請另存一份沒有密碼的檔案。',
    'corrupt-pdf': () => '這個 PDF 已損壞，無法讀取。',
    'encrypted-document': () => '這份文件設有密碼，無法讀取；請在文書軟體中移除密碼後另存。',
    'corrupt-zip': () => '這份文件已損壞（內容不完整或有誤），無法讀取。',
    'corrupt-document': () => '這份文件已損壞（內容的格式有誤），無法讀取。',
    'legacy-doc': () => '這是舊版的 Word 檔（.doc），或設有密碼的 Office 檔；請在文書軟體中另存為 .odt 或 .docx。',
    spreadsheet: () => '這是試算表（.ods、.xlsx、.xls），不是會議紀錄。',
    presentation: () => '這是簡報（.odp、.pptx），不是會議紀錄。',
    'unknown-format': () => '無法讀取這種檔案：可以開啟的是文字檔、.odt、.docx 與 PDF（RTF 檔請另存為 .odt 或 .docx）。',
    'load-failed': () => '無法載入讀取這種文件所需的程式（網頁的安全設定不允許，或程式檔不在元件的資料夾中）。',
  },
  notes: {
    'empty-input': '沒有內容：請貼上或開啟會議紀錄的文字。',
    'binary-input': '這看起來不是文字檔（可能是 PDF 或 Word 檔本身），請改用其中的文字。',
    'control-characters': '第 {line} 行起有看不見的控制字元，已略過。',
    'not-chinese': '這份文字大多不是中文|；本工具是為我國的會議紀錄設計的，大綱可能不完整。',
    'no-structure': '找不到編號、欄位或段落標題|：大綱只是依序排列的段落。',
    'numbering-gap': '第 {line} 行編號跳號：預期 {expected}，實際為 {found}|，可能漏了一項，或這一項放錯了層次。',
    'numbering-repeat': '第 {line} 行編號重複或倒退：預期 {expected}，實際為 {found}|，這裡的層次可能排錯了。',
    'numbering-start': '第 {line} 行的一組編號從 {found} 開始，而不是 {expected}。',
    'style-depth': '第 {line} 行的編號在第 {found} 層，同樣的編號先前在第 {expected} 層。',
    'depth-limit': '第 {line} 行起層次太深，更深的項目放在最後一層。',
    'weekday-mismatch': '第 {line} 行星期與日期不符|：應為{expected}，紀錄寫的是{found}。',
    'header-unreadable': '第 {line} 行讀不出會議的日期或時間|：「{found}」。',
    'heading-holds-items': '第 {line} 行起的項目掛在一行沒有編號的文字下|，那一行可能不是標題。',
    'top-level-fragments': '第 {line} 行起有許多段落不在任何編號之下|，大綱可能不完整。',
    'bare-numbers': '第 {line} 行起有單獨成行的數字|，可能是頁碼，已當作文字保留。',
    'lines-lost': '第 {line} 行把一整頁擠成了一行（複製時換行不見了）|，裡面的編號無法分成項目；用原始檔案開啟會更好。',
    'embedded-object': '文件裡嵌入了試算表或圖表等物件|，其中的內容不是文件的文字，大綱裡沒有它們；請在原檔中查看。',
  },
};

const en = {
  lang: 'en',
  outline: 'Outline of the minutes',
  filters: 'Search and filters',
  search: 'Search the outline',
  searchPlaceholder: 'Search (e.g. 海纜, 決議)',
  filtersButton: 'Filters',
  filtersOn: (n) => ` (${n})`,
  results: (n) => (n === 0 ? 'No matching items' : n === 1 ? '1 matching item' : `${n} matching items`),
  carried: (n) => `The filters of the text before still apply: ${en.results(n).toLowerCase()}`,
  hitOf: (k, n) => `Item ${k} of ${n}`,
  nodes: (n) => `${n} items`,
  kind: 'Show',
  kindAll: 'Everything',
  kindDecision: 'Decisions only',
  kindAgenda: 'Agenda items only',
  depth: 'Levels',
  depthAll: 'All levels',
  depthTo: (d) => (d === 1 ? 'Top level only' : `Down to level ${d}`),
  units: 'Units',
  from: 'Dates from',
  to: 'to',
  clear: 'Clear filters',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  copyLink: 'Copy link',
  copyNodeLink: 'Copy a link to this item',
  copiedView: (item) => (item ? `Link copied: this view, pointing at “${item}”.` : 'Link copied: this view and its filters.'),
  copiedNode: (item) => `Link to “${item}” copied.`,
  linkIs: 'Link:',
  export: 'Export',
  jumpLabel: 'Go to',
  jumpPlaceholder: 'type the start of an item (an input method works)',
  jumpTo: (item) => `Go to: ${item}`,
  jumpNone: (text) => `No item has “${text}”`,
  loading: 'Loading…',
  parsing: (chars) => `Parsing… (${MB(chars)} M characters)`,
  rendering: (done, total) => `Showing… ${done} of ${total}`,
  reading: (got, total) => (total ? `Reading… ${MB(got)} of ${MB(total)} MB` : `Reading… ${MB(got)} MB`),
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
  tally: (n, absent, subs, observers) =>
    [n ? `${n} present${absent ? `, ${absent} on leave` : ''}${subs ? `, ${subs} represented` : ''}` : '', observers ? `${observers} also present` : ''].filter(Boolean).join('; '),
  headerLines: (n) => `The header as written (${n} lines)`,
  doubtTitle: (n) => `This outline may be wrong in ${n === 1 ? 'one place' : `${n} places`}; check it against the text:`,
  alsoAt: 'also',
  andMore: (n) => `and ${n} more`,
  moreKinds: (n) => `${n} more kinds of note: see the parser notes below the outline.`,
  problems: (n) => `Parser notes (${n})`,
  more: (n) => `${n} more not listed.`,
  line: (n) => `line ${n}`,
  amountTitle: (v, cur) => `${Number(v).toLocaleString('en')} ${cur === 'TWD' ? 'NTD' : cur}`,
  fetchFailed: (src, why) => `Could not load ${src}: ${why}`,
  openFailed: (name, why) => `Could not open ${name}: ${why}`,
  thisFile: 'this file',
  converting: 'Reading the document…',
  showingInline: ' The copy on this page is shown instead.',
  failed: (why) => `The text could not be parsed: ${why}`,
  noWasm: "This page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'); the text is shown as it is.",
  why: {
    http: (e) => `the server answered ${e.status}${e.status === 404 ? ' (not found)' : e.status === 401 || e.status === 403 ? ' (access denied)' : e.status >= 500 ? ' (server error)' : ''}.`,
    network: () => 'the site could not be reached: the address may be wrong, or the site or the network is down.',
    cors: () => 'the site does not let other pages read its files (CORS); download the file and open it instead.',
    policy: (e) => `this page's security policy (Content-Security-Policy) does not allow connecting to ${e.origin}.`,
    offline: () => 'there is no network connection.',
    timeout: (e) => `no answer in ${e.seconds} seconds.`,
    'not-text': () => 'it is neither a text file nor an .odt, .docx or PDF document (an image, or another format?).',
    html: () => 'it is a web page (HTML), not the text of minutes.',
    'too-large': (e) => (e.max == null ? 'the document unpacks to far too much to be read.' : `the file is too large (${e.size == null ? `> ${MB(e.max)}` : MB(e.size)} MB; the limit is ${MB(e.max)} MB).`),
    unreadable: () => 'the file could not be read; it may have been moved or changed. Choose it again.',
    'scanned-pdf': () => 'this PDF has no text, only images (a scan?); it needs text recognition (OCR) first.',
    'encrypted-pdf': () => 'this PDF is protected by a password; save a copy without one.',
    'corrupt-pdf': () => 'this PDF is damaged and cannot be read.',
    'encrypted-document': () => 'this document is protected by a password; remove it in a word processor and save again.',
    'corrupt-zip': () => 'this document is damaged (incomplete or corrupt) and cannot be read.',
    'corrupt-document': () => 'this document is damaged (its content is malformed) and cannot be read.',
    'legacy-doc': () => 'this is an old Word file (.doc), or an Office file with a password; save it as .odt or .docx in a word processor.',
    spreadsheet: () => 'this is a spreadsheet (.ods, .xlsx, .xls), not minutes.',
    presentation: () => 'this is a presentation (.odp, .pptx), not minutes.',
    'unknown-format': () => 'this kind of file cannot be read: text files, .odt, .docx and PDF can (save an RTF file as .odt or .docx).',
    'load-failed': () => "the reader for this kind of document could not be loaded (the page's security policy, or its files are not beside the component).",
  },
  notes: {
    'empty-input': 'Nothing to read: paste or open the text of some minutes.',
    'binary-input': 'This does not look like text (a PDF or Word file itself?); use the text inside it.',
    'control-characters': 'From line {line}, invisible control characters were left out.',
    'not-chinese': 'The text is mostly not Chinese|; this tool is made for Taiwanese minutes, so the outline may be incomplete.',
    'no-structure': 'No numbering, labels or sections were found|: the outline is the paragraphs in order.',
    'numbering-gap': 'Line {line}: the numbering skips (expected {expected}, found {found})|; an item may be missing, or this one is at the wrong level.',
    'numbering-repeat': 'Line {line}: the numbering repeats or goes back (expected {expected}, found {found})|; the levels here may be wrong.',
    'numbering-start': 'Line {line}: a list starts at {found} instead of {expected}.',
    'style-depth': 'Line {line}: this numbering is at level {found}; the same numbering was at level {expected} before.',
    'depth-limit': 'From line {line} the outline nests too deep; deeper items are kept at the last level.',
    'weekday-mismatch': 'Line {line}: the weekday does not match the date|: it should be {expected}, the minutes say {found}.',
    'header-unreadable': 'Line {line}: the date or time of the meeting could not be read|: “{found}”.',
    'heading-holds-items': 'From line {line}, numbered items hang under a line without a number|, which may not be a heading.',
    'top-level-fragments': 'From line {line}, many paragraphs are outside any numbered part|; the outline may be incomplete.',
    'bare-numbers': 'From line {line}, numbers alone on their lines were kept as text|; they may be page numbers.',
    'lines-lost': 'Line {line} holds a whole page run together (its line breaks were lost in copying)|: the numbered parts inside it are not shown as items; the original file would give a better outline.',
    'embedded-object': 'The document embeds objects such as a spreadsheet or a chart|: what they hold is not the document\'s text and is not in the outline; see them in the original file.',
  },
};

for (const s of [zh, en]) {
  /**
   * A parser note in words for a reader, as [what, why]: what was found, and what it may mean
   * (the banner keeps to `what` where space is short). Without a line (0), the words about the
   * line go. An unknown code gives the parser's own message.
   */
  s.noteParts = (d) => {
    let t = s.notes[d.code];
    if (!t) return [d.message, ''];
    if (!d.line) {
      t = t.replace(/^(第 \{line\} 行(起的|起|的)?|(From line|Line) \{line\}[:,]? ?)/, '');
      t = t[0].toUpperCase() + t.slice(1);
    }
    // A part that needs a value the note does not have (a `found` the parser left out) goes.
    const fill = (part) => (/\{(line|expected|found)\}/.test(part) && [...part.matchAll(/\{(\w+)\}/g)].some(([, k]) => d[k] == null) ? null : part.replace(/\{(line|expected|found)\}/g, (_, k) => String(d[k])));
    const [what, why = ''] = t.split('|');
    return [fill(what) ?? s.notes[d.code].split('|')[0].replace(/\{\w+\}/g, '…'), fill(why) ?? ''];
  };
  s.diagnostic = (d) => {
    if (!s.notes[d.code]) return d.message;
    const [what, why] = s.noteParts(d);
    return why ? what + why : /[.。:：)）]$/.test(what) ? what : what + (s === en ? '.' : '。');
  };
  /** Why a load failed (a LoadError from load.js), in words. */
  s.loadError = (e) => (s.why[e?.code] ?? (() => String(e?.message ?? e)))(e);
}

/** The words for a language tag: English for `en…`, 繁體中文 otherwise. */
export const wordsFor = (lang) => (/^en\b/i.test(lang ?? '') ? en : zh);

/** The strings for an element: English when its language (or its nearest ancestor's) is English. */
export const strings = (el) => wordsFor(el.closest('[lang]')?.getAttribute('lang'));

/** Every diagnostic code worded here (a test checks them against the parser's). */
export const CODES = Object.keys(zh.notes);

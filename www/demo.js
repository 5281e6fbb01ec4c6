// The demo page: samples, a file (opened or dropped), a URL, or pasted text go to the
// <minutes-outline> above them. URLs are read by the component's own read(), and files by its
// load(), which also opens .odt, .docx and PDF and gives the parser what the document says of
// its lines; both refuse for the same reasons as `src`, and each message sits next to the
// control that caused it. The component keeps its filters in the URL fragment (sync-url); the
// page keeps which sample or URL is shown in the query, so that a shared link brings back the
// same view of the same minutes, and keeps pasted text or an opened file in sessionStorage, so
// that a reload does too.
const outline = document.getElementById('outline');
const paste = document.getElementById('paste');
const file = document.getElementById('file');
const openButton = document.getElementById('open-file');
const urlForm = document.getElementById('from-url');
const urlInput = document.getElementById('url');
const samples = [...document.querySelectorAll('[data-sample]')];
const say = {
  sample: document.getElementById('sample-status'),
  file: document.getElementById('file-status'),
  url: document.getElementById('url-status'),
  paste: document.getElementById('paste-status'),
};
const KEPT = 'minutes-outline-demo';
/**
 * Longer texts (in characters) are outlined whole but shown in the box only in part: a textarea
 * holding megabytes takes seconds to paste into and to lay out again each time the page changes.
 */
const PREVIEW = 100_000;
const clearBox = document.getElementById('clear-paste');
const MB = (n) => (n / 1048576).toFixed(1);
const Outline = await customElements.whenDefined('minutes-outline');

/** One message at a time, next to the control it is about. */
function tell(where, text, error = false) {
  for (const [k, el] of Object.entries(say)) {
    el.textContent = k === where ? text : '';
    el.classList.toggle('error', k === where && error);
  }
}

/** Puts a text in the box: the whole of it, or its start (read-only) when it is long. */
function fill(text) {
  const long = text.length > PREVIEW;
  paste.value = long ? text.slice(0, PREVIEW) : text;
  paste.readOnly = long;
  clearBox.hidden = !long;
  return long;
}

/** Shows a text; `source` is what a link (sample, src) or a reload (sessionStorage) needs. */
function show(text, source = {}) {
  if (!source.pasted) fill(text);
  outline.text = text;
  remember(source);
  keep(source.sample || source.src ? null : { text, name: source.name ?? '' });
}

/** The query: which sample or URL is shown, nothing for pasted text or a file. */
function remember(source) {
  const q = new URLSearchParams();
  if (source.sample) q.set('sample', source.sample);
  if (source.src) q.set('src', source.src);
  history.replaceState(null, '', location.pathname + (q.toString() ? `?${q}` : '') + location.hash);
}

const toBase64 = (bytes) => bytes.toBase64?.() ?? btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text) => Uint8Array.fromBase64?.(text) ?? Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Keeps a pasted or opened text for a reload of this tab; a sample or URL is in the query. */
function keep(entry) {
  try {
    if (entry) sessionStorage.setItem(KEPT, JSON.stringify(entry));
    else sessionStorage.removeItem(KEPT);
    return true;
  } catch {
    // Over the tab's storage (about 5 MB) or storage refused: the text is shown, not kept.
    return false;
  }
}

async function loadSample(b) {
  try {
    const text = await Outline.read(b.dataset.src);
    show(text, { sample: b.dataset.sample });
    tell(null, '');
  } catch (err) {
    tell('sample', `無法載入範例：${err.message}`, true);
  }
}

async function loadUrl(url) {
  tell('url', '載入中…');
  try {
    const text = await Outline.read(url);
    show(text, { src: url });
    tell('url', `已載入 ${url}。`);
  } catch (err) {
    tell('url', `無法載入 ${url}：${err.message}`, true);
  }
}

/**
 * Opens a file: a text, or a document whose lines the component reads itself (load()). The
 * file is kept for a reload as it is, so that a document comes back with what it said of its
 * lines; the box shows the text read.
 */
async function openFile(f, where = 'file', { restored = false } = {}) {
  if (!f) return;
  tell(where, `正在開啟 ${f.name}…`);
  try {
    await outline.load(f);
  } catch (err) {
    // Other text came first (a sample, a paste): its message is the one that counts.
    if (err.name === 'AbortError') return;
    tell(where, `無法開啟 ${f.name}：${err.message}`, true);
    return;
  }
  fill(outline.text);
  remember({});
  const kept = restored || keep({ file: toBase64(new Uint8Array(await f.arrayBuffer())), name: f.name, type: f.type });
  tell(where, restored ? `已還原先前開啟的 ${f.name}。` : `已開啟 ${f.name}。` + (kept ? '' : '這個檔案太大，重新整理後不會保留。'));
}

let timer = 0;
const fromPaste = (text = paste.value) => {
  clearTimeout(timer);
  show(text, { pasted: true });
  const kept = keep({ text, name: '' });
  const long = text.length > PREVIEW ? `貼上的文字很長（${MB(text.length)} M 字），框內只顯示開頭，大綱是全文。` : '';
  tell('paste', long + (kept ? '' : '這份文字太長，重新整理後不會保留。'));
};
// A paste is one act: outlined at once, with word of it at once. A long one goes to the outline
// without going through the box, which would take seconds to take it.
paste.addEventListener('paste', (e) => {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.length > PREVIEW) {
    e.preventDefault();
    tell('paste', `正在整理貼上的文字（${MB(text.length)} M 字）…`);
    fill(text);
    setTimeout(() => fromPaste(text));
    return;
  }
  tell('paste', '正在整理貼上的文字…');
  setTimeout(() => fromPaste());
});
clearBox.addEventListener('click', () => {
  fill('');
  paste.focus();
});
// Typing is many: outlined when it pauses.
paste.addEventListener('input', (e) => {
  if (e.inputType === 'insertFromPaste') return;
  clearTimeout(timer);
  timer = setTimeout(fromPaste, 250);
});
openButton.addEventListener('click', () => file.click());
file.addEventListener('change', () => {
  openFile(file.files?.[0]);
  // The same file chosen again is a change too.
  file.value = '';
});
for (const b of samples) b.addEventListener('click', () => loadSample(b));
urlForm.addEventListener('submit', (e) => {
  e.preventDefault();
  if (urlInput.value) loadUrl(urlInput.value);
});

// Drop a file anywhere on the input side.
const dropZone = document.querySelector('.input');
dropZone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropZone.classList.add('dropping');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dropping'));
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropZone.classList.remove('dropping');
  openFile(e.dataTransfer?.files?.[0], 'paste');
});

const query = new URLSearchParams(location.search);
const wanted = samples.find((b) => b.dataset.sample === query.get('sample'));
let kept = null;
try {
  kept = JSON.parse(sessionStorage.getItem(KEPT) ?? 'null');
} catch {
  /* nothing kept */
}
if (query.get('src')) {
  urlInput.value = query.get('src');
  await loadUrl(query.get('src'));
} else if (!wanted && kept?.file) {
  await openFile(new File([fromBase64(kept.file)], kept.name, { type: kept.type }), 'file', { restored: true });
} else if (!wanted && kept?.text) {
  show(kept.text, { name: kept.name });
  tell('paste', kept.name ? `已還原先前開啟的 ${kept.name}。` : '已還原先前貼上的文字。');
} else {
  await loadSample(wanted ?? samples[0]);
}

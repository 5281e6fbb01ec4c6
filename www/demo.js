// The demo page: samples, a file (opened or dropped), a URL, or pasted text go to the
// <minutes-outline> beside them. The component keeps its filters in the URL fragment
// (sync-url); the page keeps which sample or URL is shown in the query, so that a shared link
// brings back the same view of the same minutes.
const outline = document.getElementById('outline');
const paste = document.getElementById('paste');
const file = document.getElementById('file');
const status = document.getElementById('demo-status');
const urlForm = document.getElementById('from-url');
const urlInput = document.getElementById('url');
const samples = [...document.querySelectorAll('[data-sample]')];
const decode = (...a) => customElements.get('minutes-outline').decode(...a);

/** Shows a text; `source` is what a shared link needs to load it again. */
function show(text, source = {}) {
  paste.value = text;
  outline.text = text;
  const q = new URLSearchParams();
  if (source.sample) q.set('sample', source.sample);
  if (source.src) q.set('src', source.src);
  const query = q.toString() ? `?${q}` : '';
  history.replaceState(null, '', location.pathname + query + location.hash);
  status.textContent = '';
}

async function loadSample(b) {
  const res = await fetch(b.dataset.src);
  show(await res.text(), { sample: b.dataset.sample });
}

async function loadUrl(url) {
  status.textContent = '載入中…';
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    show(decode(await res.arrayBuffer(), res.headers.get('content-type') ?? ''), { src: url });
  } catch (err) {
    // A site that does not allow other pages to read its files (CORS) fails here too.
    status.textContent = `無法載入 ${url}：${err.message}。該網站可能不允許其他網頁讀取，請下載後再開啟檔案。`;
  }
}

async function openFile(f) {
  if (!f) return;
  show(decode(await f.arrayBuffer(), f.type));
  status.textContent = `已開啟 ${f.name}。`;
}

let timer = 0;
paste.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => show(paste.value), 250);
});
file.addEventListener('change', () => openFile(file.files?.[0]));
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
  openFile(e.dataTransfer?.files?.[0]);
});

document.getElementById('share').addEventListener('click', async () => {
  const pasted = !new URLSearchParams(location.search).toString();
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = pasted ? '已複製連結（貼上的文字不會放進連結，對方需要同一份文字）。' : '已複製連結。';
  } catch {
    status.textContent = `連結：${link}`;
  }
});

await customElements.whenDefined('minutes-outline');
const query = new URLSearchParams(location.search);
const wanted = samples.find((b) => b.dataset.sample === query.get('sample'));
if (query.get('src')) {
  urlInput.value = query.get('src');
  await loadUrl(query.get('src'));
} else {
  await loadSample(wanted ?? samples[0]);
}

// The demo page: samples, a file, or pasted text go to the <minutes-outline> beside them.
const outline = document.getElementById('outline');
const paste = document.getElementById('paste');
const file = document.getElementById('file');
const samples = [...document.querySelectorAll('[data-sample]')];

function show(text) {
  paste.value = text;
  outline.text = text;
}

async function loadSample(url) {
  const res = await fetch(url);
  show(await res.text());
}

let timer = 0;
paste.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => (outline.text = paste.value), 250);
});

file.addEventListener('change', async () => {
  const f = file.files?.[0];
  if (!f) return;
  const decode = customElements.get('minutes-outline').decode;
  show(decode(await f.arrayBuffer(), f.type));
});

for (const b of samples) b.addEventListener('click', () => loadSample(b.dataset.sample));

await customElements.whenDefined('minutes-outline');
await loadSample(samples[0].dataset.sample);

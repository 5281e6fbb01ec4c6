// The test page's side of tests/browser/formats.test.mjs: formats.js from the sources, its
// on-demand files from pkg/, the parser from the drop-in bundle (the global MinutesOutline).
import { readDocument, FormatError } from '/src/component/formats.js';

const fromBase64 = (b64) => Uint8Array.fromBase64?.(b64) ?? Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** Reads the bytes (base64) and parses what they give, with their hints (furniture, levels). */
window.readAndParse = async (base64, name) => {
  const bytes = fromBase64(base64);
  const t0 = performance.now();
  let doc;
  try {
    doc = await readDocument(bytes, { name, assets: '/pkg/' });
  } catch (err) {
    return { error: { code: err.code, message: err.message, isFormatError: err instanceof FormatError } };
  }
  const read = performance.now() - t0;
  const model = await MinutesOutline.parse(doc.text, doc.hints);
  const parsed = performance.now() - t0;
  return {
    format: doc.format,
    pages: doc.pages ?? null,
    text: doc.text,
    hints: [...doc.hints],
    warnings: doc.warnings,
    meta: model.meta,
    outline: model.outline,
    ms: { read, parsed },
  };
};
window.formatsReady = true;

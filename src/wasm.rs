//! The WebAssembly boundary: functions over [`crate::parse`], nothing else.
//!
//! - `parse(text)`: the whole model as plain JavaScript objects (docs/MODEL.md).
//! - `parseFlat(text)`: the same outline as typed arrays over the caller's string, what the
//!   web component uses (see [`crate::emit::flat`]).
//! - `markdown(text, keep)`, `csv(text, keep)`: the export a reader saves
//!   ([`crate::emit::export`]), of the nodes `keep` marks.
//! - `schemaVersion()`.

use crate::emit::flat::{flatten, kind_names};
use crate::model::{role_names, CURRENCIES};
use js_sys::{Array, Float64Array, Int32Array, Object, Reflect, Uint32Array, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // Maps as plain objects, so that the result is what JSON.parse would give.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).unwrap_or(JsValue::NULL)
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Parses minutes text; returns `{ schema, meta, outline, diagnostics, units, pages, lines,
/// bodyStart }`. `hints` (optional, one byte a line) is what a reader of the original file knew
/// of each line: see `parse_with`.
#[wasm_bindgen]
pub fn parse(text: &str, hints: Option<Vec<u8>>) -> JsValue {
    to_js(&crate::parse_with(text, hints.as_deref().unwrap_or(&[])))
}

/// The outline of `text` as Markdown: the nodes whose byte in `keep` is not 0 (without `keep`,
/// the body). `hints` as for `parse`.
#[wasm_bindgen]
pub fn markdown(text: &str, keep: Option<Vec<u8>>, hints: Option<Vec<u8>>) -> String {
    let doc = crate::parse_with(text, hints.as_deref().unwrap_or(&[]));
    crate::emit::export::markdown(&doc, keep.as_deref())
}

/// The outline of `text` as CSV, one row a node kept (see `markdown`).
#[wasm_bindgen]
pub fn csv(text: &str, keep: Option<Vec<u8>>, hints: Option<Vec<u8>>) -> String {
    let doc = crate::parse_with(text, hints.as_deref().unwrap_or(&[]));
    crate::emit::export::csv(&doc, keep.as_deref())
}

#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    crate::SCHEMA_VERSION
}

/// Parses minutes text into flat columns; node texts are UTF-16 ranges of `text`. `hints` as for
/// `parse`. With `model`, the whole model (`parse`'s result) comes along as `model`, from the
/// same parse: for a caller that will want both.
#[wasm_bindgen(js_name = parseFlat)]
pub fn parse_flat(text: &str, hints: Option<Vec<u8>>, model: Option<bool>) -> JsValue {
    let doc = crate::parse_with(text, hints.as_deref().unwrap_or(&[]));
    let f = flatten(&doc);
    let out = Object::new();
    if model == Some(true) {
        set(&out, "model", &to_js(&doc));
    }
    set(&out, "schema", &crate::SCHEMA_VERSION.into());
    set(&out, "meta", &to_js(&doc.meta));
    set(&out, "diagnostics", &to_js(&doc.diagnostics));
    set(&out, "units", &to_js(&doc.units.names));
    set(&out, "lines", &doc.line_count.into());
    set(&out, "bodyStart", &doc.body_start.into());
    let tables = Array::new();
    for (id, n) in doc.nodes.iter().enumerate() {
        if n.table != crate::tree::NONE {
            let rows: Vec<Vec<String>> = doc.tables[n.table as usize]
                .rows
                .iter()
                .map(|r| r.iter().map(|c| doc.cell(c).into_owned()).collect())
                .collect();
            tables.push(&to_js(&(id, rows)));
        }
    }
    set(&out, "tables", &tables);
    set(&out, "kindNames", &to_js(&kind_names()));
    set(&out, "roleNames", &to_js(&role_names()));
    set(&out, "currencies", &to_js(&CURRENCIES));
    set(&out, "count", &(f.parent.len() as u32).into());
    set(&out, "parent", &Int32Array::from(&f.parent[..]).into());
    set(&out, "depth", &Uint8Array::from(&f.depth[..]).into());
    set(&out, "kind", &Uint8Array::from(&f.kind[..]).into());
    set(&out, "role", &Uint8Array::from(&f.role[..]).into());
    set(&out, "line", &Uint32Array::from(&f.line[..]).into());
    set(&out, "endLine", &Uint32Array::from(&f.end_line[..]).into());
    set(&out, "ordinal", &Uint32Array::from(&f.ordinal[..]).into());
    set(&out, "unit", &Int32Array::from(&f.unit[..]).into());
    set(
        &out,
        "labelLen",
        &Uint32Array::from(&f.label_len[..]).into(),
    );
    set(
        &out,
        "markerAt",
        &Uint32Array::from(&f.marker_at[..]).into(),
    );
    set(&out, "textAt", &Uint32Array::from(&f.text_at[..]).into());
    set(
        &out,
        "segStart",
        &Uint32Array::from(&f.seg_start[..]).into(),
    );
    set(&out, "segEnd", &Uint32Array::from(&f.seg_end[..]).into());
    set(&out, "segSpace", &Uint8Array::from(&f.seg_space[..]).into());
    set(
        &out,
        "factNode",
        &Uint32Array::from(&f.fact_node[..]).into(),
    );
    set(&out, "factKind", &Uint8Array::from(&f.fact_kind[..]).into());
    set(
        &out,
        "factStart",
        &Uint32Array::from(&f.fact_start[..]).into(),
    );
    set(&out, "factEnd", &Uint32Array::from(&f.fact_end[..]).into());
    set(&out, "factA", &Float64Array::from(&f.fact_a[..]).into());
    set(&out, "factB", &Float64Array::from(&f.fact_b[..]).into());
    out.into()
}

//! The WebAssembly boundary of the document readers, built on its own (`--features
//! formats-wasm`) into `pkg/formats_bg.wasm`, loaded by the page only when a document is opened.
//!
//! - `readDocument(bytes, name)`: `{ text, hints, format, warnings }`, or throws an `Error`
//!   whose `code` is one of [`super::Code`]'s.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

#[wasm_bindgen(js_name = readDocument)]
pub fn read_document(bytes: &[u8], name: &str) -> Result<JsValue, JsValue> {
    match super::read(bytes, name) {
        Ok(x) => {
            let out = Object::new();
            set(&out, "text", &JsValue::from_str(&x.text));
            set(&out, "hints", &Uint8Array::from(&x.hints[..]).into());
            set(
                &out,
                "format",
                &JsValue::from_str(x.format.map_or("", |f| f.as_str())),
            );
            // As the parser's diagnostics are (docs/MODEL.md): the component shows them with those.
            let warnings = Array::new();
            for w in &x.warnings {
                let d = Object::new();
                set(&d, "code", &JsValue::from_str(w.code.name()));
                set(&d, "severity", &JsValue::from_str("warning"));
                set(&d, "line", &JsValue::from(w.line));
                set(&d, "message", &JsValue::from_str(&w.message));
                warnings.push(&d);
            }
            set(&out, "warnings", &warnings);
            Ok(out.into())
        }
        Err(e) => {
            let err = js_sys::Error::new(&e.message);
            set(&err, "code", &JsValue::from_str(e.code.as_str()));
            Err(err.into())
        }
    }
}

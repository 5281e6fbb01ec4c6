//! Any bytes, read as UTF-8 the way a browser hands text to the parser (invalid sequences become
//! U+FFFD), through every stage and every output: the tree, the JSON model, the flat view and
//! the plain-text outline. `common::check` (tests/common/mod.rs, shared with tests/properties.rs
//! and tests/hostile.rs) asserts what must hold for any input: nothing lost and nothing made up,
//! every node inside the input and in a consistent tree no deeper than MAX_DEPTH, the flat
//! view's texts the tree's, the JSON valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes_outline::outline;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // Not exact: in arbitrary text a `#` or a `|` may be content or decoration.
    let doc = common::check(&input, false).unwrap_or_else(|e| panic!("{e}"));
    std::hint::black_box(outline::render(&doc));
    std::hint::black_box(outline::render_diagnostics(&doc));
});

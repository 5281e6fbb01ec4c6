#!/usr/bin/env bash
# Builds the ready-to-use files of pkg/ (or of the folder given):
#   parser.js, parser_bg.wasm, parser.d.ts   wasm-bindgen --target web --out-name parser, wasm-opt -Oz
#   minutes-outline.js                       the drop-in component, the wasm inlined
#   formats.js, formats_bg.wasm, formats.d.ts   the .odt/.docx readers (src/formats/), loaded on
#                                            demand: the same crate built with `formats-wasm`
#   pdf-lines.js, pdfjs/                     the PDF reader, loaded on demand: lines from
#                                            positions (src/component/pdf-lines.js) over pdf.js
#                                            (pdfjs-dist's legacy build, its worker, its CMaps)
#   package.json                             so that the folder is an npm package
# The build is reproducible: the same sources give the same bytes, which is what
# tools/check-pkg.sh relies on to tell a stale pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=${1:-pkg}
tools/setup.sh build

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Paths of this checkout and of the cargo registry would otherwise end up in panic messages.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=minutes-outline --remap-path-prefix=$cargo_home=cargo"
cargo build --quiet --release --lib --target wasm32-unknown-unknown

wasm-bindgen --target web --out-name parser --out-dir "$work" \
  target/wasm32-unknown-unknown/release/minutes_outline.wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  "$work/parser_bg.wasm" -o "$work/parser_bg.opt.wasm"
mv "$work/parser_bg.opt.wasm" "$work/parser_bg.wasm"

# The document readers, on demand. A target folder of their own, so that neither build makes
# the other's artefacts stale.
cargo build --quiet --release --lib --target wasm32-unknown-unknown --features formats-wasm \
  --target-dir target/formats
wasm-bindgen --target web --out-name formats --out-dir "$work" \
  target/formats/wasm32-unknown-unknown/release/minutes_outline.wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  "$work/formats_bg.wasm" -o "$work/formats_bg.opt.wasm"
mv "$work/formats_bg.opt.wasm" "$work/formats_bg.wasm"

mkdir -p "$out"
cp "$work/parser.js" "$work/parser_bg.wasm" "$work/parser.d.ts" "$out/"
cp "$work/formats.js" "$work/formats_bg.wasm" "$work/formats.d.ts" "$out/"
# pdf.js as published (the same bytes: the build stays reproducible), its license beside it.
pdfjs=node_modules/pdfjs-dist
rm -rf "$out/pdfjs"
mkdir -p "$out/pdfjs"
cp "$pdfjs/legacy/build/pdf.min.mjs" "$pdfjs/legacy/build/pdf.worker.min.mjs" "$pdfjs/LICENSE" "$out/pdfjs/"
cp -r "$pdfjs/cmaps" "$out/pdfjs/cmaps"
node tools/bundle.mjs "$work" "$out"

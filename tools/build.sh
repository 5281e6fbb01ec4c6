#!/usr/bin/env bash
# Builds the ready-to-use files of pkg/ (or of the folder given):
#   parser.js, parser_bg.wasm, parser.d.ts   wasm-bindgen --target web --out-name parser, wasm-opt -Oz
#   minutes-outline.js                       the drop-in component, the wasm inlined
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

mkdir -p "$out"
cp "$work/parser.js" "$work/parser_bg.wasm" "$work/parser.d.ts" "$out/"
node tools/bundle.mjs "$work" "$out"

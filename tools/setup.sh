#!/usr/bin/env bash
# Installs what the build, the demo and the tests need, and skips what is already there.
#   tools/setup.sh build     Rust's wasm32 target, wasm-bindgen-cli (pinned), node_modules
#   tools/setup.sh browser   Debian's chromium, fonts-noto-cjk and fonts-arphic-uming (browser tests)
#   tools/setup.sh all       both
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it with `=`.
  local want have
  want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 3 minutes)"
    # Not --locked: one of its locked dependencies is missing from the registry mirror.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

node() {
  # npm ci when node_modules is missing or was installed from another lock file.
  if [ ! -f node_modules/.installed-lock ] || ! cmp -s package-lock.json node_modules/.installed-lock; then
    say "installing npm dev dependencies"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock
  fi
}

browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # Without a CJK font, Chinese renders as boxes in screenshots.
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
  # The PDFs the format tests print: a font whose glyphs Chromium maps back to the ideographs
  # themselves (Noto CJK's shared glyphs come back as Kangxi radicals, ⼀ for 一).
  fc-list 2>/dev/null | grep -qi 'AR PL UMing' || missing+=(fonts-arphic-uming)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

case "${1:-all}" in
  build) rust; node ;;
  browser) browser ;;
  all) rust; node; browser ;;
  *) echo "usage: tools/setup.sh [build|browser|all]" >&2; exit 2 ;;
esac

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
  # Read whole, not through `grep -q` (see browser() below).
  local targets
  targets=$(rustup target list --installed 2>/dev/null || true)
  if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
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
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  # Without a CJK font, Chinese renders as boxes in screenshots. The lists are read whole into a
  # variable: `fc-list | grep -q` under pipefail fails when grep stops reading early (SIGPIPE),
  # which made every run reinstall the fonts.
  local fonts
  fonts=$(fc-list : family 2>/dev/null || true)
  case "$fonts" in *'Noto Sans CJK'* | *'Noto Sans TC'*) ;; *) missing+=(fonts-noto-cjk) ;; esac
  # The PDFs the format tests print: a font whose glyphs Chromium maps back to the ideographs
  # themselves (Noto CJK's shared glyphs come back as Kangxi radicals, ⼀ for 一).
  case "$fonts" in *'AR PL UMing'*) ;; *) missing+=(fonts-arphic-uming) ;; esac
  [ ${#missing[@]} -gt 0 ] || return 0
  if ! command -v apt-get >/dev/null; then
    # Not Debian: say what is missing. A missing font only makes screenshots (or the printed
    # PDFs of the format tests) wrong; a missing browser stops the browser tests.
    say "missing ${missing[*]} and no apt-get to install it; install it by hand (or set CHROMIUM=/path/to/chromium)"
    case " ${missing[*]} " in *' chromium '*) return 1 ;; esac
    return 0
  fi
  say "installing ${missing[*]} from Debian"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

case "${1:-all}" in
  build) rust; node ;;
  browser) browser ;;
  all) rust; node; browser ;;
  *) echo "usage: tools/setup.sh [build|browser|all]" >&2; exit 2 ;;
esac

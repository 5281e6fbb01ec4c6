#!/usr/bin/env bash
# Runs every test, installing what is missing first (tools/setup.sh):
#   rustfmt and clippy; the Rust unit, document and property tests; the pkg/ freshness check;
#   the browser tests in headless Chromium (tests/browser/).
# This is what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
t0=$(date +%s)
step() {
  local name=$1
  shift
  local s
  s=$(date +%s)
  printf '\n\033[1m== %s\033[0m\n' "$name"
  "$@"
  printf '\033[1m== %s: ok (%ss)\033[0m\n' "$name" "$(($(date +%s) - s))"
}
step "setup" tools/setup.sh all
step "rustfmt" cargo fmt --check
step "clippy" cargo clippy --quiet --all-targets -- -D warnings
step "cargo test" cargo test --quiet
step "pkg/ is current" tools/check-pkg.sh
step "browser tests" node --test --test-reporter=spec tests/browser/
printf '\n\033[1mall tests passed in %ss\033[0m\n' "$(($(date +%s) - t0))"

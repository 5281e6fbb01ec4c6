#!/usr/bin/env bash
# The benchmark of docs/PERFORMANCE.md: builds pkg/ and the native bench, then measures every
# figure against its reference in the same run and prints the table.
#   tools/bench.sh [--quick] [--json out.json]
# Not part of the test command: figures on a shared machine are for reading, not for failing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
tools/setup.sh all
tools/build.sh
cargo bench --quiet --bench parse --no-run
exec node tools/bench.mjs "$@"

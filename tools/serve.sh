#!/usr/bin/env bash
# Builds pkg/ and serves the demo (www/) on http://localhost:8080/www/ with a real sample
# loaded. PORT=9000 tools/serve.sh to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
exec node tools/serve.mjs --port "${PORT:-8080}"

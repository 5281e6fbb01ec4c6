#!/usr/bin/env bash
# Fails when the committed pkg/ is not what the sources build: a stale pkg/ is a bug that a
# webmaster would download. Builds into a temporary folder and compares byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
tools/build.sh "$fresh" >/dev/null
if ! diff -rq pkg "$fresh" >/dev/null; then
  echo "pkg/ is stale: it differs from what the sources build:" >&2
  diff -rq pkg "$fresh" | sed "s|$fresh|<fresh build>|" >&2 || true
  echo "Run tools/build.sh and commit pkg/." >&2
  exit 1
fi
echo "pkg/ is current: $(ls pkg | tr '\n' ' ')"

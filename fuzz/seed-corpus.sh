#!/bin/sh
# Seeds the fuzzer's corpus with the test fixtures: whole minutes of every shape the parser
# knows, plain text and Markdown. The corpus is not committed; run this after a fresh clone.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus/parse"
mkdir -p "$corpus"
# Named after their path, so that running the script again replaces rather than adds.
find "$root/tests/fixtures" -type f -name '*.txt' | sort | while IFS= read -r f; do
    rel=${f#"$root/tests/fixtures/"}
    cp "$f" "$corpus/fixture-$(printf '%s' "$rel" | tr '/' '_')"
done
echo "seeded $corpus: $(ls "$corpus" | wc -l) files"

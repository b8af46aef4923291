#!/bin/sh
# Rebuilds the end-to-end tests' own plugins: every src/test/wat/*.wat into src/test/resources/plugins/*.wasm.
# Needs wabt (Debian: apt-get install wabt); CI checks that the committed binaries are unchanged.
set -eu
cd "$(dirname "$0")"
out=../resources/plugins
mkdir -p "$out"
for source in *.wat; do
    wat2wasm "$source" -o "$out/${source%.wat}.wasm"
done

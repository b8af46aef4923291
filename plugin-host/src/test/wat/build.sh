#!/bin/sh
# Rebuilds the test plugins: every src/test/wat/*.wat into src/test/resources/plugins/*.wasm, the hostile modules
# too repetitive to write by hand from their generators (*.wat.sh prints the module's text; its arguments, if any,
# size it), and the host's warm-up plugin in src/main/resources.
# Needs wabt (Debian: apt-get install wabt). The output depends only on the source and the wabt version,
# so CI can run this script and check that the committed binaries are unchanged (git diff --exit-code).
set -eu
cd "$(dirname "$0")"
out=../resources/plugins
mkdir -p "$out"
for source in *.wat; do
    wat2wasm "$source" -o "$out/${source%.wat}.wasm"
done
generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
for generator in *.wat.sh; do
    name=${generator%.wat.sh}
    sh "$generator" > "$generated/$name.wat"
    wat2wasm "$generated/$name.wat" -o "$out/$name.wasm"
done
# The host warms itself up with the well-behaved test plugin (HostWarmUp).
cp "$out/deliver-input.wasm" ../../main/resources/org/hackablemail/plugin/host/warm-up.wasm

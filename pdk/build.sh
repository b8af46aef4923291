#!/bin/sh
# Rebuild the Hackable Mail example plugins from source, reproducibly.
#
#   pdk/build.sh           rebuild every example .wasm next to its source
#   pdk/build.sh --check   rebuild into a temporary directory and fail if a
#                          committed .wasm differs from its rebuild, or if a
#                          plugin breaks the ABI self-check below
#
# This script installs nothing. Prerequisites (what CI installs first):
#
#   apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 \
#                      rustc libstd-rust-dev-wasm32 wabt nodejs npm
#   (cd pdk/assemblyscript && npm ci)
#   (cd pdk/runner && npm ci)      # optional: --check then also runs runner/test.mjs
#
# The committed binaries were built on Debian 12 (bookworm) with
#   clang/lld 1:14.0.6-12, wasi-libc 0.0~git20220510.9886d3d-2,
#   libclang-rt-14-dev-wasm32 1:14.0.6-12, rustc 1.63.0+dfsg1-2,
#   libstd-rust-dev-wasm32 1.63.0+dfsg1-2, wabt 1.0.32-1, Node.js 20,
#   assemblyscript 0.27.37 + @extism/as-pdk 1.0.0 (pdk/assemblyscript/package-lock.json).
# Other versions of these tools give other bytes, and --check then fails.
#
# ABI self-check (both modes): every example exports "onEmail" as a function
# of type () -> i32 and imports nothing but Extism kernel functions from
# "extism:host/env" (HTTP excluded) and "deliver"/"reply" from
# "extism:host/user". WASI imports are reported and refused.
set -eu

PDK=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$PDK")

# Pinned tools: explicit paths, so that e.g. a rustup rustc in ~/.cargo/bin
# cannot shadow Debian's.
CLANG=${CLANG:-/usr/bin/clang-14}
RUSTC=${RUSTC:-/usr/bin/rustc}
WAT2WASM=${WAT2WASM:-/usr/bin/wat2wasm}
WASM_OBJDUMP=${WASM_OBJDUMP:-/usr/bin/wasm-objdump}
NODE=${NODE:-node}
ASC="$PDK/assemblyscript/node_modules/assemblyscript/bin/asc.js"

CHECK=no
case "${1:-}" in
  "") ;;
  --check) CHECK=yes ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

for tool in "$CLANG" "$RUSTC" "$WAT2WASM" "$WASM_OBJDUMP"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool (see the prerequisites at the top of $0)" >&2; exit 2; }
done
command -v "$NODE" >/dev/null 2>&1 || { echo "missing tool: node" >&2; exit 2; }
[ -f "$ASC" ] || { echo "missing $ASC: run (cd pdk/assemblyscript && npm ci)" >&2; exit 2; }
[ -f /usr/lib/wasm32-wasi/libc.a ] || { echo "missing wasi-libc (/usr/lib/wasm32-wasi/libc.a)" >&2; exit 2; }

echo "tools: $("$CLANG" --version | head -n 1); $("$RUSTC" --version); wat2wasm $("$WAT2WASM" --version); asc $("$NODE" "$ASC" --version | sed 's/^Version //')"

if [ "$CHECK" = yes ]; then
  OUT=$(mktemp -d "${TMPDIR:-/tmp}/hackablemail-pdk-check.XXXXXX")
  trap 'rm -rf "$OUT"' EXIT INT TERM
else
  OUT=
fi

# target PATH: where a build writes (the file itself, or its twin under $OUT)
target() {
  if [ -n "$OUT" ]; then
    t="$OUT/$(printf %s "$1" | sed "s|^$ROOT/||")"
    mkdir -p "$(dirname "$t")"
    printf %s "$t"
  else
    printf %s "$1"
  fi
}

# ---- the builds: one function per language, fixed flags -------------------

build_c() { # SOURCE.c -> SOURCE.wasm
  src=$1; out=$(target "${src%.c}.wasm")
  (cd "$(dirname "$src")" &&
    "$CLANG" --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor \
      -std=c11 -Wall -Wextra -Werror -I "$PDK/c" \
      -fno-ident -ffile-prefix-map="$ROOT"=. \
      -Wl,--strip-all -o "$out" "$(basename "$src")")
}

build_rust() { # SOURCE.rs -> SOURCE.wasm
  src=$1; out=$(target "${src%.rs}.wasm")
  (cd "$(dirname "$src")" &&
    "$RUSTC" --edition 2021 --target wasm32-unknown-unknown --crate-type cdylib \
      -C opt-level=s -C lto=fat -C codegen-units=1 -C debuginfo=0 \
      -C strip=symbols -D warnings --remap-path-prefix="$ROOT"=. \
      -o "$out" "$(basename "$src")")
}

build_as() { # SOURCE.ts -> SOURCE.wasm
  src=$1; out=$(target "${src%.ts}.wasm")
  name=$(basename "${src%.ts}")
  (cd "$(dirname "$src")" &&
    "$NODE" "$ASC" "$name.ts" --path "$PDK/assemblyscript/node_modules" \
      -O3 --runtime incremental --use "abort=$name/abort" -o "$out")
}

build_wat() { # SOURCE.wat -> SOURCE.wasm
  src=$1; out=$(target "${src%.wat}.wasm")
  "$WAT2WASM" "$src" -o "$out"
}

# ---- the ABI self-check -----------------------------------------------------

KERNEL_FUNCS=" alloc free length length_unsafe load_u8 load_u64 store_u8 store_u64 input_length input_offset input_load_u8 input_load_u64 output_set error_set config_get var_get var_set log_debug log_info log_warn log_error "

abi_check() { # WASM: prints the imports, fails on a broken contract
  wasm=$1; ok=yes
  dump=$("$WASM_OBJDUMP" -x "$wasm")
  onemail=$(printf '%s\n' "$dump" | sed -n 's/^ - func\[\([0-9]*\)\].* -> "onEmail"$/\1/p')
  if [ -z "$onemail" ]; then
    echo "  FAIL: no function export \"onEmail\"" >&2; ok=no
  else
    sig=$(printf '%s\n' "$dump" | sed -n "/^Function\[/,/^[A-Z]/s/^ - func\[$onemail\] sig=\([0-9]*\).*/\1/p")
    type=$(printf '%s\n' "$dump" | sed -n "/^Type\[/,/^[A-Z]/s/^ - type\[$sig\] \(.*\)$/\1/p")
    [ "$type" = "() -> i32" ] || { echo "  FAIL: onEmail has type $type, not () -> i32" >&2; ok=no; }
  fi
  imports=$(printf '%s\n' "$dump" | sed -n '/^Import\[/,/^[A-Z]/s/.* <- \(.*\)$/\1/p' | sort)
  for imp in $imports; do
    module=${imp%.*}; name=${imp##*.}
    case "$module" in
      extism:host/env)
        case "$KERNEL_FUNCS" in *" $name "*) ;; *) echo "  FAIL: import $imp is not an allowed kernel function" >&2; ok=no ;; esac ;;
      extism:host/user)
        case "$name" in deliver|reply) ;; *) echo "  FAIL: unknown host function $imp" >&2; ok=no ;; esac ;;
      *) echo "  FAIL: import $imp (only extism:host/env and extism:host/user are allowed)" >&2; ok=no ;;
    esac
  done
  echo "  imports: $(printf '%s\n' "$imports" | sed 's/^extism:host\///' | tr '\n' ' ')"
  [ "$ok" = yes ]
}

# ---- run ---------------------------------------------------------------------

EXAMPLES="
c    examples/project-xyz-c/project-xyz.c
as   examples/project-xyz-as/project-xyz.ts
c    examples/subject-blocker-c/subject-blocker.c
rust examples/vacation-rust/vacation.rs
wat  examples/subject-tagger-wat/subject-tagger.wat
"

echo "$EXAMPLES" | while read -r lang src; do
  [ -n "$lang" ] || continue
  src="$PDK/$src"; wasm="${src%.*}.wasm"
  echo "$lang ${src#$ROOT/}"
  "build_$lang" "$src"
  built=$(target "$wasm")
  if [ "$CHECK" = yes ]; then
    if ! cmp -s "$built" "$wasm"; then
      echo "  FAIL: ${wasm#$ROOT/} differs from its rebuild (run pdk/build.sh and commit)" >&2
      echo x >>"$OUT/.failed"
    fi
  fi
  abi_check "$built" || echo x >>"${OUT:-$PDK}/.failed"
  echo "  sha256: $(sha256sum "$built" | cut -d' ' -f1)"
done

# behaviour tests of the committed binaries, when the runner is installed
if [ "$CHECK" = yes ]; then
  if [ -d "$PDK/runner/node_modules/@extism/extism" ]; then
    "$NODE" --no-warnings "$PDK/runner/test.mjs" >"$OUT/test.log" 2>&1 || {
      cat "$OUT/test.log" >&2
      echo x >>"$OUT/.failed"
    }
    tail -n 1 "$OUT/test.log"
  else
    echo "behaviour tests skipped: run (cd pdk/runner && npm ci) to enable them"
  fi
fi

if [ -f "${OUT:-$PDK}/.failed" ]; then
  rm -f "$PDK/.failed"
  echo "FAILED" >&2
  exit 1
fi
echo "OK"

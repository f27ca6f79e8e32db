#!/usr/bin/env bash
# Builds the native kernels (C99) into native/build/libedgeasr.so with the machine's C compiler.
# -O3: the compiler vectorises the one-row dot products and the element loops on the desktop (see docs/simulator.md).
# Quiet and quick when the library is newer than every source and this script. Exit 1 (one line) without a compiler.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build/libedgeasr.so"
cc="${CC:-cc}"
command -v "$cc" >/dev/null 2>&1 || { echo "native/build.sh: no C compiler ($cc) found" >&2; exit 1; }
if [ -f "$out" ] && [ -z "$(find "$here/src" "$here/include" "$here/build.sh" -newer "$out" -print -quit)" ]; then exit 0; fi
mkdir -p "$here/build"
"$cc" -std=c99 -O3 -Wall -Wextra -Werror -fPIC -shared -fvisibility=hidden -I"$here/include" "$here"/src/*.c -o "$out.tmp"
mv "$out.tmp" "$out"

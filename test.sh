#!/usr/bin/env bash
# Installs what the tests need (Debian packages), then builds and runs every test.
# The closing line counts the tests: "tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# Debian packages the tests use: speech synthesis and audio tools for real test audio; the C
# compiler for the native kernels (C++ for the interop glue compiled against its nanoCLR stand-in); the rv32 cross compiler, its C library and qemu for the
# measured device cost (a short smoke replay under qemu in the tests, one second in bench).
# The synthesizers and voices (Debian main, contrib and non-free) come from scripts/setup-voices.sh.
"$root/scripts/setup-voices.sh" all || { echo "test.sh: could not install the voices (scripts/setup-voices.sh)" >&2; exit 1; }
packages=(gcc g++ gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc python3-numpy python3-torch libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "test.sh: could not install ${missing[*]}" >&2; exit 1; }
fi

# The native kernels (C99 twin of kernels/ hot loops) with the machine's C compiler: the
# native-vs-managed bit-exactness tests load native/build/libedgeasr.so.
native/build.sh || { echo "test.sh: could not build native/build/libedgeasr.so" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Restores every NuGet package, including nanoFramework.CoreLibrary 1.17.11: the device's real
# mscorlib.dll, which the portability tests compile kernels/ and firmware/ against
# (PackageDownload in tests/Edge.Asr.Tests/Edge.Asr.Tests.csproj; docs/portability.md).
dotnet restore Edge.Asr.sln -v q || { echo "test.sh: dotnet restore failed (is the NuGet registry reachable?)" >&2; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
log="$(mktemp)"
dotnet test Edge.Asr.sln -c Release --no-restore 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries of dotnet test into one counting line.
read -r passed failed skipped < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"

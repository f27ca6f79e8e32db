#!/usr/bin/env bash
# Installs the speech synthesizers and voices that training uses (docs/data-synthesis.md).
# Idempotent: installs only what is missing. Adds Debian's contrib and non-free sections when
# they are not enabled (RHVoice, MBROLA, SVOX Pico and some festival voices live there).
# GnuSpeech comes from npm into training/gnuspeech (Node.js from Debian when there is none).
# Usage: scripts/setup-voices.sh [free|all]   (default all: every voice --voices all can use)
set -euo pipefail
which="${1:-all}"
case "$which" in free|all) ;; *) echo "usage: $0 [free|all]" >&2; exit 2 ;; esac

free=(espeak-ng flite sox festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts sound-theme-freedesktop rhvoice rhvoice-english)
nonfree=(mbrola mbrola-us1 mbrola-us2 mbrola-us3 mbrola-en1 mbrola-de1 mbrola-de2 mbrola-de3 mbrola-de4 mbrola-de5 mbrola-de6
         mbrola-fr1 mbrola-fr4 mbrola-nl2 mbrola-pl1 mbrola-sw1 mbrola-sw2 mbrola-hu1 mbrola-gr2 mbrola-ro1 mbrola-af1
         libttspico-utils festvox-rablpc16k festvox-don festvox-us1 festvox-us2 festvox-us3 festvox-en1)
packages=("${free[@]}")
[ "$which" = all ] && packages+=("${nonfree[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# GnuSpeech runs on Node.js: Debian's nodejs and npm unless a node and npm are already on the PATH.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
install_gnuspeech() {
  # GnuSpeech (npm @echogarden/gnuspeech-wasm, GPL-3.0) into the gitignored training/gnuspeech/node_modules,
  # exactly the versions of the committed package-lock.json; nothing to do when those are installed.
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/training/gnuspeech"
  if (cd "$dir" && node -e '
    const fs = require("fs"), lock = require("./package-lock.json").packages
    for (const [path, p] of Object.entries(lock)) {
      if (!path) continue
      try { if (JSON.parse(fs.readFileSync(path + "/package.json", "utf8")).version !== p.version) process.exit(1) } catch { process.exit(1) }
    }') 2>/dev/null; then
    echo "setup-voices: GnuSpeech present (training/gnuspeech/node_modules)"
    return
  fi
  echo "setup-voices: installing GnuSpeech (npm ci in training/gnuspeech)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-voices: all ${#packages[@]} packages present"
  install_gnuspeech
  exit 0
fi

# Enable contrib and non-free in the deb822 sources (Debian 12) or the classic sources.list.
for f in /etc/apt/sources.list.d/debian.sources; do
  [ -f "$f" ] && ! grep -q "non-free" "$f" && $sudo sed -i -E 's/^(Components:.*\bmain\b)(.*)$/\1 contrib non-free\2/' "$f"
done
if [ -f /etc/apt/sources.list ] && grep -qE "^deb .*debian.* main$" /etc/apt/sources.list; then
  $sudo sed -i -E 's/^(deb .*debian.* main)$/\1 contrib non-free/' /etc/apt/sources.list
fi
echo "setup-voices: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_gnuspeech
echo "setup-voices: done"

#!/usr/bin/env bash
# Installs the speech synthesizers and voices that training uses (docs/data-synthesis.md).
# Idempotent: installs only what is missing. Adds Debian's contrib and non-free sections when
# they are not enabled (RHVoice, MBROLA, SVOX Pico and some festival voices live there).
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
[ ${#missing[@]} -eq 0 ] && { echo "setup-voices: all ${#packages[@]} packages present"; exit 0; }

sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
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
echo "setup-voices: done"

#!/usr/bin/env bash
# Measures a model on real human recordings (../shared/realvoice-dev, issue 12): keyword recall on its
# keyword clips, and false accepts per hour on its real negatives plus synthesized command-free streams.
# Usage: scripts/realvoice-eval.sh [--level-db DB] MODEL.easr NEGATIVE_STREAMS.csv [OUT_PREFIX]
#   --level-db DB: play the dev set's files DB dB louder (negative: quieter) through sox first. The files
#   are near full scale (peaks median -10 to -16 dBFS); a wearer's INMP441 hears a talker 12-20 dB lower,
#   so --level-db -12 measures at a wearer's level (docs/real-voices.md).
#   NEGATIVE_STREAMS.csv: e.g. WORK/data/negatives/test/streams.csv from `edge-asr train --work WORK`
#   (held-out voices), or any stream manifest without keywords.
# Writes OUT_PREFIX-keywords.{txt,html} and OUT_PREFIX-negatives.{txt,html} (default /tmp/realvoice): one eval
# of each set, its text summary and its HTML report.
# The dev set is for measuring only: never train or tune on it (its README).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
level=""
if [ "${1:-}" = "--level-db" ]; then
  level="${2:?--level-db needs a number of dB}"
  [[ "$level" =~ ^-?[0-9]+([.][0-9]+)?$ ]] || { echo "realvoice-eval: --level-db $level is not a number of dB" >&2; exit 1; }
  command -v sox > /dev/null || { echo "realvoice-eval: --level-db needs sox (apt-get install sox)" >&2; exit 1; }
  shift 2
fi
model="${1:?usage: $0 MODEL.easr NEGATIVE_STREAMS.csv [OUT_PREFIX]}"
negatives="${2:?usage: $0 MODEL.easr NEGATIVE_STREAMS.csv [OUT_PREFIX]}"
out="${3:-/tmp/realvoice}"
dev="$(cd "$root/../shared/realvoice-dev" 2>/dev/null && pwd)" || { echo "realvoice-eval: ../shared/realvoice-dev not found beside the repository" >&2; exit 1; }
[ -f "$negatives" ] || { echo "realvoice-eval: $negatives: no such file" >&2; exit 1; }

keywords="$(mktemp --suffix=.csv)"; combined="$(mktemp --suffix=.csv)"; played="$(mktemp -d)"
trap 'rm -rf "$keywords" "$combined" "$played"' EXIT
if [ -n "$level" ]; then
  # The same files at another level, in the same layout (sox clips what rises above full scale).
  (cd "$dev" && find . -name '*.wav' -print0) | while IFS= read -r -d '' f; do
    mkdir -p "$played/$(dirname "$f")"; sox -q "$dev/$f" "$played/$f" vol "${level}dB"
  done
  cp "$dev/streams.csv" "$played/"
  dev="$played"
fi
echo "path,label,start,end" > "$keywords"
echo "path,label,start,end" > "$combined"
tail -n +2 "$dev/streams.csv" | while IFS=, read -r path label start end; do
  if [ -n "$label" ]; then echo "$dev/$path,$label,$start,$end" >> "$keywords"; else echo "$dev/$path,,," >> "$combined"; fi
done
negdir="$(cd "$(dirname "$negatives")" && pwd)"
tail -n +2 "$negatives" | while IFS=, read -r path label start end; do
  case "$path" in /*) echo "$path,,," ;; *) echo "$negdir/$path,,," ;; esac >> "$combined"
done

"$root/edge-asr" eval "$keywords" --model "$model" --report "$out-keywords.html" > "$out-keywords.txt"
"$root/edge-asr" eval "$combined" --model "$model" --report "$out-negatives.html" > "$out-negatives.txt"
echo "real keyword clips ($(($(wc -l < "$keywords") - 1))):"; grep -E "keywords:|false acc" "$out-keywords.txt" | sed 's/^/  /'
echo "negatives: real ($(grep -c ',,,$' <(tail -n +2 "$dev/streams.csv"))) + synthesized ($(($(wc -l < "$negatives") - 1)) streams):"; grep -E "streams:|false acc" "$out-negatives.txt" | sed 's/^/  /'

#!/usr/bin/env bash
# Flashes an ESP32 with the nanoFramework firmware and deploys the Edge.Asr application image,
# as nanoff.config describes (docs/device.md). nanoff reads no project file: this script turns
# the config into nanoff arguments (flag names as in nanoFirmwareFlasher.Tool/Options.cs).
#
#   scripts/flash.sh [--config PATH] [--dry-run] [--update-only | --deploy-only]
#
# --dry-run prints the exact nanoff commands, one per line, and runs nothing (the image need
# not exist yet). Exit codes: 0 done, 1 bad config, 2 bad command line, 3 nanoff or python3
# missing, otherwise the exit code of the nanoff call that failed.
set -euo pipefail

me="flash.sh"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
config="$(cd "$script_dir/.." && pwd)/nanoff.config"
dry_run=0
do_update=1
do_deploy=1

usage() {
    echo "usage: scripts/flash.sh [--config PATH] [--dry-run] [--update-only | --deploy-only]"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --config)
            if [ $# -lt 2 ] || [ -z "$2" ]; then echo "$me: --config needs a path" >&2; exit 2; fi
            config="$2"; shift 2 ;;
        --dry-run) dry_run=1; shift ;;
        --update-only) do_deploy=0; shift ;;
        --deploy-only) do_update=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "$me: unknown option '$1' ($(usage))" >&2; exit 2 ;;
    esac
done
if [ "$do_update" = 0 ] && [ "$do_deploy" = 0 ]; then
    echo "$me: --update-only and --deploy-only exclude each other" >&2; exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "$me: python3 not found on PATH (it reads the JSON config; on Debian: apt-get install python3)" >&2; exit 3
fi

# Validate the config and print its five values, one per line (the image resolved against the
# config's folder). Every problem is one line naming the file and the field.
fields="$(python3 - "$config" "$dry_run" "$do_deploy" <<'PY'
import json, os, re, sys

path, dry_run, deploy = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1"
# nanoff's ESP32 targets (there is no plain ESP32_S3).
TARGETS = ["ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3", "ESP32_REV0", "ESP32_REV3", "ESP32_S3_QUAD",
           "ESP32_S3_OCTAL", "ESP32_C3", "ESP32_C6_THREAD", "ESP32_P4"]
# Rates the ESP32 serial bootloader handles with the usual USB-UART bridges; nanoff's default is 1500000.
BAUDS = [115200, 230400, 460800, 921600, 1500000, 2000000]
FIELDS = ["target", "serialPort", "baud", "firmwareVersion", "image"]

def fail(message):
    sys.stderr.write("flash.sh: " + path + ": " + message + "\n")
    sys.exit(1)

if not os.path.isfile(path):
    sys.stderr.write("flash.sh: config file not found: " + path + "\n")
    sys.exit(1)
try:
    with open(path, "r", encoding="utf-8") as f:
        config = json.load(f)
except json.JSONDecodeError as e:
    fail("not valid JSON: " + e.msg + " at line " + str(e.lineno) + " column " + str(e.colno))
except UnicodeDecodeError:
    fail("not valid JSON: not UTF-8 text")
if not isinstance(config, dict):
    fail("not valid config: the top level must be a JSON object with fields " + ", ".join(FIELDS))
for key in config:
    if key not in FIELDS:
        fail('unknown field "' + key + '" (the fields are ' + ", ".join(FIELDS) + ")")
for key in FIELDS:
    if key not in config:
        fail('missing field "' + key + '"')

def string_field(key):
    value = config[key]
    if not isinstance(value, str) or value.strip() == "":
        fail('field "' + key + '" must be a non-empty string, got ' + json.dumps(value))
    if value != value.strip() or "\n" in value:
        fail('field "' + key + '" has leading/trailing spaces or a line break: ' + json.dumps(value))
    return value

target = string_field("target")
if target not in TARGETS:
    fail('field "target" must be one of ' + ", ".join(TARGETS) + "; got " + json.dumps(target))
port = string_field("serialPort")
baud = config["baud"]
if isinstance(baud, bool) or not isinstance(baud, int) or baud not in BAUDS:
    fail('field "baud" must be one of ' + ", ".join(str(b) for b in BAUDS) + "; got " + json.dumps(baud))
version = string_field("firmwareVersion")
if version != "latest" and not re.fullmatch(r"\d+\.\d+\.\d+\.\d+", version):
    fail('field "firmwareVersion" must be "latest" or a version like 1.12.0.53; got ' + json.dumps(version))
image = string_field("image")
if not image.lower().endswith(".bin"):
    fail('field "image" must name the .bin deployment image the build writes; got ' + json.dumps(image))
resolved = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), image))
if deploy and not dry_run and not os.path.isfile(resolved):
    fail('field "image": ' + resolved + " does not exist (build Edge.Asr.nfproj first; --dry-run does not need it)")
for value in (target, port, str(baud), version, resolved):
    print(value)
PY
)"

{ read -r target; read -r port; read -r baud; read -r version; read -r image; } <<<"$fields"

common=(nanoff --platform esp32 --target "$target" --serialport "$port" --baud "$baud")
update=("${common[@]}" --update)
if [ "$version" != "latest" ]; then update+=(--fwversion "$version"); fi
deploy=("${common[@]}" --deploy --image "$image")

# One command per line, each word quoted only when the shell needs it.
show() {
    local out="" word
    for word in "$@"; do
        if [[ "$word" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then out+="$word "; else out+="'${word//\'/\'\\\'\'}' "; fi
    done
    echo "${out% }"
}

if [ "$dry_run" = 1 ]; then
    if [ "$do_update" = 1 ]; then show "${update[@]}"; fi
    if [ "$do_deploy" = 1 ]; then show "${deploy[@]}"; fi
    exit 0
fi

if ! command -v nanoff >/dev/null 2>&1; then
    echo "$me: nanoff not found on PATH; install it with: dotnet tool install -g nanoff (then add ~/.dotnet/tools to PATH)" >&2
    exit 3
fi
run() {
    echo "$me: running: $(show "$@")"
    local status=0
    "$@" || status=$?
    if [ "$status" != 0 ]; then
        echo "$me: nanoff failed with exit code $status: $(show "$@")" >&2
        exit "$status"
    fi
}
if [ "$do_update" = 1 ]; then run "${update[@]}"; fi
if [ "$do_deploy" = 1 ]; then run "${deploy[@]}"; fi

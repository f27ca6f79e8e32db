#!/usr/bin/env bash
# Counts rv32imc instructions per log-mel frame (the engine before issue 14 vs the study's designs) under
# qemu -icount, with the bench's compiler flags (sim/Native/DeviceCostMeasurement.cs). Needs numpy
# (/usr/bin/python3), gcc-riscv64-unknown-elf, picolibc-riscv64-unknown-elf, qemu-system-misc.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$here/../.."
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/study.py" static tables "$work/static_tables.h"
/usr/bin/python3 - "$root" "$work" <<'PY'
import sys, re, wave, numpy as np
root, work = sys.argv[1], sys.argv[2]
import subprocess
src = subprocess.run(['git', '-C', root, 'show', 'b992e3e:kernels/Frontend/FrontendTables.cs'], check=True, capture_output=True, text=True).stdout
def t(name):
    m = re.search(name + r'\s*=\s*new \w+\[\]\s*\{(.*?)\};', src, re.S); return [int(v) for v in re.findall(r'-?\d+', m.group(1))]
def arr(ct, n, v): return 'static const %s %s[%d] = {%s};\n' % (ct, n, len(v), ','.join(map(str, v)))
bitrev = [int(format(i, '08b')[::-1], 2) for i in range(256)]
open(work + '/current_tables.h', 'w').write(arr('int32_t', 'CUR_HANN', t('HannQ30')) + arr('int32_t', 'CUR_COS', t('CosQ30')) + arr('int32_t', 'CUR_SIN', t('SinQ30'))
    + arr('int32_t', 'CUR_BITREV', bitrev) + arr('int16_t', 'CUR_MEL_START', t('MelStart')) + arr('int16_t', 'CUR_MEL_LENGTH', t('MelLength'))
    + arr('int16_t', 'CUR_MEL_OFFSET', t('MelOffset')) + arr('int16_t', 'CUR_MEL_W', t('MelWeightsQ15')) + arr('int32_t', 'CUR_LOG2', t('Log2MantissaQ16')))
w = wave.open(root + '/samples/commands.wav'); pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
frames = 100; audio = pcm[16000:16000 + 400 + 160 * (frames - 1)]
open(work + '/measure_audio.h', 'w').write('#define FRAMES %d\n' % frames + arr('int16_t', 'AUDIO', [int(v) for v in audio]))
PY
# The engine's previous arithmetic (before issue 14 changed it) from git, beside the study's designs.
mkdir -p "$work/previous"
for f in native/src/logmel.c native/src/fixed.h native/include/edge_asr_kernels.h; do git -C "$root" show "b992e3e:$f" > "$work/previous/$(basename "$f")"; done
cflags=(-O2 -fno-schedule-insns -I"$work" -I"$work/previous")
srcs=("$here/measure.c" "$here/static_logmel.c" "$here/adaptive_logmel.c" "$work/previous/logmel.c")
cc=riscv64-unknown-elf-gcc
objs=()
for s in "${srcs[@]}"; do o="$work/$(basename "$s").o"; $cc -march=rv32imc_zicsr -mabi=ilp32 "${cflags[@]}" --specs=picolibc.specs -c "$s" -o "$o"; objs+=("$o"); done
$cc -march=rv32imc_zicsr -mabi=ilp32 "${cflags[@]}" --specs=picolibc.specs -DEXACT_SPLIT=1 -c "$here/adaptive_logmel.c" -o "$work/adaptive64.o"
objs+=("$work/adaptive64.o")
$cc -march=rv32im -mabi=ilp32 --specs=picolibc.specs --oslib=semihost -Wl,--defsym=__flash=0x80000000 -Wl,--defsym=__flash_size=0x1000000 \
    -Wl,--defsym=__ram=0x81000000 -Wl,--defsym=__ram_size=0x400000 "${objs[@]}" -o "$work/measure.elf"
qemu-system-riscv32 -machine virt -cpu rv32 -bios none -nographic -monitor none -serial none \
    -semihosting-config enable=on,target=native -icount shift=0 -m 64M -kernel "$work/measure.elf"

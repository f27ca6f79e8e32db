/* rv32imc under qemu -icount: retired instructions (minstret) per log-mel frame of the engine's previous
 * easr_logmel_frame_s16 (native/src/logmel.c at commit b992e3e, from git) and of the study's static_logmel, adaptive_logmel and adaptive64_logmel, on the same 100 frames of
 * samples/commands.wav (measure_audio.h). Also on x86 (counts 0) as a smoke run. */
#include <stdint.h>
#include <stdio.h>
#include "edge_asr_kernels.h"
#include "measure_audio.h"
#include "current_tables.h"

void static_logmel(const int16_t *x, int16_t *out, int32_t *energy, int32_t *exponent);
void adaptive_logmel(const int16_t *x, int16_t *out, int32_t *energy, int32_t *exponent);
void adaptive64_logmel(const int16_t *x, int16_t *out, int32_t *energy, int32_t *exponent);

#if defined(__riscv)
static inline uint32_t instret(void) { uint32_t v; __asm__ volatile("csrr %0, minstret" : "=r"(v)); return v; }
static void finish(int status) { *(volatile uint32_t *)0x100000 = status == 0 ? 0x5555u : ((uint32_t)status << 16) | 0x3333u; }
#else
static inline uint32_t instret(void) { return 0; }
static void finish(int status) { (void)status; }
#endif

static int64_t windowed[400], power[257];
static int32_t fre[256], fim[256];

int main(void)
{
    uint64_t current = 0, study = 0, adaptive = 0, adaptive64 = 0;
    int32_t differ = 0, differ_adaptive = 0, differ_adaptive64 = 0;
    for (int f = 0; f < FRAMES; f++) {
        const int16_t *x = AUDIO + 160 * f;
        int16_t a[40], b[40], c[40], d[40];
        uint32_t t0 = instret();
        easr_logmel_frame_s16(x, 400, CUR_HANN, CUR_COS, CUR_SIN, CUR_BITREV, CUR_MEL_START, CUR_MEL_LENGTH, CUR_MEL_OFFSET,
                              CUR_MEL_W, 40, CUR_LOG2, windowed, fre, fim, power, a);
        uint32_t t1 = instret();
        static_logmel(x, b, 0, 0);
        uint32_t t2 = instret();
        adaptive_logmel(x, c, 0, 0);
        uint32_t t3 = instret();
        adaptive64_logmel(x, d, 0, 0);
        uint32_t t4 = instret();
        adaptive64 += t4 - t3;
        current += t1 - t0;
        study += t2 - t1;
        adaptive += t3 - t2;
        for (int m = 0; m < 40; m++) {
            int u = a[m] - b[m], g = a[m] - c[m], h = a[m] - d[m];
            if (u < 0) u = -u;
            if (g < 0) g = -g;
            if (h < 0) h = -h;
            if (u > differ) differ = u;
            if (g > differ_adaptive) differ_adaptive = g;
            if (h > differ_adaptive64) differ_adaptive64 = h;
        }
    }
    printf("frames %d\nprevious engine logmel.c instructions per frame %llu\nstatic study instructions per frame %llu\n",
           FRAMES, (unsigned long long)(current / FRAMES), (unsigned long long)(study / FRAMES));
    printf("adaptive study instructions per frame %llu\n", (unsigned long long)(adaptive / FRAMES));
    printf("adaptive64 study instructions per frame %llu\n", (unsigned long long)(adaptive64 / FRAMES));
    printf("largest output difference from the previous engine (Q8 log2 units): static %d, adaptive %d, adaptive64 %d\n", (int)differ,
           (int)differ_adaptive, (int)differ_adaptive64);
    finish(0);
    return 0;
}

/* Replays a recorded kernel-call trace through the C kernels and checks every output against the
 * one the C# reference produced. On rv32 under qemu -icount the retired-instruction counter is
 * read around each kernel call only (parsing and checking are not counted). Prints one line per
 * op: calls and instructions, then the totals and the number of mismatching outputs. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "edge_asr_kernels.h"
#include "trace_format.h"

extern const uint32_t trace_data[];

#if defined(__riscv)
static inline uint32_t instret(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, minstret" : "=r"(v));
    return v;
}
/* qemu virt's test device ends the emulation with this exit status. */
static void finish(int status)
{
    *(volatile uint32_t *)0x100000 = status == 0 ? 0x5555u : ((uint32_t)status << 16) | 0x3333u;
}
#else
static inline uint32_t instret(void) { return 0; }
static void finish(int status) { (void)status; }
#endif

static const char *const op_names[OP_COUNT] = {
    "", "linear", "depthwise_conv1d", "layernorm", "softmax", "swish", "sigmoid", "glu",
    "residual_add", "subsample_conv1", "subsample_depthwise", "attention_scores", "attention_context", "logmel_frame",
    "running_mean_subtract",
};

#define MAX_POOL 2048
#define MAX_OUT 4096
static const void *pool[MAX_POOL];
static int16_t out_buf[MAX_OUT];
static int32_t scratch[MAX_OUT];
static int32_t fft_re[256], fft_im[256], fft_magnitude[256];
static uint64_t op_instructions[OP_COUNT];
static uint32_t op_calls[OP_COUNT];

static const uint32_t *cur;

static uint32_t word(void) { return *cur++; }
static int32_t s32(void) { return (int32_t)*cur++; }
static int64_t s64(void)
{
    uint64_t lo = *cur++, hi = *cur++;
    return (int64_t)(lo | (hi << 32));
}
static const void *ref(void) { return pool[*cur++]; }
/* An inline int32 array; its element count is written to n. */
static const int32_t *inl32(int32_t *n)
{
    *n = (int32_t)*cur++;
    const int32_t *p = (const int32_t *)cur;
    cur += (uint32_t)*n;
    return p;
}
/* An inline int16 array; its element count is written to n. */
static const int16_t *inl(int32_t *n)
{
    *n = (int32_t)*cur++;
    const int16_t *p = (const int16_t *)cur;
    cur += ((uint32_t)*n * 2 + 3) / 4;
    return p;
}

int main(void)
{
    cur = trace_data;
    if (word() != TRACE_MAGIC || word() != TRACE_VERSION) { printf("replay: bad trace\n"); finish(2); return 2; }
    uint32_t pools = word(), calls = word();
    if (pools > MAX_POOL) { printf("replay: pool too large\n"); finish(2); return 2; }
    for (uint32_t i = 0; i < pools; i++) {
        uint32_t bytes = word(), count = word();
        pool[i] = cur;
        cur += (bytes * count + 3) / 4;
    }
    const int16_t *sig = pool[POOL_SIGMOID];
    const int32_t *exp2t = pool[POOL_EXP2], *recip = pool[POOL_RECIPROCAL], *isqrt = pool[POOL_INV_SQRT];
    uint32_t mismatches = 0;
    for (uint32_t c = 0; c < calls; c++) {
        uint32_t op = word();
        int32_t n, n2, n3, nout;
        uint32_t t0 = 0, t1 = 0;
        const int16_t *a, *b, *d, *expected;
        switch (op) {
        case OP_LINEAR: {
            a = inl(&n);
            const int8_t *w = ref(); const int32_t *bias = ref(), *m = ref(), *s = ref();
            int32_t outs = s32(), relu = s32();
            t0 = instret();
            easr_linear_s8s16(a, n, w, bias, m, s, out_buf, outs, relu);
            t1 = instret();
            break;
        }
        case OP_DEPTHWISE: {
            a = inl(&n); b = inl(&n2);
            int32_t oldest = s32(), kernel = s32();
            const int8_t *w = ref(); const int32_t *bias = ref(), *m = ref(), *s = ref();
            t0 = instret();
            easr_depthwise_conv1d_s8s16(a, b, oldest, n, kernel, w, bias, m, s, out_buf);
            t1 = instret();
            break;
        }
        case OP_LAYERNORM: {
            a = inl(&n);
            const int16_t *gamma = ref(); const int32_t *beta = ref();
            int32_t frac_in = s32(), out_shift = s32(); int64_t eps = s64(); int32_t wlog2 = s32();
            t0 = instret();
            int32_t status = easr_layernorm_s16(a, n, gamma, beta, frac_in, out_shift, eps, wlog2, scratch, isqrt, out_buf);
            t1 = instret();
            if (status != 0) mismatches++;
            break;
        }
        case OP_SOFTMAX: {
            a = inl(&n);
            int32_t u_shift = s32();
            t0 = instret();
            easr_softmax_s16(a, n, u_shift, scratch, exp2t, recip, out_buf);
            t1 = instret();
            break;
        }
        case OP_SWISH: {
            a = inl(&n);
            int32_t frac_in = s32(), shift = s32();
            t0 = instret();
            easr_swish_s16(a, n, frac_in, shift, sig, out_buf);
            t1 = instret();
            break;
        }
        case OP_SIGMOID: {
            a = inl(&n);
            int32_t frac_in = s32();
            t0 = instret();
            easr_sigmoid_s16(a, n, frac_in, sig, out_buf);
            t1 = instret();
            break;
        }
        case OP_GLU: {
            a = inl(&n);
            int32_t frac_in = s32(), shift = s32();
            t0 = instret();
            easr_glu_s16(a, n / 2, frac_in, shift, sig, out_buf);
            t1 = instret();
            break;
        }
        case OP_RESIDUAL: {
            a = inl(&n); b = inl(&n2);
            int32_t sa = s32(), sb = s32(), so = s32();
            t0 = instret();
            easr_residual_add_s16(a, b, n, sa, sb, so, out_buf);
            t1 = instret();
            break;
        }
        case OP_CONV1: {
            a = inl(&n); b = inl(&n2); d = inl(&n3);
            int32_t bins1 = s32(), ch = s32();
            const int8_t *w = ref(); const int32_t *bias = ref(), *m = ref(), *s = ref();
            t0 = instret();
            easr_subsample_conv1_s8s16(a, b, d, n, bins1, ch, w, bias, m, s, out_buf);
            t1 = instret();
            break;
        }
        case OP_SUBSAMPLE_DW: {
            a = inl(&n); b = inl(&n2); d = inl(&n3);
            int32_t bins1 = s32(), bin2 = s32(), ch = s32();
            const int8_t *w = ref(); const int32_t *bias = ref(), *m = ref(), *s = ref();
            t0 = instret();
            easr_subsample_depthwise_s8s16(a, b, d, bins1, bin2, ch, w, bias, m, s, out_buf);
            t1 = instret();
            break;
        }
        case OP_SCORES: {
            a = inl(&n); b = inl(&n2);
            int32_t sub = s32(), count = s32(), m = s32(), s = s32();
            t0 = instret();
            easr_attention_scores_s16(a, b, sub, n, count, m, s, out_buf);
            t1 = instret();
            break;
        }
        case OP_CONTEXT: {
            a = inl(&n); b = inl(&n2);
            int32_t sub = s32(), head = s32(), cs = s32();
            t0 = instret();
            easr_attention_context_s16(a, n, b, sub, head, cs, out_buf);
            t1 = instret();
            break;
        }
        case OP_LOGMEL: {
            a = inl(&n);
            t0 = instret();
            int32_t overflows = easr_logmel_frame_s16(a, n, pool[POOL_HANN], pool[POOL_COS], pool[POOL_SIN], pool[POOL_BIT_REVERSE],
                pool[POOL_MEL_START], pool[POOL_MEL_LENGTH], pool[POOL_MEL_OFFSET], pool[POOL_MEL_WEIGHTS], MEL_CHANNELS,
                pool[POOL_LOG2], fft_re, fft_im, fft_magnitude, out_buf);
            t1 = instret();
            if (overflows != 0) mismatches++;
            break;
        }
        case OP_RUNNING_MEAN: {
            /* The means are the caller's state: the recorded ones before the call, copied to RAM (not counted), then
             * checked against the C# reference's after it, as the output is below. */
            a = inl(&n);
            const int32_t *before = inl32(&n2);
            int32_t shift = s32(), first = s32();
            const int32_t *after = inl32(&n3);
            if (n2 != n || n3 != n || n > MAX_OUT) { printf("replay: bad running_mean_subtract call %u\n", (unsigned)c); finish(2); return 2; }
            memcpy(scratch, before, (size_t)n * 4);
            t0 = instret();
            int32_t status = easr_running_mean_subtract_s16(a, scratch, n, shift, first, out_buf);
            t1 = instret();
            if (status != 0 || memcmp(scratch, after, (size_t)n * 4) != 0) {
                if (mismatches < 5) printf("replay: call %u (running_mean_subtract) means differ from the C# reference\n", (unsigned)c);
                mismatches++;
            }
            break;
        }
        default:
            printf("replay: unknown op %u at call %u\n", (unsigned)op, (unsigned)c);
            finish(2);
            return 2;
        }
        expected = inl(&nout);
        if (memcmp(expected, out_buf, (size_t)nout * 2) != 0) {
            if (mismatches < 5) printf("replay: call %u (%s) differs from the C# reference\n", (unsigned)c, op_names[op]);
            mismatches++;
        }
        op_calls[op]++;
        op_instructions[op] += (uint32_t)(t1 - t0);
    }
    uint64_t total = 0;
    for (int op = 1; op < OP_COUNT; op++) {
        if (op_calls[op] == 0) continue;
        printf("op %s calls %u instructions %llu\n", op_names[op], (unsigned)op_calls[op], (unsigned long long)op_instructions[op]);
        total += op_instructions[op];
    }
    printf("calls %u\n", (unsigned)calls);
    printf("instructions %llu\n", (unsigned long long)total);
    printf("mismatches %u\n", (unsigned)mismatches);
    fflush(stdout);
    finish(mismatches == 0 ? 0 : 1);
    return mismatches == 0 ? 0 : 1;
}

/* Linear.Process: int8 [out][in] weights x int16 input, exact sums, per-channel requantise.
 * A product is at most 2^22 in magnitude (-128 * -32768), so up to 511 of them sum exactly in
 * int32 (511 * 2^22 < 2^31): every row of at most LINEAR_BLOCK inputs is one int32 sum (the C#
 * blocks of 256 then add to the same exact value); longer rows sum blocks in int64.
 * Integer sums are exact, so the order of the products does not change a bit. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define LINEAR_BLOCK 511

typedef struct { int32_t s0, s1, s2, s3; } sums4;

/* Sums of n products of four weight rows (stride apart) with the same inputs: each input is
 * loaded once for four rows, so on rv32 a MAC costs a byte load, a multiply, an add and a quarter
 * of a halfword load. Inlined with a constant stride (the model's widths), the four rows are
 * immediate offsets from one pointer; unrolled by 8 to share the loop overhead. */
static inline __attribute__((always_inline)) sums4 dot4_s8s16(const int8_t *w, int32_t stride, const int16_t *x, int32_t n)
{
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int32_t i = 0;
    for (; i + 8 <= n; i += 8) {
        int32_t x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
        const int8_t *r = w + i;
        a0 += r[0] * x0 + r[1] * x1 + r[2] * x2 + r[3] * x3;
        a1 += r[stride] * x0 + r[stride + 1] * x1 + r[stride + 2] * x2 + r[stride + 3] * x3;
        a2 += r[2 * stride] * x0 + r[2 * stride + 1] * x1 + r[2 * stride + 2] * x2 + r[2 * stride + 3] * x3;
        a3 += r[3 * stride] * x0 + r[3 * stride + 1] * x1 + r[3 * stride + 2] * x2 + r[3 * stride + 3] * x3;
        x0 = x[i + 4]; x1 = x[i + 5]; x2 = x[i + 6]; x3 = x[i + 7];
        r += 4;
        a0 += r[0] * x0 + r[1] * x1 + r[2] * x2 + r[3] * x3;
        a1 += r[stride] * x0 + r[stride + 1] * x1 + r[stride + 2] * x2 + r[stride + 3] * x3;
        a2 += r[2 * stride] * x0 + r[2 * stride + 1] * x1 + r[2 * stride + 2] * x2 + r[2 * stride + 3] * x3;
        a3 += r[3 * stride] * x0 + r[3 * stride + 1] * x1 + r[3 * stride + 2] * x2 + r[3 * stride + 3] * x3;
    }
    for (; i + 4 <= n; i += 4) {
        int32_t x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
        const int8_t *r = w + i;
        a0 += r[0] * x0 + r[1] * x1 + r[2] * x2 + r[3] * x3;
        r += stride;
        a1 += r[0] * x0 + r[1] * x1 + r[2] * x2 + r[3] * x3;
        r += stride;
        a2 += r[0] * x0 + r[1] * x1 + r[2] * x2 + r[3] * x3;
        r += stride;
        a3 += r[0] * x0 + r[1] * x1 + r[2] * x2 + r[3] * x3;
    }
    for (; i < n; i++) {
        int32_t xi = x[i];
        a0 += w[i] * xi;
        a1 += w[stride + i] * xi;
        a2 += w[2 * stride + i] * xi;
        a3 += w[3 * stride + i] * xi;
    }
    sums4 s = { a0, a1, a2, a3 };
    return s;
}

static inline __attribute__((always_inline)) int32_t dot_s8s16(const int8_t *w, const int16_t *x, int32_t n)
{
    int32_t s = 0;
    for (int32_t i = 0; i < n; i++) s += w[i] * x[i];
    return s;
}

/* bound = 2^31 - 1 - n 2^22 for the row's n <= 511 inputs (|sum| <= n 2^22): a bias with |bias| <= bound
 * cannot overflow bias + sum, one unsigned compare; others take easr_requantize_sum's check. Such a sum is
 * an int32 other than -2^31, so most channels take the one-product easr_requant_hi (its proof in fixed.h). */
static __attribute__((noinline)) int32_t finish_slow(int32_t bias, int32_t sum, int32_t multiplier, int32_t shift, int32_t relu)
{
    int16_t y = easr_requantize_sum(bias, sum, multiplier, shift);
    return relu && y < 0 ? 0 : y;
}

/* lower = relu ? 0 : -32768: the ReLU and the lower saturation in one compare. */
static inline __attribute__((always_inline)) int32_t finish(int32_t bias, int32_t sum, int32_t multiplier, int32_t shift, int32_t relu,
                                                            uint32_t bound, int32_t lower)
{
    int32_t acc = (int32_t)((uint32_t)bias + (uint32_t)sum);   /* wraps only when the bound check fails (then unused) */
    if ((uint32_t)bias + bound <= 2 * bound && easr_requant_hi_ok(acc, multiplier, shift)) {
        int32_t y = easr_requant_hi(acc, multiplier, shift);
        if (y < lower) y = lower;
        return y > 32767 ? 32767 : y;
    }
    return finish_slow(bias, sum, multiplier, shift, relu);
}

/* Eight rows (stride apart) against the same n inputs: each input is loaded once for eight rows, so on
 * rv32 a MAC costs a byte load, a multiply and an add (plus an eighth of a halfword load); with a
 * constant stride the rows are immediate offsets from one pointer. */
static inline __attribute__((always_inline)) void rows8(const int16_t *x, int32_t n, const int8_t *w, const int32_t *bias,
                                                        const int32_t *multipliers, const int32_t *shifts, int16_t *out,
                                                        int32_t relu, uint32_t bound, int32_t lower)
{
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    const int16_t *end = x + n;
#pragma GCC unroll 8
    for (; x < end; x++, w++) {
        int32_t xi = *x;
        a0 += w[0] * xi;
        a1 += w[n] * xi;
        a2 += w[2 * n] * xi;
        a3 += w[3 * n] * xi;
        a4 += w[4 * n] * xi;
        a5 += w[5 * n] * xi;
        a6 += w[6 * n] * xi;
        a7 += w[7 * n] * xi;
    }
    out[0] = (int16_t)finish(bias[0], a0, multipliers[0], shifts[0], relu, bound, lower);
    out[1] = (int16_t)finish(bias[1], a1, multipliers[1], shifts[1], relu, bound, lower);
    out[2] = (int16_t)finish(bias[2], a2, multipliers[2], shifts[2], relu, bound, lower);
    out[3] = (int16_t)finish(bias[3], a3, multipliers[3], shifts[3], relu, bound, lower);
    out[4] = (int16_t)finish(bias[4], a4, multipliers[4], shifts[4], relu, bound, lower);
    out[5] = (int16_t)finish(bias[5], a5, multipliers[5], shifts[5], relu, bound, lower);
    out[6] = (int16_t)finish(bias[6], a6, multipliers[6], shifts[6], relu, bound, lower);
    out[7] = (int16_t)finish(bias[7], a7, multipliers[7], shifts[7], relu, bound, lower);
}

/* Four rows per input load pays on cores without SIMD (rv32imc, Xtensa); a 64-bit host's compiler
 * vectorises the plain one-row dot product instead, which is faster there. */
#if EASR_WIDE_HOST
#define ROWS_PER_LOAD 1
#else
#define ROWS_PER_LOAD 4
#endif

/* Rows of n <= LINEAR_BLOCK inputs, one int32 sum each; n is a constant where inlined with one. */
static inline __attribute__((always_inline)) void rows(const int16_t *in, int32_t n, const int8_t *weights, const int32_t *bias,
                                                       const int32_t *multipliers, const int32_t *shifts, int16_t *out,
                                                       int32_t out_size, int32_t relu)
{
    const int8_t *w = weights;
    const uint32_t bound = 0x7FFFFFFFu - ((uint32_t)n << 22);
    const int32_t lower = relu ? 0 : -32768;
    int32_t o = 0;
    for (; ROWS_PER_LOAD == 4 && o + 8 <= out_size; o += 8, w += 8 * n)
        rows8(in, n, w, bias + o, multipliers + o, shifts + o, out + o, relu, bound, lower);
    for (; ROWS_PER_LOAD == 4 && o + 4 <= out_size; o += 4, w += 4 * n) {
        sums4 s = dot4_s8s16(w, n, in, n);
        out[o] = (int16_t)finish(bias[o], s.s0, multipliers[o], shifts[o], relu, bound, lower);
        out[o + 1] = (int16_t)finish(bias[o + 1], s.s1, multipliers[o + 1], shifts[o + 1], relu, bound, lower);
        out[o + 2] = (int16_t)finish(bias[o + 2], s.s2, multipliers[o + 2], shifts[o + 2], relu, bound, lower);
        out[o + 3] = (int16_t)finish(bias[o + 3], s.s3, multipliers[o + 3], shifts[o + 3], relu, bound, lower);
    }
    for (; o < out_size; o++, w += n) out[o] = (int16_t)finish(bias[o], dot_s8s16(w, in, n), multipliers[o], shifts[o], relu, bound, lower);
}

EASR_HOT void easr_linear_s8s16(const int16_t *in, int32_t in_size, const int8_t *weights, const int32_t *bias,
                       const int32_t *multipliers, const int32_t *shifts, int16_t *out, int32_t out_size, int32_t relu)
{
    /* The default model's widths get their own copies with the row stride a constant. */
    switch (in_size) {
    case 16: rows(in, 16, weights, bias, multipliers, shifts, out, out_size, relu); return;
    case 32: rows(in, 32, weights, bias, multipliers, shifts, out, out_size, relu); return;
    case 320: rows(in, 320, weights, bias, multipliers, shifts, out, out_size, relu); return;
    case 64: rows(in, 64, weights, bias, multipliers, shifts, out, out_size, relu); return;
    default: break;
    }
    if (in_size <= LINEAR_BLOCK) {
        rows(in, in_size, weights, bias, multipliers, shifts, out, out_size, relu);
        return;
    }
    for (int32_t o = 0; o < out_size; o++) {
        const int8_t *w = weights + o * in_size;
        int64_t acc = bias[o];
        for (int32_t i = 0; i < in_size; i += LINEAR_BLOCK) {
            int32_t n = in_size - i < LINEAR_BLOCK ? in_size - i : LINEAR_BLOCK;
            acc += dot_s8s16(w + i, in + i, n);
        }
        int16_t y = easr_requantize_inline(acc, multipliers[o], shifts[o]);
        out[o] = relu && y < 0 ? 0 : y;
    }
}

/* Linear.Process: int8 [out][in] weights x int16 input, exact sums (int32 over blocks of 256
 * products, which cannot overflow: 256 * 128 * 32768 = 2^30, then int64), per-channel requantise.
 * Integer sums are exact, so the order of the products does not change a bit. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define LINEAR_BLOCK 256

/* Sums of n products of two weight rows with the same inputs (n <= 256): each input is loaded
 * once for two rows, so on rv32 a MAC costs a byte load, a multiply, an add and half a halfword
 * load; unrolled by 4 to share the loop overhead. */
static inline void dot2_s8s16(const int8_t *w0, const int8_t *w1, const int16_t *x, int32_t n, int32_t *sum0, int32_t *sum1)
{
    int32_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        int32_t x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
        a0 += w0[i] * x0 + w0[i + 2] * x2;
        a1 += w0[i + 1] * x1 + w0[i + 3] * x3;
        b0 += w1[i] * x0 + w1[i + 2] * x2;
        b1 += w1[i + 1] * x1 + w1[i + 3] * x3;
    }
    for (; i < n; i++) {
        a0 += w0[i] * x[i];
        b0 += w1[i] * x[i];
    }
    *sum0 = a0 + a1;
    *sum1 = b0 + b1;
}

static inline int32_t dot_s8s16(const int8_t *w, const int16_t *x, int32_t n)
{
    int32_t s0 = 0, s1 = 0;
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += w[i] * x[i] + w[i + 2] * x[i + 2];
        s1 += w[i + 1] * x[i + 1] + w[i + 3] * x[i + 3];
    }
    for (; i < n; i++) s0 += w[i] * x[i];
    return s0 + s1;
}

static inline int16_t finish(int64_t acc, int32_t multiplier, int32_t shift, int32_t relu)
{
    int16_t y = easr_requantize_inline(acc, multiplier, shift);
    return relu && y < 0 ? 0 : y;
}

void easr_linear_s8s16(const int16_t *in, int32_t in_size, const int8_t *weights, const int32_t *bias,
                       const int32_t *multipliers, const int32_t *shifts, int16_t *out, int32_t out_size, int32_t relu)
{
    int32_t o = 0;
    if (in_size <= LINEAR_BLOCK) {
        /* One block per row (every layer of the default model): no block loop, no 64-bit sums. */
        const int8_t *w0 = weights;
        for (; o + 2 <= out_size; o += 2, w0 += 2 * in_size) {
            int32_t s0, s1;
            dot2_s8s16(w0, w0 + in_size, in, in_size, &s0, &s1);
            out[o] = finish((int64_t)bias[o] + s0, multipliers[o], shifts[o], relu);
            out[o + 1] = finish((int64_t)bias[o + 1] + s1, multipliers[o + 1], shifts[o + 1], relu);
        }
    }
    for (; o + 2 <= out_size; o += 2) {
        const int8_t *w0 = weights + o * in_size, *w1 = w0 + in_size;
        int64_t acc0 = bias[o], acc1 = bias[o + 1];
        for (int32_t i = 0; i < in_size; i += LINEAR_BLOCK) {
            int32_t n = in_size - i < LINEAR_BLOCK ? in_size - i : LINEAR_BLOCK;
            int32_t s0, s1;
            dot2_s8s16(w0 + i, w1 + i, in + i, n, &s0, &s1);
            acc0 += s0;
            acc1 += s1;
        }
        out[o] = finish(acc0, multipliers[o], shifts[o], relu);
        out[o + 1] = finish(acc1, multipliers[o + 1], shifts[o + 1], relu);
    }
    for (; o < out_size; o++) {
        const int8_t *w = weights + o * in_size;
        int64_t acc = bias[o];
        for (int32_t i = 0; i < in_size; i += LINEAR_BLOCK) {
            int32_t n = in_size - i < LINEAR_BLOCK ? in_size - i : LINEAR_BLOCK;
            acc += dot_s8s16(w + i, in + i, n);
        }
        out[o] = finish(acc, multipliers[o], shifts[o], relu);
    }
}

/* Linear.Process: int8 [out][in] weights x int16 input, exact sums (int32 over blocks of 256
 * products, which cannot overflow: 256 * 128 * 32768 = 2^30, then int64), per-channel requantise. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define LINEAR_BLOCK 256

/* Sum of n products w[i] * x[i] in int32 (n <= 256). Unrolled by 4: on rv32 each MAC is a byte
 * load, a halfword load, a multiply and an add; the loop overhead is shared by four. */
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

void easr_linear_s8s16(const int16_t *in, int32_t in_size, const int8_t *weights, const int32_t *bias,
                       const int32_t *multipliers, const int32_t *shifts, int16_t *out, int32_t out_size, int32_t relu)
{
    const int8_t *w = weights;
    for (int32_t o = 0; o < out_size; o++) {
        int16_t y;
        if (in_size <= LINEAR_BLOCK) {
            int64_t acc = (int64_t)bias[o] + dot_s8s16(w, in, in_size);
            y = easr_requantize_inline(acc, multipliers[o], shifts[o]);
        } else {
            int64_t acc = bias[o];
            for (int32_t i = 0; i < in_size; i += LINEAR_BLOCK) {
                int32_t n = in_size - i < LINEAR_BLOCK ? in_size - i : LINEAR_BLOCK;
                acc += dot_s8s16(w + i, in + i, n);
            }
            y = easr_requantize_inline(acc, multipliers[o], shifts[o]);
        }
        if (relu && y < 0) y = 0;
        out[o] = y;
        w += in_size;
    }
}

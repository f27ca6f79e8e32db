/* SigmoidLookup.Q15 and the element-wise ops built on it: Swish, Sigmoid, Glu. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define STEP_BITS 5
#define LAST_INDEX 512
#define HALF_Q15 16384

/* Inlined into the element loops below (a call per element costs more than the look-up on rv32). */
static inline __attribute__((always_inline)) int32_t sigmoid_q15(int32_t x, int32_t frac_in, const int16_t *t)
{
    /* 64-bit as in SigmoidLookup.Q15: fbits reaches 35, and |int32 min| needs 32 bits. */
    int64_t a = x >= 0 ? (int64_t)x : -(int64_t)x;
    int32_t s;
    int32_t fbits = frac_in - STEP_BITS;
    if (fbits <= 0) {
        int64_t idx = shl64(a, -fbits);
        s = idx >= LAST_INDEX ? HALF_Q15 : t[(int32_t)idx];
    } else {
        int64_t idx = a >> fbits;               /* fbits <= 35 < 64 */
        if (idx >= LAST_INDEX) s = HALF_Q15;
        else if (fbits <= 16) {
            /* |t[i+1] - t[i]| < 2^15 and frac < 2^16: the product and its rounding fit 32 bits. */
            int32_t i = (int32_t)idx;
            int32_t frac = (int32_t)(a & ((1 << fbits) - 1));
            s = t[i] + round_shift32((t[i + 1] - t[i]) * frac, fbits);
        } else {
            int64_t frac = a & (shl64(1, fbits) - 1);
            int32_t i = (int32_t)idx;
            s = t[i] + (int32_t)round_shift64(w_mul(t[i + 1] - t[i], frac), fbits);
        }
    }
    return x >= 0 ? HALF_Q15 + s : HALF_Q15 - s;
}

int32_t easr_sigmoid_q15(int32_t x, int32_t frac_in, const int16_t *t) { return sigmoid_q15(x, frac_in, t); }

/* sigmoid_q15 of an int16 x for 1 <= fbits <= 16 (the common input scales): |x| <= 2^15, so the index and
 * the interpolation are the 32-bit ones of sigmoid_q15's fbits <= 16 branch without its 64-bit magnitude. */
static inline __attribute__((always_inline)) int32_t sigmoid_q15_s16(int32_t x, int32_t fbits, const int16_t *t)
{
    int32_t a = x >= 0 ? x : -x;
    int32_t i = a >> fbits;
    int32_t s = i >= LAST_INDEX ? HALF_Q15 : t[i] + round_shift32((t[i + 1] - t[i]) * (a & ((1 << fbits) - 1)), fbits);
    return x >= 0 ? HALF_Q15 + s : HALF_Q15 - s;
}

EASR_HOT void easr_swish_s16(const int16_t *in, int32_t width, int32_t frac_in, int32_t shift, const int16_t *table, int16_t *out)
{
    int32_t fbits = frac_in - STEP_BITS;
    if (fbits >= 1 && fbits <= 16 && shift >= 1 && shift <= 31) {
        /* |x sigma| <= 2^30: one int32, rounded by round_shift32. */
        for (int32_t i = 0; i < width; i++) {
            int32_t x = in[i];
            out[i] = sat16_32(round_shift32(x * sigmoid_q15_s16(x, fbits, table), shift));
        }
        return;
    }
    for (int32_t i = 0; i < width; i++) {
        int32_t x = in[i];
        int32_t v = x * sigmoid_q15(x, frac_in, table);      /* |v| <= 2^30 */
        out[i] = sat16_64(scale_pow2_32(v, shift));
    }
}

EASR_HOT void easr_sigmoid_s16(const int16_t *in, int32_t width, int32_t frac_in, const int16_t *table, int16_t *out)
{
    for (int32_t i = 0; i < width; i++) {
        int32_t s = sigmoid_q15(in[i], frac_in, table);
        out[i] = s > 32767 ? 32767 : (int16_t)s;
    }
}

EASR_HOT void easr_glu_s16(const int16_t *in, int32_t channels, int32_t frac_in, int32_t shift, const int16_t *table, int16_t *out)
{
    int32_t fbits = frac_in - STEP_BITS;
    if (fbits >= 1 && fbits <= 16 && shift >= 1 && shift <= 31) {
        for (int32_t c = 0; c < channels; c++)
            out[c] = sat16_32(round_shift32(in[c] * sigmoid_q15_s16(in[channels + c], fbits, table), shift));
        return;
    }
    for (int32_t c = 0; c < channels; c++) {
        int32_t v = in[c] * sigmoid_q15(in[channels + c], frac_in, table);   /* |v| <= 2^30 */
        out[c] = sat16_64(scale_pow2_32(v, shift));
    }
}

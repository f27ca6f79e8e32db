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

/* x sigma(x) rounded by shift, for 1 <= fbits <= 16 and 1 <= shift <= 31, without a branch on the sign:
 * sigma(x) = 1/2 + sign(x) s with s = t[i] + RoundShift(dt frac, fbits) from |x| (the table, SigmoidMinusHalfQ15,
 * holds 0 .. 16384, so |dt frac| < 2^14 2^16 and the rounding floor((p + half - [p < 0]) / 2^fbits) fits int32);
 * then x sigma(x) = x 2^14 + |x| s (x sign(x) = |x|), |v| <= 32768 * 32768 / 2 + ... < 2^30, rounded the same way. */
static inline __attribute__((always_inline)) int32_t swish_fast(int32_t x, int32_t fbits, int32_t shift, const int16_t *t)
{
    int32_t sign = x >> 31, a = (x ^ sign) - sign;
    int32_t i = a >> fbits, s;
    if (i >= LAST_INDEX) {
        s = HALF_Q15;
    } else {
        int32_t p = (t[i + 1] - t[i]) * (a & ((1 << fbits) - 1));
        s = t[i] + ((p + (1 << (fbits - 1)) + (p >> 31)) >> fbits);
    }
    int32_t v = x * 16384 + a * s;
    return clamp16((v + (1 << (shift - 1)) + (v >> 31)) >> shift);
}

EASR_HOT void easr_swish_s16(const int16_t *in, int32_t width, int32_t frac_in, int32_t shift, const int16_t *table, int16_t *out)
{
    int32_t fbits = frac_in - STEP_BITS;
    if (fbits >= 1 && fbits <= 16 && shift >= 1 && shift <= 31) {
        for (int32_t i = 0; i < width; i++) out[i] = (int16_t)swish_fast(in[i], fbits, shift, table);
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
        /* a sigma(b) = a 2^14 + sign(b) a s, s from |b| as in swish_fast; |a sigma(b)| <= 2^30. */
        for (int32_t c = 0; c < channels; c++) {
            int32_t a = in[c], b = in[channels + c];
            int32_t sign = b >> 31, m = (b ^ sign) - sign;
            int32_t i = m >> fbits, s;
            if (i >= LAST_INDEX) {
                s = HALF_Q15;
            } else {
                int32_t p = (table[i + 1] - table[i]) * (m & ((1 << fbits) - 1));
                s = table[i] + ((p + (1 << (fbits - 1)) + (p >> 31)) >> fbits);
            }
            int32_t v = a * 16384 + ((a * s ^ sign) - sign);
            out[c] = (int16_t)clamp16((v + (1 << (shift - 1)) + (v >> 31)) >> shift);
        }
        return;
    }
    for (int32_t c = 0; c < channels; c++) {
        int32_t v = in[c] * sigmoid_q15(in[channels + c], frac_in, table);   /* |v| <= 2^30 */
        out[c] = sat16_64(scale_pow2_32(v, shift));
    }
}

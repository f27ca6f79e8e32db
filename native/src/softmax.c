/* Softmax.Process: 2^-u by range reduction and an interpolated table (Exp2.NegQ30), the sum's
 * reciprocal by normalisation + table + two Newton steps (Reciprocal.Q30), Q15 out. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define LOG2E_Q30 1549082005LL

static inline int32_t exp2_neg_q30(int64_t u, const int32_t *t)
{
    if (u <= 0) return 1 << 30;
    int64_t whole = u >> 16;
    if (whole > 31) return 0;
    int32_t r = (int32_t)(u & 0xFFFF);
    int32_t idx = r >> 10;
    int32_t frac = r & 1023;
    int64_t a = t[idx];
    int64_t v = a + round_shift64((t[idx + 1] - a) * frac, 10);
    /* 0 < v <= 2^30 and whole <= 31: a 32-bit rounding shift is exact. */
    return whole == 0 ? (int32_t)v : round_shift32((int32_t)v, (int32_t)whole);
}

static int32_t reciprocal_q30(int64_t x, int32_t *shift, const int32_t *t)
{
    int32_t lz = leading_zeros64((uint64_t)x);
    int32_t k = 33 - lz;
    int64_t m = k > 0 ? round_shift64(x, k) : shl64(x, -k);
    if (m >= ((int64_t)1 << 31)) { m >>= 1; k++; }
    int32_t off = (int32_t)(m - ((int64_t)1 << 30));
    int32_t idx = off >> 25;
    int64_t frac = off & ((1 << 25) - 1);
    int64_t r = t[idx] + round_shift64(w_mul(t[idx + 1] - (int64_t)t[idx], frac), 25);
    for (int i = 0; i < 2; i++) {
        int64_t mr = round_shift64(w_mul(m, r), 30);
        r = round_shift64(w_mul(r, w_sub((int64_t)1 << 31, mr)), 30);
    }
    *shift = 60 + k;
    return (int32_t)r;
}

EASR_HOT void easr_softmax_s16(const int16_t *in, int32_t length, int32_t u_shift, int32_t *e,
                      const int32_t *exp2_table, const int32_t *reciprocal_table, int16_t *out)
{
    int32_t max = -32768;
    for (int32_t i = 0; i < length; i++) if (in[i] > max) max = in[i];
    int64_t sum = 0;
    if (u_shift >= 1 && u_shift <= 31) {
        /* max - x in [0, 65535] and log2(e) Q30 < 2^31: the product P < 2^47 is non-negative, so u is
         * P + 2^(u_shift-1) shifted right, on the words of P; u < 2^47 / 2 fits 32 bits only when the
         * shifted high word is 0, else the general expression. */
        uint32_t half = 1u << (u_shift - 1);
        for (int32_t i = 0; i < length; i++) {
            uint64_t p = (uint64_t)(uint32_t)(max - in[i]) * (uint32_t)LOG2E_Q30;
#if EASR_WIDE_HOST
            int64_t u = (int64_t)((p + half) >> u_shift);
#else
            uint32_t lo = (uint32_t)p, l = lo + half;
            uint32_t h = (uint32_t)(p >> 32) + (l < lo);
            int64_t u = (h >> u_shift) == 0 ? (int64_t)((l >> u_shift) | (h << (32 - u_shift)))
                                            : scale_pow2((int64_t)(max - in[i]) * LOG2E_Q30, u_shift);
#endif
            int32_t v = exp2_neg_q30(u, exp2_table);
            e[i] = v;
            sum += v;
        }
    } else {
        for (int32_t i = 0; i < length; i++) {
            int64_t u = scale_pow2((int64_t)(max - in[i]) * LOG2E_Q30, u_shift);
            int32_t v = exp2_neg_q30(u, exp2_table);
            e[i] = v;
            sum += v;
        }
    }
    int32_t shift;
    int64_t r = reciprocal_q30(sum, &shift, reciprocal_table);
    int32_t sh = shift - 15;
    for (int32_t i = 0; i < length; i++) {
        int64_t p;
        if (sh >= 33 && sh < 64 && e[i] >= 0 && r >= 0 && r <= (int64_t)UINT32_MAX) {
            /* 0 <= e r < 2^62 and half = 2^(sh-1) lies in the high word: round on the high word alone
             * (h + 2^(sh-33) < 2^31, no overflow). */
            uint64_t er = (uint64_t)(uint32_t)e[i] * (uint32_t)r;
            p = (int64_t)(((uint32_t)(er >> 32) + (1u << (sh - 33))) >> (sh - 32));
        } else {
            p = round_shift64(w_mul(e[i], r), sh);
        }
        out[i] = p > 32767 ? 32767 : (int16_t)p;
    }
}

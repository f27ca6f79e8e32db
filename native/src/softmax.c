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
    int32_t lz = leading_zeros64_nz((uint64_t)x);
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

/* Exp2.NegQ30 of u in [1, 2^21) (u = 0 and u >= 32 2^16 are the caller's): whole = u >> 16, the table
 * interpolated at r = u & 0xFFFF as a + RoundShift((b - a) frac, 10), then RoundShift by whole.
 * RoundShift of (b - a) frac is sign(b - a) floor((|b - a| frac + 512) / 2^10) (half away from zero is
 * symmetric), and with frac' = frac 2^22 (u << 22) that floor is the high word of |b - a| frac' plus the
 * top bit of its low word (nested floors): |b - a| < 2^32 and frac' < 2^32 as unsigned words. The result
 * lies between a and b, so it is an int32; when it is not negative the final RoundShift is (v + half) >> whole. */
static inline int32_t exp2_interp(uint32_t u, const int32_t *t)
{
    uint32_t idx = (u >> 10) & 63, frac = u << 22, whole = u >> 16;
    int32_t a = t[idx], b = t[idx + 1];
    uint32_t m = a >= b ? (uint32_t)a - (uint32_t)b : (uint32_t)b - (uint32_t)a;
    uint64_t p = (uint64_t)m * frac;
    uint32_t q = (uint32_t)(p >> 32) + ((uint32_t)p >> 31);
    int32_t v = a >= b ? (int32_t)((uint32_t)a - q) : (int32_t)((uint32_t)a + q);
    if (v < 0) return whole == 0 ? v : round_shift32(v, (int32_t)whole);
    return (int32_t)(((uint32_t)v + ((1u << whole) >> 1)) >> whole);
}

EASR_HOT void easr_softmax_s16(const int16_t *in, int32_t length, int32_t u_shift, int32_t *e,
                      const int32_t *exp2_table, const int32_t *reciprocal_table, int16_t *out)
{
    int32_t max = -32768;
#pragma GCC unroll 2
    for (int32_t i = 0; i < length; i++) if (in[i] > max) max = in[i];
    int64_t sum = 0;
    int32_t e_or = 0;
    if (u_shift >= 16 && u_shift <= 31) {
        /* u = round((max - x) L / 2^u_shift), L = log2(e) Q30, max - x = d in [0, 65535]: the high word of
         * (d 2^16)(2 L) is floor(d L / 2^15) < 2^32, and u = (that + 2^(u_shift-16)) >> (u_shift - 15)
         * (nested floors; d L >= 0, so half up is half away from zero). u < 2^21 leaves whole <= 31. */
        uint32_t l2 = (uint32_t)(2 * LOG2E_Q30), add = 1u << (u_shift - 16);
        int32_t sh = u_shift - 15;
        /* The sum as an unsigned 64-bit value of the words (exact when no e is negative, which e_or tells). */
        uint32_t sum_lo = 0, sum_hi = 0;
        for (int32_t i = 0; i < length; i++) {
            uint32_t d = (uint32_t)(max - in[i]);
            uint32_t u = (uint32_t)(((uint64_t)(d << 16) * l2) >> 32);
            u = (u + add) >> sh;
            int32_t v = u == 0 ? 1 << 30 : u >= (32u << 16) ? 0 : exp2_interp(u, exp2_table);
            e[i] = v;
            e_or |= v;
            sum_lo += (uint32_t)v;
            sum_hi += sum_lo < (uint32_t)v;
        }
        if (e_or >= 0) sum = (int64_t)(((uint64_t)sum_hi << 32) | sum_lo);
        else for (int32_t i = 0; i < length; i++) sum += e[i];
    } else if (u_shift >= 1 && u_shift <= 31) {
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
            e_or |= v;
            sum += v;
        }
    } else {
        for (int32_t i = 0; i < length; i++) {
            int64_t u = scale_pow2((int64_t)(max - in[i]) * LOG2E_Q30, u_shift);
            int32_t v = exp2_neg_q30(u, exp2_table);
            e[i] = v;
            e_or |= v;
            sum += v;
        }
    }
    int32_t shift;
    int64_t r = reciprocal_q30(sum, &shift, reciprocal_table);
    int32_t sh = shift - 15;
    if (sh >= 33 && sh < 64 && e_or >= 0 && r >= 0 && r <= (int64_t)UINT32_MAX) {
        /* Every e >= 0 (their OR has no sign bit): 0 <= e r < 2^62 and half = 2^(sh-1) lies in the high
         * word: round on the high word alone (h + 2^(sh-33) < 2^31, no overflow). */
        uint32_t ru = (uint32_t)r, half = 1u << (sh - 33);
        int32_t hs = sh - 32;
        for (int32_t i = 0; i < length; i++) {
            uint32_t p = (uint32_t)(((uint64_t)(uint32_t)e[i] * ru) >> 32);
            p = (p + half) >> hs;
            out[i] = (int16_t)(p > 32767 ? 32767 : p);
        }
        return;
    }
    for (int32_t i = 0; i < length; i++) {
        int64_t p = round_shift64(w_mul(e[i], r), sh);
        out[i] = p > 32767 ? 32767 : (int16_t)p;
    }
}

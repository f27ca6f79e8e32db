/* LayerNorm.Process with its MAD pre-normaliser and InverseSqrt.Q30 (table + two Newton steps). */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define MAD_BITS 12
#define Z_BITS 24
#define EPS_CAP ((int64_t)1 << 52)

/* InverseSqrt.Q30: 1/sqrt(x) = r * 2^-shift, r in (2^29, 2^30]. */
static int32_t inverse_sqrt_q30(int64_t x, int32_t *shift, const int32_t *t)
{
    int32_t lz = leading_zeros64_nz((uint64_t)x);
    int32_t k = 34 - lz;
    if ((k & 1) != 0) k++;
    int64_t m = k > 0 ? round_shift64(x, k) : shl64(x, -k);
    if (m >= ((int64_t)1 << 30)) { m = round_shift64(m, 2); k += 2; }
    int32_t off = (int32_t)(m - ((int64_t)1 << 28));
    int32_t idx = off >> 24;
    int64_t frac = off & ((1 << 24) - 1);
    int64_t r = t[idx] + round_shift64(w_mul(t[idx + 1] - (int64_t)t[idx], frac), 24);
    for (int i = 0; i < 2; i++) {
        int64_t r2 = round_shift64(w_mul(r, r), 30);
        int64_t mr2 = round_shift64(w_mul(m, r2), 28);
        r = round_shift64(w_mul(r, w_sub(3LL * (1LL << 30), mr2)), 31);
    }
    *shift = 44 + k / 2;
    return (int32_t)r;
}

/* floor((a b + 2^31 - [a b < 0]) / 2^32): Fixed.RoundShift(x, s) of x = a b 2^-(32-s) when a b is a
 * multiple of 2^(32-s) (then subtracting 1 or 2^(32-s) before the floor is the same). With lo, hi the
 * words of a b (a b < 0 iff hi < 0), that is hi plus the carry of lo + 2^31 - [hi < 0]. */
static inline int32_t round_high(int32_t a, int32_t b)
{
    int64_t p = (int64_t)a * b;
    int32_t hi = (int32_t)(p >> 32);
    uint32_t lo = (uint32_t)p, neg = (uint32_t)hi >> 31;
    return hi + (0x7FFFFFFFu + neg < lo);
}

EASR_HOT int32_t easr_layernorm_s16(const int16_t *in, int32_t width, const int16_t *gamma, const int32_t *beta,
                           int32_t frac_in, int32_t out_shift, int64_t eps_q32, int32_t width_log2,
                           int32_t *y, const int32_t *inv_sqrt_table, int16_t *out)
{
    int32_t sum = 0;
#pragma GCC unroll 4
    for (int32_t i = 0; i < width; i++) sum += in[i];
    int64_t sad = 0;
    /* d_or: the OR of every |d|, at least the largest |d| (UINT32_MAX when not tracked). */
    uint32_t d_or = UINT32_MAX;
    if (width <= 255) {
        /* |d| <= 2^16 width, so the sum of |d| stays below 2^16 width^2 < 2^32: one unsigned word. */
        uint32_t sad32 = 0, o = 0;
#pragma GCC unroll 4
        for (int32_t i = 0; i < width; i++) {
            int32_t d = in[i] * width - sum;
            y[i] = d;
            uint32_t sign = (uint32_t)(d >> 31), m = ((uint32_t)d ^ sign) - sign;
            sad32 += m;
            o |= m;
        }
        sad = sad32;
        d_or = o;
    } else {
        for (int32_t i = 0; i < width; i++) {
            int32_t d = in[i] * width - sum;
            y[i] = d;
            sad += d >= 0 ? d : -(int64_t)d;
        }
    }
    if (sad == 0) {
        for (int32_t i = 0; i < width; i++) out[i] = sat16_64(beta[i]);
        return 0;
    }
    int32_t k = (63 - leading_zeros64_nz((uint64_t)sad)) - width_log2 - MAD_BITS;
    int64_t sum_sq = 0;
    /* y_max bounds every |y|: y = round(d / 2^k) has |y| <= (|d| >> k) + 1. */
    uint32_t y_max = UINT32_MAX;
    if (k >= 1 && k <= 31 && d_or != UINT32_MAX) {
        y_max = (d_or >> k) + 1;
        /* Rounding half away from zero as floor((d + half - [d < 0]) / 2^k); |d| <= 2^24, no overflow. */
        int32_t half = (int32_t)(1u << (k - 1));
        if (y_max <= 65535) {
            /* Every y^2 < 2^32 is one unsigned word; their sum is that word plus 2^32 per carry out of it. */
            uint32_t sq = 0, carries = 0;
#pragma GCC unroll 4
            for (int32_t i = 0; i < width; i++) {
                int32_t d = y[i];
                int32_t v = (d + half + (d >> 31)) >> k;
                y[i] = v;
                uint32_t v2 = (uint32_t)v * (uint32_t)v;
                sq += v2;
                carries += sq < v2;
            }
            sum_sq = (int64_t)(((uint64_t)carries << 32) | sq);
        } else {
            for (int32_t i = 0; i < width; i++) {
                int32_t d = y[i];
                int32_t v = (d + half + (d >> 31)) >> k;
                y[i] = v;
                sum_sq = w_add(sum_sq, (int64_t)v * v);
            }
        }
    } else {
        for (int32_t i = 0; i < width; i++) {
            int32_t v = k > 0 && k < 32 ? round_shift32(y[i], k) : (int32_t)scale_pow2(y[i], k);
            y[i] = v;
            sum_sq = w_add(sum_sq, (int64_t)v * v);
        }
    }
    /* DivRound of a non-negative sum: a rounding shift when the width is a power of two. */
    int64_t variance = width == ((int32_t)1 << width_log2) && width_log2 >= 1 && sum_sq >= 0
                           ? (sum_sq + (width >> 1)) >> width_log2
                           : div_round(sum_sq, width);

    int32_t eps_shift = 32 + 2 * k - 2 * frac_in;
    int64_t eps_d2 = w_mul(w_mul(eps_q32, width), width);
    int64_t eps_v;
    if (eps_shift >= 0) eps_v = round_shift64(eps_d2, eps_shift > 62 ? 62 : eps_shift);
    else eps_v = (-eps_shift >= 62 || eps_d2 > sar64(EPS_CAP, -eps_shift)) ? EPS_CAP : shl64(eps_d2, -eps_shift);

    int64_t x = w_add(variance, eps_v);
    if (x <= 0) return -1;
    int32_t r_shift;
    int32_t r = inverse_sqrt_q30(x, &r_shift, inv_sqrt_table);
    int32_t z_shift = r_shift - Z_BITS;
    if (r > 0 && z_shift >= 1 && z_shift <= 31 && y_max < (1u << (z_shift - 1)) && out_shift >= 16 && out_shift <= 31) {
        /* y' = y 2^(32 - z_shift) fits int32 (|y| < 2^(z_shift-1)), so z = round_high(y', r); |z| <= 2^29 + 1
         * (r <= 2^30). gamma' = gamma 2^(32 - out_shift) fits int32 (|gamma| <= 2^15, out_shift >= 16), so the
         * scaled product is round_high(z, gamma'), |o| <= 2^30; + beta in int32 when |beta| < 2^30. */
        int32_t ys = 32 - z_shift, gs = 32 - out_shift;
#pragma GCC unroll 2
        for (int32_t i = 0; i < width; i++) {
            int32_t z = round_high((int32_t)((uint32_t)y[i] << ys), r);
            int32_t o = round_high(z, (int32_t)((uint32_t)(int32_t)gamma[i] << gs));
            int32_t b = beta[i];
            if ((uint32_t)b + (1u << 30) >= (1u << 31)) { out[i] = sat16_64((int64_t)o + b); continue; }
            int32_t v = o + b;
            if ((uint32_t)v + 32768u > 65535u) { out[i] = (int16_t)((v >> 31) ^ 32767); continue; }
            out[i] = (int16_t)v;
        }
        return 0;
    }
    if (r > 0 && z_shift >= 1 && z_shift <= 31 && out_shift >= 16 && out_shift <= 31) {
        /* r > 0, so z = sign(y) round_half_up(|y| r / 2^z_shift) and z gamma rounded half away from zero
         * is sign(y) sign(gamma) round_half_up(|z| |gamma| / 2^out_shift): unsigned products on words.
         * An element whose |z| needs more than 32 bits takes the general expression; |z| |gamma| < 2^47,
         * so with out_shift >= 16 the rounded magnitude is below 2^31. */
        for (int32_t i = 0; i < width; i++) {
            int32_t yi = y[i];
            uint32_t sy = (uint32_t)(yi >> 31), ym = ((uint32_t)yi ^ sy) - sy;
            uint64_t p = (uint64_t)ym * (uint32_t)r;
            uint32_t lo = (uint32_t)p, l = lo + (1u << (z_shift - 1));
            uint32_t h = (uint32_t)(p >> 32) + (l < lo);
            if ((h >> z_shift) != 0) {
                int64_t z = scale_pow2((int64_t)yi * r, z_shift);
                out[i] = sat16_64(w_add(scale_pow2(w_mul(z, gamma[i]), out_shift), beta[i]));
                continue;
            }
            uint32_t zm = (l >> z_shift) | (h << (32 - z_shift));
            int32_t g = gamma[i];
            uint32_t sg = (uint32_t)(g >> 31), gm = ((uint32_t)g ^ sg) - sg;
            uint64_t q = (uint64_t)zm * gm;
            uint32_t qlo = (uint32_t)q, ql = qlo + (1u << (out_shift - 1));
            uint32_t qh = (uint32_t)(q >> 32) + (ql < qlo);
            uint32_t om = (ql >> out_shift) | (qh << (32 - out_shift));
            uint32_t so = sy ^ sg;
            int32_t o = (int32_t)((om ^ so) - so);
            out[i] = sat16_64((int64_t)o + beta[i]);
        }
        return 0;
    }
    for (int32_t i = 0; i < width; i++) {
        int64_t z = scale_pow2((int64_t)y[i] * r, r_shift - Z_BITS);
        /* |z| <= sqrt(D) in Q24 <= 2^30 (+ rounding): a 32 x 32 -> 64 product, else the general one. */
        int64_t zg = z == (int32_t)z ? (int64_t)(int32_t)z * gamma[i] : w_mul(z, gamma[i]);
        int64_t o = w_add(scale_pow2(zg, out_shift), beta[i]);
        out[i] = sat16_64(o);
    }
    return 0;
}

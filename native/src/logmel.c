/* One log-mel frame exactly as LogMelFrontend.ComputeFrame: Hann window (Q30), 512-point real FFT
 * by a 256-point complex radix-2 FFT in block floating point plus the real-input split
 * (BlockFloatRealFft), sparse triangular mel filterbank and round(256 log2 E) (MelLogCompressor).
 * int64 where the C# uses long; every shift and rounding as there. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define FFT_COMPLEX 256
#define STAGE_INPUT_BITS 29
#define SPLIT_INPUT_BITS 28
#define TWIDDLE_BITS 30
#define TWIDDLE_ROUND ((int64_t)1 << (TWIDDLE_BITS - 1))
#define POWER_BITS 44
#define WEIGHT_FRACTION_BITS 15
#define WINDOW_FRACTION_BITS 30

static inline int64_t magnitude_bits(int64_t v) { return v ^ (v >> 63); }

static int32_t shift_for(int64_t or_bits, int32_t bits)
{
    int32_t msb = 63 - leading_zeros64((uint64_t)or_bits);
    int32_t s = msb - (bits - 1);
    return s > 0 ? s : 0;
}

/* x / 2^right rounded half up (floor((x + 2^(right-1)) / 2^right)) for 1 <= right <= 31 and a result that
 * fits int32, from the words of x: the low word plus half carries into the high word. */
static inline int32_t round_down_words(int64_t x, int32_t right, uint32_t half)
{
#if EASR_WIDE_HOST
    return (int32_t)((x + half) >> right);
#else
    uint32_t lo = (uint32_t)x, hi = (uint32_t)((uint64_t)x >> 32);
    uint32_t l = lo + half;
    hi += l < lo;
    return (int32_t)((l >> right) | (hi << (32 - right)));
#endif
}

/* Packs z[n] = x[2n] + i x[2n+1] in bit-reversed order scaled to max |v| <= 2^29; returns the shift.
 * or_bits is the OR of the inputs' magnitude bits. The inputs are window products, |x| <= 2^45, so a
 * right shift is at most 45 - 28 = 17 and a left shift applies to values below 2^29 (one word). */
EASR_HOT static int32_t load_normalised(const int64_t *input, int32_t length, int64_t or_bits, const int32_t *bitrev, int32_t *re, int32_t *im)
{
    int32_t msb = 63 - leading_zeros64((uint64_t)or_bits);
    int32_t right = msb - (STAGE_INPUT_BITS - 1);
    int32_t left = -right;
    if (or_bits == 0) { right = 0; left = 0; }
    if (right < 0) right = 0; else left = 0;
    int32_t pairs = length >> 1;
    if (right > 0 && right < 32) {
        uint32_t half = 1u << (right - 1);
        for (int32_t n = 0; n < pairs; n++) {
            int32_t at = bitrev[n];
            re[at] = round_down_words(input[2 * n], right, half);
            im[at] = round_down_words(input[2 * n + 1], right, half);
        }
    } else if (right == 0 && msb < 31) {
        /* Every input is below 2^29 (msb <= 28), so x << left is the low word's. */
        for (int32_t n = 0; n < pairs; n++) {
            int32_t at = bitrev[n];
            re[at] = (int32_t)((uint32_t)input[2 * n] << left);
            im[at] = (int32_t)((uint32_t)input[2 * n + 1] << left);
        }
    } else {
        int64_t half = shl64(1, right) >> 1;
        for (int32_t n = 0; n < pairs; n++) {
            int32_t at = bitrev[n];
            re[at] = (int32_t)sar64(w_add(shl64(input[2 * n], left), half), right);
            im[at] = (int32_t)sar64(w_add(shl64(input[2 * n + 1], left), half), right);
        }
    }
    for (int32_t n = pairs; n < FFT_COMPLEX; n++) {
        int32_t at = bitrev[n];
        re[at] = 0;
        im[at] = 0;
    }
    return right - left;
}

/* One radix-2 decimation-in-time stage, outputs shifted right by s with rounding; returns the OR of
 * magnitudes. Inlined with s a constant (0, 1, 2 are the only shifts in-bound data can need), so rv32
 * gets straight-line 64-bit shifts instead of the general variable-shift sequence. */
static inline __attribute__((always_inline)) int64_t stage_body(int32_t size, const int32_t s, int32_t *re, int32_t *im,
                                                                const int32_t *cos_t, const int32_t *sin_t)
{
    const int64_t half = s == 0 ? 0 : (int64_t)1 << (s - 1);
    int32_t span = size >> 1;
    int32_t step = 512 / size;
    int64_t or_bits = 0;
    for (int32_t j = 0; j < span; j++) {
        int32_t c = cos_t[j * step], sn = sin_t[j * step];
        for (int32_t i = j; i < FFT_COMPLEX; i += size) {
            int32_t k = i + span;
            int32_t br = re[k], bi = im[k];
            int64_t tr = ((int64_t)c * br + (int64_t)sn * bi + TWIDDLE_ROUND) >> TWIDDLE_BITS;
            int64_t ti = ((int64_t)c * bi - (int64_t)sn * br + TWIDDLE_ROUND) >> TWIDDLE_BITS;
            int64_t ar = re[i], ai = im[i];
            int64_t r0 = (ar + tr + half) >> s;
            int64_t i0 = (ai + ti + half) >> s;
            int64_t r1 = (ar - tr + half) >> s;
            int64_t i1 = (ai - ti + half) >> s;
            or_bits |= magnitude_bits(r0) | magnitude_bits(i0) | magnitude_bits(r1) | magnitude_bits(i1);
            re[i] = (int32_t)r0; im[i] = (int32_t)i0;
            re[k] = (int32_t)r1; im[k] = (int32_t)i1;
        }
    }
    return or_bits;
}

/* floor(P / 2^(30 + s)) and floor(P / 2^30) mod 2^s of a twiddle product sum P, in 32 bits. */
#define TW_QUOTIENT(p, s) ((s) == 2 ? (int32_t)((p) >> 32) : (int32_t)((p) >> (30 + (s))))
#define TW_REMAINDER(p, s) ((s) == 0 ? 0 : (int32_t)(((uint32_t)(p) >> 30) & ((1u << (s)) - 1)))

/* The same stage in 32-bit arithmetic, for stage inputs below 2^(29+s) (s = 0, 1, 2: what the
 * block scaling guarantees when the previous stage broke no bound). With t = floor(P / 2^30),
 * a = x >> s, n = x mod 2^s, q = floor(t / 2^s) = floor(P / 2^(30+s)), m = t mod 2^s:
 * floor((x + t + half) / 2^s) = a + q + ((n + m + half) >> s) and
 * floor((x - t + half) / 2^s) = a - q + ((n - m + half) >> s), every term within int32, and
 * every output below 2^31, so the 64-bit magnitude OR equals the 32-bit one. */
static inline __attribute__((always_inline)) int64_t stage_bounded(int32_t size, const int32_t s, int32_t *re, int32_t *im,
                                                                   const int32_t *cos_t, const int32_t *sin_t)
{
    const int32_t half = s == 0 ? 0 : 1 << (s - 1);
    const int32_t low = (1 << s) - 1;
    int32_t span = size >> 1;
    int32_t step = 512 / size;
    uint32_t or_bits = 0;
/* One butterfly from the twiddled term's quotient q and remainder m (real and imaginary). */
#define BUTTERFLY(qr, mr, qi, mi)                                                                        \
    do {                                                                                                 \
        int32_t ar = re[i], ai = im[i];                                                                  \
        int32_t ah = ar >> s, an = ar & low, bh = ai >> s, bn = ai & low;                                \
        int32_t r0 = ah + (qr) + ((an + (mr) + half) >> s);                                              \
        int32_t r1 = ah - (qr) + ((an - (mr) + half) >> s);                                              \
        int32_t i0 = bh + (qi) + ((bn + (mi) + half) >> s);                                              \
        int32_t i1 = bh - (qi) + ((bn - (mi) + half) >> s);                                              \
        or_bits |= (uint32_t)(r0 ^ (r0 >> 31)) | (uint32_t)(i0 ^ (i0 >> 31)) | (uint32_t)(r1 ^ (r1 >> 31)) \
                 | (uint32_t)(i1 ^ (i1 >> 31));                                                          \
        re[i] = r0; im[i] = i0;                                                                          \
        re[k] = r1; im[k] = i1;                                                                          \
    } while (0)
    for (int32_t j = 0; j < span; j++) {
        int32_t c = cos_t[j * step], sn = sin_t[j * step];
        if (c == (1 << 30) && sn == 0) {
            /* W = 1: t = floor((2^30 b + 2^29) / 2^30) = b exactly. */
            for (int32_t i = j; i < FFT_COMPLEX; i += size) {
                int32_t k = i + span;
                int32_t br = re[k], bi = im[k];
                BUTTERFLY(br >> s, br & low, bi >> s, bi & low);
            }
        } else if (c == 0 && sn == (1 << 30)) {
            /* W = -i: t = (b_im, -b_re) exactly; -b_re as int64 (b_re may be -2^31). */
            for (int32_t i = j; i < FFT_COMPLEX; i += size) {
                int32_t k = i + span;
                int32_t tr = im[k];
                int64_t ti = -(int64_t)re[k];
                BUTTERFLY(tr >> s, tr & low, (int32_t)(ti >> s), (int32_t)ti & low);
            }
        } else {
            for (int32_t i = j; i < FFT_COMPLEX; i += size) {
                int32_t k = i + span;
                int32_t br = re[k], bi = im[k];
                int64_t pr = (int64_t)c * br + (int64_t)sn * bi + TWIDDLE_ROUND;
                int64_t pi = (int64_t)c * bi - (int64_t)sn * br + TWIDDLE_ROUND;
                BUTTERFLY(TW_QUOTIENT(pr, s), TW_REMAINDER(pr, s), TW_QUOTIENT(pi, s), TW_REMAINDER(pi, s));
            }
        }
    }
#undef BUTTERFLY
    return (int64_t)or_bits;
}

/* floor((a b + c d + 2^29) / 2^30) from the 64-bit sum P = H 2^32 + L (L unsigned): 4H + floor((L + 2^29) / 2^30),
 * and floor((L + 2^29) / 2^30) = floor((floor(L / 2) + 2^28) / 2^29) stays within uint32. Only for a result
 * known to fit int32 (the sum of the two words is then exact modulo 2^32). */
static inline int32_t twiddle_round(int32_t a, int32_t b, int32_t c, int32_t d)
{
    int64_t p = (int64_t)a * b + (int64_t)c * d;
#if EASR_WIDE_HOST
    return (int32_t)((p + TWIDDLE_ROUND) >> TWIDDLE_BITS);   /* one 64-bit add and shift where registers are 64-bit */
#else
    uint32_t hi = (uint32_t)(p >> 32), lo = (uint32_t)p;
    return (int32_t)((hi << 2) + (((lo >> 1) + (1u << 28)) >> 29));
#endif
}

/* The shift-1 butterfly outputs floor((x + t + 1) / 2) and floor((x - t + 1) / 2) without forming x +- t,
 * which may need 32 bits plus sign. With u = x + t and f = floor(u / 2) = (x & t) + ((x ^ t) >> 1):
 * floor((u + 1) / 2) = f + (u & 1), and floor((2x - u + 1) / 2) = x - ceil((u - 1) / 2) = x - f. */
#define HALF_PAIR(x, t, plus, minus)                          \
    do {                                                      \
        int32_t hx_ = (x), ht_ = (t), hf_ = (hx_ & ht_) + ((hx_ ^ ht_) >> 1); \
        (plus) = hf_ + ((hx_ ^ ht_) & 1);                     \
        (minus) = hx_ - hf_;                                  \
    } while (0)

/* A stage with shift s = 0 or 1 on inputs below 2^(29+s) (in magnitude bits), |W| <= 1 in Q30:
 * the twiddled term t = floor((W b + 2^29) / 2^30) has |t| <= sqrt(2) 2^(29+s) + 1 < 2^31, so it is one
 * int32 (twiddle_round). For s = 0 the outputs x +- t are below 2^29 (1 + sqrt(2)) + 1 < 2^31; for s = 1
 * floor((x +- t + 1) / 2) is HALF_PAIR's. The same numbers as the int64 stage. */
static inline __attribute__((always_inline)) int64_t stage_small_shift(int32_t size, const int32_t s, int32_t *re, int32_t *im,
                                                                       const int32_t *cos_t, const int32_t *sin_t)
{
    int32_t span = size >> 1;
    int32_t step = 512 / size;
    uint32_t or_bits = 0;
#define BUTTERFLY_T(tr, ti)                                                                              \
    do {                                                                                                 \
        int32_t ar = re[i], ai = im[i], r0, r1, i0, i1;                                                  \
        if (s == 0) { r0 = ar + (tr); r1 = ar - (tr); i0 = ai + (ti); i1 = ai - (ti); }                  \
        else { HALF_PAIR(ar, tr, r0, r1); HALF_PAIR(ai, ti, i0, i1); }                                   \
        or_bits |= (uint32_t)(r0 ^ (r0 >> 31)) | (uint32_t)(i0 ^ (i0 >> 31)) | (uint32_t)(r1 ^ (r1 >> 31)) \
                 | (uint32_t)(i1 ^ (i1 >> 31));                                                          \
        re[i] = r0; im[i] = i0;                                                                          \
        re[k] = r1; im[k] = i1;                                                                          \
    } while (0)
    for (int32_t j = 0; j < span; j++) {
        int32_t c = cos_t[j * step], sn = sin_t[j * step];
        if (c == (1 << 30) && sn == 0) {
            /* W = 1: t = b exactly. */
            for (int32_t i = j; i < FFT_COMPLEX; i += size) {
                int32_t k = i + span;
                int32_t br = re[k], bi = im[k];
                BUTTERFLY_T(br, bi);
            }
        } else if (c == 0 && sn == (1 << 30)) {
            /* W = -i: t = (b_im, -b_re) exactly (|b_re| <= 2^30, so -b_re fits). */
            for (int32_t i = j; i < FFT_COMPLEX; i += size) {
                int32_t k = i + span;
                int32_t br = re[k], bi = im[k];
                BUTTERFLY_T(bi, -br);
            }
        } else {
            for (int32_t i = j; i < FFT_COMPLEX; i += size) {
                int32_t k = i + span;
                int32_t br = re[k], bi = im[k];
                int32_t tr = twiddle_round(c, br, sn, bi);
                int32_t ti = twiddle_round(c, bi, -sn, br);
                BUTTERFLY_T(tr, ti);
            }
        }
    }
#undef BUTTERFLY_T
    return (int64_t)or_bits;
}

/* stage_small_shift for the late stages, where a twiddle serves few butterflies: groups outside, the
 * twiddles inside (size and s constants, so b = a + span is an immediate offset). Every twiddle takes
 * the general product: for W = 1 and W = -i it gives t = b and t = (b_im, -b_re) exactly, as the special
 * cases do (2^30 b / 2^30 with the rounding term below one, and |b_re| <= 2^30 so -b_re fits). */
static inline __attribute__((always_inline)) int64_t stage_groups(const int32_t size, const int32_t s, int32_t *re, int32_t *im,
                                                                  const int32_t *cos_t, const int32_t *sin_t)
{
    const int32_t span = size >> 1, step = 512 / size;
    uint32_t or_bits = 0;
    for (int32_t g = 0; g < FFT_COMPLEX; g += size) {
        int32_t *pr = re + g, *pi = im + g;
        const int32_t *pc = cos_t, *ps = sin_t;
        for (int32_t j = 0; j < span; j++, pr++, pi++, pc += step, ps += step) {
            int32_t c = *pc, sn = *ps;
            int32_t br = pr[span], bi = pi[span];
            int32_t tr = twiddle_round(c, br, sn, bi);
            int32_t ti = twiddle_round(c, bi, -sn, br);
            int32_t ar = pr[0], ai = pi[0], r0, r1, i0, i1;
            if (s == 0) { r0 = ar + tr; r1 = ar - tr; i0 = ai + ti; i1 = ai - ti; }
            else { HALF_PAIR(ar, tr, r0, r1); HALF_PAIR(ai, ti, i0, i1); }
            or_bits |= (uint32_t)(r0 ^ (r0 >> 31)) | (uint32_t)(i0 ^ (i0 >> 31)) | (uint32_t)(r1 ^ (r1 >> 31))
                     | (uint32_t)(i1 ^ (i1 >> 31));
            pr[0] = r0; pi[0] = i0;
            pr[span] = r1; pi[span] = i1;
        }
    }
    return (int64_t)or_bits;
}

/* A late stage (size >= 32) with shift 0 or 1 on bounded input, with its size a constant. */
EASR_HOT static int64_t stage_late(int32_t size, int32_t s, int32_t *re, int32_t *im, const int32_t *cos_t, const int32_t *sin_t)
{
    switch (size) {
    case 32: return s == 0 ? stage_groups(32, 0, re, im, cos_t, sin_t) : stage_groups(32, 1, re, im, cos_t, sin_t);
    case 64: return s == 0 ? stage_groups(64, 0, re, im, cos_t, sin_t) : stage_groups(64, 1, re, im, cos_t, sin_t);
    case 128: return s == 0 ? stage_groups(128, 0, re, im, cos_t, sin_t) : stage_groups(128, 1, re, im, cos_t, sin_t);
    default: return s == 0 ? stage_groups(256, 0, re, im, cos_t, sin_t) : stage_groups(256, 1, re, im, cos_t, sin_t);
    }
}

/* in_bounded: every stage input is below 2^(29+s) (the previous stage broke no bound, or this is
 * the first stage on normalised input), which the 32-bit path needs. */
EASR_HOT static int64_t stage(int32_t size, int32_t s, int32_t in_bounded, int32_t *re, int32_t *im, const int32_t *cos_t,
                     const int32_t *sin_t, int32_t *overflows)
{
    int64_t or_bits;
    if (in_bounded && s <= 1 && size >= 32) or_bits = stage_late(size, s, re, im, cos_t, sin_t);
    else if (in_bounded && s == 0) or_bits = stage_small_shift(size, 0, re, im, cos_t, sin_t);
    else if (in_bounded && s == 1) or_bits = stage_small_shift(size, 1, re, im, cos_t, sin_t);
    else if (in_bounded && s == 2) or_bits = stage_bounded(size, 2, re, im, cos_t, sin_t);
    else or_bits = stage_body(size, s, re, im, cos_t, sin_t);
    if (or_bits > INT32_MAX) (*overflows)++;
    return or_bits;
}

/* floor((v + 2^(s-1)) / 2^s) for s = 0, 1, 2 (a constant): s = 1 is (v >> 1) + (v & 1); for s = 2,
 * floor((2t + bit + 2) / 4) = floor((t + 1) / 2) with t = v >> 1 (the odd bit adds less than one to t + 1). */
static inline int32_t round_small(int32_t v, const int32_t s)
{
    if (s == 0) return v;
    if (s == 1) return (v >> 1) + (v & 1);
    return ((v >> 1) + 1) >> 1;
}

/* The split when every stored value is below 2^30 in magnitude bits (the last stage's OR < 2^30, so
 * s <= 2): x +- y then fits int32 and the shifted sums are round_small's. k runs over [first, last]
 * inside (0, 256), so p = k and q = 256 - k walk the arrays from both ends. The rest as split(). */
static inline __attribute__((always_inline)) uint32_t split_bounded(int64_t *power, int32_t first, int32_t last, const int32_t s,
                                                                    const int32_t *re, const int32_t *im, const int32_t *cos_t,
                                                                    const int32_t *sin_t)
{
    uint32_t or_bits = 0;
    const int32_t *rp = re + first, *ip = im + first, *rq = re + FFT_COMPLEX - first, *iq = im + FFT_COMPLEX - first;
    const int32_t *cp = cos_t + first, *sp = sin_t + first;
    int64_t *out = power + first;
    for (int32_t k = first; k <= last; k++) {
        int32_t xr0 = *rp++, xi0 = *ip++, yr = *rq--, yi = *iq--;
        int32_t ar = round_small(xr0 + yr, s), ai = round_small(xi0 - yi, s);
        int32_t br = round_small(xr0 - yr, s), bi = round_small(xi0 + yi, s);
        int32_t c = *cp++, sn = *sp++;
        int32_t cr = twiddle_round(c, br, sn, bi);
        int32_t ci = twiddle_round(c, bi, -sn, br);
        int32_t xr = ar + ci;
        int32_t xi = ai - cr;
        or_bits |= (uint32_t)(xr ^ (xr >> 31)) | (uint32_t)(xi ^ (xi >> 31));
        *out++ = (int64_t)xr * xr + (int64_t)xi * xi;
    }
    return or_bits;
}

/* Real-input split: |2X[k]|^2 for k in [first, last], inputs shifted right by s. s comes from the
 * OR of the last stage's magnitudes (s >= msb - 27), so every shifted sum below is at most 2^29 + 1
 * and the twiddled terms at most 2^30, whatever the stored values: the C# int64 arithmetic is
 * exactly this int32 arithmetic with 32 x 32 -> 64 products. */
EASR_HOT static void split(int64_t *power, int32_t first, int32_t last, int32_t s, const int32_t *re, const int32_t *im,
                  const int32_t *cos_t, const int32_t *sin_t, int32_t *overflows)
{
    int64_t half = shl64(1, s) >> 1;
    /* For s < 30, floor((x +- y + half) / 2^s) = (x >> s) +- (y >> s) + (((x & low) +- (y & low) + half) >> s)
     * exactly, each term within int32 (x >> s, y >> s < 2^28 by the choice of s). */
    const int32_t fast = s < 30;   /* so (x & low) + (y & low) + half < 2^31 */
    const int32_t low = fast ? (int32_t)((1u << s) - 1) : 0;
    const int32_t half32 = fast ? (int32_t)half : 0;
    uint32_t or_bits = 0;
    for (int32_t k = first; k <= last; k++) {
        int32_t p = k & (FFT_COMPLEX - 1);
        int32_t q = (FFT_COMPLEX - k) & (FFT_COMPLEX - 1);
        int32_t ar, ai, br, bi;
        if (fast) {
            int32_t rp = re[p], rq = re[q], ip = im[p], iq = im[q];
            int32_t rph = rp >> s, rqh = rq >> s, iph = ip >> s, iqh = iq >> s;
            int32_t rpl = rp & low, rql = rq & low, ipl = ip & low, iql = iq & low;
            ar = rph + rqh + ((rpl + rql + half32) >> s);
            ai = iph - iqh + ((ipl - iql + half32) >> s);
            br = rph - rqh + ((rpl - rql + half32) >> s);
            bi = iph + iqh + ((ipl + iql + half32) >> s);
        } else {
            ar = (int32_t)(((int64_t)re[p] + re[q] + half) >> s);
            ai = (int32_t)(((int64_t)im[p] - im[q] + half) >> s);
            br = (int32_t)(((int64_t)re[p] - re[q] + half) >> s);
            bi = (int32_t)(((int64_t)im[p] + im[q] + half) >> s);
        }
        int32_t c = cos_t[k], sn = sin_t[k];
        int32_t cr = (int32_t)(((int64_t)c * br + (int64_t)sn * bi + TWIDDLE_ROUND) >> TWIDDLE_BITS);
        int32_t ci = (int32_t)(((int64_t)c * bi - (int64_t)sn * br + TWIDDLE_ROUND) >> TWIDDLE_BITS);
        int32_t xr = ar + ci;
        int32_t xi = ai - cr;
        or_bits |= (uint32_t)(xr ^ (xr >> 31)) | (uint32_t)(xi ^ (xi >> 31));
        power[k] = (int64_t)xr * xr + (int64_t)xi * xi;
    }
    if (or_bits > INT32_MAX) (*overflows)++;
}

/* MelLogCompressor.Log2Q8: round(256 log2(value 2^exponent)) clamped to [0, 32767]. */
static int16_t log2_q8(int64_t value, int32_t exponent, const int32_t *table)
{
    if (value <= 0) return 0;
    int32_t lz = leading_zeros64((uint64_t)value);
    uint64_t m = (uint64_t)value << lz;
    int32_t index = (int32_t)(m >> 56) & 127;
    int32_t fraction = (int32_t)(m >> 40) & 0xFFFF;
    int32_t t0 = table[index];
    int32_t mantissa = t0 + (((table[index + 1] - t0) * fraction + 32768) >> 16);
    int32_t log2_q16 = (int32_t)((uint32_t)(63 - lz + exponent) << 16) + mantissa;
    int32_t q8 = (log2_q16 + 128) >> 8;
    if (q8 < 0) return 0;
    if (q8 > 32767) return 32767;
    return (int16_t)q8;
}

/* sum w[k] floor((P[k] + half) / 2^s) modulo 2^64, as the C# long arithmetic (any P, s in [0, 20]). */
EASR_HOT static int64_t mel_energy_general(const int64_t *power, int32_t start, int32_t end, const int16_t *weights, int32_t s)
{
    int64_t half = shl64(1, s) >> 1;
    int64_t energy = 0;
    for (int32_t k = start; k < end; k++) energy = w_add(energy, w_mul(*weights++, sar64(w_add(power[k], half), s)));
    return energy;
}

/* The same for P[k] >= 0 (s <= 19), on 32-bit words: y = floor((P + half) / 2^s) < 2^44 with the low word's
 * carry into the high word, and w y = w yl + 2^32 (w yh mod 2^32) modulo 2^64 (yl the unsigned low word). */
EASR_HOT static int64_t mel_energy(const int64_t *power, int32_t start, int32_t end, const int16_t *weights, int32_t s)
{
    uint64_t energy = 0;
    if (s == 0) {
        for (int32_t k = start; k < end; k++) {
            uint64_t p = (uint64_t)power[k];
            int32_t w = *weights++;
            energy += (uint64_t)((int64_t)w * (int64_t)(uint32_t)p) + ((uint64_t)((uint32_t)w * (uint32_t)(p >> 32)) << 32);
        }
        return (int64_t)energy;
    }
    uint32_t half = 1u << (s - 1);
#if EASR_WIDE_HOST
    for (int32_t k = start; k < end; k++) energy += (uint64_t)((int64_t)*weights++ * ((power[k] + half) >> s));
#else
    for (int32_t k = start; k < end; k++) {
        uint64_t p = (uint64_t)power[k];
        uint32_t lo = (uint32_t)p, hi = (uint32_t)(p >> 32);
        uint32_t l = lo + half;
        hi += l < lo;
        uint32_t yl = (l >> s) | (hi << (32 - s)), yh = hi >> s;
        int32_t w = *weights++;
        energy += (uint64_t)((int64_t)w * (int64_t)yl) + ((uint64_t)((uint32_t)w * yh) << 32);
    }
#endif
    return (int64_t)energy;
}

EASR_HOT int32_t easr_logmel_frame_s16(const int16_t *window, int32_t window_length, const int32_t *hann, const int32_t *cos_t,
                              const int32_t *sin_t, const int32_t *bitrev, const int16_t *mel_start,
                              const int16_t *mel_length, const int16_t *mel_offset, const int16_t *mel_weights,
                              int32_t channels, const int32_t *log2_table, int64_t *windowed, int32_t *re, int32_t *im,
                              int64_t *power, int16_t *out)
{
    int32_t overflows = 0;
    /* The window products and the OR of their magnitude bits (x ^ sign, word by word). */
    uint32_t or_lo = 0, or_hi = 0;
    for (int32_t n = 0; n < window_length; n++) {
        int64_t x = (int64_t)window[n] * hann[n];
        windowed[n] = x;
        uint32_t sign = (uint32_t)((uint64_t)x >> 63) * 0xFFFFFFFFu;
        or_lo |= (uint32_t)x ^ sign;
        or_hi |= (uint32_t)((uint64_t)x >> 32) ^ sign;
    }
    int64_t window_or = (int64_t)(((uint64_t)or_hi << 32) | or_lo);

    int32_t first = mel_start[0];
    int32_t last = mel_start[channels - 1] + mel_length[channels - 1] - 1;
    int32_t exponent = load_normalised(windowed, window_length, window_or, bitrev, re, im);
    int32_t shift = 0;
    int64_t or_bits = 0;
    int32_t bounded = 1;   /* load_normalised leaves every value at most 2^29 */
    for (int32_t size = 2; size <= FFT_COMPLEX; size <<= 1) {
        exponent += shift;
        or_bits = stage(size, shift, bounded, re, im, cos_t, sin_t, &overflows);
        shift = shift_for(or_bits, STAGE_INPUT_BITS);
        bounded = or_bits <= INT32_MAX;
    }
    shift = shift_for(or_bits, SPLIT_INPUT_BITS);
    exponent += shift - 1;
    if (or_bits < ((int64_t)1 << 30) && first >= 1 && last <= FFT_COMPLEX - 1) {
        uint32_t split_or;
        if (shift == 0) split_or = split_bounded(power, first, last, 0, re, im, cos_t, sin_t);
        else if (shift == 1) split_or = split_bounded(power, first, last, 1, re, im, cos_t, sin_t);
        else split_or = split_bounded(power, first, last, 2, re, im, cos_t, sin_t);
        if (split_or > INT32_MAX) overflows++;
    } else {
        split(power, first, last, shift, re, im, cos_t, sin_t, &overflows);
    }

    int32_t base_exponent = (int32_t)((uint32_t)(exponent - WINDOW_FRACTION_BITS) << 1) - WEIGHT_FRACTION_BITS;
    for (int32_t m = 0; m < channels; m++) {
        int32_t start = mel_start[m], end = start + mel_length[m], w = mel_offset[m];
        int64_t or_power = 0;
        for (int32_t k = start; k < end; k++) or_power |= power[k];
        int32_t s = 63 - leading_zeros64((uint64_t)or_power) - (POWER_BITS - 1);
        if (s < 0) s = 0;
        int64_t energy = or_power >= 0 ? mel_energy(power, start, end, mel_weights + w, s) : mel_energy_general(power, start, end, mel_weights + w, s);
        out[m] = log2_q8(energy, base_exponent + s, log2_table);
    }
    return overflows;
}

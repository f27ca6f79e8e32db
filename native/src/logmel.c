/* One log-mel frame exactly as LogMelFrontend.ComputeFrame: Hann window by one high-word multiply per
 * sample (Q31), 256-point complex FFT in four radix-4 passes with Q31 twiddles and block floating point,
 * the real-input split (BlockFloatRealFft), per-channel 32-bit power and mel sums and round(256 log2 E)
 * (MelLogCompressor). The bounds are proven there; every shift and rounding is as there. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define FFT_COMPLEX 256
#define PASS_INPUT_BITS 29   /* |v| <= 2^29 before a pass: 4v fits int32 */
#define PASS_SHIFT_BASE 27   /* a pass narrows by max(0, b - 27) bits */
#define PASS_OUTPUT_BITS 30  /* proven bound of a pass output */
#define COMPONENT_BITS 13    /* per channel |v| <= 2^13, so |X|^2 <= 2^27 */
#define WEIGHT_TO_Q32 17

/* High word of the 64-bit product: one mulh on rv32. */
static inline int32_t mul_high(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * b) >> 32); }
static inline uint32_t mul_high_u(uint32_t a, uint32_t b) { return (uint32_t)(((uint64_t)a * b) >> 32); }
static inline uint32_t magnitude_bits(int32_t v) { return (uint32_t)(v ^ (v >> 31)); }

/* BlockFloatRealFft.Bits: 0 for 0, else msb + 1. */
static inline int32_t bits_of(uint32_t v) { return 32 - leading_zeros32(v); }

/* The pair (floor((a + c + half) / 2^sh), floor((a - c + half) / 2^sh)), a butterfly's two outputs from the
 * same a and c, for sh = 0, 1, 2 (a constant; sh = max(0, b - 27) for the pass input's b bits), with the
 * rounding half = 2^sh / 2 already in a (the butterfly adds it to x0, which is in every a).
 * sh = 0 (b <= 27) and sh = 1 (b = 28): |x| <= 2^b and |T| <= sqrt(2) 2^b + 1 bound |a +- c| by
 * (1 + 3 sqrt(2)) 2^b + 4 <= 5.25 2^28 + 4 < 2^31 - 1, so the sums fit int32 as they are.
 * sh = 2 (b = 29): the sums may need 33 bits; f = floor((a + c) / 2) = (a & c) + ((a ^ c) >> 1) does not,
 * floor((a + c) / 4) = floor(f / 2), and a - c = 2a - (a + c) gives floor((a - c) / 2) = a - f - p with
 * p = (a ^ c) & 1, the parity of a + c. */
#define NARROW_PAIR(a, c, sh, lo, hi)                                                    \
    do {                                                                                \
        if ((sh) == 0) {                                                                \
            (lo) = (a) + (c); (hi) = (a) - (c);                                         \
        } else if ((sh) == 1) {                                                         \
            (lo) = ((a) + (c)) >> 1; (hi) = ((a) - (c)) >> 1;                           \
        } else {                                                                        \
            int32_t x_ = (a) ^ (c), f_ = ((a) & (c)) + (x_ >> 1);                       \
            (lo) = f_ >> 1; (hi) = ((a) - f_ - (x_ & 1)) >> 1;                          \
        }                                                                               \
    } while (0)

/* BlockFloatRealFft.TwiddleReal / TwiddleImaginary: W = c - i s (Q31) times x, |x| <= 2^29. */
#define TWIDDLE(xr, xi, c, s, tr, ti)                                                   \
    do {                                                                                \
        int32_t xr4_ = (int32_t)((uint32_t)(xr) << 2), xi4_ = (int32_t)((uint32_t)(xi) << 2); \
        (tr) = (mul_high(xr4_, c) + mul_high(xi4_, s) + 1) >> 1;                        \
        (ti) = (mul_high(xi4_, c) - mul_high(xr4_, s) + 1) >> 1;                        \
    } while (0)

/* One radix-4 butterfly of BlockFloatRealFft.Pass on x0 = (pr[0], pi[0]) and the twiddled t1..t3, its outputs
 * narrowed by sh into pr/pi[0, q, 2q, 3q]; returns their magnitude OR. */
static inline __attribute__((always_inline)) uint32_t butterfly(int32_t *pr, int32_t *pi, const int32_t q, const int32_t sh,
                                                                int32_t t1r, int32_t t1i, int32_t t2r, int32_t t2i,
                                                                int32_t t3r, int32_t t3i)
{
    int32_t x0r = pr[0] + ((1 << sh) >> 1), x0i = pi[0] + ((1 << sh) >> 1);   /* the rounding half (NARROW_PAIR) */
    int32_t ar = x0r + t1r, ai = x0i + t1i, br = x0r - t1r, bi = x0i - t1i;
    int32_t cr = t2r + t3r, ci = t2i + t3i, dr = t2r - t3r, di = t2i - t3i;
    int32_t v0, v1, v2, v3, v4, v5, v6, v7;
    NARROW_PAIR(ar, cr, sh, v0, v4);
    NARROW_PAIR(ai, ci, sh, v1, v5);
    NARROW_PAIR(br, di, sh, v2, v6);
    NARROW_PAIR(bi, dr, sh, v7, v3);
    pr[0] = v0; pi[0] = v1; pr[q] = v2; pi[q] = v3; pr[2 * q] = v4; pi[2 * q] = v5; pr[3 * q] = v6; pi[3 * q] = v7;
    return magnitude_bits(v0) | magnitude_bits(v1) | magnitude_bits(v2) | magnitude_bits(v3)
         | magnitude_bits(v4) | magnitude_bits(v5) | magnitude_bits(v6) | magnitude_bits(v7);
}

/* BlockFloatRealFft.Pass with q and sh constants; returns the magnitude OR of the outputs. */
static inline __attribute__((always_inline)) uint32_t pass(const int32_t q, const int32_t sh, int32_t *re, int32_t *im,
                                                           const int32_t *cos_t, const int32_t *sin_t)
{
    const int32_t step = 128 / q;
    uint32_t or_bits = 0;
    for (int32_t j = 0; j < q; j++) {
        int32_t c1 = cos_t[2 * j * step], s1 = sin_t[2 * j * step], c2 = cos_t[j * step], s2 = sin_t[j * step];
        int32_t c3 = cos_t[3 * j * step], s3 = sin_t[3 * j * step];
        for (int32_t i = j; i < FFT_COMPLEX; i += 4 * q) {
            int32_t *pr = re + i, *pi = im + i;
            int32_t t1r, t1i, t2r, t2i, t3r, t3i;
            if (j == 0) {
                t1r = pr[q]; t1i = pi[q]; t2r = pr[2 * q]; t2i = pi[2 * q]; t3r = pr[3 * q]; t3i = pi[3 * q];
            } else {
                TWIDDLE(pr[q], pi[q], c1, s1, t1r, t1i);
                TWIDDLE(pr[2 * q], pi[2 * q], c2, s2, t2r, t2i);
                TWIDDLE(pr[3 * q], pi[3 * q], c3, s3, t3r, t3i);
            }
            or_bits |= butterfly(pr, pi, q, sh, t1r, t1i, t2r, t2i, t3r, t3i);
        }
    }
    return or_bits;
}

/* The same pass for q >= 16 with the groups outside and the twiddles inside, so the inner loop walks
 * contiguous data (and vectorises where it can). W = 1 (j = 0) takes the general product: with c = 2^31 - 1
 * and s = 0, (mulh(4x, c) + 1) >> 1 = x exactly (floor(2x - 4x / 2^32) is 2x - 1 for x > 0 and 2x for
 * x <= 0), as the special case gives. */
static inline __attribute__((always_inline)) uint32_t pass_groups(const int32_t q, const int32_t sh, int32_t *re, int32_t *im,
                                                                  const int32_t *cos_t, const int32_t *sin_t)
{
    const int32_t step = 128 / q;
    uint32_t or_bits = 0;
    for (int32_t g = 0; g < FFT_COMPLEX; g += 4 * q) {
        int32_t *pr = re + g, *pi = im + g;
        for (int32_t j = 0; j < q; j++) {
            int32_t c1 = cos_t[2 * j * step], s1 = sin_t[2 * j * step], c2 = cos_t[j * step], s2 = sin_t[j * step];
            int32_t c3 = cos_t[3 * j * step], s3 = sin_t[3 * j * step];
            int32_t t1r, t1i, t2r, t2i, t3r, t3i;
            TWIDDLE(pr[j + q], pi[j + q], c1, s1, t1r, t1i);
            TWIDDLE(pr[j + 2 * q], pi[j + 2 * q], c2, s2, t2r, t2i);
            TWIDDLE(pr[j + 3 * q], pi[j + 3 * q], c3, s3, t3r, t3i);
            or_bits |= butterfly(pr + j, pi + j, q, sh, t1r, t1i, t2r, t2i, t3r, t3i);
        }
    }
    return or_bits;
}

#define GROUP_CASES(Q)                                                                 \
    case Q:                                                                            \
        return sh == 0 ? pass_groups(Q, 0, re, im, cos_t, sin_t)                       \
             : sh == 1 ? pass_groups(Q, 1, re, im, cos_t, sin_t) : pass_groups(Q, 2, re, im, cos_t, sin_t);

#define PASS_CASES(Q)                                                                  \
    case Q:                                                                            \
        return sh == 0 ? pass(Q, 0, re, im, cos_t, sin_t)                              \
             : sh == 1 ? pass(Q, 1, re, im, cos_t, sin_t) : pass(Q, 2, re, im, cos_t, sin_t);

/* The late passes loop over groups inside where registers are 64-bit (contiguous data, which the compiler
 * vectorises); on rv32 over twiddles outside, each twiddle loaded once per j instead of once per group. */
#if EASR_WIDE_HOST
#define LATE_CASES GROUP_CASES
#else
#define LATE_CASES PASS_CASES
#endif

EASR_HOT static uint32_t pass_any(int32_t q, int32_t sh, int32_t *re, int32_t *im, const int32_t *cos_t, const int32_t *sin_t)
{
    switch (q) {
    PASS_CASES(1)
    PASS_CASES(4)
    LATE_CASES(16)
    default: LATE_CASES(64)
    }
}

/* BlockFloatRealFft.ShiftBlock: right by s (rounding); returns the new magnitude OR. */
static uint32_t shift_block(int32_t s, int32_t *re, int32_t *im)
{
    int32_t half = 1 << (s - 1);
    uint32_t or_bits = 0;
    for (int32_t k = 0; k < FFT_COMPLEX; k++) {
        re[k] = (re[k] + half) >> s;
        im[k] = (im[k] + half) >> s;
        or_bits |= magnitude_bits(re[k]) | magnitude_bits(im[k]);
    }
    return or_bits;
}

/* floor((u + v + 1) / 2) for u + v up to 33 bits. */
#if EASR_WIDE_HOST
#define HALF_ROUND(u, v) ((int32_t)(((int64_t)(u) + (v) + 1) >> 1))
#else
#define HALF_ROUND(u, v) (((u) & (v)) + (((u) ^ (v)) >> 1) + (((u) ^ (v)) & 1))
#endif

/* floor((x c + sign y s + 2^30) / 2^31) exactly (sign = +1 or -1, a constant). On rv32 from 32-bit words: 2x
 * and 2y fit int32 (the split input has at most 29 bits: -2^30 < br < 2^30 and -2^30 <= bi < 2^30), so the
 * value is the high word of Q + 2^31 with Q = 2x c + sign 2y s, i.e. hi(Q) + (lo(Q) >> 31), and hi(Q) is
 * the two products' high words with the carry (or borrow) of their low words. */
static inline __attribute__((always_inline)) int32_t round_q31_sum(int32_t x, int32_t y, int32_t c, int32_t s, const int32_t sign)
{
#if EASR_WIDE_HOST
    return (int32_t)(((int64_t)c * x + sign * ((int64_t)s * y) + ((int64_t)1 << 30)) >> 31);
#else
    uint32_t x2 = (uint32_t)x << 1, y2 = (uint32_t)y << 1;
    uint32_t l1 = x2 * (uint32_t)c, l2 = y2 * (uint32_t)s;
    int32_t h1 = mul_high((int32_t)x2, c), h2 = mul_high((int32_t)y2, s);
    if (sign > 0) {
        uint32_t lo = l1 + l2;
        return h1 + h2 + (int32_t)(lo < l1) + (int32_t)(lo >> 31);
    }
    uint32_t lo = l1 - l2;
    return h1 - h2 - (int32_t)(l1 < l2) + (int32_t)(lo >> 31);
#endif
}

/* BlockFloatRealFft.Split, in place; also the magnitude OR of every bin for the mel stage. V = W^k B is
 * rounded from its exact 64-bit sum (as the C#), on rv32 from the words of the two products. The second
 * bin of a pair from the first: with p the parity of ar + vi (= that of ar - vi), floor((ar + vi + 1) / 2)
 * + floor((ar - vi + 1) / 2) = ar + p, and floor((-ai - vr + 1) / 2) = floor((ai - vr + 1) / 2) - ai.
 * SPLIT_PAIR is one pair of bins (k, 256 - k). */
#define SPLIT_PAIR(k)                                                                                              \
    do {                                                                                                           \
        int32_t p_ = (k), q_ = FFT_COMPLEX - (k);                                                                  \
        int32_t rp = re[p_], ip = im[p_], rq = re[q_], iq = im[q_];                                                \
        int32_t ar = rp + rq, ai = ip - iq, br = rp - rq, bi = ip + iq;                                            \
        int32_t vr = round_q31_sum(br, bi, cos_t[k], sin_t[k], 1);                                                \
        int32_t vi = round_q31_sum(bi, br, cos_t[k], sin_t[k], -1);                                               \
        int32_t xr = HALF_ROUND(ar, vi), xi = HALF_ROUND(ai, -vr);                                                 \
        int32_t yr = ar - xr + ((ar ^ vi) & 1), yi = xi - ai;                                                      \
        re[p_] = xr; im[p_] = xi; mag[p_] = magnitude_bits(xr) | magnitude_bits(xi);                              \
        re[q_] = yr; im[q_] = yi; mag[q_] = magnitude_bits(yr) | magnitude_bits(yi);                              \
    } while (0)

EASR_HOT static void split(int32_t *__restrict re, int32_t *__restrict im, uint32_t *__restrict mag, const int32_t *cos_t, const int32_t *sin_t)
{
    for (int32_t k = 1; k < FFT_COMPLEX / 2; k++) SPLIT_PAIR(k);   /* bins 1..127 and 129..255: no overlap */
    SPLIT_PAIR(FFT_COMPLEX / 2);
}

/* MelLogCompressor.Log2Q8 for a 32-bit value (the same numbers as the C#'s 64-bit form). */
static int16_t log2_q8(uint32_t value, int32_t exponent, const int32_t *table)
{
    if (value == 0) return 0;
    int32_t lz = leading_zeros32(value);
    uint32_t m = value << lz;
    int32_t index = (int32_t)(m >> 24) & 127;
    int32_t fraction = (int32_t)(m >> 8) & 0xFFFF;
    int32_t t0 = table[index];
    int32_t mantissa = t0 + (((table[index + 1] - t0) * fraction + 32768) >> 16);
    int32_t log2_q16 = (int32_t)((uint32_t)(31 - lz + exponent) << 16) + mantissa;
    int32_t q8 = (log2_q16 + 128) >> 8;
    if (q8 < 0) return 0;
    if (q8 > 32767) return 32767;
    return (int16_t)q8;
}

EASR_HOT int32_t easr_logmel_frame_s16(const int16_t *window, int32_t window_length, const int32_t *hann, const int32_t *cos_t,
                                       const int32_t *sin_t, const int32_t *bitrev, const int16_t *mel_start,
                                       const int16_t *mel_length, const int16_t *mel_offset, const int16_t *mel_weights,
                                       int32_t channels, const int32_t *log2_table, int32_t *re, int32_t *im, int32_t *magnitude,
                                       int16_t *out)
{
    int32_t overflows = 0;
    uint32_t *mag = (uint32_t *)magnitude;
    /* Window: u = x 2^L in [-2^31, 2^31), y = round(u hann / 2^34) <= 2^28, in bit-reversed order. */
    uint32_t orx = 0;
    for (int32_t n = 0; n < window_length; n++) orx |= magnitude_bits(window[n]);
    int32_t b = bits_of(orx), left = b == 0 ? 0 : 31 - b;
    uint32_t or_bits = 0;
    int32_t pairs = window_length >> 1;
    for (int32_t z = 0; z < pairs; z++) {
        int32_t at = bitrev[z];
        int32_t yr = (mul_high((int32_t)((uint32_t)window[2 * z] << left), hann[2 * z]) + 2) >> 2;
        int32_t yi = (mul_high((int32_t)((uint32_t)window[2 * z + 1] << left), hann[2 * z + 1]) + 2) >> 2;
        re[at] = yr;
        im[at] = yi;
        or_bits |= magnitude_bits(yr) | magnitude_bits(yi);
    }
    for (int32_t z = pairs; z < FFT_COMPLEX; z++) {
        re[bitrev[z]] = 0;
        im[bitrev[z]] = 0;
    }
    int32_t exponent = 3 - left;
    for (int32_t q = 1; q < FFT_COMPLEX; q <<= 2) {
        b = bits_of(or_bits);
        if (b > PASS_INPUT_BITS) {
            exponent += b - PASS_INPUT_BITS;
            b = bits_of(shift_block(b - PASS_INPUT_BITS, re, im));
        }
        int32_t sh = b > PASS_SHIFT_BASE ? b - PASS_SHIFT_BASE : 0;
        exponent += sh;
        or_bits = pass_any(q, sh, re, im, cos_t, sin_t);
        if (bits_of(or_bits) > PASS_OUTPUT_BITS) overflows++;
    }
    int32_t s = bits_of(or_bits) - PASS_INPUT_BITS;
    if (s > 0) {
        exponent += s;
        shift_block(s, re, im);
    }
    split(re, im, mag, cos_t, sin_t);

    for (int32_t m = 0; m < channels; m++) {
        int32_t start = mel_start[m], end = start + mel_length[m];
        uint32_t om = 0;
        for (int32_t k = start; k < end; k++) om |= mag[k];
        int32_t shift = bits_of(om) - COMPONENT_BITS;
        if (shift < 0) shift = 0;
        int32_t half = (1 << shift) >> 1;
        const int16_t *w = mel_weights + mel_offset[m];
        uint32_t energy = 0;
        for (int32_t k = start; k < end; k++) {
            int32_t r = (re[k] + half) >> shift, i = (im[k] + half) >> shift;
            energy += mul_high_u((uint32_t)(r * r + i * i), (uint32_t)*w++ << WEIGHT_TO_Q32);
        }
        out[m] = log2_q8(energy, (int32_t)((uint32_t)(exponent + shift) << 1), log2_table);
    }
    return overflows;
}

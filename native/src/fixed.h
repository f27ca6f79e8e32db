/* The integer primitives of kernels/FixedPoint/Fixed.cs with C#'s semantics: 64-bit arithmetic
 * wraps (done in uint64_t, so C never meets signed overflow), shift counts are masked like C#'s
 * (& 63 for 64-bit, & 31 for 32-bit), right shifts of negatives are arithmetic, division truncates. */
#ifndef EASR_FIXED_H
#define EASR_FIXED_H
#include <stdint.h>

/* 64-bit registers: there a plain int64 expression is cheaper than the 32-bit word arithmetic some
 * kernels use for rv32 (both give the same numbers; the word forms are replayed on rv32 by bench). */
#if defined(__x86_64__) || defined(__aarch64__) || defined(_M_X64) || defined(_M_ARM64)
#define EASR_WIDE_HOST 1
#else
#define EASR_WIDE_HOST 0
#endif

/* The desktop library's hot kernels also compiled for x86-64-v3 (AVX2, BMI2), picked at load time by
 * the CPU (GCC's target_clones, an ELF ifunc): faster on the machines that have it, the baseline build
 * everywhere else, so the library stays portable. The same C, so the same numbers. */
#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__) && !defined(__clang__)
#define EASR_HOT __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define EASR_HOT
#endif

static inline int64_t w_add(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static inline int64_t w_sub(int64_t a, int64_t b) { return (int64_t)((uint64_t)a - (uint64_t)b); }
static inline int64_t w_mul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static inline int64_t w_neg(int64_t a) { return (int64_t)(0 - (uint64_t)a); }
static inline int64_t shl64(int64_t x, int32_t n) { return (int64_t)((uint64_t)x << (n & 63)); }
static inline int64_t sar64(int64_t x, int32_t n) { return x >> (n & 63); }
static inline int32_t sar32(int32_t x, int32_t n) { return x >> (n & 31); }

static inline int16_t sat16_64(int64_t x)
{
    if (x > 32767) return 32767;
    if (x < -32768) return -32768;
    return (int16_t)x;
}

/* sat16 of an int64 as an int32 (no narrowing until the store). */
static inline int32_t sat16_64_wide(int64_t x)
{
    if (x > 32767) return 32767;
    if (x < -32768) return -32768;
    return (int32_t)x;
}

static inline int16_t sat16_32(int32_t x)
{
    if (x > 32767) return 32767;
    if (x < -32768) return -32768;
    return (int16_t)x;
}

/* sat16 of an int32 as an int32 (stored with a plain halfword store): one unsigned compare in range. */
static inline int32_t clamp16(int32_t x)
{
    if ((uint32_t)x + 32768u > 65535u) x = (x >> 31) ^ 32767;
    return x;
}

/* Fixed.RoundShift(long, int): half away from zero. */
static inline int64_t round_shift64(int64_t x, int32_t shift)
{
    if (shift <= 0) return x;
    int64_t half = shl64(1, shift - 1);
    return x >= 0 ? sar64(w_add(x, half), shift) : w_neg(sar64(w_add(w_neg(x), half), shift));
}

/* Fixed.ScalePow2: rounding right shift, or an exact left shift for a negative count. */
static inline int64_t scale_pow2(int64_t x, int32_t shift)
{
    if (shift >= 0) return round_shift64(x, shift);
    return shl64(x, -shift);
}

static inline int32_t leading_zeros64(uint64_t x)
{
    if (x == 0) return 64;
#if defined(__GNUC__)
    return __builtin_clzll(x);
#else
    int32_t n = 0;
    while (!(x & 0x8000000000000000ull)) { x <<= 1; n++; }
    return n;
#endif
}

/* Leading zeros of a 32-bit word (32 for 0): the instruction where the host has one; on rv32imc, which has
 * none, by halving, without the 64-bit library call __builtin_clzll becomes there. */
static inline int32_t leading_zeros32(uint32_t v)
{
    if (v == 0) return 32;
#if EASR_WIDE_HOST && defined(__GNUC__)
    return __builtin_clz(v);
#else
    int32_t n = 0;
    if ((v >> 16) == 0) { n += 16; v <<= 16; }
    if ((v >> 24) == 0) { n += 8; v <<= 8; }
    if ((v >> 28) == 0) { n += 4; v <<= 4; }
    if ((v >> 30) == 0) { n += 2; v <<= 2; }
    if ((v >> 31) == 0) n += 1;
    return n;
#endif
}

/* leading_zeros64 by halving on 32-bit words: on rv32 without a clz instruction, about half the
 * instructions of the library call __builtin_clzll becomes (LayerNorm and Softmax, once per row). */
static inline int32_t leading_zeros64_nz(uint64_t x)
{
    if (x == 0) return 64;
    uint32_t hi = (uint32_t)(x >> 32), v = hi != 0 ? hi : (uint32_t)x;
    int32_t n = hi != 0 ? 0 : 32;
    if ((v >> 16) == 0) { n += 16; v <<= 16; }
    if ((v >> 24) == 0) { n += 8; v <<= 8; }
    if ((v >> 28) == 0) { n += 4; v <<= 4; }
    if ((v >> 30) == 0) { n += 2; v <<= 2; }
    if ((v >> 31) == 0) n += 1;
    return n;
}

/* Fixed.DivRound (den > 0). */
static inline int64_t div_round(int64_t num, int64_t den)
{
    int64_t half = den >> 1;
    return num >= 0 ? w_add(num, half) / den : w_neg(w_add(w_neg(num), half) / den);
}

/* x / 2^shift rounded half away from zero for 32-bit x and 1 <= shift <= 31: the sums below
 * are unsigned and below 2^32, so this equals round_shift64 without 64-bit arithmetic. */
static inline int32_t round_shift32(int32_t x, int32_t shift)
{
    uint32_t half = 1u << (shift - 1);
#if EASR_WIDE_HOST
    /* Without a branch on the sign (which a desktop CPU mispredicts on audio): the rounded magnitude, signed back. */
    uint32_t sign = (uint32_t)(x >> 31);
    uint32_t r = ((((uint32_t)x ^ sign) - sign) + half) >> shift;
    return (int32_t)((r ^ sign) - sign);
#else
    if (x >= 0) return (int32_t)(((uint32_t)x + half) >> shift);
    return -(int32_t)(((0u - (uint32_t)x) + half) >> shift);
#endif
}

/* scale_pow2 of a 32-bit value when the result is known to fit 32 bits (shift in [-31, 31]). */
static inline int64_t scale_pow2_32(int32_t x, int32_t shift)
{
    if (shift > 0 && shift < 32) return round_shift32(x, shift);
    return scale_pow2(x, shift);
}

int16_t easr_requantize_slow(int64_t acc, int32_t multiplier, int32_t shift);

/* Fixed.Requantize of an accumulator in [-(2^31 - 1), 2^31 - 1] (shift in [1, 62]): one 32 x 32 -> 64 product. */
static inline int16_t easr_requantize32(int32_t acc, int32_t multiplier, int32_t shift)
{
    /* |p| < 2^62, so t below cannot overflow. Rounding half away from zero is
     * floor((p + half - [p < 0]) / 2^shift), and for shift >= 32 that floor is the high word's. */
    int64_t p = (int64_t)acc * multiplier;
    if (shift >= 33) {
        /* half = 2^(shift-1) lies in the high word; subtracting [p < 0] borrows from it only when the low word is 0. */
        int32_t hi = (int32_t)(p >> 32) + (1 << (shift - 33)) - (p < 0 && (uint32_t)p == 0);
        return sat16_64(hi >> (shift - 32));
    }
    int64_t t = p + ((int64_t)1 << (shift - 1)) - (p < 0);
    if (shift == 32) return sat16_64((int32_t)(t >> 32));
    return sat16_64(t >> shift);
}

/* Fixed.Requantize; the common accumulator of at most 31 bits takes the 32-bit path. */
static inline int16_t easr_requantize_inline(int64_t acc, int32_t multiplier, int32_t shift)
{
    if (acc <= INT32_MAX && acc >= -INT32_MAX) return easr_requantize32((int32_t)acc, multiplier, shift);
    return easr_requantize_slow(acc, multiplier, shift);
}

/* Fixed.Requantize(bias + sum): the int32 sum when it neither overflows nor is -2^31 (the
 * 32-bit path's one excluded value), else the exact int64 sum through the general path. */
static inline int16_t easr_requantize_sum(int32_t bias, int32_t sum, int32_t multiplier, int32_t shift)
{
    uint32_t t = (uint32_t)bias + (uint32_t)sum;
    /* Signed overflow iff both operands' signs differ from the wrapped sum's. */
    if (((((uint32_t)bias ^ t) & ((uint32_t)sum ^ t)) >> 31) == 0 && t != 0x80000000u)
        return easr_requantize32((int32_t)t, multiplier, shift);
    return easr_requantize_slow((int64_t)bias + sum, multiplier, shift);
}

/* Fixed.Requantize(acc, m, s) before saturation, with one 32 x 32 -> high-word product, for an int32 acc other
 * than -2^31 when easr_requant_hi_ok(acc, m, s): ((acc | m) & 3) != 0 and 33 <= s <= 62. Proof: with p = acc m,
 * the reference is floor((p + 2^(s-1) - [p < 0]) / 2^s). The "- [p < 0]" changes that floor only if
 * p + 2^(s-1) is a multiple of 2^s, which needs 2^32 | p (s - 1 >= 32), so p != 0 and v2(acc) + v2(m) >= 32;
 * as |acc| < 2^31 and 0 < |m| < 2^31 each 2-adic valuation is at most 30, so both are at least 2:
 * (acc & 3) == (m & 3) == 0, which the condition excludes. So the result is floor((p + 2^(s-1)) / 2^s), by
 * nested floors ((hi >> (s - 33)) + 1) >> 1 with hi = floor(p / 2^32). |p| < 2^62: |hi| <= 2^30, nothing
 * overflows, and the result lies in [-2^29, 2^29]. */
static inline int32_t easr_requant_hi_ok(int32_t acc, int32_t multiplier, int32_t shift)
{
    return ((acc | multiplier) & 3) != 0 && (uint32_t)shift - 33u <= 29u;
}

static inline int32_t easr_requant_hi(int32_t acc, int32_t multiplier, int32_t shift)
{
    int32_t hi = (int32_t)(((int64_t)acc * multiplier) >> 32);
    return ((hi >> (shift - 33)) + 1) >> 1;
}

/* Fixed.Requantize(bias + acc) for |acc| <= max_acc < 2^31 (a channel's exact int32 sum): bias + acc in int32 when
 * |bias| <= 2^31 - 1 - max_acc (then not -2^31 either), by easr_requant_hi when it applies; else the checked paths. */
int32_t easr_requantize_bias_slow(int32_t bias, int32_t acc, int32_t multiplier, int32_t shift, uint32_t max_acc);

static inline int32_t easr_requantize_bias(int32_t bias, int32_t acc, int32_t multiplier, int32_t shift, uint32_t max_acc)
{
    uint32_t bound = 0x7FFFFFFFu - max_acc;
    int32_t t = (int32_t)((uint32_t)bias + (uint32_t)acc);     /* wraps only when the bound check fails (then unused) */
    if ((uint32_t)bias + bound <= 2 * bound && easr_requant_hi_ok(t, multiplier, shift))
        return clamp16(easr_requant_hi(t, multiplier, shift));
    return easr_requantize_bias_slow(bias, acc, multiplier, shift, max_acc);
}

/* Fixed.Requantize(bias + acc) for many accumulators of one channel, its parameters prepared once.
 * Valid (easr_channel_prepare returns 1) when shift is in [33, 62] and |bias| + max_acc < 2^31: the sum
 * is then an int32 other than -2^31 and easr_requantize32's shift >= 33 branch applies as is. */
typedef struct { int32_t bias, multiplier, round, shift; } easr_channel;

static inline int32_t easr_channel_prepare(easr_channel *ch, int32_t bias, int32_t multiplier, int32_t shift, int32_t max_acc)
{
    int64_t bound = (int64_t)(bias < 0 ? -(int64_t)bias : bias) + max_acc;
    if (shift < 33 || shift > 62 || bound > INT32_MAX) return 0;
    ch->bias = bias;
    ch->multiplier = multiplier;
    ch->round = 1 << (shift - 33);
    ch->shift = shift - 32;
    return 1;
}

static inline int16_t easr_channel_requantize(const easr_channel *ch, int32_t acc)
{
    int64_t p = (int64_t)(ch->bias + acc) * ch->multiplier;
    int32_t hi = (int32_t)(p >> 32) + ch->round - (p < 0 && (uint32_t)p == 0);
    return sat16_32(hi >> ch->shift);
}

#endif

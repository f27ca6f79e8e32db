/* The integer primitives of kernels/FixedPoint/Fixed.cs with C#'s semantics: 64-bit arithmetic
 * wraps (done in uint64_t, so C never meets signed overflow), shift counts are masked like C#'s
 * (& 63 for 64-bit, & 31 for 32-bit), right shifts of negatives are arithmetic, division truncates. */
#ifndef EASR_FIXED_H
#define EASR_FIXED_H
#include <stdint.h>

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

/* Fixed.DivRound (den > 0). */
static inline int64_t div_round(int64_t num, int64_t den)
{
    int64_t half = den >> 1;
    return num >= 0 ? w_add(num, half) / den : w_neg(w_add(w_neg(num), half) / den);
}

int16_t easr_requantize_inline(int64_t acc, int32_t multiplier, int32_t shift);

#endif

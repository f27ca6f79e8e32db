/* ResidualAdd.Process: both operands aligned exactly to the finest scale, one rounding. */
#include "edge_asr_kernels.h"
#include "fixed.h"

EASR_HOT void easr_residual_add_s16(const int16_t *a, const int16_t *b, int32_t width, int32_t shift_a, int32_t shift_b,
                           int32_t shift_out, int16_t *out)
{
    if (shift_a >= 0 && shift_a <= 14 && shift_b >= 0 && shift_b <= 14 && shift_out >= 1 && shift_out <= 31) {
        /* |a 2^shift_a|, |b 2^shift_b| <= 2^29: the exact sum is an int32 in [-2^30, 2^30), and half away from
         * zero is floor((sum + half - [sum < 0]) / 2^shift_out), with half <= 2^30 no overflow either. */
        int32_t half = (int32_t)(1u << (shift_out - 1));
        for (int32_t i = 0; i < width; i++) {
            int32_t sum = a[i] * (1 << shift_a) + b[i] * (1 << shift_b);
            out[i] = (int16_t)clamp16((sum + half + (sum >> 31)) >> shift_out);
        }
        return;
    }
    if (shift_a >= 0 && shift_a <= 15 && shift_b >= 0 && shift_b <= 15 && shift_out >= 0 && shift_out <= 31) {
        /* |a 2^shift_a|, |b 2^shift_b| <= 2^30, so the exact sum lies in [-2^31, 2^31 - 2]: int32, and
         * round_shift32 is round_shift64 there (shift_out 0: no rounding). */
        for (int32_t i = 0; i < width; i++) {
            int32_t sum = (int32_t)((uint32_t)a[i] << shift_a) + (int32_t)((uint32_t)b[i] << shift_b);
            out[i] = sat16_32(shift_out == 0 ? sum : round_shift32(sum, shift_out));
        }
        return;
    }
    for (int32_t i = 0; i < width; i++) {
        int64_t sum = w_add(shl64(a[i], shift_a), shl64(b[i], shift_b));
        out[i] = sat16_64(round_shift64(sum, shift_out));
    }
}

/* ResidualAdd.Process: both operands aligned exactly to the finest scale, one rounding. */
#include "edge_asr_kernels.h"
#include "fixed.h"

void easr_residual_add_s16(const int16_t *a, const int16_t *b, int32_t width, int32_t shift_a, int32_t shift_b,
                           int32_t shift_out, int16_t *out)
{
    for (int32_t i = 0; i < width; i++) {
        int64_t sum = w_add(shl64(a[i], shift_a), shl64(b[i], shift_b));
        out[i] = sat16_64(round_shift64(sum, shift_out));
    }
}

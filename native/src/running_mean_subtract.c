/* RunningMeanSubtractS16.Process: each channel's running mean of the log-mel input, subtracted from it. */
#include "edge_asr_kernels.h"
#include "fixed.h"

int32_t easr_running_mean_subtract_s16(const int16_t *in, int32_t *means, int32_t channels, int32_t shift, int32_t first,
                                       int16_t *out)
{
    if (shift < 1 || shift > 8) return -1;
    for (int32_t c = 0; c < channels; c++) {
        /* Range: |x 2^8| <= 2^23. A mean starts at x 2^8 and each update adds round(d 2^-shift), which for shift >= 1
         * has d's sign and at most d's magnitude, so m stays between the inputs' extremes, in [-2^23, 32767 2^8], and
         * d = x 2^8 - m lies in (-2^24, 2^24): nothing overflows. d and m + step are computed in uint32 anyway, so a
         * caller's mean outside that range wraps as C#'s unchecked int arithmetic does (bit for bit), never C's UB. */
        int32_t scaled = in[c] * 256;
        int32_t m = scaled;
        if (!first) {
            int32_t d = (int32_t)((uint32_t)scaled - (uint32_t)means[c]);
            m = (int32_t)((uint32_t)means[c] + (uint32_t)round_shift32(d, shift));
        }
        means[c] = m;
        /* Fixed.RoundShift(m, 8) (half away from zero) is within 2^23 for any int32 m, so x minus it is an int32; then sat16. */
        out[c] = (int16_t)clamp16(in[c] - round_shift32(m, 8));
    }
    return 0;
}

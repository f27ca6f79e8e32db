/* Fixed.Requantize: sat16(round(acc * multiplier / 2^shift)); an accumulator wider than 31 bits
 * is pre-rounded right by its excess bits first so the 64-bit product cannot overflow. */
#include "edge_asr_kernels.h"
#include "fixed.h"

int16_t easr_requantize_slow(int64_t acc, int32_t multiplier, int32_t shift)
{
    int32_t excess = 0;
    int64_t mag = acc >= 0 ? acc : w_neg(acc);
    while (sar64(mag, excess) > INT32_MAX && excess < shift) excess++;
    if (excess > 0) {
        acc = round_shift64(acc, excess);
        shift -= excess;
        if (acc > INT32_MAX || acc < -(int64_t)INT32_MAX) return acc > 0 ? 32767 : -32768;
    }
    return sat16_64(round_shift64(w_mul(acc, multiplier), shift));
}

/* easr_requantize_bias's other cases, out of line so its fast path stays short. */
int32_t easr_requantize_bias_slow(int32_t bias, int32_t acc, int32_t multiplier, int32_t shift, uint32_t max_acc)
{
    uint32_t bound = 0x7FFFFFFFu - max_acc;
    if ((uint32_t)bias + bound <= 2 * bound) return easr_requantize32(bias + acc, multiplier, shift);
    return easr_requantize_sum(bias, acc, multiplier, shift);
}

int16_t easr_requantize(int64_t acc, int32_t multiplier, int32_t shift)
{
    return easr_requantize_inline(acc, multiplier, shift);
}

int32_t easr_abi_version(void) { return EASR_ABI_VERSION; }

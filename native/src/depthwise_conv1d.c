/* CausalDepthwiseConv1d.Process (compute only; the caller keeps the history ring):
 * y[c] = requant(sum_k W[c][k] * x_{t-K+1+k}[c] + b[c]), k = K-1 the current frame. */
#include "edge_asr_kernels.h"
#include "fixed.h"

EASR_HOT void easr_depthwise_conv1d_s8s16(const int16_t *in, const int16_t *history, int32_t oldest, int32_t channels,
                                 int32_t kernel, const int8_t *weights, const int32_t *bias,
                                 const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    int32_t slots = kernel - 1;
    for (int32_t c = 0; c < channels; c++) {
        const int8_t *w = weights + c * kernel;
        int32_t acc = 0;                      /* <= 256 * 128 * 32768 = 2^30 */
        const int16_t *h = history + oldest * channels + c;
        int32_t k = 0;
        int32_t first = slots - oldest;       /* slots oldest .. slots-1, then 0 .. oldest-1 */
        for (; k < first; k++, h += channels) acc += w[k] * *h;
        h = history + c;
        for (; k < slots; k++, h += channels) acc += w[k] * *h;
        acc += w[slots] * in[c];
        out[c] = easr_requantize_sum(bias[c], acc, multipliers[c], shifts[c]);
    }
}

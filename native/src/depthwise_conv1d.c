/* CausalDepthwiseConv1d.Process (compute only; the caller keeps the history ring):
 * y[c] = requant(sum_k W[c][k] * x_{t-K+1+k}[c] + b[c]), k = K-1 the current frame.
 * |acc| <= 256 * 128 * 32768 = 2^30 for the at most 256 taps C# allows: one int32 sum. */
#include "edge_asr_kernels.h"
#include "fixed.h"

/* Eight channels c0 .. c0+7 at once, taps outer: each tap's eight history values are adjacent (one pointer,
 * immediate offsets) and its eight weights a kernel apart (immediate offsets when kernel is a constant). */
static inline __attribute__((always_inline)) void group8(const int16_t *in, const int16_t *history, int32_t oldest,
                                                         int32_t channels, int32_t kernel, const int8_t *w, int32_t *acc)
{
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    int32_t slots = kernel - 1, slot = oldest;
    const int16_t *h = history + oldest * channels;
    for (int32_t k = 0; k <= slots; k++, w++) {
        if (k == slots) h = in;
        a0 += w[0] * h[0];
        a1 += w[kernel] * h[1];
        a2 += w[2 * kernel] * h[2];
        a3 += w[3 * kernel] * h[3];
        a4 += w[4 * kernel] * h[4];
        a5 += w[5 * kernel] * h[5];
        a6 += w[6 * kernel] * h[6];
        a7 += w[7 * kernel] * h[7];
        h += channels;
        if (++slot == slots) { slot = 0; h = history; }
    }
    acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5; acc[6] = a6; acc[7] = a7;
}

static void one_channel(const int16_t *in, const int16_t *history, int32_t oldest, int32_t channels, int32_t kernel,
                        const int8_t *w, int32_t c, int32_t *acc_out)
{
    int32_t slots = kernel - 1;
    int32_t acc = 0;
    const int16_t *h = history + oldest * channels + c;
    int32_t k = 0;
    int32_t first = slots - oldest;       /* slots oldest .. slots-1, then 0 .. oldest-1 */
    for (; k < first; k++, h += channels) acc += w[k] * *h;
    h = history + c;
    for (; k < slots; k++, h += channels) acc += w[k] * *h;
    acc += w[slots] * in[c];
    *acc_out = acc;
}

EASR_HOT void easr_depthwise_conv1d_s8s16(const int16_t *in, const int16_t *history, int32_t oldest, int32_t channels,
                                 int32_t kernel, const int8_t *weights, const int32_t *bias,
                                 const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    int32_t c = 0;
    int32_t acc[8];
    for (; c + 8 <= channels && kernel >= 2 && kernel <= 256; c += 8) {
        /* The default model's kernel (15) with constant weight offsets. */
        if (kernel == 15) group8(in + c, history + c, oldest, channels, 15, weights + c * 15, acc);
        else group8(in + c, history + c, oldest, channels, kernel, weights + c * kernel, acc);
        for (int32_t j = 0; j < 8; j++)
            out[c + j] = (int16_t)easr_requantize_bias(bias[c + j], acc[j], multipliers[c + j], shifts[c + j], 1u << 30);
    }
    for (; c < channels; c++) {
        int32_t a;
        one_channel(in, history, oldest, channels, kernel, weights + c * kernel, c, &a);
        out[c] = kernel <= 256 ? (int16_t)easr_requantize_bias(bias[c], a, multipliers[c], shifts[c], 1u << 30)
                               : easr_requantize_sum(bias[c], a, multipliers[c], shifts[c]);
    }
}

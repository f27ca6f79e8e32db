/* ConvSubsampling's two convolutions (the pointwise and output Linears are easr_linear_s8s16). */
#include "edge_asr_kernels.h"
#include "fixed.h"

/* One channel over the interior bins [1, last]: its nine weights in registers, its requantisation
 * prepared once (nine products: |acc| <= 9 * 2^22). */
EASR_HOT static void conv1_channel(const int16_t *mel2, const int16_t *mel1, const int16_t *mel, int32_t last, int32_t channels,
                          const int8_t *w, const easr_channel *ch, int16_t *out)
{
    int32_t w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6], w7 = w[7], w8 = w[8];
    const int16_t *p2 = mel2 + 1, *p1 = mel1 + 1, *p0 = mel + 1;    /* bin 2f - 1 for f = 1 */
    int16_t *o = out + channels;
    for (int32_t f = 1; f <= last; f++, p2 += 2, p1 += 2, p0 += 2, o += channels) {
        int32_t acc = w0 * p2[0] + w1 * p2[1] + w2 * p2[2] + w3 * p1[0] + w4 * p1[1] + w5 * p1[2]
                    + w6 * p0[0] + w7 * p0[1] + w8 * p0[2];
        int16_t y = easr_channel_requantize(ch, acc);
        *o = y < 0 ? 0 : y;
    }
}

/* Output bin f over every channel, with bounds checks (the edge bins, or any bin when a channel cannot
 * take the prepared path). */
static void conv1_bin(const int16_t *mel2, const int16_t *mel1, const int16_t *mel, int32_t mel_bins, int32_t f,
                      int32_t c, const int8_t *weights, const int32_t *bias, const int32_t *multipliers,
                      const int32_t *shifts, int16_t *out, int32_t channels)
{
    int32_t centre = 2 * f;
    const int8_t *w = weights + c * 9;
    int32_t acc = 0;
    for (int32_t kf = 0; kf < 3; kf++) {
        int32_t bin = centre - 1 + kf;
        if (bin < 0 || bin >= mel_bins) continue;
        acc += w[kf] * mel2[bin] + w[3 + kf] * mel1[bin] + w[6 + kf] * mel[bin];
    }
    int16_t y = easr_requantize_sum(bias[c], acc, multipliers[c], shifts[c]);
    out[f * channels + c] = y < 0 ? 0 : y;
}

EASR_HOT void easr_subsample_conv1_s8s16(const int16_t *mel2, const int16_t *mel1, const int16_t *mel, int32_t mel_bins,
                                int32_t bins1, int32_t channels, const int8_t *weights, const int32_t *bias,
                                const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    /* Interior bins: 1 <= f and 2f + 1 < mel_bins, so every tap is in range. */
    int32_t last = (mel_bins - 2) / 2;
    if (last > bins1 - 1) last = bins1 - 1;
    for (int32_t c = 0; c < channels; c++) {
        easr_channel ch;
        if (last >= 1 && easr_channel_prepare(&ch, bias[c], multipliers[c], shifts[c], 9 << 22)) {
            conv1_channel(mel2, mel1, mel, last, channels, weights + c * 9, &ch, out + c);
            conv1_bin(mel2, mel1, mel, mel_bins, 0, c, weights, bias, multipliers, shifts, out, channels);
            for (int32_t f = last + 1; f < bins1; f++) conv1_bin(mel2, mel1, mel, mel_bins, f, c, weights, bias, multipliers, shifts, out, channels);
        } else {
            for (int32_t f = 0; f < bins1; f++) conv1_bin(mel2, mel1, mel, mel_bins, f, c, weights, bias, multipliers, shifts, out, channels);
        }
    }
}

EASR_HOT void easr_subsample_depthwise_s8s16(const int16_t *older, const int16_t *old, const int16_t *now, int32_t bins1,
                                    int32_t bin2, int32_t channels, const int8_t *weights, const int32_t *bias,
                                    const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    int32_t centre = 2 * bin2;
    if (centre >= 1 && centre + 1 < bins1) {
        /* Inside the frequency range: nine taps, no bounds checks. */
        int32_t at = (centre - 1) * channels;
        const int16_t *p2 = older + at, *p1 = old + at, *p0 = now + at;
        const int8_t *w = weights;
        for (int32_t c = 0; c < channels; c++, w += 9) {
            int32_t acc = w[0] * p2[c] + w[1] * p2[c + channels] + w[2] * p2[c + 2 * channels]
                        + w[3] * p1[c] + w[4] * p1[c + channels] + w[5] * p1[c + 2 * channels]
                        + w[6] * p0[c] + w[7] * p0[c + channels] + w[8] * p0[c + 2 * channels];
            out[c] = easr_requantize_sum(bias[c], acc, multipliers[c], shifts[c]);
        }
        return;
    }
    for (int32_t c = 0; c < channels; c++) {
        const int8_t *w = weights + c * 9;
        int32_t acc = 0;
        for (int32_t kf = 0; kf < 3; kf++) {
            int32_t bin = centre - 1 + kf;
            if (bin < 0 || bin >= bins1) continue;
            int32_t at = bin * channels + c;
            acc += w[kf] * older[at] + w[3 + kf] * old[at] + w[6 + kf] * now[at];
        }
        out[c] = easr_requantize_sum(bias[c], acc, multipliers[c], shifts[c]);
    }
}

/* ConvSubsampling's two convolutions (the pointwise and output Linears are easr_linear_s8s16). */
#include "edge_asr_kernels.h"
#include "fixed.h"

void easr_subsample_conv1_s8s16(const int16_t *mel2, const int16_t *mel1, const int16_t *mel, int32_t mel_bins,
                                int32_t bins1, int32_t channels, const int8_t *weights, const int32_t *bias,
                                const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    for (int32_t f = 0; f < bins1; f++) {
        int32_t centre = 2 * f;
        int16_t *o = out + f * channels;
        if (centre >= 1 && centre + 1 < mel_bins) {
            /* Inside the frequency range: nine taps, no bounds checks. */
            const int16_t *p2 = mel2 + centre - 1, *p1 = mel1 + centre - 1, *p0 = mel + centre - 1;
            int32_t a0 = p2[0], a1 = p2[1], a2 = p2[2], b0 = p1[0], b1 = p1[1], b2 = p1[2], c0 = p0[0], c1 = p0[1], c2 = p0[2];
            const int8_t *w = weights;
            for (int32_t c = 0; c < channels; c++, w += 9) {
                int32_t acc = w[0] * a0 + w[1] * a1 + w[2] * a2 + w[3] * b0 + w[4] * b1 + w[5] * b2
                            + w[6] * c0 + w[7] * c1 + w[8] * c2;
                int16_t y = easr_requantize_sum(bias[c], acc, multipliers[c], shifts[c]);
                o[c] = y < 0 ? 0 : y;
            }
            continue;
        }
        for (int32_t c = 0; c < channels; c++) {
            const int8_t *w = weights + c * 9;
            int32_t acc = 0;
            for (int32_t kf = 0; kf < 3; kf++) {
                int32_t bin = centre - 1 + kf;
                if (bin < 0 || bin >= mel_bins) continue;
                acc += w[kf] * mel2[bin] + w[3 + kf] * mel1[bin] + w[6 + kf] * mel[bin];
            }
            int16_t y = easr_requantize_sum(bias[c], acc, multipliers[c], shifts[c]);
            o[c] = y < 0 ? 0 : y;
        }
    }
}

void easr_subsample_depthwise_s8s16(const int16_t *older, const int16_t *old, const int16_t *now, int32_t bins1,
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

/* ConvSubsampling's two convolutions (the pointwise and output Linears are easr_linear_s8s16). */
#include "edge_asr_kernels.h"
#include "fixed.h"

/* The ReLU'd requantisation of a positive-multiplier channel (relu_channel_ok): acc <= 0 gives 0 (the
 * requantiser is monotone and maps 0 to 0); acc > 0 has p = acc m > 0, where rounding half away from zero
 * is floor((p + 2^(s-1)) / 2^s) = ((hi >> (s - 33)) + 1) >> 1 with hi = floor(p / 2^32) (nested floors). */
static inline int32_t relu_requant(int32_t acc, int32_t multiplier, int32_t sh)
{
    if (acc <= 0) return 0;
    int32_t hi = (int32_t)(((int64_t)acc * multiplier) >> 32);
    int32_t y = ((hi >> sh) + 1) >> 1;
    return y > 32767 ? 32767 : y;
}

/* bias + nine products (|acc| <= 9 * 2^22) cannot overflow, the multiplier is positive, 33 <= shift <= 62. */
static inline int32_t relu_channel_ok(int32_t bias, int32_t multiplier, int32_t shift)
{
    return bias <= INT32_MAX - (9 << 22) && bias >= -(INT32_MAX - (9 << 22)) && multiplier > 0 && (uint32_t)shift - 33u <= 29u;
}

/* One channel over bins [0, last] (every tap inside [0, mel_bins) but bin 0's lower one, which is zero):
 * its nine weights in registers, the frequency window sliding two bins per step so each input column is
 * loaded once per channel (the column 2f + 1 of bin f is bin f + 1's first). */
EASR_HOT static void conv1_channel(const int16_t *mel2, const int16_t *mel1, const int16_t *mel, int32_t last, int32_t channels,
                          const int8_t *w, int32_t bias, int32_t multiplier, int32_t shift, int16_t *o)
{
    int32_t w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6], w7 = w[7], w8 = w[8];
    int32_t sh = shift - 33;
    int32_t a2 = 0, a1 = 0, a0 = 0;          /* column 2f - 1 (zero padding for f = 0) */
    const int16_t *p2 = mel2, *p1 = mel1, *p0 = mel;
    int32_t f = 0;
    for (; f + 1 <= last; f += 2, p2 += 4, p1 += 4, p0 += 4) {
        int32_t b2 = p2[0], b1 = p1[0], b0 = p0[0], c2 = p2[1], c1 = p1[1], c0 = p0[1];
        int32_t acc = bias + w0 * a2 + w1 * b2 + w2 * c2 + w3 * a1 + w4 * b1 + w5 * c1 + w6 * a0 + w7 * b0 + w8 * c0;
        *o = (int16_t)relu_requant(acc, multiplier, sh);
        o += channels;
        a2 = p2[2]; a1 = p1[2]; a0 = p0[2];
        acc = bias + w0 * c2 + w1 * a2 + w3 * c1 + w4 * a1 + w6 * c0 + w7 * a0;
        a2 = p2[3]; a1 = p1[3]; a0 = p0[3];
        acc += w2 * a2 + w5 * a1 + w8 * a0;
        *o = (int16_t)relu_requant(acc, multiplier, sh);
        o += channels;
    }
    if (f <= last) {
        int32_t b2 = p2[0], b1 = p1[0], b0 = p0[0], c2 = p2[1], c1 = p1[1], c0 = p0[1];
        int32_t acc = bias + w0 * a2 + w1 * b2 + w2 * c2 + w3 * a1 + w4 * b1 + w5 * c1 + w6 * a0 + w7 * b0 + w8 * c0;
        *o = (int16_t)relu_requant(acc, multiplier, sh);
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
    /* Bins [0, last] have 2f + 1 < mel_bins: every tap in range except bin 0's zero padding. */
    int32_t last = (mel_bins - 2) / 2;
    if (last > bins1 - 1) last = bins1 - 1;
    for (int32_t c = 0; c < channels; c++) {
        int32_t f = 0;
        if (last >= 0 && relu_channel_ok(bias[c], multipliers[c], shifts[c])) {
            conv1_channel(mel2, mel1, mel, last, channels, weights + c * 9, bias[c], multipliers[c], shifts[c], out + c);
            f = last + 1;
        }
        for (; f < bins1; f++) conv1_bin(mel2, mel1, mel, mel_bins, f, c, weights, bias, multipliers, shifts, out, channels);
    }
}

/* Stage 2 inside the frequency range, channel by channel: p2, p1, p0 at the lower bin; each channel's nine inputs
 * are a channel stride apart (immediate offsets when channels is a constant), its weights nine in a row. */
static inline __attribute__((always_inline)) void sdw_interior(const int16_t *p2, const int16_t *p1, const int16_t *p0,
                                                               int32_t channels, const int8_t *w, const int32_t *bias,
                                                               const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    for (int32_t c = 0; c < channels; c++, w += 9, p2++, p1++, p0++) {
        int32_t acc = w[0] * p2[0] + w[1] * p2[channels] + w[2] * p2[2 * channels]
                    + w[3] * p1[0] + w[4] * p1[channels] + w[5] * p1[2 * channels]
                    + w[6] * p0[0] + w[7] * p0[channels] + w[8] * p0[2 * channels];
        out[c] = (int16_t)easr_requantize_bias(bias[c], acc, multipliers[c], shifts[c], 9u << 22);
    }
}

EASR_HOT void easr_subsample_depthwise_s8s16(const int16_t *older, const int16_t *old, const int16_t *now, int32_t bins1,
                                    int32_t bin2, int32_t channels, const int8_t *weights, const int32_t *bias,
                                    const int32_t *multipliers, const int32_t *shifts, int16_t *out)
{
    int32_t centre = 2 * bin2;
    if (centre >= 1 && centre + 1 < bins1) {
        /* Inside the frequency range: nine taps, no bounds checks (the model's 32 channels with constant offsets). */
        int32_t at = (centre - 1) * channels;
        if (channels == 32) sdw_interior(older + at, old + at, now + at, 32, weights, bias, multipliers, shifts, out);
        else sdw_interior(older + at, old + at, now + at, channels, weights, bias, multipliers, shifts, out);
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

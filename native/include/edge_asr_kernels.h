/* Edge.Asr native kernels: C99 twins of the hot integer ops of kernels/ (C#), bit for bit.
 * Every buffer is passed by the caller (nothing is allocated, nothing is global); lookup tables
 * are passed too, so the C# tables (kernels/Ops/OpTables.cs) stay the single source of truth.
 * Names follow CMSIS-NN: the op, then the weight and activation types (S8 weights, S16 data).
 * Functions that can refuse their input return 0 on success and a negative code otherwise. */
#ifndef EDGE_ASR_KERNELS_H
#define EDGE_ASR_KERNELS_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define EASR_API __declspec(dllexport)
#else
#define EASR_API __attribute__((visibility("default")))
#endif

/* Version of this C API; the managed seam refuses a library of another version. */
#define EASR_ABI_VERSION 3
EASR_API int32_t easr_abi_version(void);

/* sat16(round(acc * multiplier / 2^shift)) exactly as Fixed.Requantize. */
EASR_API int16_t easr_requantize(int64_t acc, int32_t multiplier, int32_t shift);

/* sigma(x * 2^-frac_in) in Q15 (0..32768) exactly as SigmoidLookup.Q15. */
EASR_API int32_t easr_sigmoid_q15(int32_t x, int32_t frac_in, const int16_t *table);

/* Linear: out[o] = requant(sum_i W[o][i] * in[i] + bias[o]) (+ ReLU). */
EASR_API void easr_linear_s8s16(const int16_t *in, int32_t in_size, const int8_t *weights, const int32_t *bias,
                                const int32_t *multipliers, const int32_t *shifts, int16_t *out, int32_t out_size,
                                int32_t relu);

/* Causal depthwise conv over time, one frame; history is the ring of K-1 frames, oldest its slot. */
EASR_API void easr_depthwise_conv1d_s8s16(const int16_t *in, const int16_t *history, int32_t oldest, int32_t channels,
                                          int32_t kernel, const int8_t *weights, const int32_t *bias,
                                          const int32_t *multipliers, const int32_t *shifts, int16_t *out);

/* MAD-prenormalised LayerNorm over one row; y is scratch of width int32. Returns -1 if the
 * variance is not positive (the managed op throws there). */
EASR_API int32_t easr_layernorm_s16(const int16_t *in, int32_t width, const int16_t *gamma, const int32_t *beta,
                                    int32_t frac_in, int32_t out_shift, int64_t eps_q32, int32_t width_log2,
                                    int32_t *y, const int32_t *inv_sqrt_table, int16_t *out);

/* Softmax of one row to Q15; e is scratch of length int32. */
EASR_API void easr_softmax_s16(const int16_t *in, int32_t length, int32_t u_shift, int32_t *e,
                               const int32_t *exp2_table, const int32_t *reciprocal_table, int16_t *out);

/* Element-wise x * sigma(x), sigma(x), and the GLU a * sigma(b) over [a | b]. */
EASR_API void easr_swish_s16(const int16_t *in, int32_t width, int32_t frac_in, int32_t shift, const int16_t *table,
                             int16_t *out);
EASR_API void easr_sigmoid_s16(const int16_t *in, int32_t width, int32_t frac_in, const int16_t *table, int16_t *out);
EASR_API void easr_glu_s16(const int16_t *in, int32_t channels, int32_t frac_in, int32_t shift, const int16_t *table,
                           int16_t *out);

/* out = sat16(round((a << shift_a) + (b << shift_b), shift_out)). */
EASR_API void easr_residual_add_s16(const int16_t *a, const int16_t *b, int32_t width, int32_t shift_a,
                                    int32_t shift_b, int32_t shift_out, int16_t *out);

/* Subsampling stage 1: 3x3 conv 1 -> C over frames (mel2, mel1, mel), stride 2 in frequency, ReLU; out [bins1][C]. */
EASR_API void easr_subsample_conv1_s8s16(const int16_t *mel2, const int16_t *mel1, const int16_t *mel, int32_t mel_bins,
                                         int32_t bins1, int32_t channels, const int8_t *weights, const int32_t *bias,
                                         const int32_t *multipliers, const int32_t *shifts, int16_t *out);

/* Subsampling stage 2 for output bin bin2: depthwise 3x3 over (older, old, now) [bins1][C], stride 2 in frequency; out [C]. */
EASR_API void easr_subsample_depthwise_s8s16(const int16_t *older, const int16_t *old, const int16_t *now,
                                             int32_t bins1, int32_t bin2, int32_t channels, const int8_t *weights,
                                             const int32_t *bias, const int32_t *multipliers, const int32_t *shifts,
                                             int16_t *out);

/* Attention scores of one query head slice against count key sub-tokens (stride sub_dim). */
EASR_API void easr_attention_scores_s16(const int16_t *query, const int16_t *keys, int32_t sub_dim, int32_t head_dim,
                                        int32_t count, int32_t multiplier, int32_t shift, int16_t *scores);

/* Context of one head slice: out[i] = sat16(scale(sum_s p[s] * v[s][i], context_shift)). */
EASR_API void easr_attention_context_s16(const int16_t *probs, int32_t count, const int16_t *values, int32_t sub_dim,
                                         int32_t head_dim, int32_t context_shift, int16_t *out);

/* The model's input norm (RunningMeanSubtractS16.Process) over one frame of channels values: each running mean
 * m (int32, 8 more fraction bits than x; the caller's, one per channel) becomes x 2^8 when first, else
 * m + round((x 2^8 - m) 2^-shift); out = sat16(x - round(m 2^-8)), both roundings half away from zero.
 * Returns -1 without touching anything for a shift outside [1, 8], else 0. */
EASR_API int32_t easr_running_mean_subtract_s16(const int16_t *in, int32_t *means, int32_t channels, int32_t shift,
                                                int32_t first, int16_t *out);

/* One log-mel frame of the frontend (LogMelFrontend.ComputeFrame) from window_length samples: tables
 * are FrontendTables' (hann Q31, cos/sin Q31 for k = 0..383, the 256 bit reversals, the mel filterbank,
 * the log2 mantissa table); re, im and magnitude (256 each) are scratch.
 * Returns how many intermediate values broke their proven bound (BlockFloatRealFft.OverflowCount). */
EASR_API int32_t easr_logmel_frame_s16(const int16_t *window, int32_t window_length, const int32_t *hann,
                                       const int32_t *cos_t, const int32_t *sin_t, const int32_t *bitrev,
                                       const int16_t *mel_start, const int16_t *mel_length, const int16_t *mel_offset,
                                       const int16_t *mel_weights, int32_t channels, const int32_t *log2_table,
                                       int32_t *re, int32_t *im, int32_t *magnitude, int16_t *out);

#ifdef __cplusplus
}
#endif
#endif

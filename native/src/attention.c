/* FoldedAttention's two inner loops over the key/value cache (the projections are Linears and
 * the probabilities easr_softmax_s16). Sums are int64 as in C#: a product reaches 2^30. */
#include "edge_asr_kernels.h"
#include "fixed.h"

void easr_attention_scores_s16(const int16_t *query, const int16_t *keys, int32_t sub_dim, int32_t head_dim,
                               int32_t count, int32_t multiplier, int32_t shift, int16_t *scores)
{
    for (int32_t s = 0; s < count; s++) {
        const int16_t *k = keys + s * sub_dim;
        int64_t acc = 0;
        for (int32_t i = 0; i < head_dim; i++) acc += query[i] * k[i];
        scores[s] = easr_requantize_inline(acc, multiplier, shift);
    }
}

void easr_attention_context_s16(const int16_t *probs, int32_t count, const int16_t *values, int32_t sub_dim,
                                int32_t head_dim, int32_t context_shift, int16_t *out)
{
    for (int32_t i = 0; i < head_dim; i++) {
        int64_t acc = 0;
        const int16_t *v = values + i;
        for (int32_t s = 0; s < count; s++, v += sub_dim) acc += probs[s] * *v;
        out[i] = sat16_64(scale_pow2(acc, context_shift));
    }
}

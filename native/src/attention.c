/* FoldedAttention's two inner loops over the key/value cache (the projections are Linears and
 * the probabilities easr_softmax_s16). The C# sums are int64 (a product reaches 2^30, eight of
 * them overflow int32); here each product p is split exactly as 4*(p >> 2) + (p & 3), four
 * quarters sum in int32 (<= 2^30) before the int64 accumulate, which on rv32 is the costly part. */
#include "edge_asr_kernels.h"
#include "fixed.h"

/* Exact sum of products a[i] * b[i * stride], i < n, as int64. */
static inline int64_t dot_s16_exact(const int16_t *a, const int16_t *b, int32_t stride, int32_t n)
{
    int64_t acc = 0;
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        int32_t p0 = a[i] * b[i * stride], p1 = a[i + 1] * b[(i + 1) * stride];
        int32_t p2 = a[i + 2] * b[(i + 2) * stride], p3 = a[i + 3] * b[(i + 3) * stride];
        int32_t quarters = (p0 >> 2) + (p1 >> 2) + (p2 >> 2) + (p3 >> 2);   /* |.| <= 2^30 */
        int32_t low = (p0 & 3) + (p1 & 3) + (p2 & 3) + (p3 & 3);
        acc += (int64_t)quarters * 4 + low;
    }
    for (; i < n; i++) acc += a[i] * b[i * stride];
    return acc;
}

void easr_attention_scores_s16(const int16_t *query, const int16_t *keys, int32_t sub_dim, int32_t head_dim,
                               int32_t count, int32_t multiplier, int32_t shift, int16_t *scores)
{
    for (int32_t s = 0; s < count; s++)
        scores[s] = easr_requantize_inline(dot_s16_exact(query, keys + s * sub_dim, 1, head_dim), multiplier, shift);
}

void easr_attention_context_s16(const int16_t *probs, int32_t count, const int16_t *values, int32_t sub_dim,
                                int32_t head_dim, int32_t context_shift, int16_t *out)
{
    for (int32_t i = 0; i < head_dim; i++)
        out[i] = sat16_64(scale_pow2(dot_s16_exact(probs, values + i, sub_dim, count), context_shift));
}

/* FoldedAttention's two inner loops over the key/value cache (the projections are Linears and
 * the probabilities easr_softmax_s16). The C# sums are int64 (a product reaches 2^30, two of
 * them overflow int32). Here one factor a is split as a = 256 ah + al (ah = a >> 8 in [-128, 127],
 * al = a & 255 in [0, 255]): sum a b = 256 sum ah b + sum al b exactly, with |ah b| <= 2^22 and
 * |al b| < 2^23, so up to SPLIT_MAX products of each kind sum exactly in int32 (255 * 2^23 < 2^31);
 * one int64 combine per sum instead of int64 accumulation, which on rv32 is the costly part. */
#include "edge_asr_kernels.h"
#include "fixed.h"

#define SPLIT_MAX 255

static inline int64_t combine(int32_t high_sum, int32_t low_sum) { return (int64_t)high_sum * 256 + low_sum; }

/* Exact sum of products a[i] * b[i * stride], i < n, for any n (the int64 path for long sums). */
static int64_t dot_s16_exact(const int16_t *a, const int16_t *b, int32_t stride, int32_t n)
{
    int64_t acc = 0;
    for (int32_t i = 0; i < n; i += SPLIT_MAX) {
        int32_t end = n - i < SPLIT_MAX ? n : i + SPLIT_MAX;
        int32_t hs = 0, ls = 0;
        for (int32_t j = i; j < end; j++) {
            int32_t x = a[j], y = b[j * stride];
            hs += (x >> 8) * y;
            ls += (x & 255) * y;
        }
        acc += combine(hs, ls);
    }
    return acc;
}

/* Scores of an 8-wide query slice when sum |q| <= 65535: then |sum q k| <= 65535 * 32768 < 2^31, so each score
 * is one exact int32 sum of eight products (no split), requantised by easr_requant_hi when the per-call
 * multiplier and shift allow it (proof in fixed.h). */
static void scores8_narrow(const int16_t *query, const int16_t *keys, int32_t sub_dim, int32_t count, int32_t multiplier,
                           int32_t shift, int16_t *scores)
{
    int32_t q0 = query[0], q1 = query[1], q2 = query[2], q3 = query[3];
    int32_t q4 = query[4], q5 = query[5], q6 = query[6], q7 = query[7];
    if ((multiplier & 3) != 0 && easr_requant_hi_ok(1, multiplier, shift)) {
        /* easr_requant_hi_ok holds for every accumulator: m & 3 != 0. */
        int32_t sh = shift - 33;
        for (int32_t s = 0; s < count; s++, keys += sub_dim) {
            int32_t acc = q0 * keys[0] + q1 * keys[1] + q2 * keys[2] + q3 * keys[3]
                        + q4 * keys[4] + q5 * keys[5] + q6 * keys[6] + q7 * keys[7];
            int32_t hi = (int32_t)(((int64_t)acc * multiplier) >> 32);
            int32_t y = ((hi >> sh) + 1) >> 1;
            y = y > 32767 ? 32767 : y;
            scores[s] = (int16_t)(y < -32768 ? -32768 : y);
        }
        return;
    }
    for (int32_t s = 0; s < count; s++, keys += sub_dim) {
        int32_t acc = q0 * keys[0] + q1 * keys[1] + q2 * keys[2] + q3 * keys[3]
                    + q4 * keys[4] + q5 * keys[5] + q6 * keys[6] + q7 * keys[7];
        scores[s] = easr_requant_hi_ok(acc, multiplier, shift) ? sat16_32(easr_requant_hi(acc, multiplier, shift))
                                                               : easr_requantize32(acc, multiplier, shift);
    }
}

/* Scores of an 8-wide query slice: the query split once into sixteen registers. */
EASR_HOT static void scores8(const int16_t *query, const int16_t *keys, int32_t sub_dim, int32_t count, int32_t multiplier,
                    int32_t shift, int16_t *scores)
{
    uint32_t q_abs = 0;
    for (int32_t i = 0; i < 8; i++) q_abs += (uint32_t)(query[i] < 0 ? -query[i] : query[i]);
    if (q_abs <= 65535) { scores8_narrow(query, keys, sub_dim, count, multiplier, shift, scores); return; }
    int32_t h0 = query[0] >> 8, h1 = query[1] >> 8, h2 = query[2] >> 8, h3 = query[3] >> 8;
    int32_t h4 = query[4] >> 8, h5 = query[5] >> 8, h6 = query[6] >> 8, h7 = query[7] >> 8;
    int32_t l0 = query[0] & 255, l1 = query[1] & 255, l2 = query[2] & 255, l3 = query[3] & 255;
    int32_t l4 = query[4] & 255, l5 = query[5] & 255, l6 = query[6] & 255, l7 = query[7] & 255;
    for (int32_t s = 0; s < count; s++, keys += sub_dim) {
        int32_t k0 = keys[0], k1 = keys[1], k2 = keys[2], k3 = keys[3];
        int32_t k4 = keys[4], k5 = keys[5], k6 = keys[6], k7 = keys[7];
        int32_t hs = h0 * k0 + h1 * k1 + h2 * k2 + h3 * k3 + h4 * k4 + h5 * k5 + h6 * k6 + h7 * k7;
        int32_t ls = l0 * k0 + l1 * k1 + l2 * k2 + l3 * k3 + l4 * k4 + l5 * k5 + l6 * k6 + l7 * k7;
        /* |hs| < 2^22 and |ls| < 8 * 2^23: 256 hs + ls is an int32 well inside (-2^31, 2^31). */
        if ((uint32_t)(hs + (1 << 22)) < (1u << 23)) scores[s] = easr_requantize32(hs * 256 + ls, multiplier, shift);
        else scores[s] = easr_requantize_inline(combine(hs, ls), multiplier, shift);
    }
}

EASR_HOT void easr_attention_scores_s16(const int16_t *query, const int16_t *keys, int32_t sub_dim, int32_t head_dim,
                               int32_t count, int32_t multiplier, int32_t shift, int16_t *scores)
{
    if (head_dim == 8) { scores8(query, keys, sub_dim, count, multiplier, shift, scores); return; }
    for (int32_t s = 0; s < count; s++)
        scores[s] = easr_requantize_inline(dot_s16_exact(query, keys + s * sub_dim, 1, head_dim), multiplier, shift);
}

/* Context of an 8-wide head slice when no probability is negative and their sum P is at most 65535:
 * |sum p v| <= P * 32768 < 2^31, so each output is one exact int32 sum, one product per value. The sums are
 * taken as unsigned words (wrapping, so defined whatever the data) while the OR and the sum of the
 * probabilities are gathered; the function returns 0 without writing when the condition fails. */
static int32_t context8_narrow(const int16_t *probs, int32_t count, const int16_t *values, int32_t sub_dim, int32_t context_shift,
                               int16_t *out)
{
    uint32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int32_t any = 0, total = 0;
    for (int32_t s = 0; s < count; s++, values += sub_dim) {
        int32_t p = probs[s];
        any |= p;
        total += p;
        s0 += (uint32_t)(p * values[0]); s1 += (uint32_t)(p * values[1]); s2 += (uint32_t)(p * values[2]); s3 += (uint32_t)(p * values[3]);
        s4 += (uint32_t)(p * values[4]); s5 += (uint32_t)(p * values[5]); s6 += (uint32_t)(p * values[6]); s7 += (uint32_t)(p * values[7]);
    }
    /* count <= 65536 (the caller's) keeps total < 2^31. */
    if (any < 0 || total > 65535) return 0;
    int32_t r[8] = { (int32_t)s0, (int32_t)s1, (int32_t)s2, (int32_t)s3, (int32_t)s4, (int32_t)s5, (int32_t)s6, (int32_t)s7 };
    if (context_shift >= 1 && context_shift <= 31) {
        for (int32_t i = 0; i < 8; i++) out[i] = sat16_32(round_shift32(r[i], context_shift));
    } else {
        for (int32_t i = 0; i < 8; i++) out[i] = sat16_64(scale_pow2(r[i], context_shift));
    }
    return 1;
}

/* Context of an 8-wide head slice over at most SPLIT_MAX positions: each probability split once
 * and used for the eight outputs, sixteen int32 sums. */
EASR_HOT static void context8(const int16_t *probs, int32_t count, const int16_t *values, int32_t sub_dim, int32_t context_shift,
                     int16_t *out)
{
    int32_t h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0;
    int32_t l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0;
    for (int32_t s = 0; s < count; s++, values += sub_dim) {
        int32_t p = probs[s], ph = p >> 8, pl = p & 255;
        int32_t v0 = values[0], v1 = values[1], v2 = values[2], v3 = values[3];
        int32_t v4 = values[4], v5 = values[5], v6 = values[6], v7 = values[7];
        h0 += ph * v0; l0 += pl * v0;
        h1 += ph * v1; l1 += pl * v1;
        h2 += ph * v2; l2 += pl * v2;
        h3 += ph * v3; l3 += pl * v3;
        h4 += ph * v4; l4 += pl * v4;
        h5 += ph * v5; l5 += pl * v5;
        h6 += ph * v6; l6 += pl * v6;
        h7 += ph * v7; l7 += pl * v7;
    }
    out[0] = sat16_64(scale_pow2(combine(h0, l0), context_shift));
    out[1] = sat16_64(scale_pow2(combine(h1, l1), context_shift));
    out[2] = sat16_64(scale_pow2(combine(h2, l2), context_shift));
    out[3] = sat16_64(scale_pow2(combine(h3, l3), context_shift));
    out[4] = sat16_64(scale_pow2(combine(h4, l4), context_shift));
    out[5] = sat16_64(scale_pow2(combine(h5, l5), context_shift));
    out[6] = sat16_64(scale_pow2(combine(h6, l6), context_shift));
    out[7] = sat16_64(scale_pow2(combine(h7, l7), context_shift));
}

EASR_HOT void easr_attention_context_s16(const int16_t *probs, int32_t count, const int16_t *values, int32_t sub_dim,
                                int32_t head_dim, int32_t context_shift, int16_t *out)
{
    if (head_dim == 8 && count <= 65536 && context8_narrow(probs, count, values, sub_dim, context_shift, out)) return;
    if (head_dim == 8 && count <= SPLIT_MAX) { context8(probs, count, values, sub_dim, context_shift, out); return; }
    for (int32_t i = 0; i < head_dim; i++)
        out[i] = sat16_64(scale_pow2(dot_s16_exact(probs, values + i, sub_dim, count), context_shift));
}

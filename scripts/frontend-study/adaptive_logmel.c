/* The "adaptive" design of study.py in C, to count its rv32imc instructions (measure.sh) and to check it
 * against the numpy emulation. A study, not engine code. As static_logmel.c, but each radix-4 pass shifts
 * by sh = max(0, b - 27) bits chosen from the magnitude OR of its input (b: every |v| <= 2^b, b <= 29 after
 * an occasional block shift), every twiddled term is rounded ((mulh(4x, c) + mulh(4y, s) + 1) >> 1), the
 * pass sums (up to 33 bits) are narrowed by floor((a + c) / 2) = (a & c) + ((a ^ c) >> 1) first, and the
 * split shifts its input to <= 2^27 and gives 2X (or, with EXACT_SPLIT, today's precision: study.py adaptive64).
 * The mel and log stages are static_logmel.c's. */
#include <stdint.h>
#include "static_tables.h"

/* EXACT_SPLIT 1: study.py's adaptive64 (today's split precision), exported as adaptive64_logmel. */
#ifndef EXACT_SPLIT
#define EXACT_SPLIT 0
#endif
#if EXACT_SPLIT
#define adaptive_logmel adaptive64_logmel
#endif

static inline int32_t mulh(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * b) >> 32); }
static inline uint32_t mulhu(uint32_t a, uint32_t b) { return (uint32_t)(((uint64_t)a * b) >> 32); }
static inline int32_t bits_of(uint32_t v) { return v ? 32 - __builtin_clz(v) : 0; }
static inline uint32_t mag(int32_t v) { return (uint32_t)(v ^ (v >> 31)); }

static int32_t re[256], im[256];
static uint32_t mags[256];

/* floor((a + c + half) / 2^sh) for sh = 0, 1, 2 (a constant); a + c may need 33 bits when sh > 0. */
static inline __attribute__((always_inline)) int32_t narrow(int32_t a, int32_t c, const int sh)
{
    if (sh == 0) return a + c;
    int32_t f = (a & c) + ((a ^ c) >> 1);
    if (sh == 1) return f + ((a ^ c) & 1);
    return (f + 1) >> 1;
}

static inline __attribute__((always_inline)) uint32_t pass(const int q, const int sh)
{
    const int step = 128 / q;
    uint32_t o = 0;
    for (int j = 0; j < q; j++) {
        int32_t c1 = COS31[2 * j * step], s1 = SIN31[2 * j * step], c2 = COS31[j * step], s2 = SIN31[j * step];
        int32_t c3 = COS31[3 * j * step], s3 = SIN31[3 * j * step];
        for (int i = j; i < 256; i += 4 * q) {
            int32_t *pr = re + i, *pi = im + i;
            int32_t t1r, t1i, t2r, t2i, t3r, t3i;
            if (j == 0) {
                t1r = pr[q]; t1i = pi[q]; t2r = pr[2 * q]; t2i = pi[2 * q]; t3r = pr[3 * q]; t3i = pi[3 * q];
            } else {
                int32_t a4 = pr[q] << 2, b4 = pi[q] << 2;
                t1r = (mulh(a4, c1) + mulh(b4, s1) + 1) >> 1; t1i = (mulh(b4, c1) - mulh(a4, s1) + 1) >> 1;
                a4 = pr[2 * q] << 2; b4 = pi[2 * q] << 2;
                t2r = (mulh(a4, c2) + mulh(b4, s2) + 1) >> 1; t2i = (mulh(b4, c2) - mulh(a4, s2) + 1) >> 1;
                a4 = pr[3 * q] << 2; b4 = pi[3 * q] << 2;
                t3r = (mulh(a4, c3) + mulh(b4, s3) + 1) >> 1; t3i = (mulh(b4, c3) - mulh(a4, s3) + 1) >> 1;
            }
            int32_t x0r = pr[0], x0i = pi[0];
            int32_t ar = x0r + t1r, ai = x0i + t1i, br = x0r - t1r, bi = x0i - t1i;
            int32_t cr = t2r + t3r, ci = t2i + t3i, dr = t2r - t3r, di = t2i - t3i;
            int32_t v0 = narrow(ar, cr, sh), v1 = narrow(ai, ci, sh), v2 = narrow(br, di, sh), v3 = narrow(bi, -dr, sh);
            int32_t v4 = narrow(ar, -cr, sh), v5 = narrow(ai, -ci, sh), v6 = narrow(br, -di, sh), v7 = narrow(bi, dr, sh);
            o |= mag(v0) | mag(v1) | mag(v2) | mag(v3) | mag(v4) | mag(v5) | mag(v6) | mag(v7);
            pr[0] = v0; pi[0] = v1; pr[q] = v2; pi[q] = v3; pr[2 * q] = v4; pi[2 * q] = v5; pr[3 * q] = v6; pi[3 * q] = v7;
        }
    }
    return o;
}

static uint32_t pass_q(int q, int sh)
{
#define CASE(Q) if (q == Q) return sh == 0 ? pass(Q, 0) : sh == 1 ? pass(Q, 1) : pass(Q, 2);
    CASE(1) CASE(4) CASE(16) CASE(64)
#undef CASE
    return 0;
}

/* Shift the block right by s (rounding); returns the new magnitude OR. */
static uint32_t shift_block(int s)
{
    int32_t half = 1 << (s - 1);
    uint32_t o = 0;
    for (int k = 0; k < 256; k++) { re[k] = (re[k] + half) >> s; im[k] = (im[k] + half) >> s; o |= mag(re[k]) | mag(im[k]); }
    return o;
}

void adaptive_logmel(const int16_t *x, int16_t *out, int32_t *energy, int32_t *exponent)
{
    uint32_t orx = 0;
    for (int n = 0; n < 400; n++) orx |= mag(x[n]);
    int32_t b = bits_of(orx), L = b ? 31 - b : 0;
    uint32_t o = 0;
    for (int z = 0; z < 256; z++) {
        int at = BITREV[z];
        int32_t yr = 0, yi = 0;
        if (2 * z + 1 < 400) {
            yr = (mulh(x[2 * z] << L, HANN31[2 * z]) + 2) >> 2;
            yi = (mulh(x[2 * z + 1] << L, HANN31[2 * z + 1]) + 2) >> 2;
        }
        re[at] = yr; im[at] = yi;
        o |= mag(yr) | mag(yi);
    }
    int32_t e = 3 - L;
    for (int q = 1; q < 256; q <<= 2) {
        b = bits_of(o);
        if (b > 29) { e += b - 29; b = bits_of(shift_block(b - 29)); }
        int sh = b - 27 > 0 ? b - 27 : 0;
        e += sh;
        o = pass_q(q, sh);
    }
    b = bits_of(o);
#if EXACT_SPLIT
    /* Inputs <= 2^29; V = W B rounded from the exact 64-bit sum; X = (A - iV) / 2 by floor((u + v) / 2) =
     * (u & v) + ((u ^ v) >> 1) plus the rounding bit, as the 33-bit sum does not fit. */
    int s0 = b - 29 > 0 ? b - 29 : 0;
    e += s0;
#define HALF_ROUND(u, v) (((u) & (v)) + (((u) ^ (v)) >> 1) + (((u) ^ (v)) & 1))
#else
    int s0 = b - 27 > 0 ? b - 27 : 0;
    e += s0 - 1;
#endif
    if (s0 > 0) shift_block(s0);
    for (int k = 1; k <= 128; k++) {
        int p = k, q = 256 - k;
        int32_t rp = re[p], ip = im[p], rq = re[q], iq = im[q];
        int32_t c = COS31[k], s = SIN31[k];
#if EXACT_SPLIT
        int32_t ar = rp + rq, ai = ip - iq, br = rp - rq, bi = ip + iq;
        int32_t vr = (int32_t)(((int64_t)br * c + (int64_t)bi * s + (1 << 30)) >> 31);
        int32_t vi = (int32_t)(((int64_t)bi * c - (int64_t)br * s + (1 << 30)) >> 31);
        int32_t xr = HALF_ROUND(ar, vi), xi = HALF_ROUND(ai, -vr), yr = HALF_ROUND(ar, -vi), yi = HALF_ROUND(-ai, -vr);
#else
        int32_t ar = rp + rq, ai = ip - iq, br4 = (rp - rq) << 2, bi4 = (ip + iq) << 2;
        int32_t vr = (mulh(br4, c) + mulh(bi4, s) + 1) >> 1, vi = (mulh(bi4, c) - mulh(br4, s) + 1) >> 1;
        int32_t xr = ar + vi, xi = ai - vr, yr = ar - vi, yi = -ai - vr;
#endif
        re[p] = xr; im[p] = xi; mags[p] = mag(xr) | mag(xi);
        re[q] = yr; im[q] = yi; mags[q] = mag(yr) | mag(yi);
    }
    for (int m = 0; m < 40; m++) {
        int a = MEL_START[m], end = a + MEL_LENGTH[m];
        uint32_t om = 0;
        for (int k = a; k < end; k++) om |= mags[k];
        int32_t s = bits_of(om) - 13;
        if (s < 0) s = 0;
        int32_t half = (1 << s) >> 1;
        const int16_t *w = MEL_W15 + MEL_OFFSET[m];
        uint32_t E = 0;
        for (int k = a; k < end; k++) {
            int32_t r = (re[k] + half) >> s, i = (im[k] + half) >> s;
            E += mulhu((uint32_t)(r * r + i * i), (uint32_t)*w++ << 17);
        }
        int32_t ex = 2 * (e + s);
        if (energy) { energy[m] = (int32_t)E; exponent[m] = ex; }
        if (E == 0) { out[m] = 0; continue; }
        int32_t lz = __builtin_clz(E);
        uint32_t mm = E << lz;
        int32_t index = (mm >> 24) & 127, fraction = (mm >> 8) & 0xFFFF, t0 = LOG2_Q16[index];
        int32_t mant = t0 + (((LOG2_Q16[index + 1] - t0) * fraction + 32768) >> 16);
        int32_t v = (int32_t)((uint32_t)(31 - lz + ex) << 16) + mant, q8 = (v + 128) >> 8;
        out[m] = (int16_t)(q8 < 0 ? 0 : q8 > 32767 ? 32767 : q8);
    }
}

/* The "static" design of study.py in C, to count its rv32imc instructions (measure.sh) and to check it
 * against the numpy emulation (the same E and exponent per channel). A study, not engine code.
 * Window: y = round(x 2^L hann) <= 2^27 by one mulh (Q31 Hann); 256-point complex FFT in 4 radix-4
 * passes of fixed /4 (moduli never grow, so no per-stage block scaling), twiddles Q31 by mulh on 4x data
 * (one guard bit), every pass output rounded; real split to X (int32); per channel the components are
 * shifted (rounding) to <= 2^13 so P = re^2 + im^2 <= 2^27 is 32-bit and E = sum floor(P w) < 2^31. */
#include <stdint.h>
#include "static_tables.h"

static inline int32_t mulh(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * b) >> 32); }
static inline uint32_t mulhu(uint32_t a, uint32_t b) { return (uint32_t)(((uint64_t)a * b) >> 32); }
static inline int32_t bits_of(uint32_t v) { return v ? 32 - __builtin_clz(v) : 0; }
static inline uint32_t mag(int32_t v) { return (uint32_t)(v ^ (v >> 31)); }

static int32_t re[256], im[256];
static uint32_t mags[256];

/* y[n] of natural complex index z (sample 2z + part), zero past the window. */
#define Y(z, part) ((2 * (z) + (part)) < 400 ? (mulh(x[2 * (z) + (part)] << L, HANN31[2 * (z) + (part)]) + 4) >> 3 : 0)

void static_logmel(const int16_t *x, int16_t *out, int32_t *energy, int32_t *exponent)
{
    uint32_t orx = 0;
    for (int n = 0; n < 400; n++) orx |= mag(x[n]);
    int32_t b = bits_of(orx), L = b ? 31 - b : 0;
    /* Window and pass 1 (q = 1, W = 1) together: group g reads z[n], z[n+128], z[n+64], z[n+192], n = bitrev6(g). */
    for (int g = 0; g < 64; g++) {
        int n = BITREV[4 * g];
        int32_t x0r = Y(n, 0), x0i = Y(n, 1), x1r = Y(n + 128, 0), x1i = Y(n + 128, 1);
        int32_t x2r = Y(n + 64, 0), x2i = Y(n + 64, 1), x3r = Y(n + 192, 0), x3i = Y(n + 192, 1);
        int32_t ar = x0r + x1r + 2, ai = x0i + x1i + 2, br = x0r - x1r + 2, bi = x0i - x1i + 2;
        int32_t cr = x2r + x3r, ci = x2i + x3i, dr = x2r - x3r, di = x2i - x3i;
        int32_t *pr = re + 4 * g, *pi = im + 4 * g;
        pr[0] = (ar + cr) >> 2; pi[0] = (ai + ci) >> 2;
        pr[1] = (br + di) >> 2; pi[1] = (bi - dr) >> 2;
        pr[2] = (ar - cr) >> 2; pi[2] = (ai - ci) >> 2;
        pr[3] = (br - di) >> 2; pi[3] = (bi + dr) >> 2;
    }
    for (int q = 4; q < 256; q <<= 2) {
        int step = 128 / q;
        for (int i = 0; i < 256; i += 4 * q) {   /* j = 0: W = 1 */
            int32_t *pr = re + i, *pi = im + i;
            int32_t x0r = pr[0], x0i = pi[0], x1r = pr[q], x1i = pi[q], x2r = pr[2 * q], x2i = pi[2 * q], x3r = pr[3 * q], x3i = pi[3 * q];
            int32_t ar = x0r + x1r + 2, ai = x0i + x1i + 2, br = x0r - x1r + 2, bi = x0i - x1i + 2;
            int32_t cr = x2r + x3r, ci = x2i + x3i, dr = x2r - x3r, di = x2i - x3i;
            pr[0] = (ar + cr) >> 2; pi[0] = (ai + ci) >> 2;
            pr[q] = (br + di) >> 2; pi[q] = (bi - dr) >> 2;
            pr[2 * q] = (ar - cr) >> 2; pi[2 * q] = (ai - ci) >> 2;
            pr[3 * q] = (br - di) >> 2; pi[3 * q] = (bi + dr) >> 2;
        }
        for (int j = 1; j < q; j++) {
            int32_t c1 = COS31[2 * j * step], s1 = SIN31[2 * j * step], c2 = COS31[j * step], s2 = SIN31[j * step];
            int32_t c3 = COS31[3 * j * step], s3 = SIN31[3 * j * step];
            for (int i = j; i < 256; i += 4 * q) {
                int32_t *pr = re + i, *pi = im + i;
                int32_t a4 = pr[q] << 2, b4 = pi[q] << 2;
                int32_t t1r = mulh(a4, c1) + mulh(b4, s1), t1i = mulh(b4, c1) - mulh(a4, s1);
                a4 = pr[2 * q] << 2; b4 = pi[2 * q] << 2;
                int32_t t2r = mulh(a4, c2) + mulh(b4, s2), t2i = mulh(b4, c2) - mulh(a4, s2);
                a4 = pr[3 * q] << 2; b4 = pi[3 * q] << 2;
                int32_t t3r = mulh(a4, c3) + mulh(b4, s3), t3i = mulh(b4, c3) - mulh(a4, s3);
                int32_t x0r = (pr[0] << 1) + 4, x0i = (pi[0] << 1) + 4;
                int32_t ar = x0r + t1r, ai = x0i + t1i, br = x0r - t1r, bi = x0i - t1i;
                int32_t cr = t2r + t3r, ci = t2i + t3i, dr = t2r - t3r, di = t2i - t3i;
                pr[0] = (ar + cr) >> 3; pi[0] = (ai + ci) >> 3;
                pr[q] = (br + di) >> 3; pi[q] = (bi - dr) >> 3;
                pr[2 * q] = (ar - cr) >> 3; pi[2 * q] = (ai - ci) >> 3;
                pr[3 * q] = (br - di) >> 3; pi[3 * q] = (bi + dr) >> 3;
            }
        }
    }
    /* Split in place, bins k and 256 - k from one complex product; X = (2A -+ 2iWB) / 4 rounded. */
    for (int k = 1; k <= 128; k++) {
        int p = k, q = 256 - k;
        int32_t rp = re[p], ip = im[p], rq = re[q], iq = im[q];
        int32_t ar2 = (rp + rq) << 1, ai2 = (ip - iq) << 1, br4 = (rp - rq) << 2, bi4 = (ip + iq) << 2;
        int32_t c = COS31[k], s = SIN31[k];
        int32_t hr = mulh(br4, c) + mulh(bi4, s), hi = mulh(bi4, c) - mulh(br4, s);
        int32_t xr = (ar2 + hi + 2) >> 2, xi = (ai2 - hr + 2) >> 2;
        int32_t yr = (ar2 - hi + 2) >> 2, yi = (-ai2 - hr + 2) >> 2;
        re[p] = xr; im[p] = xi; mags[p] = mag(xr) | mag(xi);
        re[q] = yr; im[q] = yi; mags[q] = mag(yr) | mag(yi);
    }
    int32_t base = 2 * (12 - L);
    for (int m = 0; m < 40; m++) {
        int a = MEL_START[m], e = a + MEL_LENGTH[m];
        uint32_t o = 0;
        for (int k = a; k < e; k++) o |= mags[k];
        int32_t s = bits_of(o) - 13;
        if (s < 0) s = 0;
        int32_t half = (1 << s) >> 1;
        const int16_t *w = MEL_W15 + MEL_OFFSET[m];
        uint32_t E = 0;
        for (int k = a; k < e; k++) {
            int32_t r = (re[k] + half) >> s, i = (im[k] + half) >> s;
            E += mulhu((uint32_t)(r * r + i * i), (uint32_t)*w++ << 17);
        }
        int32_t ex = base + 2 * s;
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

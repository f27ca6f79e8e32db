#!/usr/bin/python3
"""Frontend arithmetic study (issue 14): can a cheaper integer log-mel (32-bit multiplies only) pass the
frontend's fidelity thresholds? An integer emulation in numpy (int64 arrays, every int32 bound asserted) of
two candidate designs, scored like tests/Edge.Asr.Tests/Frontend against a double-precision reference:
  static   radix-4 FFT, fixed shift of 2 bits per pass (no per-stage block scaling), Q31 twiddles by mulh
           (32x32 -> high 32) on data <= 2^27 with one guard bit, real split, per-channel scaled 32-bit power
           and mel sums (mulhu). scripts/frontend-study/static_logmel.c is its C twin for the rv32 count.
  adaptive the same with a data-dependent shift of 0-2 bits per pass chosen from the magnitude OR of its input
           (block floating point; a pass may end above 2^29, then the block is shifted before the next), data
           <= 2^29, every twiddled term rounded (sum of two mulh on 4x data, +1 >> 1), 33-bit pass sums.
  adaptive64  the adaptive passes with today's split: inputs <= 2^29 and W B rounded from its exact sum of two
           32 x 32 -> 64 products (as native/src/logmel.c's twiddle_round), X = (A - iV) / 2 rounded.
  q15      int16-range block floating point (TFLite Micro's kind): Q15 window and twiddles, 32-bit products,
           data <= 2^14 with a block shift before every radix-2 stage (the mel and log stages as above).
  current  the engine before issue 14 changed it (native/src/logmel.c at commit PREVIOUS, built for this host from
           git and called by ctypes), the baseline; adaptive64 is what the engine computes now.
Usage: /usr/bin/python3 study.py static|adaptive|adaptive64|q15|current fidelity|hostile|tables FILE|dump FILE
Not engine code: the engine is kernels/Frontend (C#) and native/src/logmel.c."""
import numpy as np, re, os, sys, subprocess, tempfile, wave

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SRC = open(os.path.join(ROOT, 'kernels', 'Frontend', 'FrontendTables.cs')).read()

def table(name):
    m = re.search(name + r'\s*=\s*new \w+\[\]\s*\{(.*?)\};', SRC, re.S)
    return np.array([int(v) for v in re.findall(r'-?\d+', m.group(1))], dtype=np.int64)

MEL_START, MEL_LENGTH, MEL_OFFSET, MEL_W15 = (table(n) for n in ('MelStart', 'MelLength', 'MelOffset', 'MelWeightsQ15'))
N = np.arange(400)
HANN = 0.5 - 0.5 * np.cos(2 * np.pi * N / 400)

def q31(v):
    return np.clip(np.round(v * 2.0 ** 31), -(2 ** 31 - 1), 2 ** 31 - 1).astype(np.int64)

HANN31 = q31(HANN)
ANGLE = 2 * np.pi * np.arange(384) / 512
COS31, SIN31 = q31(np.cos(ANGLE)), q31(np.sin(ANGLE))
BITREV = np.array([int(format(i, '08b')[::-1], 2) for i in range(256)])

def i32(*arrays):
    for a in arrays:
        assert np.all(a >= -2 ** 31) and np.all(a < 2 ** 31), 'int32 bound broken'

def mulh(a, b):
    i32(a, b)
    return (a * b) >> 32          # |a b| <= 2^62: exact in int64

def mag_bits(v):
    o = int(np.bitwise_or.reduce(v ^ (v >> 63))) if len(v) else 0
    return o.bit_length()         # every |v| <= 2^bits

# ---- the two designs: window + FFT + split -> (re, im of 2^e X[k] for k = 0..255, e) ----
def fft_static(x):
    bits = mag_bits(x)
    L = 31 - bits if bits else 0
    u = x << L; i32(u)
    y = np.zeros(512, dtype=np.int64)
    y[:400] = (mulh(u, HANN31) + 4) >> 3                # round(x hann 2^(L-4)), |y| <= 2^27
    assert np.all(np.abs(y) <= 2 ** 27)
    re = np.zeros(256, dtype=np.int64); im = np.zeros(256, dtype=np.int64)
    re[BITREV] = y[0::2]; im[BITREV] = y[1::2]
    q = 1
    while q < 256:                                       # 4 radix-4 passes, each / 4
        step = 128 // q
        for j in range(q):
            i0 = np.arange(j, 256, 4 * q)
            x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i = (a[i0 + d * q] for d in range(4) for a in (re, im))
            if j == 0:                                   # W = 1: T = 2x exactly
                t = [v << 1 for v in (x1r, x1i, x2r, x2i, x3r, x3i)]
            else:
                t = []
                for xr, xi, k in ((x1r, x1i, 2 * j * step), (x2r, x2i, j * step), (x3r, x3i, 3 * j * step)):
                    c, s = COS31[k], SIN31[k]
                    xr4, xi4 = xr << 2, xi << 2          # mulh(4x, W31) = floor(2 x W): one guard bit
                    t += [mulh(xr4, c) + mulh(xi4, s), mulh(xi4, c) - mulh(xr4, s)]
            t1r, t1i, t2r, t2i, t3r, t3i = t
            ar, ai, br, bi = (x0r << 1) + t1r, (x0i << 1) + t1i, (x0r << 1) - t1r, (x0i << 1) - t1i
            cr, ci, dr, di = t2r + t3r, t2i + t3i, t2r - t3r, t2i - t3i
            outs = (ar + cr, ai + ci, br + di, bi - dr, ar - cr, ai - ci, br - di, bi + dr)
            i32(*[o + 4 for o in outs])
            for d, (o_re, o_im) in enumerate(zip(outs[0::2], outs[1::2])):
                re[i0 + d * q] = (o_re + 4) >> 3; im[i0 + d * q] = (o_im + 4) >> 3
        q *= 4
    k = np.arange(1, 129); p, qq = k, 256 - k
    rp, ip, rq, iq = re[p], im[p], re[qq], im[qq]
    ar, ai, br, bi = rp + rq, ip - iq, rp - rq, ip + iq
    c, s = COS31[k], SIN31[k]
    hr = mulh(br << 2, c) + mulh(bi << 2, s); hi = mulh(bi << 2, c) - mulh(br << 2, s)   # ~ 2 W B
    xr = np.zeros(256, dtype=np.int64); xi = np.zeros(256, dtype=np.int64)
    xr[p], xi[p] = ((ar << 1) + hi + 2) >> 2, ((ai << 1) - hr + 2) >> 2                 # X = (2A - 2iWB) / 4
    xr[qq], xi[qq] = ((ar << 1) - hi + 2) >> 2, (-(ai << 1) - hr + 2) >> 2
    i32(xr, xi)
    return xr, xi, 12 - L                               # X_true = X 2^(12 - L)

def fft_adaptive(x, exact_split=False):
    bits = mag_bits(x)
    L = 31 - bits if bits else 0
    u = x << L; i32(u)
    y = np.zeros(512, dtype=np.int64)
    y[:400] = (mulh(u, HANN31) + 2) >> 2                # round(x hann 2^(L-3)), |y| <= 2^28
    re = np.zeros(256, dtype=np.int64); im = np.zeros(256, dtype=np.int64)
    re[BITREV] = y[0::2]; im[BITREV] = y[1::2]
    exponent = 3 - L
    q = 1
    while q < 256:
        b = max(mag_bits(re), mag_bits(im))
        if b > 29:                                       # the last pass grew past 2^29: shift the block (rounding)
            pre = b - 29; exponent += pre; h0 = 1 << (pre - 1)
            re = (re + h0) >> pre; im = (im + h0) >> pre
            b = max(mag_bits(re), mag_bits(im))
        assert b <= 29                                   # so 4x fits int32 for mulh
        sh = max(0, b - 27)                              # outputs <= (1 + 3 sqrt2) 2^b / 2^sh + 1 < 2^30
        exponent += sh
        step = 128 // q
        for j in range(q):
            i0 = np.arange(j, 256, 4 * q)
            x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i = (a[i0 + d * q] for d in range(4) for a in (re, im))
            if j == 0:
                t = [x1r, x1i, x2r, x2i, x3r, x3i]
            else:
                t = []
                for xr, xi, k in ((x1r, x1i, 2 * j * step), (x2r, x2i, j * step), (x3r, x3i, 3 * j * step)):
                    c, s = COS31[k], SIN31[k]
                    xr4, xi4 = xr << 2, xi << 2
                    t += [(mulh(xr4, c) + mulh(xi4, s) + 1) >> 1, (mulh(xi4, c) - mulh(xr4, s) + 1) >> 1]
            t1r, t1i, t2r, t2i, t3r, t3i = t
            ar, ai, br, bi = x0r + t1r, x0i + t1i, x0r - t1r, x0i - t1i
            cr, ci, dr, di = t2r + t3r, t2i + t3i, t2r - t3r, t2i - t3i
            i32(ar, ai, br, bi, cr, ci, dr, di)
            outs = (ar + cr, ai + ci, br + di, bi - dr, ar - cr, ai - ci, br - di, bi + dr)   # up to 33 bits
            assert all(np.all(np.abs(o) < 2 ** 29 * 5.25 + 8) for o in outs)
            half = (1 << sh) >> 1
            for d, (o_re, o_im) in enumerate(zip(outs[0::2], outs[1::2])):
                re[i0 + d * q] = (o_re + half) >> sh; im[i0 + d * q] = (o_im + half) >> sh
        assert max(mag_bits(re), mag_bits(im)) <= 30
        q *= 4
    b = max(mag_bits(re), mag_bits(im))
    if exact_split:                                      # inputs <= 2^29, W B rounded from its exact 64-bit sum
        s = max(0, b - 29); half = (1 << s) >> 1
        exponent += s
        re = (re + half) >> s; im = (im + half) >> s
        assert np.all(np.abs(re) <= 2 ** 29) and np.all(np.abs(im) <= 2 ** 29)
    else:                                                # inputs <= 2^27, so 4B fits int32 for mulh
        s = max(0, b - 27); half = (1 << s) >> 1
        exponent += s - 1                                # this split gives 2X
        re = (re + half) >> s; im = (im + half) >> s
        assert np.all(np.abs(re) <= 2 ** 27) and np.all(np.abs(im) <= 2 ** 27)
    k = np.arange(1, 129); p, qq = k, 256 - k
    rp, ip, rq, iq = re[p], im[p], re[qq], im[qq]
    ar, ai, br, bi = rp + rq, ip - iq, rp - rq, ip + iq
    c, s_ = COS31[k], SIN31[k]
    xr = np.zeros(256, dtype=np.int64); xi = np.zeros(256, dtype=np.int64)
    if exact_split:
        i32(ar, ai, br, bi)
        vr = (br * c + bi * s_ + (1 << 30)) >> 31; vi = (bi * c - br * s_ + (1 << 30)) >> 31   # |sums| <= 2^62: int64
        i32(vr, vi)
        xr[p], xi[p] = (ar + vi + 1) >> 1, (ai - vr + 1) >> 1                                # X = (A - iV) / 2, 33-bit sums
        xr[qq], xi[qq] = (ar - vi + 1) >> 1, (-ai - vr + 1) >> 1
    else:
        vr = (mulh(br << 2, c) + mulh(bi << 2, s_) + 1) >> 1; vi = (mulh(bi << 2, c) - mulh(br << 2, s_) + 1) >> 1
        xr[p], xi[p] = ar + vi, ai - vr
        xr[qq], xi[qq] = ar - vi, -ai - vr
    i32(xr, xi)
    return xr, xi, exponent

HANN15 = np.clip(np.round(HANN * 2 ** 15), 0, 32767).astype(np.int64)
COS15 = np.clip(np.round(np.cos(ANGLE) * 2 ** 15), -32767, 32767).astype(np.int64)
SIN15 = np.clip(np.round(np.sin(ANGLE) * 2 ** 15), -32767, 32767).astype(np.int64)

def fft_q15(x):
    """int16-range block floating point (TFLite Micro's kind): Q15 window and twiddles, data <= 2^14 with
    a block shift before every radix-2 stage, every product one 32-bit multiply, rounded."""
    y = np.zeros(512, dtype=np.int64)
    y[:400] = x * HANN15                                   # |x h| <= 2^30: exact in 32 bits
    b = max(mag_bits(y), 1)
    e = b - 14                                             # normalise to <= 2^14 (left or right)
    y = (y << -e) if e < 0 else ((y + (1 << (e - 1))) >> e) if e > 0 else y
    re = np.zeros(256, dtype=np.int64); im = np.zeros(256, dtype=np.int64)
    re[BITREV] = y[0::2]; im[BITREV] = y[1::2]
    size = 2
    while size <= 256:
        s = max(0, max(mag_bits(re), mag_bits(im)) - 12)   # inputs <= 2^b: outputs <= 2.42 2^b / 2^s <= 2^14
        e += s
        half = (1 << s) >> 1
        span, step = size // 2, 512 // size
        for j in range(span):
            c, sn = COS15[j * step], SIN15[j * step]
            i = np.arange(j, 256, size); k = i + span
            br, bi = re[k], im[k]
            tr = (c * br + sn * bi + (1 << 14)) >> 15; ti = (c * bi - sn * br + (1 << 14)) >> 15
            i32(c * br + sn * bi, c * bi - sn * br)
            ar, ai = re[i], im[i]
            re[i], im[i], re[k], im[k] = (ar + tr + half) >> s, (ai + ti + half) >> s, (ar - tr + half) >> s, (ai - ti + half) >> s
        size *= 2
    s = max(0, max(mag_bits(re), mag_bits(im)) - 13); e += s   # split inputs <= 2^13: 2X <= 2^15
    if s: re = (re + (1 << (s - 1))) >> s; im = (im + (1 << (s - 1))) >> s
    k = np.arange(1, 129); p, qq = k, 256 - k
    rp, ip, rq, iq = re[p], im[p], re[qq], im[qq]
    ar, ai, br, bi = rp + rq, ip - iq, rp - rq, ip + iq
    c, sn = COS15[k], SIN15[k]
    vr = (c * br + sn * bi + (1 << 14)) >> 15; vi = (c * bi - sn * br + (1 << 14)) >> 15
    xr = np.zeros(256, dtype=np.int64); xi = np.zeros(256, dtype=np.int64)
    xr[p], xi[p], xr[qq], xi[qq] = ar + vi, ai - vr, ar - vi, -ai - vr
    return xr, xi, e - 1 - 15                              # 2X; y = x hann (Q15)

def mel(xr, xi, e):
    """Per channel: components shifted (rounding) to <= 2^13, P = re^2 + im^2 <= 2^27 (32-bit),
    E = sum floor(P w15 2^17 / 2^32) < 2^31 (weights sum < 16). Returns integer E and its exponent."""
    mags = (xr ^ (xr >> 63)) | (xi ^ (xi >> 63))
    E = np.zeros(40, dtype=np.int64); ex = np.zeros(40, dtype=np.int64)
    for m in range(40):
        a, b = MEL_START[m], MEL_START[m] + MEL_LENGTH[m]
        top = int(np.bitwise_or.reduce(mags[a:b])).bit_length()     # components <= 2^top
        s = max(0, top - 13); half = (1 << s) >> 1
        r, i = (xr[a:b] + half) >> s, (xi[a:b] + half) >> s
        P = r * r + i * i
        assert np.all(P <= 2 ** 27)
        w = MEL_W15[MEL_OFFSET[m]:MEL_OFFSET[m] + MEL_LENGTH[m]] << 17
        E[m] = int(np.sum((P * w) >> 32)); ex[m] = 2 * (s + e)
        assert E[m] < 2 ** 31
    return E, ex

def q8(E, ex):
    with np.errstate(divide='ignore'):
        v = np.where(E > 0, np.log2(np.maximum(E, 1)) + ex, 0)
    return np.clip(np.round(v * 256), 0, 32767) / 256

def frames(x):
    return [x[t * 160:t * 160 + 400].astype(np.int64) for t in range(1 + (len(x) - 400) // 160)]

WEIGHTS = np.zeros((40, 257))
for m in range(40):
    for j in range(MEL_LENGTH[m]):
        WEIGHTS[m, MEL_START[m] + j] = MEL_W15[MEL_OFFSET[m] + j] / 32768.0

def reference(x):
    X = np.fft.rfft(np.array(frames(x), dtype=float) * HANN, 512)
    return np.log2(np.maximum((np.abs(X) ** 2) @ WEIGHTS.T, 1))

# The engine's arithmetic before issue 14 changed it (its native/src/logmel.c and tables at this commit).
PREVIOUS = 'b992e3e'

def previous(path):
    return subprocess.run(['git', '-C', ROOT, 'show', PREVIOUS + ':' + path], check=True, capture_output=True, text=True).stdout

_ENGINE = []
def engine_frame(f):
    """The previous engine's own bits: its native/src/logmel.c (then the twin of the C# frontend) built for
    this host from git, called via ctypes."""
    import ctypes
    if not _ENGINE:
        d = tempfile.mkdtemp()
        for path in ('native/src/logmel.c', 'native/src/fixed.h', 'native/include/edge_asr_kernels.h'):
            open(os.path.join(d, os.path.basename(path)), 'w').write(previous(path))
        lib = os.path.join(d, 'logmel.so')
        subprocess.run(['gcc', '-O2', '-shared', '-fPIC', '-I' + d, os.path.join(d, 'logmel.c'), '-o', lib], check=True)
        c = ctypes.CDLL(lib)
        keep = lambda ct, v: (ct * len(v))(*[int(a) for a in v])
        old = previous('kernels/Frontend/FrontendTables.cs')
        def old_table(name):
            m = re.search(name + r'\s*=\s*new \w+\[\]\s*\{(.*?)\};', old, re.S)
            return [int(v) for v in re.findall(r'-?\d+', m.group(1))]
        tabs = [keep(ctypes.c_int32, old_table('HannQ30')), keep(ctypes.c_int32, old_table('CosQ30')), keep(ctypes.c_int32, old_table('SinQ30')),
                keep(ctypes.c_int32, BITREV), keep(ctypes.c_int16, MEL_START), keep(ctypes.c_int16, MEL_LENGTH),
                keep(ctypes.c_int16, MEL_OFFSET), keep(ctypes.c_int16, MEL_W15)]
        scratch = [(ctypes.c_int64 * 512)(), (ctypes.c_int32 * 256)(), (ctypes.c_int32 * 256)(), (ctypes.c_int64 * 257)()]
        _ENGINE.extend([c, tabs, keep(ctypes.c_int32, table('Log2MantissaQ16')), scratch])
    c, tabs, log2, scratch = _ENGINE
    x = (ctypes.c_int16 * 400)(*[int(v) for v in f]); out = (ctypes.c_int16 * 40)()
    assert c.easr_logmel_frame_s16(x, 400, *tabs, 40, log2, *scratch, out) == 0
    return np.array(out[:], dtype=float) / 256

def fixed(x, design):
    if design == 'current':
        return np.array([engine_frame(f) for f in frames(x)])
    out = []
    for f in frames(x):
        xr, xi, e = design(f)
        out.append(q8(*mel(xr, xi, e)))
    return np.array(out)

def snr(f, r):
    return 10 * np.log10(((r - r.mean()) ** 2).sum() / max(((f - r) ** 2).sum(), 1e-300))

def q(x): return np.clip(np.round(x), -32768, 32767).astype(np.int64)
RATE = 16000
def tone(hz, a, sec=1.0): n = np.arange(int(sec * RATE)); return q(a * np.sin(2 * np.pi * hz * n / RATE + 0.3))
def chirp(f0, f1, a, sec=2.0):
    t = np.arange(int(sec * RATE)) / RATE; return q(a * np.sin(2 * np.pi * (f0 * t + 0.5 * (f1 - f0) / sec * t * t)))
def pink(seed, rms, sec=2.0):
    g = np.random.default_rng(seed).normal(0, 1, int(sec * RATE)); b = np.zeros(7); x = np.zeros(len(g))
    for n, w in enumerate(g):
        b[0] = 0.99886 * b[0] + w * 0.0555179; b[1] = 0.99332 * b[1] + w * 0.0750759; b[2] = 0.96900 * b[2] + w * 0.1538520
        b[3] = 0.86650 * b[3] + w * 0.3104856; b[4] = 0.55000 * b[4] + w * 0.5329522; b[5] = -0.7616 * b[5] - w * 0.0168980
        x[n] = b[:6].sum() + b[6] + w * 0.5362; b[6] = w * 0.115926
    return q(x * rms / np.sqrt((x ** 2).mean()))
def speech(peak):
    d = tempfile.mkdtemp()
    subprocess.run(['espeak-ng', '-w', d + '/e.wav', 'yes no up down left right on off stop go. Turn the lights on in the kitchen please.'], check=True)
    subprocess.run(['sox', '-R', d + '/e.wav', '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', d + '/s.wav'], check=True)
    w = wave.open(d + '/s.wav'); pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(float)
    return q(pcm * peak / np.abs(pcm).max())

def fidelity_signals():
    rng = lambda s: np.random.default_rng(s)
    m60 = 32768 * 10 ** (-60 / 20)
    return [('speech (peak -3 dBFS)', speech(32767 * 10 ** (-3 / 20))), ('tone 100 Hz', tone(100, 10000)), ('tone 440 Hz', tone(440, 10000)),
            ('tone 1000 Hz', tone(1000, 10000)), ('tone 3000 Hz', tone(3000, 10000)), ('tone 7000 Hz', tone(7000, 10000)),
            ('chirp 50-7900 Hz', chirp(50, 7900, 10000)), ('white noise rms 3000', q(rng(1).normal(0, 3000, 32000))),
            ('pink noise rms 3000', pink(2, 3000)), ('quiet speech (peak -60 dBFS)', speech(m60)),
            ('quiet white noise (-60 dBFS)', q(rng(3).normal(0, m60, 32000))), ('quiet tone 1000 Hz (-60 dBFS)', tone(1000, m60)),
            ('full-scale speech', speech(32767)), ('full-scale tone 1000 Hz', tone(1000, 32767)),
            ('full-scale chirp', chirp(50, 7900, 32767)), ('full-scale white noise (clipped)', q(rng(4).normal(0, 16000, 32000))),
            ('speech (peak -50 dBFS)', speech(32768 * 10 ** (-50 / 20)))]

def hostile_signals():
    n8 = np.arange(8000); out = [('silence', np.zeros(16000, dtype=np.int64))]
    out += [('DC %d' % v, np.full(8000, v)) for v in (32767, -32767, -32768)]
    out += [('square %d Hz' % hz, np.where(((2 * hz * n8 // 16000) & 1) == 0, 32767, -32768)) for hz in (50, 1000, 4000, 7999)]
    out += [('alternating', np.where(n8 % 2 == 0, -32768, 32767)), ('impulse', np.where(np.arange(4000) == 1000, 32767, 0)),
            ('impulse train', np.where(n8 % 97 == 0, -32768, 0)), ('lone LSB', np.where(np.arange(4000) == 1234, 1, 0)),
            ('random signs', np.where(np.random.default_rng(77).integers(0, 2, 16000) == 0, -32768, 32767))]
    return out

if __name__ == '__main__':
    design = {'static': fft_static, 'adaptive': fft_adaptive, 'adaptive64': lambda f: fft_adaptive(f, True), 'q15': fft_q15,
              'current': 'current'}[sys.argv[1]]
    what = sys.argv[2] if len(sys.argv) > 2 else 'fidelity'
    if what == 'fidelity':          # threshold: SNR >= 30 dB per signal (FrontendFidelityTests)
        for name, x in fidelity_signals():
            r, f = reference(x), fixed(x, design)
            per_frame = [snr(f[t], r[t]) for t in range(len(r)) if r[t].std() > 0]
            audible = [snr(f[t], r[t]) for t in range(len(r)) if r[t].max() >= 10]   # loudest channel E >= 2^10
            print('%-34s SNR %5.1f dB  max |err| %.4f  worst frame %5.1f dB  worst frame with a channel >= 2^10: %5.1f dB'
                  % (name, snr(f, r), np.abs(f - r).max(), min(per_frame), min(audible) if audible else float('nan')), flush=True)
    elif what == 'hostile':         # threshold: every value within 0.05 log2 units (FrontendHostileInputTests)
        for name, x in hostile_signals():
            r, f = reference(x.astype(np.int64)), fixed(x.astype(np.int64), design)
            err = np.abs(f - r); t, m = np.unravel_index(err.argmax(), err.shape)
            print('%-16s max |err| %.4f  (channel %d: reference %.2f, frame peak %.2f log2)' % (name, err.max(), m, r[t, m], r[t].max()), flush=True)
    elif what == 'tables':          # the C twin's tables (static_tables.h)
        def arr(ctype, name, v): return 'static const %s %s[%d] = {%s};\n' % (ctype, name, len(v), ','.join(str(int(a)) for a in v))
        with open(sys.argv[3], 'w') as fh:
            fh.write('/* Generated by study.py tables: do not edit. */\n')
            fh.write(arr('int32_t', 'HANN31', HANN31) + arr('int32_t', 'COS31', COS31) + arr('int32_t', 'SIN31', SIN31))
            fh.write(arr('int32_t', 'BITREV', BITREV) + arr('int16_t', 'MEL_START', MEL_START) + arr('int16_t', 'MEL_LENGTH', MEL_LENGTH))
            fh.write(arr('int16_t', 'MEL_OFFSET', MEL_OFFSET) + arr('int16_t', 'MEL_W15', MEL_W15) + arr('int32_t', 'LOG2_Q16', table('Log2MantissaQ16')))
    elif what == 'dump':            # E and exponent per channel of a few frames, for the C twin's check
        parts = [speech(20000)[8000:14000], tone(3000, 32767)[:800], q(np.random.default_rng(5).normal(0, 9000, 2000))]
        parts += [x[:960] for name, x in hostile_signals()]
        x = np.concatenate(parts).astype(np.int64)
        with open(sys.argv[3], 'w') as fh:
            for f in frames(x):
                E, ex = mel(*design(f))
                fh.write(' '.join(str(int(v)) for v in f) + '\n' + ' '.join('%d:%d' % (a, b) for a, b in zip(E, ex)) + '\n')

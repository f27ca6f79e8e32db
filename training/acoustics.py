"""A real microphone in a real room, in code (issue 12, item 3).

Room impulse responses from a statistical model (direct path + sparse early reflections +
exponentially decaying diffuse tail with a frequency-dependent decay), microphone / band-limit
responses as random smooth magnitude curves, and machine noises (fan, hum, clicks). All take a
random.Random so a clip's seed fixes them. 16 kHz float arrays throughout.
"""
import numpy as np

RATE = 16000


def fft_convolve(x, h):
    n = len(x) + len(h) - 1
    size = 1 << (n - 1).bit_length()
    y = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(h, size), size)[:n]
    return y


def room_impulse_response(rng):
    """(impulse response, description): RT60 0.15-0.9 s, talker 0.3-4 m from the microphone.

    The direct-to-reverberant energy ratio falls with distance (critical distance ~1 m in a
    living room); early reflections arrive 1-20 ms after the direct sound; high frequencies decay
    faster than low ones (air and wall absorption), done by mixing a low-passed slow tail with a
    fast broadband one.
    """
    rt60 = rng.uniform(0.15, 0.9)
    distance = rng.choice([rng.uniform(0.3, 1.0), rng.uniform(1.0, 4.0)])
    n = int(RATE * min(1.0, rt60 * 1.1))
    t = np.arange(n) / RATE
    nrng = np.random.default_rng(rng.getrandbits(32))
    noise = nrng.standard_normal(n)
    decay = np.exp(-6.9 * t / rt60)                   # -60 dB at rt60
    fast = np.exp(-6.9 * t / (0.5 * rt60))
    low = np.convolve(noise, np.ones(4) / 4, mode="same")  # gentle low-pass for the slow tail
    tail = low * decay + 0.5 * noise * fast
    onset = int(RATE * 0.002)
    tail[:onset] = 0
    h = np.zeros(n)
    for _ in range(rng.randint(3, 8)):                  # early reflections
        k = int(RATE * rng.uniform(0.001, 0.02))
        h[k] += rng.uniform(-0.6, 0.6) / (1 + k / 80)
    tail_energy = float(np.sum(tail * tail))
    drr_db = 10 * np.log10(1.0 / (distance * distance)) + rng.uniform(-2, 4)  # 0 dB at 1 m
    h += tail * np.sqrt(10 ** (-drr_db / 10) / max(tail_energy, 1e-12))
    h[0] = 1.0
    return h, "rir=rt%.2f@%.1fm" % (rt60, distance)


def apply_room(x, rng):
    h, desc = room_impulse_response(rng)
    y = fft_convolve(x, h)[:len(x)]
    return y, desc


def microphone_response(rng, n_fft):
    """A random smooth magnitude response over rfft bins: high-pass corner 50-400 Hz, a roll-off
    from 3.4-8 kHz (cheap MEMS, telephone-like band limits), and +-6 dB of ripple (capsule, case)."""
    freqs = np.fft.rfftfreq(n_fft, 1.0 / RATE)
    hp = rng.uniform(50, 400)
    order = rng.choice([1, 2])
    g = 1.0 / np.sqrt(1 + (hp / np.maximum(freqs, 1.0)) ** (2 * order))
    if rng.random() < 0.6:
        lp = rng.uniform(3400, 7800)
        g *= 1.0 / np.sqrt(1 + (freqs / lp) ** (2 * rng.choice([2, 4])))
    knots = np.linspace(0, RATE / 2, rng.randint(4, 9))
    ripple_db = np.array([rng.uniform(-6, 6) for _ in knots])
    g *= 10 ** (np.interp(freqs, knots, ripple_db) / 20)
    return g, "mic=hp%d" % hp + ("/lp" if g[-1] < 0.5 else "")


def apply_microphone(x, rng):
    size = 1 << (len(x) - 1).bit_length()
    g, desc = microphone_response(rng, size)
    y = np.fft.irfft(np.fft.rfft(x, size) * g, size)[:len(x)]
    return y, desc


def fan(n, rng):
    """Fan / air-conditioning noise: low-passed noise with a blade tone and its harmonics."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    w = nrng.standard_normal(n)
    k = rng.randint(2, 12)
    x = np.convolve(w, np.ones(k) / k, mode="same")
    t = np.arange(n) / RATE
    f0 = rng.uniform(60, 240)
    for h in range(1, 4):
        x += rng.uniform(0.05, 0.4) / h * np.std(x) * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 6.28))
    return x


def hum(n, rng):
    f = rng.choice([50, 60])
    t = np.arange(n) / RATE
    x = np.zeros(n)
    for h in range(1, 6):
        x += rng.uniform(0.1, 1.0) / h * np.sin(2 * np.pi * f * h * t + rng.uniform(0, 2 * np.pi))
    return x


def clicks(n, rng):
    """Sparse clicks and knocks (keyboard, cutlery, a bumped microphone): decaying bursts."""
    x = np.zeros(n)
    nrng = np.random.default_rng(rng.getrandbits(32))
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(n)
        length = rng.randint(40, 800)
        burst = nrng.standard_normal(length) * np.exp(-np.arange(length) / (length / 5))
        end = min(n, at + length)
        x[at:end] += rng.uniform(0.2, 1.0) * burst[:end - at]
    x += 0.01 * nrng.standard_normal(n)
    return x

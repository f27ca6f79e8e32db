using System;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// Band-limited polyphase resampler for any rational ratio (Kaiser-windowed sinc).
    /// Design: passband edge 0.9 of the lower Nyquist frequency, stop-band edge at that Nyquist
    /// frequency (8 kHz when the output is 16 kHz), Kaiser window for <see cref="DesignStopbandDb"/>
    /// of rejection. Linear phase; the filter delay is compensated, so output sample m is the
    /// input signal at time m/outputRate. Streaming: keeps only the filter's history between calls.
    /// The measured figures are in docs/audio-input.md and checked by tests with tones.
    /// </summary>
    public sealed class Resampler
    {
        /// <summary>The Kaiser design target for stop-band rejection (also the passband ripple target).</summary>
        public const double DesignStopbandDb = 90.0;

        /// <summary>Largest interpolation factor (phases in the polyphase table) accepted.</summary>
        public const int MaxPhases = 2048;

        private readonly double[][] _phases; // _phases[p][t]: weight of input sample (i - H + t) for phase p
        private readonly int _half;           // H: input samples each side of the centre
        private double[] _buffer;             // input samples from absolute index _bufferStart
        private long _bufferStart;
        private int _bufferLength;
        private long _nextOutput;             // index m of the next output sample
        private long _inputCount;             // input samples received so far
        private bool _flushed;

        public Resampler(int inputRate, int outputRate)
        {
            if (inputRate <= 0 || outputRate <= 0)
                throw new ArgumentOutOfRangeException(nameof(inputRate), "sample rates must be positive");
            int g = Gcd(inputRate, outputRate);
            Up = outputRate / g;
            Down = inputRate / g;
            if (Up > MaxPhases)
                throw new ArgumentOutOfRangeException(nameof(inputRate),
                    "ratio " + outputRate + "/" + inputRate + " needs " + Up + " filter phases (at most " + MaxPhases + ")");
            InputRate = inputRate;
            OutputRate = outputRate;

            double nyquist = Math.Min(inputRate, outputRate) / 2.0;
            PassbandEdgeHz = 0.9 * nyquist;
            StopbandEdgeHz = nyquist;
            double transition = StopbandEdgeHz - PassbandEdgeHz;
            // Kaiser's estimate of the filter length, counted in input samples each side of the centre.
            _half = (int)Math.Ceiling((DesignStopbandDb - 7.95) * inputRate / (2 * 14.36 * transition));
            _phases = DesignPhases(Up, _half, (PassbandEdgeHz + StopbandEdgeHz) / 2 / ((double)Up * inputRate), KaiserBeta(DesignStopbandDb));

            _buffer = new double[4 * _half + 4096];
            _bufferLength = _half;       // the signal is zero before its start
            _bufferStart = -_half;
        }

        public int InputRate { get; }
        public int OutputRate { get; }

        /// <summary>Interpolation factor L (output rate / gcd).</summary>
        public int Up { get; }

        /// <summary>Decimation factor M (input rate / gcd).</summary>
        public int Down { get; }

        /// <summary>Filter taps applied per output sample.</summary>
        public int TapsPerOutput => 2 * _half + 1;

        public double PassbandEdgeHz { get; }
        public double StopbandEdgeHz { get; }

        /// <summary>The most output samples one <see cref="Process"/> call of <paramref name="inputCount"/> samples, or <see cref="Flush"/>, can give.</summary>
        public int MaxOutputFor(int inputCount) => (int)((long)(Math.Max(inputCount, _half) + 2 * _half + 2) * Up / Down) + 2;

        /// <summary>Feeds input samples; writes the output samples now computable and returns their count.</summary>
        public int Process(double[] input, int offset, int count, double[] output, int outputOffset)
        {
            if (_flushed) throw new InvalidOperationException("the resampler was flushed");
            Append(input, offset, count);
            _inputCount += count;
            return Emit(output, outputOffset, long.MaxValue);
        }

        /// <summary>
        /// Ends the stream: emits the last samples (the signal is zero after its end), so that
        /// N input samples give ceil(N * out / in) output samples in all.
        /// </summary>
        public int Flush(double[] output, int outputOffset)
        {
            if (_flushed) return 0;
            _flushed = true;
            long total = (_inputCount * Up + Down - 1) / Down;
            Append(new double[_half + 1], 0, _half + 1);
            return Emit(output, outputOffset, total);
        }

        private void Append(double[] input, int offset, int count)
        {
            if (_bufferLength + count > _buffer.Length)
            {
                var bigger = new double[Math.Max(_buffer.Length * 2, _bufferLength + count)];
                Array.Copy(_buffer, bigger, _bufferLength);
                _buffer = bigger;
            }
            Array.Copy(input, offset, _buffer, _bufferLength, count);
            _bufferLength += count;
        }

        private int Emit(double[] output, int outputOffset, long limit)
        {
            int written = 0;
            int taps = 2 * _half + 1;
            while (_nextOutput < limit)
            {
                long position = _nextOutput * Down;
                long centre = position / Up;
                int phase = (int)(position - centre * Up);
                long first = centre - _half;
                if (centre + _half >= _bufferStart + _bufferLength) break;
                int start = (int)(first - _bufferStart);
                double[] weights = _phases[phase];
                double sum = 0;
                for (int t = 0; t < taps; t++) sum += _buffer[start + t] * weights[t];
                output[outputOffset + written++] = sum;
                _nextOutput++;
            }
            // Keep only what later outputs can still need.
            long needed = _nextOutput * Down / Up - _half;
            int drop = (int)Math.Min(Math.Max(0, needed - _bufferStart), _bufferLength);
            if (drop > 0)
            {
                Array.Copy(_buffer, drop, _buffer, 0, _bufferLength - drop);
                _bufferLength -= drop;
                _bufferStart += drop;
            }
            return written;
        }

        /// <summary>
        /// The prototype low-pass h[n], n = 0..2HL at rate L*fin, cut into L phases of 2H+1 taps,
        /// each phase scaled to unit DC gain so a constant input stays exactly constant.
        /// </summary>
        private static double[][] DesignPhases(int up, int half, double cutoff, double beta)
        {
            long centre = (long)half * up;
            double i0Beta = BesselI0(beta);
            var phases = new double[up][];
            for (int p = 0; p < up; p++)
            {
                var weights = new double[2 * half + 1];
                double sum = 0;
                for (int k = 0; k <= 2 * half; k++)
                {
                    long n = p + (long)k * up;       // weight of input sample (i + H - k)
                    if (n > 2 * centre) continue;
                    double x = n - centre;
                    double sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
                    double r = x / centre;
                    double window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - r * r))) / i0Beta;
                    double w = sinc * window;
                    weights[2 * half - k] = w;      // stored in input order: t = 2H - k
                    sum += w;
                }
                for (int t = 0; t < weights.Length; t++) weights[t] /= sum;
                phases[p] = weights;
            }
            return phases;
        }

        /// <summary>Kaiser's beta for a given stop-band attenuation in dB (A &gt; 50).</summary>
        private static double KaiserBeta(double attenuationDb) => 0.1102 * (attenuationDb - 8.7);

        /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
        private static double BesselI0(double x)
        {
            double sum = 1, term = 1, q = x * x / 4;
            for (int k = 1; k < 200; k++)
            {
                term *= q / ((double)k * k);
                sum += term;
                if (term < sum * 1e-17) break;
            }
            return sum;
        }

        private static int Gcd(int a, int b)
        {
            while (b != 0) { int t = a % b; a = b; b = t; }
            return a;
        }
    }
}

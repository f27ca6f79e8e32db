using System;
using Edge.Asr.Sim.Audio;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>
    /// Measures the resampler with tones against the figures docs/audio-input.md states:
    /// passband (0 to 0.9 of the lower Nyquist) ripple within ±0.0003 dB, stop-band (from the
    /// output Nyquist, 8 kHz, upwards) rejection at least 90 dB, delay compensated (phase kept).
    /// </summary>
    public sealed class ResamplerTests
    {
        public const double StatedPassbandRippleDb = 0.0003;
        public const double StatedStopbandDb = 90.0;

        private readonly ITestOutputHelper _log;

        public ResamplerTests(ITestOutputHelper log)
        {
            _log = log;
        }

        /// <summary>Resamples a whole signal in one call plus the flush.</summary>
        internal static double[] ResampleAll(double[] x, int inRate, int outRate = 16000)
        {
            var r = new Resampler(inRate, outRate);
            var output = new double[r.MaxOutputFor(x.Length)];
            int n = r.Process(x, 0, x.Length, output, 0);
            n += r.Flush(output, n);
            Array.Resize(ref output, n);
            return output;
        }

        private static double Db(double ratio) => 20 * Math.Log10(ratio);

        [Theory]
        [InlineData(44100)]
        [InlineData(48000)]
        [InlineData(22050)]
        [InlineData(8000)]
        [InlineData(11025)]
        [InlineData(32000)]
        [InlineData(96000)]
        [InlineData(88200)]
        [InlineData(24000)]
        [InlineData(192000)]
        public void OneKilohertzToneKeepsAmplitudeFrequencyAndPhase(int rate)
        {
            const double amplitude = 16000, phase = 0.7;
            double[] y = ResampleAll(ToneFit.Tone(1000, rate, rate, amplitude, phase), rate);
            // Away from the abrupt start and end of the tone, the output must be the same tone.
            ToneFit fit = ToneFit.Fit(y, 2000, y.Length - 4000, 1000, 16000);
            double gainDb = Db(fit.Amplitude / amplitude);
            double residualDb = Db(fit.ResidualRms / (amplitude / Math.Sqrt(2)));
            _log.WriteLine(rate + " Hz -> 16 kHz, 1 kHz tone: gain " + gainDb.ToString("0.000000") + " dB, phase error "
                + (fit.Phase - phase).ToString("0.0e0") + " rad, residual " + residualDb.ToString("0.0") + " dB");
            Assert.InRange(gainDb, -0.1, 0.1);
            Assert.InRange(Math.Abs(gainDb), 0, StatedPassbandRippleDb);
            Assert.InRange(Math.Abs(fit.Phase - phase), 0, 1e-6); // the filter delay is compensated
            Assert.True(residualDb < -100, "residual " + residualDb + " dB: not the same 1 kHz tone");
        }

        [Theory]
        [InlineData(44100)]
        [InlineData(48000)]
        [InlineData(22050)]
        [InlineData(8000)]
        public void PassbandRippleWithinStatedFigure(int rate)
        {
            double edge = 0.9 * Math.Min(rate, 16000) / 2;
            double worst = 0;
            for (double f = 50; f <= edge + 1e-9; f += (edge - 50) / 40)
            {
                double[] y = ResampleAll(ToneFit.Tone(f, rate, rate / 2, 10000), rate);
                ToneFit fit = ToneFit.Fit(y, 1000, y.Length - 2000, f, 16000);
                worst = Math.Max(worst, Math.Abs(Db(fit.Amplitude / 10000)));
            }
            _log.WriteLine(rate + " Hz: worst passband deviation 0-" + edge + " Hz: " + worst.ToString("0.000000") + " dB");
            Assert.InRange(worst, 0, StatedPassbandRippleDb);
        }

        [Theory]
        [InlineData(48000, 9000)]
        [InlineData(48000, 12000)]
        [InlineData(44100, 9000)]
        [InlineData(44100, 20000)]
        [InlineData(22050, 10000)]
        [InlineData(96000, 30000)]
        public void ToneAboveEightKilohertzIsRejected(int rate, int frequency)
        {
            const double amplitude = 30000;
            double[] y = ResampleAll(ToneFit.Tone(frequency, rate, rate, amplitude, 0.3), rate);
            double rejection = -Db(ToneFit.Rms(y, 2000, y.Length - 4000) / (amplitude / Math.Sqrt(2)));
            _log.WriteLine(rate + " Hz, " + frequency + " Hz tone: rejected by " + rejection.ToString("0.0") + " dB");
            Assert.True(rejection >= StatedStopbandDb, rejection + " dB < " + StatedStopbandDb);
        }

        [Theory]
        [InlineData(48000)]
        [InlineData(44100)]
        public void WholeStopbandSweepIsRejected(int rate)
        {
            const double amplitude = 30000;
            double worst = double.MaxValue, worstAt = 0;
            for (double f = 8000; f < rate / 2.0; f += 97.3)
            {
                double[] y = ResampleAll(ToneFit.Tone(f, rate, rate / 4, amplitude, 1.1), rate);
                double rejection = -Db(ToneFit.Rms(y, 1000, y.Length - 2000) / (amplitude / Math.Sqrt(2)));
                if (rejection < worst) { worst = rejection; worstAt = f; }
            }
            _log.WriteLine(rate + " Hz: worst stop-band rejection 8 kHz-" + rate / 2 + " Hz: " + worst.ToString("0.0") + " dB at " + worstAt.ToString("0") + " Hz");
            Assert.True(worst >= StatedStopbandDb, worst + " dB at " + worstAt + " Hz");
        }

        [Theory]
        [InlineData(44100, 44100)]
        [InlineData(48000, 1000)]
        [InlineData(8000, 8001)]
        [InlineData(11025, 333)]
        public void OutputLengthIsCeilingOfScaledInputLength(int rate, int count)
        {
            double[] y = ResampleAll(new double[count], rate);
            Assert.Equal((long)Math.Ceiling(count * 16000.0 / rate - 1e-9), y.Length);
        }

        [Theory]
        [InlineData(44100)]
        [InlineData(8000)]
        public void StreamingInOddChunksEqualsOneCall(int rate)
        {
            double[] x = ToneFit.Tone(440, rate, rate / 2, 12000);
            double[] whole = ResampleAll(x, rate);
            var r = new Resampler(rate, 16000);
            var streamed = new double[whole.Length];
            int n = 0, p = 0, chunk = 1;
            var output = new double[r.MaxOutputFor(1000)];
            while (p < x.Length)
            {
                int c = Math.Min(chunk, x.Length - p);
                int got = r.Process(x, p, c, output, 0);
                Array.Copy(output, 0, streamed, n, got);
                n += got;
                p += c;
                chunk = chunk * 7 % 997 + 1;
            }
            n += r.Flush(streamed, n);
            Assert.Equal(whole.Length, n);
            Assert.Equal(whole, streamed);
        }

        [Fact]
        public void ConstantStaysConstant()
        {
            var x = new double[22050];
            Array.Fill(x, 1234.0);
            double[] y = ResampleAll(x, 22050);
            for (int i = 1000; i < y.Length - 1000; i++) Assert.InRange(y[i], 1234 - 1e-9, 1234 + 1e-9);
        }

        [Fact]
        public void DesignFiguresAreTheDocumentedOnes()
        {
            var r = new Resampler(44100, 16000);
            Assert.Equal(160, r.Up);
            Assert.Equal(441, r.Down);
            Assert.Equal(7200.0, r.PassbandEdgeHz, 9);
            Assert.Equal(8000.0, r.StopbandEdgeHz, 9);
            _log.WriteLine("44100 -> 16000: " + r.TapsPerOutput + " taps per output sample");
        }
    }
}

using System;
using System.Collections.Generic;
using Edge.Asr.Frontend;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>
    /// Fixed-point log-mel against the double-precision reference. SNR per utterance, in log2 units,
    /// mean-removed: 10·log10(Σ(ref − mean(ref))² / Σ(fixed − ref)²) over all frames and channels,
    /// with fixed = output / 256 and ref = log2(max(E, 1)). Threshold: 30 dB for every signal.
    /// </summary>
    public class FrontendFidelityTests
    {
        public const double ThresholdDb = 30.0;
        private const double FullScale = 32767.0;
        private static readonly double Minus60Dbfs = 32768.0 * Math.Pow(10, -60.0 / 20);
        private const string Sentence = "yes no up down left right on off stop go. Turn the lights on in the kitchen please.";

        private readonly ITestOutputHelper _output;

        public FrontendFidelityTests(ITestOutputHelper output) { _output = output; }

        public static IEnumerable<object[]> Signals()
        {
            yield return new object[] { "speech (espeak-ng, peak -3 dBFS)" };
            yield return new object[] { "tone 100 Hz" };
            yield return new object[] { "tone 440 Hz" };
            yield return new object[] { "tone 1000 Hz" };
            yield return new object[] { "tone 3000 Hz" };
            yield return new object[] { "tone 7000 Hz" };
            yield return new object[] { "linear chirp 50-7900 Hz" };
            yield return new object[] { "white noise" };
            yield return new object[] { "pink noise" };
            yield return new object[] { "quiet speech (peak -60 dBFS)" };
            yield return new object[] { "quiet white noise (rms -60 dBFS)" };
            yield return new object[] { "quiet tone 1000 Hz (peak -60 dBFS)" };
            yield return new object[] { "full-scale speech (peak 32767)" };
            yield return new object[] { "full-scale tone 1000 Hz" };
            yield return new object[] { "full-scale chirp 50-7900 Hz" };
            yield return new object[] { "full-scale white noise (clipped)" };
        }

        public static short[] Make(string name)
        {
            switch (name)
            {
                case "speech (espeak-ng, peak -3 dBFS)": return TestSignals.Speech(Sentence, FullScale * Math.Pow(10, -3.0 / 20));
                case "tone 100 Hz": return TestSignals.Tone(100, 10000, 1.0);
                case "tone 440 Hz": return TestSignals.Tone(440, 10000, 1.0);
                case "tone 1000 Hz": return TestSignals.Tone(1000, 10000, 1.0);
                case "tone 3000 Hz": return TestSignals.Tone(3000, 10000, 1.0);
                case "tone 7000 Hz": return TestSignals.Tone(7000, 10000, 1.0);
                case "linear chirp 50-7900 Hz": return TestSignals.Chirp(50, 7900, 10000, 2.0);
                case "white noise": return TestSignals.WhiteNoise(1, 3000, 2.0);
                case "pink noise": return TestSignals.PinkNoise(2, 3000, 2.0);
                case "quiet speech (peak -60 dBFS)": return TestSignals.Speech(Sentence, Minus60Dbfs);
                case "quiet white noise (rms -60 dBFS)": return TestSignals.WhiteNoise(3, Minus60Dbfs, 2.0);
                case "quiet tone 1000 Hz (peak -60 dBFS)": return TestSignals.Tone(1000, Minus60Dbfs, 1.0);
                case "full-scale speech (peak 32767)": return TestSignals.Speech(Sentence, FullScale);
                case "full-scale tone 1000 Hz": return TestSignals.Tone(1000, FullScale, 1.0);
                case "full-scale chirp 50-7900 Hz": return TestSignals.Chirp(50, 7900, FullScale, 2.0);
                case "full-scale white noise (clipped)": return TestSignals.WhiteNoise(4, 16000, 2.0);
                default: throw new ArgumentException(name);
            }
        }

        /// <summary>Mean-removed SNR in dB of fixed (Q8) against reference (log2 units).</summary>
        public static double SnrDb(short[][] fixedFrames, double[][] reference, out double maxAbsError)
        {
            Assert.Equal(reference.Length, fixedFrames.Length);
            double mean = 0;
            int count = 0;
            foreach (double[] frame in reference) foreach (double v in frame) { mean += v; count++; }
            mean /= count;
            double signal = 0, noise = 0;
            maxAbsError = 0;
            for (int t = 0; t < reference.Length; t++)
                for (int m = 0; m < reference[t].Length; m++)
                {
                    double r = reference[t][m], f = fixedFrames[t][m] / 256.0;
                    signal += (r - mean) * (r - mean);
                    noise += (f - r) * (f - r);
                    maxAbsError = Math.Max(maxAbsError, Math.Abs(f - r));
                }
            return 10 * Math.Log10(signal / Math.Max(noise, 1e-300));
        }

        /// <summary>
        /// Absolute scale, independent of the FFT code: for white noise of variance σ², the expected
        /// |X[k]|² of an unnormalised DFT of the Hann-windowed frame is σ²·Σhann² = 150σ² (periodic Hann,
        /// N = 400: Σhann² = 3N/8), so E_m averages σ²·150·Σ_k w_m[k]. Checked on 3998 frames within
        /// 0.1 log2 units (the sampling error of the average is a few percent).
        /// </summary>
        [Fact]
        public void WhiteNoiseLevelMatchesTheory()
        {
            const double sigma = 1000;
            short[] signal = TestSignals.WhiteNoise(11, sigma, 40.0);
            double variance = 0;
            foreach (short v in signal) variance += (double)v * v;
            variance /= signal.Length;
            short[][] frames = FrontendRunner.Run(signal, 160);
            double worst = 0;
            for (int m = 0; m < LogMelFrontend.MelChannels; m++)
            {
                double weightSum = 0;
                for (int k = 0; k < Edge.Asr.Codegen.Frontend.MelScale.Bins; k++) weightSum += Edge.Asr.Codegen.Frontend.MelScale.Weight(m, k);
                double expected = Math.Log2(variance * 150.0 * weightSum);
                double mean = 0;
                foreach (short[] frame in frames) mean += Math.Pow(2, frame[m] / 256.0);
                double measured = Math.Log2(mean / frames.Length);
                worst = Math.Max(worst, Math.Abs(measured - expected));
                Assert.True(Math.Abs(measured - expected) < 0.1, "channel " + m + ": log2 mean E " + measured.ToString("F3") + ", theory " + expected.ToString("F3"));
            }
            _output.WriteLine("white noise level: worst channel deviation from theory " + worst.ToString("F4") + " log2 units");
        }

        [Theory]
        [MemberData(nameof(Signals))]
        public void FixedPointMatchesFloatReference(string name)
        {
            short[] signal = Make(name);
            var frontend = new LogMelFrontend();
            short[][] fixedFrames = FrontendRunner.Run(frontend, signal, () => 160);
            double[][] reference = FloatLogMel.Log2Mel(signal);
            double snr = SnrDb(fixedFrames, reference, out double maxError);
            _output.WriteLine(name + ": frames " + fixedFrames.Length + ", SNR " + snr.ToString("F1") + " dB, max |error| " + maxError.ToString("F4") + " log2 units");
            Assert.True(frontend.OverflowCount == 0, "overflow counter " + frontend.OverflowCount);
            Assert.True(snr >= ThresholdDb, name + ": SNR " + snr.ToString("F1") + " dB < " + ThresholdDb + " dB");
        }
    }
}

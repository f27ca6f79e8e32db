using System;
using Edge.Asr.Codegen.Frontend;
using MathNet.Numerics.IntegralTransforms;
using Complex = System.Numerics.Complex;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>
    /// Double-precision reference of the log-mel frontend: same framing (400-sample windows every
    /// 160 samples, no padding), exact periodic Hann, unnormalised 512-point DFT (MathNet),
    /// exact triangular HTK-mel weights, value log2(max(E, 1)) in log2 units (not rounded).
    /// </summary>
    public static class FloatLogMel
    {
        private static readonly double[][] Weights = BuildWeights();

        private static double[][] BuildWeights()
        {
            var w = new double[MelScale.Channels][];
            for (int m = 0; m < MelScale.Channels; m++)
            {
                w[m] = new double[MelScale.Bins];
                for (int k = 0; k < MelScale.Bins; k++) w[m][k] = MelScale.Weight(m, k);
            }
            return w;
        }

        public static int FrameCount(int samples) => samples < MelScale.WindowLength ? 0 : 1 + (samples - MelScale.WindowLength) / 160;

        /// <summary>Mel energies E (int16² units) of every frame.</summary>
        public static double[][] Energies(short[] signal)
        {
            int frames = FrameCount(signal.Length);
            var result = new double[frames][];
            var buffer = new Complex[MelScale.FftLength];
            for (int t = 0; t < frames; t++)
            {
                Array.Clear(buffer);
                for (int n = 0; n < MelScale.WindowLength; n++) buffer[n] = new Complex(signal[t * 160 + n] * MelScale.Hann(n), 0.0);
                Fourier.Forward(buffer, FourierOptions.NoScaling);
                var e = new double[MelScale.Channels];
                for (int m = 0; m < MelScale.Channels; m++)
                {
                    double sum = 0;
                    for (int k = 0; k < MelScale.Bins; k++)
                    {
                        double w = Weights[m][k];
                        if (w != 0) sum += w * (buffer[k].Real * buffer[k].Real + buffer[k].Imaginary * buffer[k].Imaginary);
                    }
                    e[m] = sum;
                }
                result[t] = e;
            }
            return result;
        }

        /// <summary>log2(max(E, 1)) of every frame and channel.</summary>
        public static double[][] Log2Mel(short[] signal)
        {
            double[][] e = Energies(signal);
            foreach (double[] frame in e)
                for (int m = 0; m < frame.Length; m++) frame[m] = Math.Log2(Math.Max(frame[m], 1.0));
            return e;
        }
    }
}

using System;

namespace Edge.Asr.Codegen.Frontend
{
    /// <summary>
    /// The exact (double precision) definition of the frontend's analysis: periodic Hann window,
    /// HTK mel scale, 40 triangular filters between <see cref="LowHz"/> and <see cref="HighHz"/>
    /// with peak weight 1, triangles linear in mel. The table generator quantises these values;
    /// the float reference in the tests uses them unquantised.
    /// </summary>
    public static class MelScale
    {
        public const int SampleRate = 16000;
        public const int WindowLength = 400;
        public const int FftLength = 512;
        public const int Bins = FftLength / 2 + 1;
        public const int Channels = 40;
        public const double LowHz = 20.0;
        public const double HighHz = 7600.0;

        /// <summary>HTK mel scale: 2595 log10(1 + f / 700).</summary>
        public static double HzToMel(double hz) => 2595.0 * Math.Log10(1.0 + hz / 700.0);

        public static double MelToHz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);

        public static double BinToHz(int bin) => bin * (double)SampleRate / FftLength;

        /// <summary>Periodic Hann: 0.5 - 0.5 cos(2πn/N) for n in [0, N), N = 400 (w[0] = 0, w[200] = 1).</summary>
        public static double Hann(int n) => 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * n / WindowLength);

        /// <summary>Mel value of edge i (0..41): edges equally spaced in mel from LowHz to HighHz.</summary>
        public static double EdgeMel(int i)
        {
            double lo = HzToMel(LowHz), hi = HzToMel(HighHz);
            return lo + i * (hi - lo) / (Channels + 1);
        }

        /// <summary>Channel m spans edges m (lower), m+1 (centre), m+2 (upper).</summary>
        public static double LowerHz(int channel) => MelToHz(EdgeMel(channel));

        public static double CentreHz(int channel) => MelToHz(EdgeMel(channel + 1));

        public static double UpperHz(int channel) => MelToHz(EdgeMel(channel + 2));

        /// <summary>Triangular weight of FFT bin <paramref name="bin"/> in channel <paramref name="channel"/>, linear in mel.</summary>
        public static double Weight(int channel, int bin)
        {
            double lower = EdgeMel(channel), centre = EdgeMel(channel + 1), upper = EdgeMel(channel + 2);
            double mel = HzToMel(BinToHz(bin));
            if (mel <= lower || mel >= upper) return 0.0;
            return mel <= centre ? (mel - lower) / (centre - lower) : (upper - mel) / (upper - centre);
        }
    }
}

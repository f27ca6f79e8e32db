using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    /// <summary>
    /// Float reference of the x4 DWS conv subsampling on a whole sequence, written the PyTorch way:
    /// zero-pad 2 frames on the left in time and 1 bin on each side in frequency, stride 2×2.
    /// </summary>
    public sealed class SubsamplingRef
    {
        public double[][] Conv1 = Array.Empty<double[]>();    // [c][9] (kt·3 + kf)
        public double[] Conv1B = Array.Empty<double>();
        public double[][] Dw = Array.Empty<double[]>();       // [c][9]
        public double[] DwB = Array.Empty<double>();
        public double[][] Pw = Array.Empty<double[]>();       // [c][c]
        public double[] PwB = Array.Empty<double>();
        public double[][] Out = Array.Empty<double[]>();      // [d][c·F2]
        public double[] OutB = Array.Empty<double>();

        /// <summary>Strided causal 3×3 conv per channel: the float model's own definition.</summary>
        private static double[][][] Conv(double[][][] input, int outChannels, Func<int, int, int, double> weight, double[] bias, bool depthwise, bool relu) =>
            Edge.Asr.Codegen.Reference.FloatModel.Conv2d(input, outChannels, weight, bias, depthwise, relu);

        /// <summary>mel[t][bin] → encoder frames [ceil(ceil(T/2)/2)][D]; also returns the intermediates for calibration.</summary>
        public double[][] Apply(double[][] mel, out double[][][] stage1, out double[][][] depthwise, out double[][][] pointwise, out double[][] flat)
        {
            var x = new double[mel.Length][][];
            for (int t = 0; t < mel.Length; t++)
            {
                x[t] = new double[mel[t].Length][];
                for (int f = 0; f < mel[t].Length; f++) x[t][f] = new[] { mel[t][f] };
            }
            int c = Conv1.Length;
            stage1 = Conv(x, c, (o, i, k) => Conv1[o][k], Conv1B, false, true);
            depthwise = Conv(stage1, c, (o, i, k) => Dw[o][k], DwB, true, false);
            int f2 = depthwise[0].Length;
            pointwise = new double[depthwise.Length][][];
            flat = new double[depthwise.Length][];
            var y = new double[depthwise.Length][];
            for (int t = 0; t < depthwise.Length; t++)
            {
                pointwise[t] = new double[f2][];
                flat[t] = new double[c * f2];
                for (int f = 0; f < f2; f++)
                {
                    pointwise[t][f] = LinearRef.Apply(Pw, PwB, depthwise[t][f], relu: true);
                    for (int ch = 0; ch < c; ch++) flat[t][ch * f2 + f] = pointwise[t][f][ch];
                }
                y[t] = LinearRef.Apply(Out, OutB, flat[t]);
            }
            return y;
        }
    }
}

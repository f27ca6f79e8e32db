using System;
using System.Text;

namespace Edge.Asr.Codegen.Frontend
{
    /// <summary>
    /// Writes kernels/Frontend/FrontendTables.cs: every constant table of the fixed-point log-mel
    /// frontend, quantised from <see cref="MelScale"/>. Regenerate with
    /// <c>EDGE_ASR_REGEN=1 dotnet test Edge.Asr.sln -c Release --filter FullyQualifiedName~FrontendTablesSync</c>.
    /// </summary>
    public static class FrontendTableGenerator
    {
        /// <summary>Where the generated file lives, relative to the repository root.</summary>
        public const string RelativePath = "kernels/Frontend/FrontendTables.cs";

        /// <summary>Q format of the Hann window and of the FFT twiddles (value 1.0 = 2^31, stored saturated at 2^31 - 1).</summary>
        public const int WindowAndTwiddleFractionBits = 31;

        /// <summary>Twiddle angles 2πk/512 for k = 0..383: a radix-4 pass reads W^j, W^2j and W^3j.</summary>
        public const int TwiddleCount = 384;

        /// <summary>Q format of the mel weights (1.0 = 2^15, stored saturated at 32767).</summary>
        public const int MelWeightFractionBits = 15;

        /// <summary>log2(1 + i/128) table, Q16, 129 entries (the last one is 1.0 for interpolation).</summary>
        public const int Log2TableBits = 7;

        /// <summary>Bound the kernel relies on: every channel's Q15 weight sum stays below 2^19.</summary>
        public const int MaxChannelWeightSum = 1 << 19;

        /// <summary>round(v 2^31) saturated to ±(2^31 - 1), for |v| ≤ 1.</summary>
        private static int Q31(double v)
        {
            double r = Math.Round(v * 2147483648.0, MidpointRounding.AwayFromZero);
            if (r > int.MaxValue) return int.MaxValue;
            if (r < -int.MaxValue) return -int.MaxValue;
            return (int)r;
        }

        public static int[] HannQ31()
        {
            var t = new int[MelScale.WindowLength];
            for (int n = 0; n < t.Length; n++) t[n] = Q31(MelScale.Hann(n));
            return t;
        }

        /// <summary>cos(2πk/512) in Q31 for k = 0..383.</summary>
        public static int[] CosQ31()
        {
            var t = new int[TwiddleCount];
            for (int k = 0; k < t.Length; k++) t[k] = Q31(Math.Cos(2.0 * Math.PI * k / MelScale.FftLength));
            return t;
        }

        /// <summary>sin(2πk/512) in Q31 for k = 0..383.</summary>
        public static int[] SinQ31()
        {
            var t = new int[TwiddleCount];
            for (int k = 0; k < t.Length; k++) t[k] = Q31(Math.Sin(2.0 * Math.PI * k / MelScale.FftLength));
            return t;
        }

        /// <summary>log2(1 + i/128) in Q16 for i = 0..128.</summary>
        public static int[] Log2MantissaQ16()
        {
            int size = 1 << Log2TableBits;
            var t = new int[size + 1];
            for (int i = 0; i <= size; i++) t[i] = (int)Math.Round(Math.Log2(1.0 + (double)i / size) * 65536.0, MidpointRounding.AwayFromZero);
            return t;
        }

        /// <summary>Q15 weight of a bin, saturated to 32767; 0 means the bin is not in the channel.</summary>
        public static short QuantisedWeight(int channel, int bin)
        {
            double q = Math.Round(MelScale.Weight(channel, bin) * (1 << MelWeightFractionBits), MidpointRounding.AwayFromZero);
            return (short)Math.Min(short.MaxValue, q);
        }

        /// <summary>Sparse mel weights: per channel the first bin, the count of bins and the offset into the weights.</summary>
        public static void SparseMel(out short[] start, out short[] length, out short[] offset, out short[] weights)
        {
            start = new short[MelScale.Channels];
            length = new short[MelScale.Channels];
            offset = new short[MelScale.Channels];
            var all = new System.Collections.Generic.List<short>();
            for (int m = 0; m < MelScale.Channels; m++)
            {
                int first = -1, last = -1;
                for (int k = 0; k < MelScale.Bins; k++)
                {
                    if (QuantisedWeight(m, k) == 0) continue;
                    if (first < 0) first = k;
                    last = k;
                }
                if (first < 0) throw new InvalidOperationException("mel channel " + m + " has no FFT bin");
                start[m] = (short)first;
                length[m] = (short)(last - first + 1);
                offset[m] = (short)all.Count;
                int sum = 0;
                for (int k = first; k <= last; k++)
                {
                    short w = QuantisedWeight(m, k);
                    sum += w;
                    all.Add(w);
                }
                if (sum >= MaxChannelWeightSum) throw new InvalidOperationException("mel channel " + m + " weight sum " + sum + " breaks the 2^19 bound");
            }
            weights = all.ToArray();
        }

        /// <summary>The full text of kernels/Frontend/FrontendTables.cs.</summary>
        public static string Generate()
        {
            SparseMel(out short[] start, out short[] length, out short[] offset, out short[] weights);
            var sb = new StringBuilder();
            sb.Append("// <auto-generated>\n");
            sb.Append("// Generated by codegen/Frontend/FrontendTableGenerator.cs: do not edit.\n");
            sb.Append("// Regenerate: EDGE_ASR_REGEN=1 dotnet test Edge.Asr.sln -c Release --filter FullyQualifiedName~FrontendTablesSync\n");
            sb.Append("// </auto-generated>\n");
            sb.Append("namespace Edge.Asr.Frontend\n{\n");
            sb.Append("    /// <summary>Constant tables of the fixed-point log-mel frontend (see docs/frontend.md).</summary>\n");
            sb.Append("    public static class FrontendTables\n    {\n");
            sb.Append("        /// <summary>Lowest and highest mel band edge in Hz: " + MelScale.LowHz + " and " + MelScale.HighHz + " (HTK mel scale).</summary>\n");
            sb.Append("        public const int MelLowHz = " + (int)MelScale.LowHz + ";\n");
            sb.Append("        public const int MelHighHz = " + (int)MelScale.HighHz + ";\n\n");
            Emit(sb, "int", "HannQ31", "Periodic Hann window of 400 samples, Q31: round(2^31 (0.5 - 0.5 cos(2πn/400))), saturated at 2^31 - 1.", HannQ31(), 8);
            Emit(sb, "int", "CosQ31", "cos(2πk/512) for k = 0..383, Q31, saturated at ±(2^31 - 1).", CosQ31(), 8);
            Emit(sb, "int", "SinQ31", "sin(2πk/512) for k = 0..383, Q31, saturated at ±(2^31 - 1).", SinQ31(), 8);
            Emit(sb, "short", "MelStart", "First FFT bin of each mel channel.", start, 20);
            Emit(sb, "short", "MelLength", "Number of FFT bins of each mel channel.", length, 20);
            Emit(sb, "short", "MelOffset", "Offset of each channel's first weight in MelWeightsQ15.", offset, 20);
            Emit(sb, "short", "MelWeightsQ15", "Triangular mel weights, Q15 (saturated at 32767), channel after channel.", weights, 16);
            Emit(sb, "int", "Log2MantissaQ16", "log2(1 + i/128) for i = 0..128, Q16.", Log2MantissaQ16(), 8);
            sb.Length -= 1; // no blank line after the last table
            sb.Append("    }\n}\n");
            return sb.ToString();
        }

        /// <summary>The 40-channel table of docs/frontend.md: edges in Hz (exact to 0.01 Hz) and FFT bins.</summary>
        public static string ChannelTableMarkdown()
        {
            SparseMel(out short[] start, out short[] length, out short[] _, out short[] _);
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.Append("| channel | lower Hz | centre Hz | upper Hz | first bin | last bin | bins |\n");
            sb.Append("|---:|---:|---:|---:|---:|---:|---:|\n");
            for (int m = 0; m < MelScale.Channels; m++)
            {
                sb.Append("| " + m + " | " + MelScale.LowerHz(m).ToString("F2", inv) + " | " + MelScale.CentreHz(m).ToString("F2", inv) +
                          " | " + MelScale.UpperHz(m).ToString("F2", inv) + " | " + start[m] + " | " + (start[m] + length[m] - 1) + " | " + length[m] + " |\n");
            }
            return sb.ToString();
        }

        private static void Emit(StringBuilder sb, string type, string name, string doc, int[] values, int perLine)
        {
            var text = new string[values.Length];
            for (int i = 0; i < values.Length; i++) text[i] = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            EmitText(sb, type, name, doc, text, perLine);
        }

        private static void Emit(StringBuilder sb, string type, string name, string doc, short[] values, int perLine)
        {
            var text = new string[values.Length];
            for (int i = 0; i < values.Length; i++) text[i] = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            EmitText(sb, type, name, doc, text, perLine);
        }

        private static void EmitText(StringBuilder sb, string type, string name, string doc, string[] values, int perLine)
        {
            sb.Append("        /// <summary>" + doc + "</summary>\n");
            sb.Append("        public static readonly " + type + "[] " + name + " = new " + type + "[]\n        {\n");
            for (int i = 0; i < values.Length; i += perLine)
            {
                sb.Append("           ");
                for (int j = i; j < Math.Min(values.Length, i + perLine); j++) sb.Append(" " + values[j] + ",");
                sb.Append('\n');
            }
            sb.Append("        };\n\n");
        }
    }
}

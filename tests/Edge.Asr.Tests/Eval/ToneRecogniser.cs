using System;
using System.Collections.Generic;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// Test double of a model (tests only): per encoder frame (log-mel frames 0, 4, 8, …) it looks
    /// at that frame's loudest mel band. Near-silent frames are _silence_, a band of a known tone
    /// is that tone's class, any other band _unknown_. The class gets posterior 0.9, the others
    /// share the rest. The float path says the same, except that it turns
    /// <see cref="FloatSwapFrom"/> into <see cref="FloatSwapTo"/>, so agreement is known exactly.
    /// </summary>
    public sealed class ToneRecogniser : IRecogniser
    {
        public const short TopQ15 = 29491; // 0.9

        public static readonly string[] DefaultLabels = { "_silence_", "_unknown_", "yes", "no", "lights on" };

        /// <summary>Tone frequencies of the command classes (index 2, 3, 4).</summary>
        public static readonly double[] CommandHz = { 500, 1000, 2000 };

        /// <summary>A tone of no class (its band maps to _unknown_).</summary>
        public const double UnknownHz = 4000;

        private readonly Dictionary<int, int> _classOfBand;
        private readonly int _silenceCeiling;

        public ToneRecogniser(Dictionary<int, int> classOfBand, int silenceCeiling, int floatSwapFrom = -1, int floatSwapTo = -1)
        {
            _classOfBand = classOfBand;
            _silenceCeiling = silenceCeiling;
            FloatSwapFrom = floatSwapFrom;
            FloatSwapTo = floatSwapTo;
            Detector = new DetectorSettings(Labels.Length);
        }

        /// <summary>Finds each command tone's loudest band with the real frontend, and the level of silence.</summary>
        public static ToneRecogniser Calibrated(int floatSwapFrom = -1, int floatSwapTo = -1)
        {
            var bands = new Dictionary<int, int>();
            for (int i = 0; i < CommandHz.Length; i++) bands.Add(LoudestBand(Mel(EvalFiles.Tone(CommandHz[i], 0.2))), 2 + i);
            short[] silent = Mel(new short[3200]);
            int ceiling = 0;
            foreach (short v in silent) ceiling = Math.Max(ceiling, v);
            return new ToneRecogniser(bands, ceiling + 4 * 256, floatSwapFrom, floatSwapTo); // 16× the silent energy
        }

        public int FloatSwapFrom { get; }
        public int FloatSwapTo { get; }

        public string[] Labels => DefaultLabels;

        public DetectorSettings Detector { get; }

        /// <summary>Calls so far (the engine must create one recogniser per worker).</summary>
        public int Calls { get; private set; }

        public short[][] PosteriorsQ15(short[][] melQ8)
        {
            Calls++;
            var rows = new List<short[]>();
            for (int f = 0; f < melQ8.Length; f += 4)
            {
                int cls = ClassOf(melQ8[f]);
                var p = new short[Labels.Length];
                short rest = (short)((32768 - TopQ15) / (Labels.Length - 1));
                for (int c = 0; c < p.Length; c++) p[c] = c == cls ? TopQ15 : rest;
                rows.Add(p);
            }
            return rows.ToArray();
        }

        public double[][]? ReferenceProbabilities(short[][] melQ8)
        {
            short[][] q = PosteriorsQ15(melQ8);
            var rows = new double[q.Length][];
            for (int e = 0; e < q.Length; e++)
            {
                rows[e] = new double[q[e].Length];
                int top = Array.IndexOf(q[e], TopQ15);
                int cls = top == FloatSwapFrom ? FloatSwapTo : top;
                for (int c = 0; c < rows[e].Length; c++) rows[e][c] = c == cls ? 0.9 : 0.1 / (rows[e].Length - 1);
            }
            return rows;
        }

        private int ClassOf(short[] frame)
        {
            int band = LoudestBand(frame);
            if (frame[band] <= _silenceCeiling) return 0;
            return _classOfBand.TryGetValue(band, out int c) ? c : 1;
        }

        private static int LoudestBand(short[] frame)
        {
            int top = 0;
            for (int b = 1; b < frame.Length; b++) if (frame[b] > frame[top]) top = b;
            return top;
        }

        // The middle log-mel frame of a signal.
        private static short[] Mel(short[] pcm)
        {
            var fe = new LogMelFrontend();
            var frames = new List<short[]>();
            int at = 0;
            while (at < pcm.Length)
            {
                at += fe.Push(pcm, at, pcm.Length - at);
                if (fe.HasFrame)
                {
                    var f = new short[LogMelFrontend.MelChannels];
                    fe.ReadFrame(f, 0);
                    frames.Add(f);
                }
            }
            return frames[frames.Count / 2];
        }
    }
}

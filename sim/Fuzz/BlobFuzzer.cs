using System;
using System.Collections.Generic;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Edge.Asr.Detector;
using Edge.Asr.Firmware;
using Edge.Asr.Model;

namespace Edge.Asr.Sim.Fuzz
{
    /// <summary>
    /// A seeded mutation fuzzer over a model blob, as the firmware meets one: each case mutates
    /// 1 to 4 places of the blob (bit flips, random bytes, edge int32 values anywhere or on the
    /// scalar tensors: fractions, shifts, multipliers), recomputes the CRC so the semantic checks
    /// are what is tested, then loads it, builds the model and detector and runs 8 mel frames.
    /// Each case ends as a format error (BlobFormatException), a built model, or a crash (any
    /// other exception). The same seed gives the same cases on every machine (own generator).
    /// </summary>
    public sealed class BlobFuzzer
    {
        private static readonly int[] EdgeValues =
        {
            0, 1, -1, 2, 8, 15, 16, 31, 32, 62, 63, 64, 65, -63, -64, -65, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
            1 << 30, -(1 << 30), int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1,
        };

        private const int MelFramesRun = 8;

        private readonly byte[] _original;
        private readonly int[] _scalarOffsets;
        private ulong _state;

        /// <summary>A fuzzer over <paramref name="blob"/> (a valid blob whose model builds), cases drawn from <paramref name="seed"/>.</summary>
        public BlobFuzzer(byte[] blob, ulong seed)
        {
            ArgumentNullException.ThrowIfNull(blob);
            _original = (byte[])blob.Clone();
            ModelBlob parsed = ModelBlob.Load(_original);
            BlobModelLoader.BuildModel(parsed);
            var offsets = new List<int>();
            for (int i = 0; i < parsed.TensorCount; i++)
                if (parsed.Tensor(i).ElementCount == 1 && parsed.Tensor(i).DataType == BlobFormat.DTypeInt32) offsets.Add(parsed.Tensor(i).DataOffset);
            _scalarOffsets = offsets.ToArray();
            _state = seed;
        }

        /// <summary>What the cases ended as.</summary>
        public sealed class Tally
        {
            public long Attempts;
            public long FormatErrors;
            public long ModelsBuilt;
            public long Crashes;
            /// <summary>The first crashes: case number, exception type and message.</summary>
            public List<string> FirstCrashes { get; } = new List<string>();
        }

        /// <summary>Runs <paramref name="cases"/> cases (continuing this fuzzer's sequence) and counts their ends.</summary>
        public Tally Run(long cases)
        {
            var tally = new Tally();
            var mel = new short[40];
            for (long n = 0; n < cases; n++)
            {
                byte[] b = Mutate();
                tally.Attempts++;
                try
                {
                    ModelBlob blob = ModelBlob.Load(b);
                    ConformerModel model = BlobModelLoader.BuildModel(blob);
                    var detector = new CommandDetector(ModelStartup.CommandClasses(blob.Labels()), DetectorSettings.FromBlob(blob.Detector, blob.LabelCount));
                    for (int f = 0; f < MelFramesRun; f++)
                    {
                        for (int k = 0; k < mel.Length; k++) mel[k] = (short)(256 * ((f * 7 + k * 3) % 23) - 1024);
                        if (model.Process(mel, 0)) detector.Process(model.Posteriors, 0);
                    }
                    tally.ModelsBuilt++;
                }
                catch (BlobFormatException)
                {
                    tally.FormatErrors++;
                }
                catch (Exception e)
                {
                    tally.Crashes++;
                    if (tally.FirstCrashes.Count < 10)
                        tally.FirstCrashes.Add("case " + n + ": " + e.GetType().Name + ": " + e.Message.Replace('\n', ' '));
                }
            }
            return tally;
        }

        private byte[] Mutate()
        {
            byte[] b = (byte[])_original.Clone();
            int mutations = 1 + Next(4);
            for (int m = 0; m < mutations; m++)
            {
                switch (Next(5))
                {
                    case 0: // one bit anywhere
                        int at = Next(b.Length);
                        b[at] ^= (byte)(1 << Next(8));
                        break;
                    case 1: // one random byte anywhere
                        b[Next(b.Length)] = (byte)Next(256);
                        break;
                    case 2: // an edge int32 at a 4-byte-aligned place (most fields are aligned)
                        Put(b, 4 * Next(b.Length / 4), EdgeValues[Next(EdgeValues.Length)]);
                        break;
                    case 3: // an edge value on a scalar tensor: a fraction, shift or multiplier
                        if (_scalarOffsets.Length > 0) Put(b, _scalarOffsets[Next(_scalarOffsets.Length)], EdgeValues[Next(EdgeValues.Length)]);
                        break;
                    default: // a scalar tensor nudged by a small amount
                        if (_scalarOffsets.Length == 0) break;
                        int o = _scalarOffsets[Next(_scalarOffsets.Length)];
                        Put(b, o, unchecked(BitConverter.ToInt32(b, o) + Next(17) - 8));
                        break;
                }
            }
            BlobWriter.Seal(b);
            return b;
        }

        private static void Put(byte[] b, int at, int value)
        {
            if (at < 0 || at > b.Length - 4) return;
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }

        // SplitMix64: a sequence fixed by the seed alone, whatever the runtime.
        private int Next(int bound)
        {
            _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
            ulong z = _state;
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}

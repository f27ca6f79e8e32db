using System;
using System.Collections.Generic;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Ops;

namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// Records every kernel call the engine makes (while <see cref="Recording"/>) with its inputs and
    /// the reference output, for native/rv32/replay.c to run the same calls through the C kernels on
    /// the target and count their instructions (format: native/rv32/trace_format.h). Weights, biases,
    /// requantisers and tables go into a pool once (read in place, as from flash); activations and
    /// state are written inline with every call. The calls themselves run on the managed kernels.
    /// A model's tensors are taken in place from its blob (IBlobWeightKernels), one pool entry per tensor,
    /// so each call is recorded whole, as the device's native kernels make it on the flash resource.
    /// </summary>
    public sealed class KernelTraceRecorder : IOpKernels, IBlobWeightKernels
    {
        private const uint Magic = 0x31544145u;   // "EAT1"
        private const uint Version = 1;

        private readonly IOpKernels _inner = ManagedKernels.Instance;
        private readonly List<Array> _pool = new List<Array>();
        private readonly Dictionary<Array, int> _poolIndex = new Dictionary<Array, int>(ReferenceEqualityComparer.Instance);
        private readonly MemoryStream _calls = new MemoryStream();
        private readonly BinaryWriter _w;
        private int _callCount;
        private readonly Dictionary<(byte[] Blob, int At, int Length, Type Kind), Array> _tensors = new();

        public KernelTraceRecorder()
        {
            _w = new BinaryWriter(_calls);
            // Pool entries 0..3: the lookup tables, in trace_format.h's order.
            Pool(OpTables.SigmoidMinusHalfQ15);
            Pool(OpTables.Exp2NegQ30);
            Pool(OpTables.ReciprocalQ30);
            Pool(OpTables.InverseSqrtQ30);
            // 4..12: the frontend's tables.
            Pool(Edge.Asr.Frontend.FrontendTables.HannQ31);
            Pool(Edge.Asr.Frontend.FrontendTables.CosQ31);
            Pool(Edge.Asr.Frontend.FrontendTables.SinQ31);
            Pool(BitReversal());
            Pool(Edge.Asr.Frontend.FrontendTables.MelStart);
            Pool(Edge.Asr.Frontend.FrontendTables.MelLength);
            Pool(Edge.Asr.Frontend.FrontendTables.MelOffset);
            Pool(Edge.Asr.Frontend.FrontendTables.MelWeightsQ15);
            Pool(Edge.Asr.Frontend.FrontendTables.Log2MantissaQ16);
        }

        /// <summary>Records one frontend frame: the window of samples it was computed from and the managed frontend's output.</summary>
        public void LogMelFrame(short[] window, int offset, int length, short[] frame)
        {
            if (!Begin(13)) return;
            Inline(window, offset, length);
            End(frame, 0, frame.Length);
        }

        private static int[] BitReversal()
        {
            const int n = Edge.Asr.Frontend.BlockFloatRealFft.ComplexLength;
            var table = new int[n];
            for (int i = 0; i < n; i++) table[i] = Edge.Asr.Frontend.BlockFloatRealFft.BitReverse8(i);
            return table;
        }

        public string Name => "managed (recording)";

        /// <summary>Calls are written only while this is true (e.g. after a warm-up).</summary>
        public bool Recording { get; set; }

        public int CallCount => _callCount;

        /// <summary>The whole trace: header, pool, calls.</summary>
        public byte[] ToArray()
        {
            using var all = new MemoryStream();
            using var w = new BinaryWriter(all);
            w.Write(Magic);
            w.Write(Version);
            w.Write((uint)_pool.Count);
            w.Write((uint)_callCount);
            foreach (Array a in _pool)
            {
                int bytes = a is sbyte[] ? 1 : a is short[] ? 2 : 4;
                w.Write((uint)bytes);
                w.Write((uint)a.Length);
                switch (a)
                {
                    case sbyte[] s: foreach (sbyte v in s) w.Write(v); break;
                    case short[] s: foreach (short v in s) w.Write(v); break;
                    case int[] s: foreach (int v in s) w.Write(v); break;
                }
                Pad(w, bytes * a.Length);
            }
            w.Write(_calls.ToArray());
            w.Flush();
            return all.ToArray();
        }

        public void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
            short[] output, int outOffset, int outputSize, bool relu)
        {
            if (Begin(1)) { Inline(input, inOffset, inputSize); Ref(weights); Ref(bias); Ref(multipliers); Ref(shifts); _w.Write(outputSize); _w.Write(relu ? 1 : 0); }
            _inner.LinearS8S16(input, inOffset, inputSize, weights, bias, multipliers, shifts, output, outOffset, outputSize, relu);
            End(output, outOffset, outputSize);
        }

        public void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset)
        {
            if (Begin(2)) { Inline(input, inOffset, channels); Inline(history, 0, history.Length); _w.Write(oldest); _w.Write(kernel); Ref(weights); Ref(bias); Ref(multipliers); Ref(shifts); }
            _inner.DepthwiseConv1dS8S16(input, inOffset, history, oldest, channels, kernel, weights, bias, multipliers, shifts, output, outOffset);
            End(output, outOffset, channels);
        }

        public void LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            if (Begin(3)) { Inline(input, inOffset, width); Ref(gamma); Ref(beta); _w.Write(fracIn); _w.Write(outShift); _w.Write(epsQ32); _w.Write(widthLog2); }
            _inner.LayerNormS16(input, inOffset, width, gamma, beta, fracIn, outShift, epsQ32, widthLog2, scratch, output, outOffset);
            End(output, outOffset, width);
        }

        public void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, short[] output, int outOffset)
        {
            if (Begin(4)) { Inline(input, inOffset, length); _w.Write(uShift); }
            _inner.SoftmaxS16(input, inOffset, length, uShift, scratch, output, outOffset);
            End(output, outOffset, length);
        }

        public void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset)
        {
            if (Begin(5)) { Inline(input, inOffset, width); _w.Write(fracIn); _w.Write(shift); }
            _inner.SwishS16(input, inOffset, width, fracIn, shift, output, outOffset);
            End(output, outOffset, width);
        }

        public void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset)
        {
            if (Begin(6)) { Inline(input, inOffset, width); _w.Write(fracIn); }
            _inner.SigmoidS16(input, inOffset, width, fracIn, output, outOffset);
            End(output, outOffset, width);
        }

        public void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset)
        {
            if (Begin(7)) { Inline(input, inOffset, 2 * channels); _w.Write(fracIn); _w.Write(shift); }
            _inner.GluS16(input, inOffset, channels, fracIn, shift, output, outOffset);
            End(output, outOffset, channels);
        }

        public void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut,
            short[] output, int outOffset)
        {
            if (Begin(8)) { Inline(a, aOffset, width); Inline(b, bOffset, width); _w.Write(shiftA); _w.Write(shiftB); _w.Write(shiftOut); }
            _inner.ResidualAddS16(a, aOffset, b, bOffset, width, shiftA, shiftB, shiftOut, output, outOffset);
            End(output, outOffset, width);
        }

        public void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            if (Begin(9))
            {
                Inline(mel2, 0, melBins); Inline(mel1, 0, melBins); Inline(mel, melOffset, melBins);
                _w.Write(bins1); _w.Write(channels); Ref(weights); Ref(bias); Ref(multipliers); Ref(shifts);
            }
            _inner.SubsampleConv1S8S16(mel2, mel1, mel, melOffset, melBins, bins1, channels, weights, bias, multipliers, shifts, output);
            End(output, 0, bins1 * channels);
        }

        public void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            if (Begin(10))
            {
                Inline(older, 0, bins1 * channels); Inline(old, 0, bins1 * channels); Inline(now, 0, bins1 * channels);
                _w.Write(bins1); _w.Write(bin2); _w.Write(channels); Ref(weights); Ref(bias); Ref(multipliers); Ref(shifts);
            }
            _inner.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, channels, weights, bias, multipliers, shifts, output);
            End(output, 0, channels);
        }

        /// <summary>The means are state the kernel updates: recorded before the call (its input) and after (checked by the replay).</summary>
        public void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset)
        {
            if (Begin(14)) { Inline(input, inOffset, channels); Inline(means, channels); _w.Write(shift); _w.Write(first ? 1 : 0); }
            _inner.RunningMeanSubtractS16(input, inOffset, means, channels, shift, first, output, outOffset);
            if (Recording) Inline(means, channels);
            End(output, outOffset, channels);
        }

        public void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim, int count,
            int multiplier, int shift, short[] scores)
        {
            if (Begin(11)) { Inline(query, qOffset, headDim); Inline(keys, kOffset, (count - 1) * subDim + headDim); _w.Write(subDim); _w.Write(count); _w.Write(multiplier); _w.Write(shift); }
            _inner.AttentionScoresS16(query, qOffset, keys, kOffset, subDim, headDim, count, multiplier, shift, scores);
            End(scores, 0, count);
        }

        public void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim, int contextShift,
            short[] output, int outOffset)
        {
            if (Begin(12)) { Inline(probs, 0, count); Inline(values, vOffset, (count - 1) * subDim + headDim); _w.Write(subDim); _w.Write(headDim); _w.Write(contextShift); }
            _inner.AttentionContextS16(probs, count, values, vOffset, subDim, headDim, contextShift, output, outOffset);
            End(output, outOffset, headDim);
        }

        public bool ReadsInPlace(IBlobSource source) => source is ByteArrayBlobSource;

        public void LinearS8S16(IBlobSource blob, short[] input, int inOffset, int inputSize, int weightsAt, int biasAt, int multipliersAt,
            int shiftsAt, short[] output, int outOffset, int outputSize, bool relu) =>
            LinearS8S16(input, inOffset, inputSize, I8(blob, weightsAt, inputSize * outputSize), I32(blob, biasAt, outputSize),
                I32(blob, multipliersAt, outputSize), I32(blob, shiftsAt, outputSize), output, outOffset, outputSize, relu);

        public void DepthwiseConv1dS8S16(IBlobSource blob, short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset) =>
            DepthwiseConv1dS8S16(input, inOffset, history, oldest, channels, kernel, I8(blob, weightsAt, channels * kernel), I32(blob, biasAt, channels),
                I32(blob, multipliersAt, channels), I32(blob, shiftsAt, channels), output, outOffset);

        public void LayerNormS16(IBlobSource blob, short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn, int outShift,
            long epsQ32, int widthLog2, int[] scratch, short[] output, int outOffset) =>
            LayerNormS16(input, inOffset, width, I16(blob, gammaAt, width), I32(blob, betaAt, width), fracIn, outShift, epsQ32, widthLog2, scratch,
                output, outOffset);

        public void SubsampleConv1S8S16(IBlobSource blob, short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output) =>
            SubsampleConv1S8S16(mel2, mel1, mel, melOffset, melBins, bins1, channels, I8(blob, weightsAt, 9 * channels), I32(blob, biasAt, channels),
                I32(blob, multipliersAt, channels), I32(blob, shiftsAt, channels), output);

        public void SubsampleDepthwiseS8S16(IBlobSource blob, short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output) =>
            SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, channels, I8(blob, weightsAt, 9 * channels), I32(blob, biasAt, channels),
                I32(blob, multipliersAt, channels), I32(blob, shiftsAt, channels), output);

        // One array per tensor of the blob (the same object every call, so the pool holds each tensor once).
        private sbyte[] I8(IBlobSource blob, int at, int n) => (sbyte[])Tensor(blob, at, n, typeof(sbyte), b => Array.ConvertAll(b[at..(at + n)], v => (sbyte)v));
        private short[] I16(IBlobSource blob, int at, int n) => (short[])Tensor(blob, at, n, typeof(short), b => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(b.AsSpan(at, 2 * n)).ToArray());
        private int[] I32(IBlobSource blob, int at, int n) => (int[])Tensor(blob, at, n, typeof(int), b => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(b.AsSpan(at, 4 * n)).ToArray());

        private Array Tensor(IBlobSource blob, int at, int n, Type kind, Func<byte[], Array> read)
        {
            byte[] bytes = ((ByteArrayBlobSource)blob).Bytes;
            var key = (bytes, at, n, kind);
            if (!_tensors.TryGetValue(key, out Array? a)) _tensors.Add(key, a = read(bytes));
            return a;
        }

        private bool Begin(int op)
        {
            if (!Recording) return false;
            _w.Write(op);
            return true;
        }

        private void End(short[] output, int offset, int length)
        {
            if (!Recording) return;
            Inline(output, offset, length);
            _callCount++;
        }

        private void Inline(short[] a, int offset, int length)
        {
            _w.Write(length);
            for (int i = 0; i < length; i++) _w.Write(a[offset + i]);
            Pad(_w, 2 * length);
        }

        private void Inline(int[] a, int length)
        {
            _w.Write(length);
            for (int i = 0; i < length; i++) _w.Write(a[i]);
        }

        private void Ref(Array a) => _w.Write(Pool(a));

        private int Pool(Array a)
        {
            if (!_poolIndex.TryGetValue(a, out int index))
            {
                index = _pool.Count;
                _pool.Add(a);
                _poolIndex.Add(a, index);
            }
            return index;
        }

        private static void Pad(BinaryWriter w, int bytes)
        {
            for (int i = bytes; i % 4 != 0; i++) w.Write((byte)0);
        }
    }
}

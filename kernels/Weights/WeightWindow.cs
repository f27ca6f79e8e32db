using System;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Weights
{
    /// <summary>
    /// The only model weights in RAM when the kernels cannot read the blob in place (the managed
    /// kernels, on the device and the desktop alike): small typed arrays one op's tensors (or a chunk
    /// of a Linear's rows) are read into just before the op runs, in reads of at most
    /// <see cref="ReadBytes"/> bytes. Sized once from the config (<see cref="Int8Capacity"/>,
    /// <see cref="IntCapacity"/>); its bytes are part of the exact peak-RAM sum (<see cref="BytesFor"/>).
    /// </summary>
    public sealed class WeightWindow
    {
        /// <summary>Bytes asked of the blob source at a time (the device's ResourceUtility slice).</summary>
        public const int ReadBytes = 512;

        /// <summary>The int8 window is at least this long, so a Linear reads several rows per chunk.</summary>
        public const int MinInt8Capacity = 512;

        private readonly byte[] read = new byte[ReadBytes];

        /// <summary>int8 weights of the op being run.</summary>
        public readonly sbyte[] Int8;
        /// <summary>int16 parameters (LayerNorm γ).</summary>
        public readonly short[] Int16;
        /// <summary>int32 biases (LayerNorm β).</summary>
        public readonly int[] Bias;
        /// <summary>int32 requantisation multipliers.</summary>
        public readonly int[] Multipliers;
        /// <summary>int32 requantisation shifts.</summary>
        public readonly int[] Shifts;

        /// <summary>A window for the ops of <paramref name="config"/>.</summary>
        public WeightWindow(ModelConfig config)
            : this(Int8Capacity(config), IntCapacity(config), config.Dim)
        {
        }

        /// <summary>A window of the given capacities (one op built alone).</summary>
        public WeightWindow(int int8Capacity, int intCapacity, int int16Capacity)
        {
            if (int8Capacity < 1 || intCapacity < 1 || int16Capacity < 0) throw new ArgumentOutOfRangeException("int8Capacity", "WeightWindow: capacities must be positive");
            Int8 = new sbyte[int8Capacity];
            Int16 = new short[int16Capacity];
            Bias = new int[intCapacity];
            Multipliers = new int[intCapacity];
            Shifts = new int[intCapacity];
        }

        /// <summary>
        /// int8 capacity: every tensor an op needs whole (subsampling convs 9·C, the depthwise conv D·K)
        /// and one row of the widest Linear (C·F2 inputs), at least MinInt8Capacity.
        /// </summary>
        public static int Int8Capacity(ModelConfig c)
        {
            int n = MinInt8Capacity;
            n = Max(n, 9 * c.SubsamplingChannels);
            n = Max(n, c.Dim * c.ConvKernel);
            n = Max(n, c.SubsamplingChannels * c.SubsampledBins);
            n = Max(n, c.FfnHidden);
            n = Max(n, 2 * c.Dim);
            return n;
        }

        /// <summary>int32 capacity: the channels of every op that needs them all at once (C, D); Linear chunks fit it.</summary>
        public static int IntCapacity(ModelConfig c)
        {
            return Max(c.SubsamplingChannels, c.Dim);
        }

        /// <summary>
        /// RAM of the window for <paramref name="config"/>: its arrays, its read buffer and the slice the
        /// source hands back per read (the device's ResourceUtility.GetObject allocates one of up to ReadBytes).
        /// </summary>
        public static int BytesFor(ModelConfig config)
        {
            return ArrayBytesFor(config) + ReadBytes;
        }

        /// <summary>The window's own arrays: read buffer, int8, int16 (D), three int32 arrays.</summary>
        public static int ArrayBytesFor(ModelConfig config)
        {
            return ReadBytes + Int8Capacity(config) + 2 * config.Dim + 3 * 4 * IntCapacity(config);
        }

        /// <summary>Rows of a Linear with <paramref name="inputs"/> inputs that fit the window at once.</summary>
        public int RowsFor(int inputs)
        {
            int rows = Int8.Length / inputs;
            return rows < Bias.Length ? rows : Bias.Length;
        }

        /// <summary>count int8 values at blob offset <paramref name="at"/> into Int8[0 .. count).</summary>
        public void LoadInt8(IBlobSource source, int at, int count)
        {
            if (count > Int8.Length) throw new ArgumentOutOfRangeException("count", "WeightWindow: " + count.ToString() + " int8 values exceed the window");
            int done = 0;
            while (done < count)
            {
                int n = count - done < ReadBytes ? count - done : ReadBytes;
                source.Read(at + done, read, 0, n);
                for (int i = 0; i < n; i++) Int8[done + i] = (sbyte)read[i];
                done += n;
            }
        }

        /// <summary>count little-endian int16 values at blob offset <paramref name="at"/> into Int16[0 .. count).</summary>
        public void LoadInt16(IBlobSource source, int at, int count)
        {
            if (count > Int16.Length) throw new ArgumentOutOfRangeException("count", "WeightWindow: " + count.ToString() + " int16 values exceed the window");
            int per = ReadBytes / 2;
            int done = 0;
            while (done < count)
            {
                int n = count - done < per ? count - done : per;
                source.Read(at + 2 * done, read, 0, 2 * n);
                for (int i = 0; i < n; i++) Int16[done + i] = (short)(read[2 * i] | (read[2 * i + 1] << 8));
                done += n;
            }
        }

        /// <summary>count little-endian int32 values at blob offset <paramref name="at"/> into dst[0 .. count) (Bias, Multipliers or Shifts).</summary>
        public void LoadInt32(IBlobSource source, int at, int count, int[] dst)
        {
            if (count > dst.Length) throw new ArgumentOutOfRangeException("count", "WeightWindow: " + count.ToString() + " int32 values exceed the window");
            int per = ReadBytes / 4;
            int done = 0;
            while (done < count)
            {
                int n = count - done < per ? count - done : per;
                source.Read(at + 4 * done, read, 0, 4 * n);
                for (int i = 0; i < n; i++)
                {
                    int b = 4 * i;
                    dst[done + i] = read[b] | (read[b + 1] << 8) | (read[b + 2] << 16) | (read[b + 3] << 24);
                }
                done += n;
            }
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}

using System;
using Edge.Asr.Blob;
using Edge.Asr.Ops;

namespace Edge.Asr.Weights
{
    /// <summary>
    /// The tensors of one op given as arrays (an op built alone, as tests and tools do) packed into a
    /// small blob of their own, so the op runs the same blob-backed path as a model's ops: int8 as
    /// bytes, int16/int32 little-endian, each tensor at a 4-byte aligned offset (<see cref="At"/>).
    /// </summary>
    public sealed class TensorPack
    {
        private readonly int[] offsets;
        private readonly TensorStore store;

        /// <summary>
        /// Packs <paramref name="arrays"/> (each an sbyte[], short[] or int[]) for <paramref name="kernels"/>, with a window
        /// of the given capacities (WeightWindow) for kernels that do not read in place.
        /// </summary>
        public TensorPack(object[] arrays, IOpKernels kernels, int int8Capacity, int intCapacity, int int16Capacity)
        {
            offsets = new int[arrays.Length];
            int total = 0;
            for (int i = 0; i < arrays.Length; i++)
            {
                offsets[i] = total;
                total += (Bytes(arrays[i]) + 3) & ~3;
            }
            byte[] blob = new byte[total];
            for (int i = 0; i < arrays.Length; i++)
            {
                int at = offsets[i];
                object a = arrays[i];
                if (a is sbyte[])
                {
                    sbyte[] s8 = (sbyte[])a;
                    for (int k = 0; k < s8.Length; k++) blob[at + k] = (byte)s8[k];
                }
                else if (a is short[])
                {
                    short[] s16 = (short[])a;
                    for (int k = 0; k < s16.Length; k++) { blob[at + 2 * k] = (byte)s16[k]; blob[at + 2 * k + 1] = (byte)(s16[k] >> 8); }
                }
                else
                {
                    int[] s32 = (int[])a;
                    for (int k = 0; k < s32.Length; k++)
                    {
                        int v = s32[k], b = at + 4 * k;
                        blob[b] = (byte)v; blob[b + 1] = (byte)(v >> 8); blob[b + 2] = (byte)(v >> 16); blob[b + 3] = (byte)(v >> 24);
                    }
                }
            }
            store = new TensorStore(new ByteArrayBlobSource(blob), new WeightWindow(int8Capacity, intCapacity, int16Capacity), kernels);
        }

        /// <summary>The store the op reads the packed tensors through.</summary>
        public TensorStore Store { get { return store; } }

        /// <summary>Byte offset of array <paramref name="index"/> in the pack.</summary>
        public int At(int index)
        {
            return offsets[index];
        }

        private static int Bytes(object array)
        {
            if (array is sbyte[]) return ((sbyte[])array).Length;
            if (array is short[]) return 2 * ((short[])array).Length;
            if (array is int[]) return 4 * ((int[])array).Length;
            throw new ArgumentException("TensorPack: tensors are sbyte[], short[] or int[]");
        }
    }
}

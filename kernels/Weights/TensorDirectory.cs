using System;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Weights
{
    /// <summary>
    /// Where each named tensor of a model lies in a blob source (byte offset, element size, length), for
    /// building the ops; the ops then keep only the offsets. Made from a checked <see cref="ModelBlob"/>
    /// (the tensors stay where they are: in flash on the device) or by packing a
    /// <see cref="ModelParameters"/>' arrays into one byte array in the blob's data layout (little-endian,
    /// 4-byte aligned), so every model runs the same blob-backed path.
    /// </summary>
    public sealed class TensorDirectory
    {
        private readonly IBlobSource source;
        private string[] names = new string[64];
        private int[] offsets = new int[64];
        private int[] elementBytes = new int[64];
        private int[] lengths = new int[64];
        private int count;

        /// <summary>An empty directory of tensors in <paramref name="source"/>.</summary>
        public TensorDirectory(IBlobSource source)
        {
            if (source == null) throw new ArgumentException("TensorDirectory: source is required");
            this.source = source;
        }

        /// <summary>The bytes the tensors are read from.</summary>
        public IBlobSource Source { get { return source; } }

        public int Count { get { return count; } }

        /// <summary>Records tensor <paramref name="name"/>: <paramref name="length"/> elements of <paramref name="bytes"/> bytes at <paramref name="offset"/>.</summary>
        public void Add(string name, int bytes, int length, int offset)
        {
            if (IndexOf(name) >= 0) throw new ArgumentException("TensorDirectory: tensor '" + name + "' added twice");
            if (offset < 0 || length < 0 || (long)offset + (long)length * bytes > source.Length)
                throw new ArgumentException("TensorDirectory: tensor '" + name + "' lies outside the source");
            if (bytes != 1 && offset % 4 != 0) throw new ArgumentException("TensorDirectory: tensor '" + name + "' is not 4-byte aligned");
            if (count == names.Length)
            {
                string[] n2 = new string[count * 2];
                int[] o2 = new int[count * 2], e2 = new int[count * 2], l2 = new int[count * 2];
                Array.Copy(names, 0, n2, 0, count);
                Array.Copy(offsets, 0, o2, 0, count);
                Array.Copy(elementBytes, 0, e2, 0, count);
                Array.Copy(lengths, 0, l2, 0, count);
                names = n2; offsets = o2; elementBytes = e2; lengths = l2;
            }
            names[count] = name;
            offsets[count] = offset;
            elementBytes[count] = bytes;
            lengths[count] = length;
            count++;
        }

        public int IndexOf(string name)
        {
            for (int i = 0; i < count; i++) if (names[i] == name) return i;
            return -1;
        }

        /// <summary>Byte offset of tensor <paramref name="name"/>, checked to have that element size and (when ≥ 0) length.</summary>
        public int Offset(string name, int bytes, int length)
        {
            int at = IndexOf(name);
            if (at < 0) throw new ArgumentException("ModelParameters: tensor '" + name + "' is missing");
            if (elementBytes[at] != bytes) throw new ArgumentException("ModelParameters: tensor '" + name + "' must have " + bytes.ToString() + "-byte elements, has " + elementBytes[at].ToString());
            if (length >= 0 && lengths[at] != length) throw new ArgumentException("ModelParameters: tensor '" + name + "' must have " + length.ToString() + " elements, has " + lengths[at].ToString());
            return offsets[at];
        }

        /// <summary>A scalar stored as a one-element int32 tensor (read once, at build time).</summary>
        public int Scalar(string name)
        {
            int at = Offset(name, 4, 1);
            byte[] b = new byte[4];
            source.Read(at, b, 0, 4);
            return b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
        }

        /// <summary>The tensors of a blob where they lie (nothing is copied).</summary>
        public static TensorDirectory OfBlob(ModelBlob blob)
        {
            return OfBlob(blob, blob.Source);
        }

        /// <summary>
        /// The tensors of a blob where they lie, read through <paramref name="sameBytes"/>: another source of the very bytes
        /// the blob was read from (the flash resource once the native kernels have mapped it, MappedBlobSource).
        /// </summary>
        public static TensorDirectory OfBlob(ModelBlob blob, IBlobSource sameBytes)
        {
            if (sameBytes == null || sameBytes.Length != blob.Source.Length)
                throw new ArgumentException("TensorDirectory: the source must hold the blob's " + blob.Source.Length.ToString() + " bytes");
            TensorDirectory d = new TensorDirectory(sameBytes);
            for (int i = 0; i < blob.TensorCount; i++)
            {
                BlobTensor t = blob.Tensor(i);
                int bytes = t.DataType == BlobFormat.DTypeInt16 ? 2 : t.DataType == BlobFormat.DTypeInt32 ? 4 : 1;
                d.Add(t.Name, bytes, t.ElementCount, t.DataOffset);
            }
            return d;
        }

        /// <summary>
        /// The blob's tensors copied once into one byte array in RAM (table order, 4-byte aligned), read in slices of
        /// WeightWindow.ReadBytes: for kernels that read a byte array in place but cannot address the source itself
        /// (the device's native kernels and its flash resource), so no weight passes through interpreted code per frame.
        /// </summary>
        public static TensorDirectory CopyOf(ModelBlob blob)
        {
            byte[] bytes = new byte[CopyBytes(blob)];
            int[] at = new int[blob.TensorCount];
            int next = 0;
            IBlobSource source = blob.Source;
            for (int i = 0; i < blob.TensorCount; i++)
            {
                BlobTensor t = blob.Tensor(i);
                at[i] = next;
                for (int done = 0; done < t.ByteLength; done += WeightWindow.ReadBytes)
                {
                    int n = t.ByteLength - done < WeightWindow.ReadBytes ? t.ByteLength - done : WeightWindow.ReadBytes;
                    source.Read(t.DataOffset + done, bytes, next + done, n);
                }
                next += Align(t.ByteLength);
            }
            TensorDirectory d = new TensorDirectory(new ByteArrayBlobSource(bytes));
            for (int i = 0; i < blob.TensorCount; i++)
            {
                BlobTensor t = blob.Tensor(i);
                d.Add(t.Name, t.DataType == BlobFormat.DTypeInt16 ? 2 : t.DataType == BlobFormat.DTypeInt32 ? 4 : 1, t.ElementCount, at[i]);
            }
            return d;
        }

        /// <summary>Bytes of <see cref="CopyOf"/>: every tensor's data, each rounded up to 4.</summary>
        public static int CopyBytes(ModelBlob blob)
        {
            int total = 0;
            for (int i = 0; i < blob.TensorCount; i++) total += Align(blob.Tensor(i).ByteLength);
            return total;
        }

        /// <summary>The arrays of <paramref name="p"/> packed into one byte array (desktop tests and tools build models this way).</summary>
        public static TensorDirectory Pack(ModelParameters p)
        {
            int total = 0;
            for (int i = 0; i < p.Count; i++) total += Align(p.At(i).Length * p.At(i).ElementBytes);
            byte[] bytes = new byte[total];
            int[] at = new int[p.Count];
            int next = 0;
            for (int i = 0; i < p.Count; i++)
            {
                QuantizedTensor t = p.At(i);
                at[i] = next;
                for (int k = 0; k < t.Length; k++)
                {
                    if (t.ElementBytes == 1) bytes[next + k] = (byte)t.Int8[k];
                    else if (t.ElementBytes == 2) Put(bytes, next + 2 * k, t.Int16[k], 2);
                    else Put(bytes, next + 4 * k, t.Int32[k], 4);
                }
                next += Align(t.Length * t.ElementBytes);
            }
            TensorDirectory d = new TensorDirectory(new ByteArrayBlobSource(bytes));
            for (int i = 0; i < p.Count; i++) d.Add(p.At(i).Name, p.At(i).ElementBytes, p.At(i).Length, at[i]);
            return d;
        }

        // Little-endian, the low n bytes of v (n = 2 or 4).
        private static void Put(byte[] b, int at, int v, int n)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            if (n == 2) return;
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        private static int Align(int n)
        {
            return (n + 3) & ~3;
        }
    }
}

using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// A NumPy .npy array read back (format 1.0-3.0, C order, little-endian int16/int32/float32/float64):
    /// its dtype descr, shape and values as doubles (exact for these types).
    /// </summary>
    public sealed class NpyArray
    {
        private NpyArray(string descr, int[] shape, double[] values)
        {
            Descr = descr;
            Shape = shape;
            Values = values;
        }

        public string Descr { get; }
        public int[] Shape { get; }
        public double[] Values { get; }

        public static NpyArray Read(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            if (b.Length < 10) throw new InvalidDataException(path + ": too short for an .npy file");
            for (int i = 0; i < NpyWriter.Magic.Length; i++)
                if (b[i] != NpyWriter.Magic[i]) throw new InvalidDataException(path + ": not an .npy file (bad magic)");
            int major = b[6];
            int headerLength, at;
            if (major == 1) { headerLength = b[8] | b[9] << 8; at = 10; }
            else if (major == 2 || major == 3) { headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(8)); at = 12; }
            else throw new InvalidDataException(path + ": unsupported .npy version " + major.ToString(CultureInfo.InvariantCulture));
            if (at + headerLength > b.Length) throw new InvalidDataException(path + ": truncated header");
            string header = Encoding.ASCII.GetString(b, at, headerLength);
            at += headerLength;

            Match descr = Regex.Match(header, @"'descr':\s*'([^']*)'");
            Match fortran = Regex.Match(header, @"'fortran_order':\s*(True|False)");
            Match shape = Regex.Match(header, @"'shape':\s*\(([^)]*)\)");
            if (!descr.Success || !fortran.Success || !shape.Success) throw new InvalidDataException(path + ": bad .npy header " + header.Trim());
            if (fortran.Groups[1].Value != "False") throw new InvalidDataException(path + ": Fortran order is not supported");
            string[] dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var dimensions = new int[dims.Length];
            long count = 1;
            for (int i = 0; i < dims.Length; i++)
            {
                dimensions[i] = int.Parse(dims[i], CultureInfo.InvariantCulture);
                count *= dimensions[i];
            }
            string type = descr.Groups[1].Value;
            int size = type switch { "<i2" => 2, "<i4" => 4, "<f4" => 4, "<f8" => 8, _ => throw new InvalidDataException(path + ": unsupported dtype " + type) };
            if (b.Length - at != count * size)
                throw new InvalidDataException(path + ": data has " + (b.Length - at).ToString(CultureInfo.InvariantCulture) + " bytes, shape needs " + (count * size).ToString(CultureInfo.InvariantCulture));
            var values = new double[count];
            ReadOnlySpan<byte> data = b.AsSpan(at);
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> v = data.Slice(i * size, size);
                values[i] = type switch
                {
                    "<i2" => BinaryPrimitives.ReadInt16LittleEndian(v),
                    "<i4" => BinaryPrimitives.ReadInt32LittleEndian(v),
                    "<f4" => BinaryPrimitives.ReadSingleLittleEndian(v),
                    _ => BinaryPrimitives.ReadDoubleLittleEndian(v),
                };
            }
            return new NpyArray(type, dimensions, values);
        }
    }
}

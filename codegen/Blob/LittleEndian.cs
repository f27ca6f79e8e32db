namespace Edge.Asr.Codegen.Blob
{
    /// <summary>Little-endian stores into byte arrays (written by hand: the format is little-endian on every host).</summary>
    internal static class LittleEndian
    {
        public static void PutU16(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        public static void PutI32(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        public static void PutU32(byte[] b, int at, uint v)
        {
            PutI32(b, at, unchecked((int)v));
        }
    }
}

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// Desktop model of what the ESP32 nanoCLR's I2sDevice.Read does with the DMA bytes
    /// (nanoframework/nf-interpreter, targets/ESP32/_nanoCLR/System.Device.I2s/
    /// sys_dev_i2s_native_System_Device_I2s_I2sDevice.cpp): it reads 8-byte DMA frames (two 32-bit
    /// little-endian slots, right slot first, left slot second, as the driver's comment and its
    /// frame map assume) and copies the bytes its i2s_frame_map selects, per (bits, mono/stereo).
    /// </summary>
    internal static class NfDriverFrameMap
    {
        // Rows as in the driver: mono 8/16/24/32 bits, stereo 8/16/24/32 bits; -1 = byte not copied.
        private static readonly sbyte[][] Map =
        {
            new sbyte[] { 7, -1, -1, -1, -1, -1, -1, -1 },
            new sbyte[] { 6, 7, -1, -1, -1, -1, -1, -1 },
            new sbyte[] { 5, 6, 7, -1, -1, -1, -1, -1 },
            new sbyte[] { 4, 5, 6, 7, -1, -1, -1, -1 },
            new sbyte[] { 7, 3, -1, -1, -1, -1, -1, -1 },
            new sbyte[] { 6, 7, 2, 3, -1, -1, -1, -1 },
            new sbyte[] { 5, 6, 7, 1, 2, 3, -1, -1 },
            new sbyte[] { 4, 5, 6, 7, 0, 1, 2, 3 },
        };

        /// <summary>The application bytes for DMA frames built from (left, right) slot words.</summary>
        public static byte[] Read(int[] leftWords, int[] rightWords, int bits, bool stereo)
        {
            sbyte[] row = Map[(stereo ? 4 : 0) + bits / 8 - 1];
            var output = new System.Collections.Generic.List<byte>();
            var dma = new byte[8];
            for (int f = 0; f < leftWords.Length; f++)
            {
                System.BitConverter.GetBytes(rightWords[f]).CopyTo(dma, 0);
                System.BitConverter.GetBytes(leftWords[f]).CopyTo(dma, 4);
                foreach (sbyte index in row) if (index >= 0) output.Add(dma[index]);
            }
            return output.ToArray();
        }
    }
}

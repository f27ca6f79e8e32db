using System;
using System.Buffers.Binary;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// Decodes interleaved sample frames to mono in int16 units (exact doubles, not yet rounded):
    /// 8-bit unsigned u → (u − 128)·256; 16-bit s → s; 24-bit s → s/256; 32-bit s → s/65536;
    /// float f → f·32768. Channels are averaged (sum / channels). Every step is exact in double
    /// except the final division by a channel count that is not a power of two, which is
    /// correctly rounded; rounding to int16 happens once, afterwards (see <see cref="Pcm16"/>).
    /// </summary>
    public static class FrameDecoder
    {
        public static void DecodeMono(byte[] data, int frames, SampleEncoding encoding, int channels, double[] mono)
        {
            int bytesPerSample = BytesPerSample(encoding);
            int p = 0;
            for (int f = 0; f < frames; f++)
            {
                double sum = 0;
                for (int c = 0; c < channels; c++)
                {
                    sum += Decode(data, p, encoding);
                    p += bytesPerSample;
                }
                mono[f] = channels == 1 ? sum : sum / channels;
            }
        }

        public static int BytesPerSample(SampleEncoding encoding) => encoding switch
        {
            SampleEncoding.PcmUnsigned8 => 1,
            SampleEncoding.PcmSigned16 => 2,
            SampleEncoding.PcmSigned24 => 3,
            _ => 4,
        };

        private static double Decode(byte[] data, int p, SampleEncoding encoding)
        {
            switch (encoding)
            {
                case SampleEncoding.PcmUnsigned8:
                    return (data[p] - 128) * 256.0;
                case SampleEncoding.PcmSigned16:
                    return BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(p));
                case SampleEncoding.PcmSigned24:
                    int s24 = (data[p] | (data[p + 1] << 8) | (data[p + 2] << 16)) << 8 >> 8; // sign-extend bit 23
                    return s24 / 256.0;
                case SampleEncoding.PcmSigned32:
                    return BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(p)) / 65536.0;
                default:
                    return BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(p)) * 32768.0;
            }
        }
    }
}

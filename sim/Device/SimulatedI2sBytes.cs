using System;
using Edge.Asr.Firmware;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// The bytes an ESP32 I2sDevice.Read delivers for an INMP441 microphone, built from samples
    /// (docs/i2s-layout.md). The microphone sends a 24-bit two's-complement sample MSB first,
    /// left-justified in its 32-bit slot, and leaves the last 8 bit clocks undriven (read as 0):
    /// slot word = sample24 · 2^8. The driver hands over the top BytesPerSample bytes of each
    /// slot, little-endian; stereo frames carry the left slot then the right slot, and the slot
    /// without a microphone reads 0.
    /// </summary>
    public static class SimulatedI2sBytes
    {
        /// <summary>Smallest and largest 24-bit sample.</summary>
        public const int Min24 = -(1 << 23), Max24 = (1 << 23) - 1;

        /// <summary>The 32-bit slot word of a 24-bit microphone sample.</summary>
        public static int SlotWord(int sample24)
        {
            if (sample24 < Min24 || sample24 > Max24)
            {
                throw new ArgumentOutOfRangeException(nameof(sample24), "not a 24-bit sample: " + sample24);
            }
            return sample24 << 8;
        }

        /// <summary>The 24-bit sample of a 16-bit PCM value (its low byte 0: no extra resolution).</summary>
        public static int Sample24(short pcm) => pcm << 8;

        /// <summary>Writes one frame carrying <paramref name="sample24"/> at <paramref name="at"/>.</summary>
        public static void WriteFrame(I2sSampleLayout layout, int sample24, byte[] destination, int at)
        {
            int word = SlotWord(sample24);
            for (int channel = 0; channel < layout.ChannelsPerFrame; channel++)
            {
                int slot = channel == layout.MicrophoneChannel ? word : 0;
                int first = at + channel * layout.BytesPerSample;
                // The top BytesPerSample bytes of the little-endian word: bytes 4−B .. 3.
                for (int k = 0; k < layout.BytesPerSample; k++)
                {
                    destination[first + k] = (byte)(slot >> (8 * (4 - layout.BytesPerSample + k)));
                }
            }
        }

        /// <summary>The bytes of 16-bit PCM samples.</summary>
        public static byte[] FromPcm16(I2sSampleLayout layout, short[] pcm, int offset, int count)
        {
            var bytes = new byte[count * layout.FrameBytes];
            for (int i = 0; i < count; i++) WriteFrame(layout, Sample24(pcm[offset + i]), bytes, i * layout.FrameBytes);
            return bytes;
        }

        /// <summary>The bytes of 24-bit microphone samples.</summary>
        public static byte[] FromSamples24(I2sSampleLayout layout, int[] samples24)
        {
            var bytes = new byte[samples24.Length * layout.FrameBytes];
            for (int i = 0; i < samples24.Length; i++) WriteFrame(layout, samples24[i], bytes, i * layout.FrameBytes);
            return bytes;
        }
    }
}

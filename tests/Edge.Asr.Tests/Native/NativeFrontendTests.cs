using System;
using Edge.Asr.DeviceTests;
using Edge.Asr.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The native log-mel frame (native/src/logmel.c) equals the managed frontend bit for bit: the
    /// golden frames, and 10,000 frames of seeded random audio from silence to full-scale clipping.
    /// </summary>
    public class NativeFrontendTests
    {
        [Fact]
        public void NativeFrontendGivesTheGoldenFrames()
        {
            var frontend = new LogMelFrontend(NativeKernelsFixture.Kernels());
            short[] frames = Run(frontend, GoldenVectors.Audio, 37);

            Assert.Equal(GoldenVectors.FrontendFrames, frames);
            Assert.Equal(0, frontend.OverflowCount);
        }

        [Fact]
        public void NativeFrontendEqualsManagedOnTenThousandRandomFrames()
        {
            var r = new Random(12);
            // 10,000 frames: 400 + 9,999 hops of 160 samples, in segments of different character.
            var audio = new short[400 + 9_999 * 160];
            int at = 0;
            while (at < audio.Length)
            {
                int length = Math.Min(audio.Length - at, r.Next(160, 4000));
                int kind = r.Next(5);
                int amplitude = 1 << r.Next(0, 16);
                double freq = r.Next(50, 7900) / 16000.0;
                for (int i = 0; i < length; i++)
                {
                    double v = kind switch
                    {
                        0 => 0,                                                   // silence
                        1 => r.Next(-amplitude, amplitude),                       // noise at any level
                        2 => amplitude * Math.Sin(2 * Math.PI * freq * i),        // a tone
                        3 => r.Next(2) == 0 ? short.MaxValue : short.MinValue,    // full-scale clipping
                        _ => 3 * amplitude * Math.Sin(2 * Math.PI * freq * i),    // an overdriven tone
                    };
                    audio[at + i] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
                }
                at += length;
            }
            var managed = new LogMelFrontend();
            var native = new LogMelFrontend(NativeKernelsFixture.Kernels());

            short[] expected = Run(managed, audio, 1600);
            short[] actual = Run(native, audio, 1600);

            Assert.Equal(10_000 * LogMelFrontend.MelChannels, expected.Length);
            Assert.Equal(expected, actual);
            Assert.Equal(managed.OverflowCount, native.OverflowCount);
        }

        private static short[] Run(LogMelFrontend frontend, short[] audio, int block)
        {
            var frames = new System.Collections.Generic.List<short>();
            var frame = new short[LogMelFrontend.MelChannels];
            for (int at = 0; at < audio.Length;)
            {
                at += frontend.Push(audio, at, Math.Min(block, audio.Length - at));
                if (!frontend.HasFrame) continue;
                frontend.ReadFrame(frame, 0);
                frames.AddRange(frame);
            }
            return frames.ToArray();
        }
    }
}

using System;
using System.IO;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Xunit;

namespace Edge.Asr.Tests.Audio
{
    public sealed class RawPcmSourceTests
    {
        /// <summary>A pipe-like stream: not seekable, hands out at most a few bytes per read.</summary>
        private sealed class TricklingStream : ForwardReadStream
        {
            private readonly byte[] _data;
            private int _position;
            private int _next = 1;

            public TricklingStream(byte[] data) { _data = data; }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = Math.Min(Math.Min(count, _next), _data.Length - _position);
                Array.Copy(_data, _position, buffer, offset, n);
                _position += n;
                _next = _next % 5 + 1; // 1, 2, 3, 4, 5, 1, ... bytes: odd splits on purpose
                return n;
            }
        }

        private static short[] Samples(int count)
        {
            var s = new short[count];
            var r = new Random(5);
            for (int i = 0; i < count; i++) s[i] = (short)r.Next(short.MinValue, short.MaxValue + 1);
            return s;
        }

        [Fact]
        public void ReadsLittleEndianSamplesFromAMemoryStream()
        {
            short[] s = Samples(50000);
            using var source = new RawPcmSource(new MemoryStream(WavBuilder.S16(s)), "stdin");
            Assert.Equal(s, AudioTestIo.ReadAll(source, 1234));
            Assert.Equal(16000, source.Description.SampleRate);
            Assert.Equal(50000, source.Description.FrameCount);
        }

        [Fact]
        public void SamplesSplitAcrossReadsAreJoined()
        {
            short[] s = Samples(3001);
            using var source = new RawPcmSource(new TricklingStream(WavBuilder.S16(s)), "stdin");
            Assert.Null(source.Description.FrameCount);
            Assert.Equal(s, AudioTestIo.ReadAll(source, 3));
        }

        [Fact]
        public void TrailingOddByteIsAnError()
        {
            byte[] bytes = new byte[2 * 100 + 1];
            using var source = new RawPcmSource(new TricklingStream(bytes), "stdin");
            var e = Assert.Throws<AudioFormatException>(() => AudioTestIo.ReadAll(source));
            Assert.Equal("stdin: truncated: raw s16le input ends with an odd byte (201 bytes)", e.Message);
        }

        [Fact]
        public void WavFileOnStdinIsRefusedNotPlayedAsNoise()
        {
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).Data(WavBuilder.S16(1, 2, 3)).Build();
            var e = Assert.Throws<AudioFormatException>(() => new RawPcmSource(new TricklingStream(wav), "stdin"));
            Assert.StartsWith("stdin: this is a WAV file, not raw PCM", e.Message);
        }

        [Fact]
        public void InputShorterThanTheLookAheadIsStillRead()
        {
            using var source = new RawPcmSource(new TricklingStream(WavBuilder.S16(-5, 6, 7)), "stdin");
            Assert.Equal(new short[] { -5, 6, 7 }, AudioTestIo.ReadAll(source, 2));
        }

        [Fact]
        public void EmptyInputIsAnError()
        {
            using var source = new RawPcmSource(new MemoryStream(), "stdin");
            var e = Assert.Throws<AudioFormatException>(() => AudioTestIo.ReadAll(source));
            Assert.Equal("stdin: no audio: input is empty", e.Message);
        }
    }
}

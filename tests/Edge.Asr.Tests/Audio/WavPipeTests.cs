using System;
using System.IO;
using Edge.Asr.Sim.Audio;
using Xunit;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>
    /// WAV sources that cannot seek (issue 16, items 5 and 6): a pipe, /dev/stdin or a process
    /// substitution reads like the file it carries, and no header makes the reader allocate more
    /// than a block of the data it declares.
    /// </summary>
    public sealed class WavPipeTests
    {
        /// <summary>A stream read forward only, as a pipe is.</summary>
        private sealed class Pipe : Stream
        {
            private readonly MemoryStream _inner;
            public Pipe(byte[] bytes) => _inner = new MemoryStream(bytes);
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException("Stream does not support seeking.");
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 333)); // short reads too
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Stream does not support seeking.");
            public override void Flush() { }
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private static short[] Ramp(int n)
        {
            var s = new short[n];
            for (int i = 0; i < n; i++) s[i] = (short)(i * 37 - 9000);
            return s;
        }

        private static short[] ReadAll(Stream stream)
        {
            using var source = new WavFileSource(stream, "pipe");
            return AudioTestIo.ReadAll(source);
        }

        [Fact]
        public void A_pipe_reads_the_samples_of_the_file_it_carries_skipping_odd_chunks()
        {
            byte[] wav = new WavBuilder().Chunk("JUNK", new byte[3]).Fmt(1, 1, 16000, 16).Chunk("LIST", new byte[5001])
                .Data(WavBuilder.S16(Ramp(9000))).Build();
            Assert.Equal(ReadAll(new MemoryStream(wav)), ReadAll(new Pipe(wav)));
            Assert.Equal(Ramp(9000), ReadAll(new Pipe(wav)));
        }

        [Fact]
        public void A_resampled_stereo_pipe_reads_like_the_file()
        {
            var stereo = new short[2 * 5000];
            for (int i = 0; i < stereo.Length; i++) stereo[i] = (short)((i * 7919) % 20000 - 10000);
            byte[] wav = new WavBuilder().Fmt(1, 2, 44100, 16).Data(WavBuilder.S16(stereo)).Build();
            Assert.Equal(ReadAll(new MemoryStream(wav)), ReadAll(new Pipe(wav)));
        }

        [Fact]
        public void A_pipe_of_unknown_data_size_is_read_to_its_end_in_whole_frames()
        {
            byte[] pcm = WavBuilder.S16(Ramp(1001));
            byte[] body = new byte[pcm.Length - 1]; // the last frame cut in half
            Array.Copy(pcm, body, body.Length);
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).ChunkDeclaring("data", body, WavHeaderParser.UnknownDataSize).Build();
            using var source = new WavFileSource(new Pipe(wav[..^1]), "pipe"); // no pad byte on a stream
            Assert.Null(source.Description.FrameCount);
            Assert.Equal(Ramp(1000), AudioTestIo.ReadAll(source));
        }

        [Fact]
        public void A_pipe_that_ends_inside_the_declared_data_is_a_one_line_truncation_error()
        {
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).ChunkDeclaring("data", WavBuilder.S16(Ramp(100)), 64000).Build();
            var e = Assert.Throws<AudioFormatException>(() => ReadAll(new Pipe(wav)));
            Assert.Equal("pipe: truncated: data ended after 200 of 64000 bytes", e.Message);
        }

        [Fact]
        public void A_pipe_cut_inside_the_fmt_chunk_is_a_truncation_error()
        {
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).TruncateTo(12 + 8 + 10).Build();
            var e = Assert.Throws<AudioFormatException>(() => ReadAll(new Pipe(wav)));
            Assert.Equal("pipe: truncated: fmt chunk declares 16 bytes, the stream ended after 10", e.Message);
        }

        [Fact]
        public void The_block_buffer_is_sized_by_the_data_the_header_declares()
        {
            // 64 channels of 32-bit float, two frames: a whole block would be 4096 x 256 bytes = 1 MiB.
            byte[] wav = new WavBuilder().Fmt(3, 64, 16000, 32).Data(new byte[2 * 64 * 4]).Build();
            long before = GC.GetAllocatedBytesForCurrentThread();
            using (var source = new WavFileSource(new MemoryStream(wav), "x")) Assert.Equal(2, AudioTestIo.ReadAll(source).Length);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 256 * 1024, "allocated " + allocated + " bytes");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>Malformed and unsupported WAV files with the exact problem the reader must report.</summary>
    public static class BadWavInputs
    {
        private static byte[] Pcm(int count) => WavBuilder.S16(new short[count]);

        /// <summary>(file name, bytes, expected problem text after "&lt;path&gt;: ").</summary>
        public static IEnumerable<object[]> All()
        {
            yield return Case("text.wav", Encoding.ASCII.GetBytes("hello, this is not audio at all\n"), "not a WAV file (no RIFF header)");
            yield return Case("empty.wav", new byte[0], "not a WAV file (file is empty)");
            yield return Case("short.wav", Encoding.ASCII.GetBytes("RIFF\x10\0"), "truncated: file has 6 bytes, shorter than a RIFF header");
            yield return Case("avi.wav", new WavBuilder().Riff("RIFF", "AVI ").Build(), "not a WAV file (RIFF type 'AVI ' is not WAVE)");
            yield return Case("rf64.wav", new WavBuilder().Riff("RF64", "WAVE").Build(), "unsupported: RF64 (64-bit WAV) files are not supported");
            yield return Case("truncated.wav",
                new WavBuilder().Fmt(1, 1, 16000, 16).ChunkDeclaring("data", new byte[1200], 64000).Build(),
                "truncated: data chunk declares 64000 bytes, file has 1200");
            yield return Case("cut-fmt.wav", new WavBuilder().Fmt(1, 1, 16000, 16).TruncateTo(12 + 8 + 10).Build(),
                "truncated: fmt chunk declares 16 bytes, file has 10");
            yield return Case("cut-header.wav", new WavBuilder().Fmt(1, 1, 16000, 16).Data(Pcm(4)).TruncateTo(12 + 24 + 5).Build(),
                "truncated: chunk header cut off after 5 bytes");
            yield return Case("partial.wav", new WavBuilder().Fmt(1, 2, 16000, 16).Data(new byte[6]).Build(),
                "truncated: data chunk has 6 bytes, not a whole number of 4-byte sample frames");
            yield return Case("alaw.wav", new WavBuilder().Fmt(6, 1, 8000, 8).Data(new byte[100]).Build(), "unsupported encoding: A-law (format 6)");
            yield return Case("mulaw.wav", new WavBuilder().Fmt(7, 1, 8000, 8).Data(new byte[100]).Build(), "unsupported encoding: mu-law (format 7)");
            yield return Case("adpcm.wav", new WavBuilder().Fmt(2, 1, 16000, 4, 256).Data(new byte[256]).Build(), "unsupported encoding: ADPCM (format 2)");
            yield return Case("ima.wav", new WavBuilder().Fmt(0x11, 1, 16000, 4, 256).Data(new byte[256]).Build(), "unsupported encoding: IMA ADPCM (format 17)");
            yield return Case("ext-alaw.wav", new WavBuilder().ExtensibleFmt(6, 1, 8000, 8).Data(new byte[10]).Build(),
                "unsupported encoding: A-law (format 6) in WAVE_FORMAT_EXTENSIBLE");
            yield return Case("empty-data.wav", new WavBuilder().Fmt(1, 1, 16000, 16).Data(new byte[0]).Build(), "no audio: data chunk is empty");
            yield return Case("no-data.wav", new WavBuilder().Fmt(1, 1, 16000, 16).Chunk("LIST", new byte[4]).Build(), "no data chunk");
            yield return Case("no-fmt.wav", new WavBuilder().Chunk("LIST", new byte[4]).Build(), "no fmt chunk");
            yield return Case("data-first.wav", new WavBuilder().Data(Pcm(4)).Fmt(1, 1, 16000, 16).Build(), "data chunk comes before the fmt chunk");
            yield return Case("short-fmt.wav", new WavBuilder().Chunk("fmt ", new byte[14]).Data(Pcm(4)).Build(), "invalid fmt chunk: 14 bytes, at least 16 needed");
            yield return Case("zero-channels.wav", new WavBuilder().Fmt(1, 0, 16000, 16, 2).Data(Pcm(4)).Build(), "invalid fmt chunk: 0 channels");
            // The audit's 65,580-byte file (issue 16, item 6): 65,535 channels of 8 bits made the reader allocate 268 MB.
            yield return Case("channels-65535.wav", new WavBuilder().Fmt(1, 65535, 16000, 8).Data(new byte[65535]).Build(),
                "unsupported: 65535 channels (at most 64)");
            yield return Case("channels-65.wav", new WavBuilder().Fmt(1, 65, 16000, 16).Data(new byte[130]).Build(), "unsupported: 65 channels (at most 64)");
            yield return Case("zero-rate.wav", new WavBuilder().Fmt(1, 1, 0, 16).Data(Pcm(4)).Build(), "invalid fmt chunk: sample rate 0 Hz");
            yield return Case("slow.wav", new WavBuilder().Fmt(1, 1, 4000, 16).Data(Pcm(4)).Build(), "unsupported sample rate: 4000 Hz (supported: 8000 to 192000 Hz)");
            yield return Case("absurd.wav", new WavBuilder().Fmt(1, 1, 2000000000, 16).Data(Pcm(4)).Build(), "unsupported sample rate: 2000000000 Hz (supported: 8000 to 192000 Hz)");
            yield return Case("fine-ratio.wav", new WavBuilder().Fmt(1, 1, 44101, 16).Data(Pcm(4)).Build(),
                "unsupported sample rate: 44101 Hz (its ratio to 16000 Hz needs more than 2048 filter phases)");
            yield return Case("12bit.wav", new WavBuilder().Fmt(1, 1, 16000, 12, 2).Data(Pcm(4)).Build(), "unsupported bit depth: 12-bit PCM (supported: 8, 16, 24, 32)");
            yield return Case("double.wav", new WavBuilder().Fmt(3, 1, 16000, 64).Data(new byte[16]).Build(), "unsupported bit depth: 64-bit IEEE float (only 32-bit float is supported)");
            yield return Case("huge-fmt.wav", new WavBuilder().ChunkDeclaring("fmt ", new byte[5000], 5000).Data(Pcm(4)).Build(), "invalid fmt chunk: 5000 bytes");
            yield return Case("two-fmt.wav", new WavBuilder().Fmt(1, 1, 16000, 16).Fmt(1, 1, 16000, 16).Data(Pcm(4)).Build(), "two fmt chunks");
            yield return Case("align.wav", new WavBuilder().Fmt(1, 2, 16000, 16, 2).Data(Pcm(4)).Build(), "invalid fmt chunk: block align 2, expected 4 for 2 x 16-bit");
        }

        private static object[] Case(string name, byte[] bytes, string problem) => new object[] { name, bytes, problem };
    }
}

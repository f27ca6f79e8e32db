using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// Reads the RIFF/WAVE chunks up to the start of the data chunk: checks the fmt chunk,
    /// skips unknown chunks (and their pad byte when their size is odd), and refuses anything
    /// it cannot decode with an <see cref="AudioFormatException"/> that names the problem.
    /// </summary>
    public static class WavHeaderParser
    {
        public const int MinSampleRate = 8000;
        public const int MaxSampleRate = 192000;

        /// <summary>The data size that streaming writers put when they do not know it: read to the end of the file.</summary>
        public const uint UnknownDataSize = 0xFFFFFFFF;

        /// <summary>A fmt chunk is 16 to 40 bytes in practice; anything this large is corrupt.</summary>
        private const uint MaxFormatChunkBytes = 4096;

        private const ushort FormatPcm = 1;
        private const ushort FormatFloat = 3;
        private const ushort FormatExtensible = 0xFFFE;

        /// <summary>The 14 bytes that follow the format tag in every standard KSDATAFORMAT_SUBTYPE GUID.</summary>
        private static readonly byte[] SubtypeGuidTail = { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 };

        /// <summary>
        /// Most channels a file may have: every real layout fits (7.1.4 is 12, third-order
        /// ambisonics 16), and a block of 4096 frames stays at most 1 MiB whatever the header says.
        /// </summary>
        public const int MaxChannels = 64;

        /// <summary>
        /// Parses the stream from its start; on return the stream is positioned at the first sample.
        /// A stream that cannot seek (a pipe, /dev/stdin, a process substitution) is read forward:
        /// skipped chunks are read and dropped, and the data size is trusted until the data ends.
        /// </summary>
        public static WavHeader Parse(Stream stream, string name)
        {
            // Unknown for a pipe: nothing is checked against it, the reads find the end.
            long fileLength = stream.CanSeek ? stream.Length : long.MaxValue;
            var riff = new byte[12];
            int got = ReadFully(stream, riff, 0, 12);
            if (got == 0) throw new AudioFormatException(name, "not a WAV file (file is empty)");
            string magic = got >= 4 ? Encoding.ASCII.GetString(riff, 0, 4) : "";
            if (magic == "RF64") throw new AudioFormatException(name, "unsupported: RF64 (64-bit WAV) files are not supported");
            if (magic == "RIFX") throw new AudioFormatException(name, "unsupported: big-endian RIFX files are not supported");
            if (magic != "RIFF") throw new AudioFormatException(name, "not a WAV file (no RIFF header)");
            if (got < 12) throw new AudioFormatException(name, "truncated: file has " + got + " bytes, shorter than a RIFF header");
            string type = Encoding.ASCII.GetString(riff, 8, 4);
            if (type != "WAVE") throw new AudioFormatException(name, "not a WAV file (RIFF type '" + Printable(type) + "' is not WAVE)");

            long position = 12;
            var fmt = (WavFormatChunk?)null;
            var chunkHeader = new byte[8];
            while (true)
            {
                got = ReadFully(stream, chunkHeader, 0, 8);
                if (got < 8)
                {
                    if (fmt == null) throw new AudioFormatException(name, got == 0 ? "no fmt chunk" : "truncated: chunk header cut off after " + got + " bytes");
                    throw new AudioFormatException(name, got == 0 ? "no data chunk" : "truncated: chunk header cut off after " + got + " bytes");
                }
                position += 8;
                string id = Encoding.ASCII.GetString(chunkHeader, 0, 4);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader.AsSpan(4));
                long available = fileLength - position;

                if (id == "data")
                {
                    if (fmt == null) throw new AudioFormatException(name, "data chunk comes before the fmt chunk");
                    // Streamed with an unknown size and no file length: read to the end (the source drops a partial frame).
                    if (size == UnknownDataSize && !stream.CanSeek)
                        return new WavHeader(fmt.Encoding, fmt.Extensible, fmt.Channels, fmt.SampleRate, fmt.BitsPerSample,
                            fmt.BlockAlign, position, -1);
                    long length = size == UnknownDataSize ? available : size;
                    if (length > available)
                        throw new AudioFormatException(name, "truncated: data chunk declares " + size + " bytes, file has " + available);
                    if (length == 0) throw new AudioFormatException(name, "no audio: data chunk is empty");
                    if (size == UnknownDataSize) length -= length % fmt.BlockAlign;
                    else if (length % fmt.BlockAlign != 0)
                        throw new AudioFormatException(name, "truncated: data chunk has " + length + " bytes, not a whole number of "
                            + fmt.BlockAlign + "-byte sample frames");
                    if (length == 0) throw new AudioFormatException(name, "no audio: data chunk holds less than one sample frame");
                    return new WavHeader(fmt.Encoding, fmt.Extensible, fmt.Channels, fmt.SampleRate, fmt.BitsPerSample,
                        fmt.BlockAlign, position, length);
                }

                if (size > available)
                    throw new AudioFormatException(name, "truncated: " + Printable(id).Trim() + " chunk declares " + size + " bytes, file has " + available);
                long padded = size + (size & 1);
                if (id == "fmt ")
                {
                    if (fmt != null) throw new AudioFormatException(name, "two fmt chunks");
                    if (size > MaxFormatChunkBytes) throw new AudioFormatException(name, "invalid fmt chunk: " + size + " bytes");
                    var body = new byte[size];
                    int read = ReadFully(stream, body, 0, (int)size);
                    if (read < size) throw new AudioFormatException(name, "truncated: fmt chunk declares " + size + " bytes, the stream ended after " + read);
                    fmt = ParseFormat(body, name);
                    if (padded > size && available > size) Skip(stream, 1);
                }
                else
                {
                    Skip(stream, Math.Min(padded, available));
                }
                position += Math.Min(padded, available);
            }
        }

        private static WavFormatChunk ParseFormat(byte[] body, string name)
        {
            if (body.Length < 16) throw new AudioFormatException(name, "invalid fmt chunk: " + body.Length + " bytes, at least 16 needed");
            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(0));
            ushort channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
            uint rate = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(4));
            ushort blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(12));
            ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14));

            bool extensible = tag == FormatExtensible;
            if (extensible)
            {
                if (body.Length < 40) throw new AudioFormatException(name, "invalid fmt chunk: WAVE_FORMAT_EXTENSIBLE needs 40 bytes, it has " + body.Length);
                tag = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(24));
                if (!body.AsSpan(26, 14).SequenceEqual(SubtypeGuidTail))
                    throw new AudioFormatException(name, "unsupported encoding: extensible sub-format GUID is not a standard WAVE format");
            }
            if (tag != FormatPcm && tag != FormatFloat)
                throw new AudioFormatException(name, "unsupported encoding: " + FormatName(tag) + " (format " + tag + ")"
                    + (extensible ? " in WAVE_FORMAT_EXTENSIBLE" : ""));

            if (channels == 0) throw new AudioFormatException(name, "invalid fmt chunk: 0 channels");
            if (channels > MaxChannels)
                throw new AudioFormatException(name, "unsupported: " + channels + " channels (at most " + MaxChannels + ")");
            if (rate == 0) throw new AudioFormatException(name, "invalid fmt chunk: sample rate 0 Hz");
            if (rate < MinSampleRate || rate > MaxSampleRate)
                throw new AudioFormatException(name, "unsupported sample rate: " + rate + " Hz (supported: " + MinSampleRate + " to " + MaxSampleRate + " Hz)");

            SampleEncoding encoding;
            if (tag == FormatFloat)
            {
                if (bits != 32) throw new AudioFormatException(name, "unsupported bit depth: " + bits + "-bit IEEE float (only 32-bit float is supported)");
                encoding = SampleEncoding.Float32;
            }
            else
            {
                encoding = bits switch
                {
                    8 => SampleEncoding.PcmUnsigned8,
                    16 => SampleEncoding.PcmSigned16,
                    24 => SampleEncoding.PcmSigned24,
                    32 => SampleEncoding.PcmSigned32,
                    _ => throw new AudioFormatException(name, "unsupported bit depth: " + bits + "-bit PCM (supported: 8, 16, 24, 32)"),
                };
            }
            int expectedAlign = channels * (bits / 8);
            if (blockAlign != expectedAlign)
                throw new AudioFormatException(name, "invalid fmt chunk: block align " + blockAlign + ", expected " + expectedAlign
                    + " for " + channels + " x " + bits + "-bit");
            return new WavFormatChunk(encoding, extensible, channels, (int)rate, bits, blockAlign);
        }

        /// <summary>Names of the common non-PCM WAVE format tags, for error messages.</summary>
        public static string FormatName(ushort tag) => tag switch
        {
            0 => "unknown",
            2 => "ADPCM",
            6 => "A-law",
            7 => "mu-law",
            0x11 => "IMA ADPCM",
            0x31 => "GSM 6.10",
            0x40 => "G.721 ADPCM",
            0x50 => "MPEG",
            0x55 => "MP3",
            0x161 => "WMA",
            0x1610 => "AAC",
            _ => "not PCM or IEEE float",
        };

        /// <summary>Moves <paramref name="count"/> bytes on: a seek when the stream can, else reads dropped in small pieces (a pipe ending early ends the skip).</summary>
        private static void Skip(Stream stream, long count)
        {
            if (stream.CanSeek)
            {
                stream.Seek(count, SeekOrigin.Current);
                return;
            }
            var scratch = new byte[(int)Math.Min(count, 4096)];
            while (count > 0)
            {
                int n = stream.Read(scratch, 0, (int)Math.Min(count, scratch.Length));
                if (n == 0) return;
                count -= n;
            }
        }

        /// <summary>Reads until count bytes or the end of the stream; returns the bytes read.</summary>
        public static int ReadFully(Stream stream, byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = stream.Read(buffer, offset + total, count - total);
                if (n == 0) break;
                total += n;
            }
            return total;
        }

        private static string Printable(string s)
        {
            var b = new StringBuilder(s.Length);
            foreach (char c in s) b.Append(c >= 32 && c < 127 ? c : '?');
            return b.ToString();
        }

        private sealed class WavFormatChunk
        {
            public WavFormatChunk(SampleEncoding encoding, bool extensible, int channels, int sampleRate, int bits, int blockAlign)
            {
                Encoding = encoding;
                Extensible = extensible;
                Channels = channels;
                SampleRate = sampleRate;
                BitsPerSample = bits;
                BlockAlign = blockAlign;
            }

            public SampleEncoding Encoding { get; }
            public bool Extensible { get; }
            public int Channels { get; }
            public int SampleRate { get; }
            public int BitsPerSample { get; }
            public int BlockAlign { get; }
        }
    }
}

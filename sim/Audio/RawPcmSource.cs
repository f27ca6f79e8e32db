using System;
using System.IO;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// Raw 16 kHz mono signed 16-bit little-endian PCM from a stream (stdin for "-"), e.g.
    /// <c>arecord -f S16_LE -r 16000 -c 1 | ./edge-asr run -</c>. No header; a trailing odd byte is an error.
    /// </summary>
    public sealed class RawPcmSource : IAudioSource
    {
        private readonly Stream _stream;
        private readonly string _name;
        private readonly byte[] _bytes = new byte[8192];
        private readonly byte[] _prefix = new byte[12]; // the first bytes, read early to spot a WAV header
        private int _prefixLength;
        private int _prefixPosition;
        private int _carry = -1;      // a byte waiting for its partner, or -1
        private long _totalBytes;
        private bool _ended;

        public RawPcmSource(Stream stream, string name)
        {
            _stream = stream;
            _name = name;
            long? frames = stream.CanSeek ? (stream.Length - stream.Position) / 2 : null;
            _prefixLength = ReadPrefix();
            if (_prefixLength == 12 && _prefix[0] == 'R' && _prefix[1] == 'I' && _prefix[2] == 'F' && _prefix[3] == 'F'
                && _prefix[8] == 'W' && _prefix[9] == 'A' && _prefix[10] == 'V' && _prefix[11] == 'E')
                throw new AudioFormatException(name, "this is a WAV file, not raw PCM: give its path instead, or pipe raw 16 kHz mono s16le"
                    + " (sox in.wav -t raw -e signed -b 16 -c 1 -r 16000 -)");
            Description = new AudioDescription(name, "raw", "PCM signed", 16, IAudioSource.OutputSampleRate, 1, frames);
        }

        public AudioDescription Description { get; }

        public int Read(short[] buffer, int offset, int count)
        {
            if (_ended || count == 0) return 0;
            int wantBytes = Math.Min(_bytes.Length, 2 * count - (_carry >= 0 ? 1 : 0));
            int got;
            try
            {
                got = ReadBytes(wantBytes);
            }
            catch (IOException e)
            {
                throw new AudioFormatException(_name, "read error: " + e.Message);
            }
            if (got == 0)
            {
                _ended = true;
                if (_totalBytes == 0) throw new AudioFormatException(_name, "no audio: input is empty");
                if (_carry >= 0)
                    throw new AudioFormatException(_name, "truncated: raw s16le input ends with an odd byte (" + _totalBytes + " bytes)");
                return 0;
            }
            _totalBytes += got;
            int written = 0;
            int p = 0;
            if (_carry >= 0)
            {
                buffer[offset + written++] = (short)(_carry | (_bytes[0] << 8));
                _carry = -1;
                p = 1;
            }
            for (; p + 1 < got; p += 2) buffer[offset + written++] = (short)(_bytes[p] | (_bytes[p + 1] << 8));
            if (p < got) _carry = _bytes[p];
            if (written == 0) return Read(buffer, offset, count); // one odd byte arrived: wait for its partner
            return written;
        }

        private int ReadPrefix()
        {
            try
            {
                return WavHeaderParser.ReadFully(_stream, _prefix, 0, _prefix.Length);
            }
            catch (IOException e)
            {
                throw new AudioFormatException(_name, "read error: " + e.Message);
            }
        }

        /// <summary>Serves the bytes read ahead first, then the stream.</summary>
        private int ReadBytes(int count)
        {
            if (_prefixPosition < _prefixLength)
            {
                int n = Math.Min(count, _prefixLength - _prefixPosition);
                Array.Copy(_prefix, _prefixPosition, _bytes, 0, n);
                _prefixPosition += n;
                return n;
            }
            return _stream.Read(_bytes, 0, count);
        }

        public void Dispose() => _stream.Dispose();
    }
}

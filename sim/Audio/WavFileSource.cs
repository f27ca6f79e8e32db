using System;
using System.IO;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// A WAV file as 16 kHz mono int16: reads the data chunk in blocks of 4096 frames, downmixes,
    /// and resamples when the file is not at 16 kHz. 16 kHz mono 16-bit files pass through bit-exactly.
    /// Pipes (<c>cat x.wav | edge-asr run /dev/stdin</c>, <c>run &lt;(…)</c>) are read as streams: the
    /// block buffer is sized by the data the header declares, never more than 4096 frames of at
    /// most <see cref="WavHeaderParser.MaxChannels"/> channels.
    /// </summary>
    public sealed class WavFileSource : IAudioSource
    {
        private const int BlockFrames = 4096;

        private readonly Stream _stream;
        private readonly string _name;
        private readonly Resampler? _resampler;
        private readonly byte[] _bytes;
        private readonly double[] _mono;
        private readonly double[] _resampled;
        private readonly short[] _pending;
        private int _pendingPosition;
        private int _pendingCount;
        private long _dataLeft;
        private readonly bool _unknownLength;
        private bool _finished;

        /// <summary>Reads a WAV stream (seekable or not); <paramref name="name"/> is what error messages call it.</summary>
        public WavFileSource(Stream stream, string name)
        {
            _stream = stream;
            _name = name;
            Header = WavHeaderParser.Parse(stream, name);
            Description = new AudioDescription(name, Header.Extensible ? "WAV (extensible)" : "WAV", Header.EncodingName,
                Header.BitsPerSample, Header.SampleRate, Header.Channels, Header.FrameCount);
            _unknownLength = Header.DataLength < 0;
            _dataLeft = _unknownLength ? long.MaxValue : Header.DataLength;
            // The parser checked the declared data against the file (for a pipe the reads will), so this is what is there.
            _bytes = new byte[(int)Math.Min(BlockFrames, _dataLeft / Header.BlockAlign) * Header.BlockAlign];
            _mono = new double[BlockFrames];
            if (Header.SampleRate != IAudioSource.OutputSampleRate)
            {
                try
                {
                    _resampler = new Resampler(Header.SampleRate, IAudioSource.OutputSampleRate);
                }
                catch (ArgumentOutOfRangeException)
                {
                    throw new AudioFormatException(name, "unsupported sample rate: " + Header.SampleRate
                        + " Hz (its ratio to 16000 Hz needs more than " + Resampler.MaxPhases + " filter phases)");
                }
                _resampled = new double[_resampler.MaxOutputFor(BlockFrames)];
            }
            else
            {
                _resampled = _mono;
            }
            _pending = new short[_resampled.Length];
        }

        /// <summary>Opens a WAV file by path; file-system problems become <see cref="AudioFormatException"/>s naming the path.</summary>
        public static WavFileSource Open(string path)
        {
            Stream stream = OpenFile(path);
            try
            {
                return new WavFileSource(stream, path);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        public WavHeader Header { get; }

        public AudioDescription Description { get; }

        /// <summary>The resampler in use, or null when the file is already at 16 kHz.</summary>
        public Resampler? Resampler => _resampler;

        public int Read(short[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count)
            {
                if (_pendingPosition < _pendingCount)
                {
                    int n = Math.Min(count - written, _pendingCount - _pendingPosition);
                    Array.Copy(_pending, _pendingPosition, buffer, offset + written, n);
                    _pendingPosition += n;
                    written += n;
                    continue;
                }
                if (_finished) break;
                Refill();
            }
            return written;
        }

        private void Refill()
        {
            _pendingPosition = 0;
            _pendingCount = 0;
            if (_dataLeft == 0)
            {
                _finished = true;
                if (_resampler != null) Convert(_resampler.Flush(_resampled, 0));
                return;
            }
            int frames = (int)Math.Min(BlockFrames, _dataLeft / Header.BlockAlign);
            int want = frames * Header.BlockAlign;
            int got;
            try
            {
                got = WavHeaderParser.ReadFully(_stream, _bytes, 0, want);
            }
            catch (IOException e)
            {
                throw new AudioFormatException(_name, "read error: " + e.Message);
            }
            if (got < want && _unknownLength)
            {
                // The end of a stream of unknown length: whole frames only, then done.
                frames = got / Header.BlockAlign;
                want = frames * Header.BlockAlign;
                _dataLeft = want;
            }
            else if (got < want)
                throw new AudioFormatException(_name, "truncated: data ended after " + (Header.DataLength - _dataLeft + got)
                    + " of " + Header.DataLength + " bytes");
            _dataLeft -= want;
            FrameDecoder.DecodeMono(_bytes, frames, Header.Encoding, Header.Channels, _mono);
            Convert(_resampler == null ? frames : _resampler.Process(_mono, 0, frames, _resampled, 0));
        }

        private void Convert(int count)
        {
            for (int i = 0; i < count; i++) _pending[i] = Pcm16.FromDouble(_resampled[i]);
            _pendingCount = count;
        }

        private static Stream OpenFile(string path)
        {
            if (Directory.Exists(path)) throw new AudioFormatException(path, "is a directory, not a WAV file");
            if (!File.Exists(path)) throw new AudioFormatException(path, "file not found");
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            }
            catch (UnauthorizedAccessException)
            {
                throw new AudioFormatException(path, "cannot open: permission denied");
            }
            catch (IOException e)
            {
                throw new AudioFormatException(path, "cannot open: " + e.Message);
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}

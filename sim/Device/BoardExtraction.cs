using System;
using Edge.Asr.Firmware;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// What a board's I2S sample extraction does to microphone samples: each sample travels as the
    /// board's I2S bytes (<see cref="SimulatedI2sBytes"/>) through the firmware's own
    /// <see cref="I2sSampleExtractor"/> with the board's gain shift, so a desktop path gets the
    /// device's gain and clipping (the DevKit's ×4 clips anything above −12 dBFS) without a second
    /// copy of that arithmetic. Audio files are what the microphone hears; the gain belongs to the
    /// board, not to the file. One instance per thread (it keeps a byte buffer).
    /// </summary>
    public sealed class BoardExtraction
    {
        private readonly I2sSampleLayout _layout;
        private readonly I2sSampleExtractor _extractor;
        private byte[] _bytes = Array.Empty<byte>();

        public BoardExtraction(BoardConfig board)
        {
            ArgumentNullException.ThrowIfNull(board);
            Board = board;
            _layout = Layout(board);
            _extractor = new I2sSampleExtractor(_layout, board.GainShift);
        }

        /// <summary>The board every desktop path simulates: the DevKit + INMP441 the firmware ships for.</summary>
        public static BoardConfig DefaultBoard => BoardConfig.DevKitInmp441();

        /// <summary>The byte layout the board's I2S settings deliver (no pin is routed: no device state is touched).</summary>
        public static I2sSampleLayout Layout(BoardConfig board) =>
            I2sSampleLayout.FromSettings(MicrophoneConfig.Settings(), board.MicrophoneOnRight);

        public BoardConfig Board { get; }

        /// <summary>Replaces <paramref name="count"/> microphone samples from <paramref name="offset"/> by what the board hands the pipeline.</summary>
        public void Apply(short[] samples, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(samples);
            int bytes = count * _layout.FrameBytes;
            if (_bytes.Length < bytes) _bytes = new byte[bytes];
            for (int i = 0; i < count; i++)
                SimulatedI2sBytes.WriteFrame(_layout, SimulatedI2sBytes.Sample24(samples[offset + i]), _bytes, i * _layout.FrameBytes);
            int written = _extractor.Extract(_bytes, 0, bytes, samples, offset);
            if (written != count) throw new InvalidOperationException("the extractor gave " + written + " samples for " + count);
        }

        /// <summary>A copy of <paramref name="pcm"/> as <paramref name="board"/> hands it on.</summary>
        public static short[] Of(short[] pcm, BoardConfig board)
        {
            ArgumentNullException.ThrowIfNull(pcm);
            var copy = (short[])pcm.Clone();
            new BoardExtraction(board).Apply(copy, 0, copy.Length);
            return copy;
        }
    }
}

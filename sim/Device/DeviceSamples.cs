using System;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// The samples the device's pipeline receives for a microphone's audio, the one input of every
    /// desktop path (run, eval, the threshold sweep, bench): the audio completed with silence to
    /// whole 100 ms capture blocks (the device reads whole blocks and keeps hearing), then the
    /// board's I2S extraction (<see cref="BoardExtraction"/>: gain and clipping). `run` gets the
    /// same samples through the firmware's capture loop itself (FirmwareTwin); a test holds the two equal.
    /// </summary>
    public sealed class DeviceSamples : IAudioSource
    {
        private readonly BlockPaddedSource _padded;
        private readonly BoardSamples _board;

        public DeviceSamples(IAudioSource microphone, BoardConfig board)
        {
            _padded = new BlockPaddedSource(microphone, CaptureLoop.BlockSamples);
            _board = new BoardSamples(_padded, board);
        }

        /// <summary>The samples of <paramref name="microphone"/> as the shipped board's pipeline receives them.</summary>
        public static DeviceSamples Of(IAudioSource microphone) => new DeviceSamples(microphone, BoardExtraction.DefaultBoard);

        /// <summary>A WAV file (any format the simulator reads) as the shipped board's pipeline receives it.</summary>
        public static DeviceSamples OpenFile(string path) => Of(WavFileSource.Open(path));

        /// <summary>Samples of the audio itself, without the block padding (its length at 16 kHz).</summary>
        public long AudioSamples => _padded.AudioSamples;

        public AudioDescription Description => _board.Description;

        public int Read(short[] buffer, int offset, int count) => _board.Read(buffer, offset, count);

        public void Dispose() => _board.Dispose();
    }
}

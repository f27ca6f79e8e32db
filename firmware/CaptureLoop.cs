using System;
using System.Device.I2s;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The firmware's main loop: read 100 ms of I2S bytes, extract int16 samples, run them through
    /// the <see cref="CommandPipeline"/>, and every 5 s of audio print the status line. An I2S error
    /// (open or read) is printed, the device disposed, and re-opened after a back-off of 100 ms
    /// doubling to 5 s; every attempt prints a line, so the loop never hangs silently.
    /// The ring buffer between the microphone and this loop is the ESP32 driver's DMA ring
    /// (<see cref="DmaBufferBytes"/>): it keeps filling while a block is processed, and audio is
    /// lost only when processing one block takes longer than the ring holds. The loop cannot see
    /// the driver's overflow, so it compares the wall time of each status period with the audio it
    /// read and prints an "I2S: overrun" line when audio went missing.
    /// </summary>
    public sealed class CaptureLoop
    {
        /// <summary>Samples per I2S read: 100 ms at 16 kHz.</summary>
        public const int BlockSamples = 1600;

        /// <summary>Samples between status lines: 5 s at 16 kHz.</summary>
        public const int StatusPeriodSamples = 80000;

        /// <summary>
        /// I2sConnectionSettings.BufferSize: nf-interpreter (targets/ESP32/_nanoCLR/System.Device.I2s)
        /// allocates BufferSize / (256 frames × 8 bytes) DMA buffers of 256 frames for 32-bit stereo,
        /// so 16384 bytes give 8 buffers = 2048 frames = 128 ms of audio (the default 10000 gives 4 = 64 ms,
        /// less than the processing of one 100 ms block may take).
        /// </summary>
        public const int DmaBufferBytes = 16384;

        /// <summary>
        /// Wall time of a status period may exceed its audio time by this many parts per thousand before
        /// the loop reports an overrun (clock tolerance and the jitter of the first read).
        /// </summary>
        public const int OverrunTolerancePerMille = 20;

        private readonly BoardConfig _board;
        private readonly CommandPipeline _pipeline;
        private readonly CommandAnnouncer _announcer;
        private readonly ILineOutput _output;
        private readonly IDeviceClock _clock;
        private readonly BackoffSchedule _backoff = new BackoffSchedule();
        private readonly LoadMeter _load = new LoadMeter();
        private I2sDevice _device;
        private bool _openFailed;
        private MicrophoneReader _reader;
        private long _blocks;
        private long _errors;
        private long _periodStartUs = -1;
        private long _overruns;

        /// <summary>A loop for <paramref name="board"/>'s microphone feeding <paramref name="pipeline"/>.</summary>
        public CaptureLoop(BoardConfig board, CommandPipeline pipeline, CommandAnnouncer announcer,
            ILineOutput output, IDeviceClock clock)
        {
            if (board == null) throw new ArgumentException("board is null", "board");
            if (pipeline == null) throw new ArgumentException("pipeline is null", "pipeline");
            if (announcer == null) throw new ArgumentException("announcer is null", "announcer");
            if (output == null) throw new ArgumentException("output is null", "output");
            if (clock == null) throw new ArgumentException("clock is null", "clock");
            _board = board;
            _pipeline = pipeline;
            _announcer = announcer;
            _output = output;
            _clock = clock;
        }

        /// <summary>Blocks read and processed.</summary>
        public long Blocks { get { return _blocks; } }

        /// <summary>I2S errors (failed opens and reads) so far.</summary>
        public long Errors { get { return _errors; } }

        /// <summary>Status periods in which audio went missing (wall time longer than the audio read).</summary>
        public long Overruns { get { return _overruns; } }

        /// <summary>True while an I2S device is open.</summary>
        public bool IsOpen { get { return _reader != null; } }

        /// <summary>Runs forever (the device's main loop).</summary>
        public void Run()
        {
            while (true) Step();
        }

        /// <summary>
        /// One iteration: opens the device if needed, reads and processes one block. Returns false
        /// when opening or reading failed (the error was printed and the back-off waited).
        /// </summary>
        public bool Step()
        {
            if (_reader == null && !TryOpen()) return false;
            int count;
            try
            {
                count = _reader.ReadBlock();
            }
            catch (Exception e)
            {
                Fail("I2S read failed", e);
                return false;
            }
            if (_backoff.Failures > 0) _output.WriteLine("I2S: reading again after " + _backoff.Failures.ToString() + " failure(s)");
            _backoff.Succeeded();

            long start = _clock.NowMicroseconds();
            if (_periodStartUs < 0) _periodStartUs = start;
            _pipeline.PushSamples(_reader.Samples, 0, count);
            _announcer.Tick(_pipeline.AudioMs);
            long end = _clock.NowMicroseconds();
            _load.Add(end - start, count);
            _blocks++;
            if (_load.Samples >= StatusPeriodSamples) EndStatusPeriod(start);
            return true;
        }

        /// <summary>Releases the I2S device (the next Step opens it again).</summary>
        public void Close()
        {
            I2sDevice device = _device;
            _device = null;
            _reader = null;
            if (device == null) return;
            try
            {
                device.Dispose();
            }
            catch (Exception e)
            {
                _output.WriteLine("I2S: dispose failed: " + ExceptionText.Of(e));
            }
        }

        // The status line; an overrun line first when audio went missing. Reads are paced by the
        // microphone, so from the return of the period's first read to the return of its last the wall
        // time equals the audio of all blocks but the first, unless the DMA ring overflowed meanwhile.
        private void EndStatusPeriod(long lastReadUs)
        {
            long audioUs = (_load.Samples - BlockSamples) * 1000000 / LoadMeter.SampleRate;
            long wallUs = lastReadUs - _periodStartUs;
            if (audioUs > 0 && wallUs * 1000 > audioUs * (1000 + OverrunTolerancePerMille))
            {
                _overruns++;
                _output.WriteLine(OverrunLine(audioUs, wallUs));
            }
            _output.WriteLine(SerialFormat.StatusLine(_load.LoadTenthsOfPercent, nanoFramework.Runtime.Native.GC.Run(false), _pipeline.EncoderFrames));
            _load.Restart();
            _periodStartUs = -1;
        }

        /// <summary>"I2S: overrun: 4900 ms of audio took 5400 ms (about 500 ms lost); lower the load".</summary>
        public static string OverrunLine(long audioUs, long wallUs)
        {
            return "I2S: overrun: " + (audioUs / 1000).ToString() + " ms of audio took " + (wallUs / 1000).ToString() + " ms (about "
                + ((wallUs - audioUs) / 1000).ToString() + " ms lost); lower the load";
        }

        private bool TryOpen()
        {
            if (_openFailed)
            {
                // A device whose constructor threw cannot be disposed, and its finalizer uninstalls the bus's
                // I2S driver (System.Device.I2s I2sDevice.Dispose(false) → NativeDispose): let it run now,
                // before the retry installs a driver, not later under the retry's working device.
                nanoFramework.Runtime.Native.GC.Run(false);
                GC.WaitForPendingFinalizers();
                _openFailed = false;
            }
            try
            {
                I2sConnectionSettings settings = MicrophoneConfig.Configure(_board.Pins);
                settings.BufferSize = DmaBufferBytes;
                _device = new I2sDevice(settings);
                _reader = new MicrophoneReader(_device, I2sSampleLayout.FromSettings(settings, _board.MicrophoneOnRight),
                    _board.GainShift, BlockSamples);
                return true;
            }
            catch (Exception e)
            {
                _openFailed = _device == null;
                Fail("I2S open failed", e);
                return false;
            }
        }

        private void Fail(string what, Exception e)
        {
            _errors++;
            _periodStartUs = -1;
            _load.Restart();
            Close();
            int delay = _backoff.NextDelayMs();
            _output.WriteLine(what + ": " + ExceptionText.Of(e) + "; retry " + _backoff.Failures.ToString() + " in " + delay.ToString() + " ms");
            _clock.Sleep(delay);
        }
    }
}

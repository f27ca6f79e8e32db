using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Mean over the last W frames of C channels, streaming: a running int sum per channel (add the
    /// new frame, subtract the one leaving the window, kept in a ring of W frames). Output is the
    /// exactly rounded mean sum / n, n = min(frames seen, W), at the input scale.
    /// </summary>
    public sealed class MeanPool
    {
        private readonly int channels;
        private readonly int window;
        private readonly short[] ring;     // W frames
        private readonly int[] sums;       // ≤ W · 32768 < 2^31
        private int next;                  // ring slot the next frame goes to
        private int count;                 // frames in the window

        public MeanPool(int channels, int window)
        {
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "MeanPool: channels must be positive");
            if (window < 1 || window > 65535) throw new ArgumentOutOfRangeException("window", "MeanPool: window must be in [1, 65535]");
            this.channels = channels;
            this.window = window;
            this.ring = new short[window * channels];
            this.sums = new int[channels];
        }

        public int Channels { get { return channels; } }
        public int Window { get { return window; } }

        /// <summary>Frames currently averaged (min(frames seen, W)).</summary>
        public int Count { get { return count; } }

        /// <summary>Accumulates per frame: add the new value and subtract the leaving one, per channel (plus C divisions).</summary>
        public long MacsPerFrame { get { return 2L * channels; } }

        /// <summary>Bytes of streaming state: W frames of C int16 and C int32 sums.</summary>
        public int StateBytes { get { return ring.Length * 2 + sums.Length * 4; } }

        public void Reset()
        {
            Array.Clear(ring, 0, ring.Length);
            Array.Clear(sums, 0, sums.Length);
            next = 0;
            count = 0;
        }

        /// <summary>Adds one frame and writes the mean of the window to output.</summary>
        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            int slot = next * channels;
            for (int c = 0; c < channels; c++)
            {
                short v = input[inOffset + c];
                sums[c] += v - ring[slot + c];    // the ring holds 0 until the window is full
                ring[slot + c] = v;
            }
            next++;
            if (next == window) next = 0;
            if (count < window) count++;
            for (int c = 0; c < channels; c++) output[outOffset + c] = Fixed.Sat16(Fixed.DivRound(sums[c], count));
        }
    }
}

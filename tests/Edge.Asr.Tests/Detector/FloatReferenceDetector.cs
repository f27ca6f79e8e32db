using System;
using System.Collections.Generic;

namespace Edge.Asr.Tests.Detector
{
    /// <summary>
    /// Desktop reference of the detector rules in double arithmetic: moving average over the last
    /// N posteriors (frames before the start count as 0), rounded half away from zero; top class
    /// (ties: lowest index); candidate = command at or above its threshold; fires when the run of
    /// the same candidate reaches the minimum, has not fired, and the last event is more than the
    /// refractory period back.
    /// </summary>
    internal sealed class FloatReferenceDetector
    {
        private readonly bool[] _isCommand;
        private readonly int[] _thresholds;
        private readonly int _window;
        private readonly int _refractory;
        private readonly int _minRun;
        private readonly List<double[]> _frames = new List<double[]>();
        private int _runClass = -1;
        private int _runLength;
        private bool _runFired;
        private long _lastEvent = long.MinValue;

        public FloatReferenceDetector(bool[] isCommand, int[] thresholds, int window, int refractory, int minRun)
        {
            _isCommand = isCommand;
            _thresholds = thresholds;
            _window = window;
            _refractory = refractory;
            _minRun = minRun;
        }

        public double[] LastMeans { get; private set; } = Array.Empty<double>();

        /// <summary>Returns the (class, rounded confidence) of an event in this frame, or null.</summary>
        public (int Class, int Confidence)? Process(short[] posteriors)
        {
            long frame = _frames.Count;
            var values = new double[posteriors.Length];
            for (int c = 0; c < values.Length; c++) values[c] = posteriors[c]; // Q15 units: sum / N is exact up to the last bit
            _frames.Add(values);

            var means = new double[values.Length];
            for (int c = 0; c < values.Length; c++)
            {
                double sum = 0;
                for (int k = 0; k < _window; k++)
                {
                    int f = _frames.Count - 1 - k;
                    if (f >= 0) sum += _frames[f][c];
                }
                means[c] = sum / _window;
            }
            LastMeans = means;
            var rounded = new int[means.Length];
            for (int c = 0; c < means.Length; c++) rounded[c] = (int)Math.Round(means[c], MidpointRounding.AwayFromZero);

            int top = 0;
            for (int c = 1; c < rounded.Length; c++) if (rounded[c] > rounded[top]) top = c;
            int candidate = _isCommand[top] && rounded[top] >= _thresholds[top] ? top : -1;
            if (candidate < 0) { _runClass = -1; _runLength = 0; _runFired = false; return null; }
            if (candidate == _runClass) _runLength++;
            else { _runClass = candidate; _runLength = 1; _runFired = false; }
            if (_runFired || _runLength < _minRun) return null;
            if (_lastEvent != long.MinValue && frame - _lastEvent <= _refractory) return null;
            _runFired = true;
            _lastEvent = frame;
            return (candidate, rounded[candidate]);
        }
    }
}

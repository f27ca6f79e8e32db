using System;

namespace Edge.Asr.Detector
{
    /// <summary>
    /// Turns one posterior vector per encoder frame (Q15, 0..32767) into command events.
    /// Per frame: each class's posterior is averaged over the last N frames (exact integer
    /// running sums, frames before the start count as 0, mean rounded half up); the smoothed top
    /// class (ties: lowest index) is a candidate when it is a command and its smoothed value is
    /// ≥ its threshold. An event fires when the same candidate has held for the minimum run,
    /// that run has not fired yet, and more than the refractory period has passed since the last
    /// event. A run ends when the top class changes or falls below its threshold, so one long
    /// utterance fires once. Allocates only in the constructor. See docs/detector.md.
    /// </summary>
    public sealed class CommandDetector
    {
        private readonly int _classes;
        private readonly bool[] _isCommand;
        private readonly short[] _thresholds;
        private readonly int _window;
        private readonly int _refractory;
        private readonly int _minRun;

        // _history[slot * _classes + c]: posterior of class c in the frame held by ring slot.
        private readonly short[] _history;
        private readonly int[] _sums;
        private readonly short[] _smoothed;
        private int _slot;

        private long _frame;
        private int _runClass;
        private int _runLength;
        private bool _runFired;
        private long _lastEventFrame;
        private bool _anyEvent;

        private int _eventClass;
        private int _eventConfidence;
        private long _eventFrame;

        /// <summary>
        /// Detector over <paramref name="isCommand"/>.Length classes; classes marked false
        /// (e.g. _silence_, _unknown_) are fillers and never fire. Settings must have the same
        /// class count. Both arrays are copied.
        /// </summary>
        public CommandDetector(bool[] isCommand, DetectorSettings settings)
        {
            if (isCommand == null) throw new ArgumentException("isCommand is null", "isCommand");
            if (settings == null) throw new ArgumentException("settings is null", "settings");
            if (isCommand.Length != settings.ClassCount)
            {
                throw new ArgumentException("isCommand has " + isCommand.Length.ToString()
                    + " classes but the settings have " + settings.ClassCount.ToString(), "isCommand");
            }
            _classes = isCommand.Length;
            _isCommand = new bool[_classes];
            _thresholds = new short[_classes];
            for (int c = 0; c < _classes; c++)
            {
                _isCommand[c] = isCommand[c];
                _thresholds[c] = (short)settings.ThresholdQ15(c);
            }
            _window = settings.SmoothingFrames;
            _refractory = settings.RefractoryFrames;
            _minRun = settings.MinFramesAboveThreshold;
            _history = new short[_window * _classes];
            _sums = new int[_classes];
            _smoothed = new short[_classes];
            Reset();
        }

        /// <summary>Detector whose first <paramref name="fillerCount"/> classes are fillers and the rest commands.</summary>
        public static CommandDetector WithLeadingFillers(int fillerCount, DetectorSettings settings)
        {
            if (settings == null) throw new ArgumentException("settings is null", "settings");
            if (fillerCount < 0 || fillerCount > settings.ClassCount)
            {
                throw new ArgumentOutOfRangeException("fillerCount",
                    "filler count must be 0.." + settings.ClassCount.ToString() + ", got " + fillerCount.ToString());
            }
            bool[] isCommand = new bool[settings.ClassCount];
            for (int c = fillerCount; c < isCommand.Length; c++) isCommand[c] = true;
            return new CommandDetector(isCommand, settings);
        }

        /// <summary>Number of classes per posterior vector.</summary>
        public int ClassCount { get { return _classes; } }

        /// <summary>Frames processed since construction or Reset.</summary>
        public long FramesProcessed { get { return _frame; } }

        /// <summary>Class of the last event (-1 before any).</summary>
        public int EventClass { get { return _eventClass; } }

        /// <summary>Smoothed posterior (Q15) of the event class in the frame the last event fired.</summary>
        public int EventConfidenceQ15 { get { return _eventConfidence; } }

        /// <summary>Index (0-based, counted from construction or Reset) of the frame the last event fired in; -1 before any.</summary>
        public long EventFrame { get { return _eventFrame; } }

        /// <summary>Smoothed posterior (Q15) of class <paramref name="classIndex"/> after the last Process.</summary>
        public int SmoothedQ15(int classIndex)
        {
            if (classIndex < 0 || classIndex >= _classes)
            {
                throw new ArgumentOutOfRangeException("classIndex",
                    "class must be 0.." + (_classes - 1).ToString() + ", got " + classIndex.ToString());
            }
            return _smoothed[classIndex];
        }

        /// <summary>
        /// Takes the posteriors of one frame (ClassCount values from <paramref name="offset"/>,
        /// each 0..32767) and returns true when a command event fires in this frame.
        /// </summary>
        public bool Process(short[] posteriorsQ15, int offset)
        {
            if (posteriorsQ15 == null) throw new ArgumentException("posteriorsQ15 is null", "posteriorsQ15");
            if (offset < 0 || offset > posteriorsQ15.Length - _classes)
            {
                throw new ArgumentOutOfRangeException("offset", "need " + _classes.ToString() + " posteriors from offset "
                    + offset.ToString() + " in an array of " + posteriorsQ15.Length.ToString());
            }
            for (int c = 0; c < _classes; c++)
            {
                if (posteriorsQ15[offset + c] < 0)
                {
                    throw new ArgumentOutOfRangeException("posteriorsQ15", "posterior of class " + c.ToString()
                        + " is negative: " + posteriorsQ15[offset + c].ToString());
                }
            }

            UpdateSmoothing(posteriorsQ15, offset);
            long frame = _frame;
            _frame++;

            int top = TopClass();
            int candidate = -1;
            if (_isCommand[top] && _smoothed[top] >= _thresholds[top]) candidate = top;

            if (candidate < 0)
            {
                _runClass = -1;
                _runLength = 0;
                _runFired = false;
                return false;
            }
            if (candidate == _runClass)
            {
                if (_runLength < _minRun) _runLength++; // only "reached the minimum" matters
            }
            else
            {
                _runClass = candidate;
                _runLength = 1;
                _runFired = false;
            }

            if (_runFired || _runLength < _minRun) return false;
            if (_anyEvent && frame - _lastEventFrame <= _refractory) return false;

            _runFired = true;
            _anyEvent = true;
            _lastEventFrame = frame;
            _eventClass = candidate;
            _eventConfidence = _smoothed[candidate];
            _eventFrame = frame;
            return true;
        }

        /// <summary>Forgets all history and events, as if just constructed.</summary>
        public void Reset()
        {
            Array.Clear(_history, 0, _history.Length);
            Array.Clear(_sums, 0, _sums.Length);
            Array.Clear(_smoothed, 0, _smoothed.Length);
            _slot = 0;
            _frame = 0;
            _runClass = -1;
            _runLength = 0;
            _runFired = false;
            _lastEventFrame = 0;
            _anyEvent = false;
            _eventClass = -1;
            _eventConfidence = 0;
            _eventFrame = -1;
        }

        // Replaces the oldest frame in the ring by this one and recomputes the rounded means.
        private void UpdateSmoothing(short[] posteriors, int offset)
        {
            int baseIndex = _slot * _classes;
            int window = _window;
            for (int c = 0; c < _classes; c++)
            {
                int value = posteriors[offset + c];
                int sum = _sums[c] - _history[baseIndex + c] + value;
                _history[baseIndex + c] = (short)value;
                _sums[c] = sum;
                // round(sum / window) half up; sum ≥ 0 and ≤ 32767·window so the mean fits a short.
                _smoothed[c] = (short)((2 * sum + window) / (2 * window));
            }
            _slot++;
            if (_slot == window) _slot = 0;
        }

        private int TopClass()
        {
            int top = 0;
            for (int c = 1; c < _classes; c++)
            {
                if (_smoothed[c] > _smoothed[top]) top = c;
            }
            return top;
        }
    }
}

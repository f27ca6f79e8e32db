using System.Diagnostics.CodeAnalysis;

namespace System
{
    /// <summary>
    /// Desktop stand-in for nanoFramework's System.SpanByte (CoreLibrary 1.17.11, System/SpanByte.cs):
    /// a read/write window over a byte[]. Same members, same range checks, same exceptions.
    /// </summary>
    public readonly ref struct SpanByte
    {
        private readonly byte[]? _array;
        private readonly int _start;
        private readonly int _length;

        /// <summary>A window over the whole array (empty for null).</summary>
        public SpanByte(byte[] array)
        {
            _array = array;
            _length = array != null ? array.Length : 0;
            _start = 0;
        }

        /// <summary>A window of <paramref name="length"/> bytes starting at <paramref name="start"/>.</summary>
        public SpanByte(byte[] array, int start, int length)
        {
            if (array != null)
            {
                if (start < 0 || length < 0 || start + length > array.Length || start > array.Length)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _array = array;
                _start = start;
                _length = length;
            }
            else if (start != 0 || length != 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            else
            {
                _array = null;
                _start = 0;
                _length = 0;
            }
        }

        /// <summary>Reads or writes the byte at <paramref name="index"/> of the window.</summary>
        public byte this[int index]
        {
            get
            {
                if (index >= _length) throw new ArgumentOutOfRangeException();
                return Array[_start + index];
            }
            set
            {
                if (index >= _length) throw new ArgumentOutOfRangeException();
                Array[_start + index] = value;
            }
        }

        /// <summary>An empty window.</summary>
        public static SpanByte Empty => new SpanByte();

        /// <summary>Number of bytes in the window.</summary>
        public int Length => _length;

        /// <summary>True when the window holds no byte.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>Copies the window into <paramref name="destination"/> (which must be at least as long).</summary>
        public void CopyTo(SpanByte destination)
        {
            if (destination.Length < _length) throw new ArgumentException();
            for (int i = 0; i < _length; i++)
            {
                destination[i] = Array[_start + i];
            }
        }

        /// <summary>The window from <paramref name="start"/> to the end.</summary>
        public SpanByte Slice(int start)
        {
            return Slice(start, _length - start);
        }

        /// <summary>A sub-window of <paramref name="length"/> bytes from <paramref name="start"/>.</summary>
        public SpanByte Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > _length) throw new ArgumentOutOfRangeException();
            return new SpanByte(Array, _start + start, length);
        }

        /// <summary>A copy of the window's bytes.</summary>
        public byte[] ToArray()
        {
            byte[] array = new byte[_length];
            for (int i = 0; i < _length; i++)
            {
                array[i] = Array[_start + i];
            }
            return array;
        }

        /// <summary>A window over the whole array.</summary>
        public static implicit operator SpanByte(byte[] array)
        {
            return new SpanByte(array);
        }

        // A zero-length window may have no array; any access to it has already been refused by the range checks.
        private byte[] Array
        {
            get
            {
                if (_array == null) throw new ArgumentOutOfRangeException();
                return _array;
            }
        }

        /// <summary>Desktop-only: the array, start and length behind the window (for the facade's device models).</summary>
        internal bool TryGetSegment([NotNullWhen(true)] out byte[]? array, out int start, out int length)
        {
            array = _array;
            start = _start;
            length = _length;
            return _array != null;
        }
    }
}

using System;

namespace Edge.Asr.Tests.Native
{
    /// <summary>Seeded random op inputs with a quarter of saturating extremes, so both paths meet the corners.</summary>
    public sealed class RandomOpData
    {
        private static readonly short[] Extremes = { short.MinValue, short.MaxValue, 0, -1, 1, short.MinValue + 1, short.MaxValue - 1 };
        private readonly Random _r;

        public RandomOpData(int seed) { _r = new Random(seed); }

        public int Int(int min, int maxInclusive) => _r.Next(min, maxInclusive + 1);

        public bool Bool() => _r.Next(2) == 0;

        public short Short() => _r.Next(4) == 0 ? Extremes[_r.Next(Extremes.Length)] : (short)_r.Next(short.MinValue, short.MaxValue + 1);

        public short[] Shorts(int n)
        {
            var a = new short[n];
            for (int i = 0; i < n; i++) a[i] = Short();
            return a;
        }

        /// <summary>Small-magnitude values (a realistic activation range) half of the time, full range otherwise.</summary>
        public short[] Activations(int n)
        {
            if (Bool()) return Shorts(n);
            int span = 1 << Int(1, 15);
            var a = new short[n];
            for (int i = 0; i < n; i++) a[i] = (short)Math.Clamp(_r.Next(-span, span), short.MinValue, short.MaxValue);
            return a;
        }

        public sbyte[] Weights(int n)
        {
            var a = new sbyte[n];
            for (int i = 0; i < n; i++) a[i] = _r.Next(8) == 0 ? (Bool() ? sbyte.MinValue : sbyte.MaxValue) : (sbyte)_r.Next(-128, 128);
            return a;
        }

        public int[] Ints(int n, int min, int max)
        {
            var a = new int[n];
            for (int i = 0; i < n; i++) a[i] = _r.Next(min, max);
            return a;
        }

        public int[] Multipliers(int n)
        {
            var a = new int[n];
            for (int i = 0; i < n; i++) a[i] = (1 << 30) + _r.Next(0, 1 << 30);
            return a;
        }

        /// <summary>
        /// Requantiser inputs (accumulator, multiplier, shift) whose product acc·m lies exactly half way between two
        /// outputs (acc·m ≡ 2^(s−1) mod 2^s), half of them negative: the only inputs where rounding half away from zero
        /// differs from rounding half up. m = 2^v·u (u odd, v ≥ 2) in [2^30, 2^31), acc = ±2^(s−1−v)·odd, |acc| &lt; 2^30.
        /// </summary>
        public (int Acc, int Multiplier, int Shift) RequantTie()
        {
            while (true)
            {
                int v = Int(2, 30), shift = Int(33, 62), e = shift - 1 - v;
                if (e < 0 || e > 28) continue;
                int u = (Int(1 << (30 - v), (1 << (31 - v)) - 1)) | 1;
                if ((long)u << v >= 1L << 31) continue;
                long odd = 2L * Int(0, (1 << (28 - e)) - 1) + 1;
                long acc = odd << e;
                if (acc >= 1L << 30) continue;
                return ((int)(Bool() ? -acc : acc), u << v, shift);
            }
        }

        public long Long()
        {
            switch (_r.Next(6))
            {
                case 0: return new[] { long.MinValue, long.MaxValue, 0L, -1L, 1L, int.MaxValue, -(long)int.MaxValue, int.MinValue }[_r.Next(8)];
                case 1: return _r.NextInt64(long.MinValue, long.MaxValue);
                default: return _r.NextInt64(-(1L << Int(1, 62)), 1L << Int(1, 62));
            }
        }
    }
}

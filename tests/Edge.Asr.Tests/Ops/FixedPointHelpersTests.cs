using System;
using Edge.Asr.FixedPoint;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    /// <summary>Accuracy of the table-based exp, reciprocal and inverse square root the ops share.</summary>
    public class FixedPointHelpersTests
    {
        private readonly ITestOutputHelper output;
        public FixedPointHelpersTests(ITestOutputHelper output) { this.output = output; }

        [Fact]
        public void Exp2IsWithinTwoLsbOfQ30()
        {
            double worst = 0;
            for (long u = 0; u < 40L << 16; u += 37)
            {
                double exact = Math.Pow(2, -u / 65536.0) * (1 << 30);
                if (exact >= 1024) worst = Math.Max(worst, Math.Abs(Exp2.NegQ30(u) - exact) / exact);
                Assert.True(Math.Abs(Exp2.NegQ30(u) - exact) <= 2e-5 * exact + 1, "u=" + u);
            }
            output.WriteLine("Exp2 worst relative error " + worst.ToString("E2"));
        }

        [Fact]
        public void ReciprocalRelativeErrorBelow1e8()
        {
            var rng = new Random(3);
            double worst = 0;
            for (int i = 0; i < 20000; i++)
            {
                long x = i < 100 ? i + 1 : (long)(Math.Exp(rng.NextDouble() * 43));
                if (x <= 0) x = 1;
                int r = Reciprocal.Q30(x, out int shift);
                double got = r * Math.Pow(2, -shift);
                double rel = Math.Abs(got * x - 1);
                worst = Math.Max(worst, rel);
            }
            output.WriteLine("Reciprocal worst relative error " + worst.ToString("E2"));
            Assert.True(worst < 1e-8, worst.ToString());
        }

        [Fact]
        public void InverseSqrtRelativeErrorBelow1e8()
        {
            var rng = new Random(4);
            double worst = 0;
            for (int i = 0; i < 20000; i++)
            {
                long x = i < 100 ? i + 1 : (long)(Math.Exp(rng.NextDouble() * 43));
                if (x <= 0) x = 1;
                int r = InverseSqrt.Q30(x, out int shift);
                double got = r * Math.Pow(2, -shift);
                double rel = Math.Abs(got * Math.Sqrt(x) - 1);
                worst = Math.Max(worst, rel);
            }
            output.WriteLine("InverseSqrt worst relative error " + worst.ToString("E2"));
            Assert.True(worst < 1e-8, worst.ToString());
        }

        [Fact]
        public void DivRoundAndScalePow2RoundHalfAwayFromZero()
        {
            Assert.Equal(3, Fixed.DivRound(5, 2));
            Assert.Equal(-3, Fixed.DivRound(-5, 2));
            Assert.Equal(2, Fixed.DivRound(7, 3));
            Assert.Equal(-2, Fixed.ScalePow2(-3, 1));
            Assert.Equal(24, Fixed.ScalePow2(3, -3));
        }
    }
}

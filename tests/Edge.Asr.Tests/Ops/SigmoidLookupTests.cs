using System;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;

namespace Edge.Asr.Tests.Ops
{
    /// <summary>
    /// SigmoidLookup.Q15 over the whole fracIn range it accepts, [-16, 40]: its index shift count
    /// reaches 35 there, beyond an int's 32 bits (x86 masks such counts, the device's interpreter does not).
    /// </summary>
    public class SigmoidLookupTests
    {
        [Theory]
        [InlineData(-16)]
        [InlineData(31)]
        [InlineData(36)]
        [InlineData(37)]
        [InlineData(40)]
        public void IsWithinOneAndAHalfQ15LsbForEveryInt16Input(int fracIn)
        {
            double worst = 0;
            int worstX = 0;
            for (int x = short.MinValue; x <= short.MaxValue; x++)
            {
                double error = Math.Abs(SigmoidLookup.Q15(x, fracIn) - ActivationRef.Sigmoid(x * Math.Pow(2, -fracIn)) * 32768);
                if (error > worst)
                {
                    worst = error;
                    worstX = x;
                }
            }
            Assert.True(worst <= 1.5, "fracIn " + fracIn + ": |error| " + worst + " Q15 LSB at x = " + worstX);
        }

        [Fact]
        public void ATinyInputIsOneHalf()
        {
            // 8 · 2^-40: σ = ½ + 2^-39, exactly 16384 in Q15 (the 32-bit shift by 35 read it as 8 >> 3 = 1).
            Assert.Equal(16384, SigmoidLookup.Q15(8, 40));
            Assert.Equal(16384, SigmoidLookup.Q15(-8, 40));
        }
    }
}

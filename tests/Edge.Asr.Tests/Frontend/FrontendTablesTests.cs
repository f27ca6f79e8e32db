using System;
using Edge.Asr.Codegen.Frontend;
using Edge.Asr.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>Properties of the generated tables and of the table-driven log2 the bounds rely on.</summary>
    public class FrontendTablesTests
    {
        [Fact]
        public void EveryChannelWeightSumStaysBelowTwoToThe19()
        {
            for (int m = 0; m < 40; m++)
            {
                int sum = 0;
                for (int i = 0; i < FrontendTables.MelLength[m]; i++)
                {
                    short w = FrontendTables.MelWeightsQ15[FrontendTables.MelOffset[m] + i];
                    Assert.InRange(w, (short)1, short.MaxValue);
                    sum += w;
                }
                Assert.True(sum < 1 << 19, "channel " + m + " weight sum " + sum);
            }
        }

        [Fact]
        public void ChannelsFollowTheDocumentedEdges()
        {
            Assert.Equal(20, FrontendTables.MelLowHz);
            Assert.Equal(7600, FrontendTables.MelHighHz);
            Assert.Equal(20.0, MelScale.LowerHz(0), 9);
            Assert.Equal(7600.0, MelScale.UpperHz(39), 9);
            for (int m = 0; m < 40; m++)
            {
                int first = FrontendTables.MelStart[m], last = first + FrontendTables.MelLength[m] - 1;
                Assert.True(MelScale.BinToHz(first) > MelScale.LowerHz(m) && MelScale.BinToHz(first - 1) <= MelScale.LowerHz(m), "channel " + m + " first bin");
                Assert.True(MelScale.BinToHz(last) < MelScale.UpperHz(m) && MelScale.BinToHz(last + 1) >= MelScale.UpperHz(m), "channel " + m + " last bin");
            }
        }

        [Fact]
        public void Log2Q8IsRoundedLog2WithinOneStep()
        {
            var random = new Random(42);
            var bytes = new byte[8];
            for (int i = 0; i < 200000; i++)
            {
                random.NextBytes(bytes);
                long value = (long)(BitConverter.ToUInt64(bytes, 0) >> random.Next(1, 64));
                if (value <= 0) continue;
                int exponent = random.Next(-60, 40);
                double exact = 256.0 * (Math.Log2(value) + exponent);
                short q8 = MelLogCompressor.Log2Q8(value, exponent);
                double expected = Math.Clamp(Math.Round(exact), 0, 32767);
                Assert.True(Math.Abs(q8 - expected) <= 1, "log2Q8(" + value + ", " + exponent + ") = " + q8 + ", exact " + exact);
            }
            Assert.Equal(0, MelLogCompressor.Log2Q8(0, 10));
            Assert.Equal(0, MelLogCompressor.Log2Q8(1, -1));
            Assert.Equal(256, MelLogCompressor.Log2Q8(2, 0));
            Assert.Equal(256 * 62, MelLogCompressor.Log2Q8(1L << 62, 0));
        }
    }
}

using System;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The serial lines the firmware prints (docs/device.md, "Serial output"), in integer arithmetic:
    /// <c>CMD &lt;label&gt; &lt;confidence&gt; &lt;ms&gt;</c> and
    /// <c>STATUS load=&lt;percent&gt;% free=&lt;bytes&gt; frames=&lt;n&gt;</c>.
    /// </summary>
    public static class SerialFormat
    {
        /// <summary>Q15 one (a posterior of 1).</summary>
        public const int OneQ15 = 32768;

        /// <summary>
        /// A Q15 confidence (0..32768) as a decimal with three places, rounded half up:
        /// 28606 → "0.873", 32768 → "1.000", 0 → "0.000".
        /// </summary>
        public static string Confidence(int confidenceQ15)
        {
            if (confidenceQ15 < 0 || confidenceQ15 > OneQ15)
            {
                throw new ArgumentOutOfRangeException("confidenceQ15", "confidence must be 0..32768, got " + confidenceQ15.ToString());
            }
            int thousandths = (confidenceQ15 * 1000 + OneQ15 / 2) / OneQ15;
            return Decimal3(thousandths);
        }

        /// <summary>The command line: "CMD yes 0.873 1530".</summary>
        public static string CommandLine(string label, int confidenceQ15, long timeMs)
        {
            return "CMD " + label + " " + Confidence(confidenceQ15) + " " + timeMs.ToString();
        }

        /// <summary>
        /// Load in tenths of a percent as text with one decimal ("12.3"); 1000 tenths is real time
        /// (processing as long as the audio it processed).
        /// </summary>
        public static string Tenths(long tenths)
        {
            if (tenths < 0) throw new ArgumentOutOfRangeException("tenths", "negative: " + tenths.ToString());
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }

        /// <summary>The status line: "STATUS load=12.3% free=81234 frames=1250".</summary>
        public static string StatusLine(long loadTenths, long freeBytes, long encoderFrames)
        {
            return "STATUS load=" + Tenths(loadTenths) + "% free=" + freeBytes.ToString() + " frames=" + encoderFrames.ToString();
        }

        private static string Decimal3(int thousandths)
        {
            int fraction = thousandths % 1000;
            string digits = fraction.ToString();
            while (digits.Length < 3) digits = "0" + digits;
            return (thousandths / 1000).ToString() + "." + digits;
        }
    }
}

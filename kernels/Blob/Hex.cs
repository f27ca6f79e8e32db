namespace Edge.Asr.Blob
{
    /// <summary>Hex text for error messages (the device's number formatting is limited).</summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>"0x" and eight upper-case hex digits.</summary>
        public static string U32(uint value)
        {
            char[] c = new char[10];
            c[0] = '0';
            c[1] = 'x';
            for (int i = 0; i < 8; i++)
                c[9 - i] = Digits[(int)((value >> (4 * i)) & 0xF)];
            return new string(c, 0, 10);
        }

        /// <summary>Two upper-case hex digits.</summary>
        public static string Byte(int value)
        {
            char[] c = new char[2];
            c[0] = Digits[(value >> 4) & 0xF];
            c[1] = Digits[value & 0xF];
            return new string(c, 0, 2);
        }
    }
}

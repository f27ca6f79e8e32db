namespace Edge.Asr.Blob
{
    /// <summary>
    /// Strict UTF-8 decoding by hand (no encoding library on the device path): rejects
    /// truncated and overlong sequences, surrogates and code points above U+10FFFF.
    /// </summary>
    public static class Utf8
    {
        /// <summary>Decodes bytes[offset, offset+count) or throws BlobFormatException naming <paramref name="what"/>.</summary>
        public static string Decode(byte[] bytes, int offset, int count, string what)
        {
            // UTF-16 never needs more code units than UTF-8 has bytes.
            char[] chars = new char[count];
            int n = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b0 = bytes[i];
                int need;
                int cp;
                int min;
                if (b0 < 0x80) { chars[n++] = (char)b0; i++; continue; }
                else if ((b0 & 0xE0) == 0xC0) { need = 1; cp = b0 & 0x1F; min = 0x80; }
                else if ((b0 & 0xF0) == 0xE0) { need = 2; cp = b0 & 0x0F; min = 0x800; }
                else if ((b0 & 0xF8) == 0xF0) { need = 3; cp = b0 & 0x07; min = 0x10000; }
                else throw Invalid(what, i - offset);
                if (end - i <= need) throw Invalid(what, i - offset);
                for (int k = 1; k <= need; k++)
                {
                    int b = bytes[i + k];
                    if ((b & 0xC0) != 0x80) throw Invalid(what, i - offset);
                    cp = (cp << 6) | (b & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw Invalid(what, i - offset);
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }
                i += need + 1;
            }
            return new string(chars, 0, n);
        }

        private static BlobFormatException Invalid(string what, int at)
        {
            return new BlobFormatException(what + " is not valid UTF-8 (at byte " + at.ToString() + ")");
        }
    }
}

namespace Edge.Asr.Blob
{
    /// <summary>Range checks of int32 fields with the blob's error message.</summary>
    internal static class FieldCheck
    {
        /// <summary>Throws unless lo ≤ value ≤ hi.</summary>
        public static void Range(string section, string field, int value, int lo, int hi)
        {
            if (value < lo || value > hi)
                throw new BlobFormatException(section + " field " + field + " = " + value.ToString()
                    + " is out of range [" + lo.ToString() + ", " + hi.ToString() + "]");
        }
    }
}

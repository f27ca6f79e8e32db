using System;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// The one error a model blob reader throws. Every message starts with "model blob: " and
    /// names what is wrong, so a user flashing a bad blob reads the cause, not a stack trace.
    /// </summary>
    public class BlobFormatException : Exception
    {
        /// <summary>Message prefix shared by every blob error.</summary>
        public const string Prefix = "model blob: ";

        /// <summary>Creates the error; <paramref name="detail"/> is the text after the prefix.</summary>
        public BlobFormatException(string detail)
            : base(Prefix + detail)
        {
        }
    }
}

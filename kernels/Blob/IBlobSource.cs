namespace Edge.Asr.Blob
{
    /// <summary>
    /// Random-access bytes of a model blob. The device implements it with
    /// ResourceUtility.GetObject slices of a flash resource; the desktop with a byte array.
    /// The reader only ever asks for ranges inside [0, Length) and never more than its chunk size.
    /// </summary>
    public interface IBlobSource
    {
        /// <summary>Number of bytes in the blob.</summary>
        int Length { get; }

        /// <summary>Copies <paramref name="count"/> bytes starting at <paramref name="offset"/> into the buffer.</summary>
        void Read(int offset, byte[] buffer, int bufferOffset, int count);
    }
}

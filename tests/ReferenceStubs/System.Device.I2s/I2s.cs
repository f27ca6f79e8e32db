// nanoFramework.System.Device.I2s 1.0.28: System.Device.I2s/I2sDevice.cs, I2sConnectionSettings.cs,
// I2sMode.cs, I2sBitsPerSample.cs, I2sChannelFormat.cs, I2sCommunicationFormat.cs (tag v1.0.28).
namespace System.Device.I2s
{
    public class I2sDevice : IDisposable
    {
        public extern I2sDevice(I2sConnectionSettings settings);
        public extern I2sConnectionSettings ConnectionSettings { get; }
        public extern void Read(SpanByte buffer);
        public extern void Write(SpanByte buffer);
        public static extern I2sDevice Create(I2sConnectionSettings settings);
        public extern void Dispose();
        extern ~I2sDevice();
    }

    public sealed class I2sConnectionSettings
    {
        public extern I2sConnectionSettings(int busId);
        public extern int BusId { get; set; }
        public extern I2sMode Mode { get; set; }
        public extern I2sBitsPerSample BitsPerSample { get; set; }
        public extern I2sChannelFormat ChannelFormat { get; set; }
        public extern I2sCommunicationFormat CommunicationFormat { get; set; }
        public extern int SampleRate { get; set; }
        public extern int BufferSize { get; set; }
    }

    [Flags]
    public enum I2sMode
    {
        Master = 1,
        Slave = 2,
        Tx = 4,
        Rx = 8,
        DacBuiltIn = 16,
        AdcBuiltIn = 32,
        Pdm = 64,
    }

    public enum I2sBitsPerSample
    {
        Bit8 = 8,
        Bit16 = 16,
        Bit24 = 24,
        Bit32 = 32,
    }

    public enum I2sChannelFormat
    {
        RightLeft = 0,
        AllRight = 1,
        AllLeft = 2,
        OnlyRight = 3,
        OnlyLeft = 4,
    }

    public enum I2sCommunicationFormat
    {
        I2S = 0x01,
        Msb = 0x03,
        PcmShort = 0x04,
        PcmLong = 0x0C,
        Max = 0x0D,
    }
}

using System;
using System.IO;
using System.Text;

namespace Edge.Asr.Tests.Training
{
    /// <summary>Reads a canonical RIFF WAVE file and insists on 16 kHz mono 16-bit PCM.</summary>
    public static class WavPcm16
    {
        public static short[] ReadMono16k(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            if (b.Length < 12 || Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || Encoding.ASCII.GetString(b, 8, 4) != "WAVE")
                throw new InvalidDataException(path + ": not a RIFF WAVE file");
            if (BitConverter.ToInt32(b, 4) != b.Length - 8)
                throw new InvalidDataException(path + ": RIFF size " + BitConverter.ToInt32(b, 4) + " but file has " + (b.Length - 8));
            bool fmt = false;
            int pos = 12;
            while (pos + 8 <= b.Length)
            {
                string id = Encoding.ASCII.GetString(b, pos, 4);
                int size = BitConverter.ToInt32(b, pos + 4);
                int body = pos + 8;
                if (id == "fmt ")
                {
                    int format = BitConverter.ToInt16(b, body);
                    int channels = BitConverter.ToInt16(b, body + 2);
                    int rate = BitConverter.ToInt32(b, body + 4);
                    int bits = BitConverter.ToInt16(b, body + 14);
                    if (format != 1 || channels != 1 || rate != 16000 || bits != 16)
                        throw new InvalidDataException(path + ": format " + format + ", " + channels + " ch, " + rate + " Hz, " + bits + " bit");
                    fmt = true;
                }
                else if (id == "data")
                {
                    if (!fmt) throw new InvalidDataException(path + ": data before fmt");
                    if (body + size > b.Length) throw new InvalidDataException(path + ": truncated data chunk");
                    var samples = new short[size / 2];
                    for (int i = 0; i < samples.Length; i++) samples[i] = BitConverter.ToInt16(b, body + 2 * i);
                    return samples;
                }
                pos = body + size + (size & 1);
            }
            throw new InvalidDataException(path + ": no data chunk");
        }
    }
}

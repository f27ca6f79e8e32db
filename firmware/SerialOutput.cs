using System;

namespace Edge.Asr.Firmware
{
    /// <summary>Lines to the device's serial console (Console.WriteLine: the debugger output on nanoFramework).</summary>
    public sealed class SerialOutput : ILineOutput
    {
        /// <summary>Writes <paramref name="line"/> and a line end.</summary>
        public void WriteLine(string line)
        {
            Console.WriteLine(line);
        }
    }
}

using System;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// What to print for an exception: its message, or its type when it has none. Exceptions the device
    /// runtime raises from native code (I2S, resources) carry no message on nanoFramework.
    /// </summary>
    public static class ExceptionText
    {
        /// <summary>The message of <paramref name="e"/>, or its full type name when the message is empty.</summary>
        public static string Of(Exception e)
        {
            if (e == null) return "unknown error";
            string message = e.Message;
            if (message != null && message.Length > 0) return message;
            return e.GetType().FullName;
        }
    }
}

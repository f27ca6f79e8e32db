namespace Edge.Asr.Firmware
{
    /// <summary>The start-up comparison of the memory the model needs with the free managed heap.</summary>
    public static class MemoryCheck
    {
        /// <summary>What the start-up check counts (<see cref="PipelineMemory.Bytes"/>).</summary>
        public const string What = "the model's weight window, state and scratch, frontend, detector and capture buffers";

        /// <summary>What it counts when the native kernels get a RAM copy of the tensors (ModelStartup.CopiesWeights).</summary>
        public const string WhatWithCopy = "the model's tensors copied for the native kernels, weight window, state and scratch, frontend, detector and capture buffers";

        /// <summary>What the start-up check counts when the native kernels read the tensors in place in the flash resource.</summary>
        public const string WhatInFlash = "the model's weight window, state and scratch, frontend, detector and capture buffers (the native kernels read the tensors in flash)";

        /// <summary>The start-up line's description of what is counted in weight placement <paramref name="placement"/>.</summary>
        public static string WhatFor(int placement)
        {
            if (placement == WeightPlacement.RamCopy) return WhatWithCopy;
            if (placement == WeightPlacement.InPlace) return WhatInFlash;
            return What;
        }

        /// <summary>True when <paramref name="freeBytes"/> covers <paramref name="neededBytes"/>.</summary>
        public static bool Fits(long neededBytes, long freeBytes)
        {
            return freeBytes >= neededBytes;
        }

        /// <summary>
        /// The line printed at start-up: "memory: ... ok" when it fits, otherwise a message that says
        /// by how much it does not and what to do.
        /// </summary>
        public static string Message(string what, long neededBytes, long freeBytes)
        {
            if (Fits(neededBytes, freeBytes))
            {
                return "memory: " + what + " needs " + neededBytes.ToString() + " bytes, " + freeBytes.ToString() + " bytes free: ok";
            }
            return "memory: " + what + " needs " + neededBytes.ToString() + " bytes but only " + freeBytes.ToString()
                + " bytes are free (" + (neededBytes - freeBytes).ToString() + " short): use a board with PSRAM"
                + " (ESP32_PSRAM_* or ESP32_S3_* firmware) or a smaller model";
        }
    }
}

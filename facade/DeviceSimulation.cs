using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.I2s;
using System.IO;
using nanoFramework.Hardware.Esp32;

namespace Edge.Asr.DeviceFacade
{
    /// <summary>One write to a GPIO pin, in the order the firmware made it.</summary>
    public readonly record struct GpioWrite(int Pin, bool High);

    /// <summary>
    /// Desktop-only control of the simulated board behind the facade: where I2S bytes come from
    /// and go to, which function each pin was given, and what was written to GPIO pins.
    /// The state is process-wide (the device APIs are static or open hardware), so tests that
    /// use it must not run in parallel with each other; call <see cref="Reset"/> first.
    /// </summary>
    public static class DeviceSimulation
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<int, DeviceFunction> PinFunctionByPin = new Dictionary<int, DeviceFunction>();
        private static readonly List<GpioWrite> GpioWriteLog = new List<GpioWrite>();
        private static readonly Dictionary<int, bool> GpioLevels = new Dictionary<int, bool>();
        private static readonly List<I2sConnectionSettings> OpenedI2s = new List<I2sConnectionSettings>();
        private static Stream? _i2sSource;
        private static Stream? _i2sSink;
        private static readonly Dictionary<(System.Resources.ResourceManager, string), byte[]> Resources = new Dictionary<(System.Resources.ResourceManager, string), byte[]>();
        private static uint _freeMemoryBytes = DefaultFreeMemoryBytes;
        private static int _failingI2sOpens;

        /// <summary>
        /// How many of the next I2sDevice constructions fail, as the device's NativeInit does when the
        /// bus or its pins are unavailable (InvalidOperationException); each failure counts one down.
        /// </summary>
        public static int FailingI2sOpens
        {
            get { lock (Gate) return _failingI2sOpens; }
            set { lock (Gate) _failingI2sOpens = value; }
        }

        /// <summary>Free heap a fresh simulated board reports: an ESP32 with PSRAM (about 3.7 MB).</summary>
        public const uint DefaultFreeMemoryBytes = 3_700_000;

        /// <summary>The free bytes nanoFramework.Runtime.Native.GC.Run returns.</summary>
        public static uint FreeMemoryBytes
        {
            get { lock (Gate) return _freeMemoryBytes; }
            set { lock (Gate) _freeMemoryBytes = value; }
        }

        /// <summary>Makes <paramref name="bytes"/> the binary resource <paramref name="id"/> of <paramref name="manager"/>.</summary>
        public static void AddResource(System.Resources.ResourceManager manager, Enum id, byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(manager);
            ArgumentNullException.ThrowIfNull(id);
            ArgumentNullException.ThrowIfNull(bytes);
            lock (Gate) Resources[(manager, id.GetType().FullName + "." + id)] = (byte[])bytes.Clone();
        }

        /// <summary>
        /// The bytes an I2S Read receives, exactly as the device's DMA would deliver them. Read blocks
        /// until its buffer is full; when this stream ends first, Read throws <see cref="EndOfStreamException"/>
        /// (the desktop's way to end a run; the device would wait for more audio).
        /// </summary>
        public static Stream? I2sSource
        {
            get { lock (Gate) return _i2sSource; }
            set { lock (Gate) _i2sSource = value; }
        }

        /// <summary>Receives the bytes of every I2S Write (none are kept when null).</summary>
        public static Stream? I2sSink
        {
            get { lock (Gate) return _i2sSink; }
            set { lock (Gate) _i2sSink = value; }
        }

        /// <summary>Forgets all pin functions, GPIO writes and levels, opened I2S settings, source and sink, resources; restores the free memory.</summary>
        public static void Reset()
        {
            lock (Gate)
            {
                PinFunctionByPin.Clear();
                GpioWriteLog.Clear();
                GpioLevels.Clear();
                OpenedI2s.Clear();
                _i2sSource = null;
                _i2sSink = null;
                Resources.Clear();
                _freeMemoryBytes = DefaultFreeMemoryBytes;
                _failingI2sOpens = 0;
            }
        }

        /// <summary>The function last given to <paramref name="pin"/> by Configuration.SetPinFunction, or null.</summary>
        public static DeviceFunction? PinFunction(int pin)
        {
            lock (Gate) return PinFunctionByPin.TryGetValue(pin, out DeviceFunction f) ? f : null;
        }

        /// <summary>Every GPIO write so far, oldest first.</summary>
        public static GpioWrite[] GpioWrites()
        {
            lock (Gate) return GpioWriteLog.ToArray();
        }

        /// <summary>The settings of every I2sDevice opened so far, oldest first (the live objects).</summary>
        public static I2sConnectionSettings[] OpenedI2sDevices()
        {
            lock (Gate) return OpenedI2s.ToArray();
        }

        /// <summary>Sets the level a GPIO Read of <paramref name="pin"/> returns (as if driven from outside).</summary>
        public static void SetGpioInput(int pin, bool high)
        {
            lock (Gate) GpioLevels[pin] = high;
        }

        /// <summary>
        /// The binary resource <paramref name="id"/> of <paramref name="manager"/>: one registered with
        /// <see cref="AddResource"/>, else the byte[] entry named like the enum member in the manager's
        /// own resources (the resx its assembly embeds, as on the device; the generated enum member is
        /// the resource's name), else null (the device returns null for an id the assembly lacks).
        /// </summary>
        internal static byte[]? Resource(System.Resources.ResourceManager manager, Enum id)
        {
            ArgumentNullException.ThrowIfNull(manager);
            ArgumentNullException.ThrowIfNull(id);
            var key = (manager, id.GetType().FullName + "." + id);
            lock (Gate)
            {
                if (Resources.TryGetValue(key, out byte[]? bytes)) return bytes;
            }
            byte[]? embedded = EmbeddedResource(manager, id.ToString());
            if (embedded == null) return null;
            // Kept (until Reset) so chunked reads do not deserialise the whole resource each time.
            lock (Gate) Resources.TryAdd(key, embedded);
            return embedded;
        }

        private static byte[]? EmbeddedResource(System.Resources.ResourceManager manager, string name)
        {
            try
            {
                return manager.GetObject(name, System.Globalization.CultureInfo.InvariantCulture) as byte[];
            }
            catch (System.Resources.MissingManifestResourceException)
            {
                return null;
            }
        }

        internal static void RecordPinFunction(int pin, DeviceFunction function)
        {
            lock (Gate) PinFunctionByPin[pin] = function;
        }

        internal static void RecordGpioWrite(int pin, bool high)
        {
            lock (Gate)
            {
                GpioWriteLog.Add(new GpioWrite(pin, high));
                GpioLevels[pin] = high;
            }
        }

        internal static bool GpioLevel(int pin)
        {
            lock (Gate) return GpioLevels.TryGetValue(pin, out bool high) && high;
        }

        internal static void RecordI2sOpened(I2sConnectionSettings settings)
        {
            lock (Gate)
            {
                if (_failingI2sOpens > 0)
                {
                    _failingI2sOpens--;
                    throw new InvalidOperationException("simulated I2S init failure (bus " + settings.BusId + " unavailable)");
                }
                OpenedI2s.Add(settings);
            }
        }

        internal static void ReadI2s(byte[] array, int start, int length)
        {
            Stream source = I2sSource ?? throw new InvalidOperationException(
                "no simulated I2S source: set DeviceSimulation.I2sSource before reading the I2sDevice");
            int filled = 0;
            while (filled < length)
            {
                int n = source.Read(array, start + filled, length - filled);
                if (n <= 0)
                {
                    throw new EndOfStreamException(
                        "the simulated I2S source ended after " + filled + " of " + length + " bytes of a Read");
                }
                filled += n;
            }
        }

        internal static void WriteI2s(byte[] array, int start, int length)
        {
            I2sSink?.Write(array, start, length);
        }
    }
}

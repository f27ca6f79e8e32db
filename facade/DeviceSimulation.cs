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
        private static readonly Dictionary<int, GpioPin> OpenGpioPins = new Dictionary<int, GpioPin>();
        private static readonly List<I2sConnectionSettings> OpenedI2s = new List<I2sConnectionSettings>();
        private static Stream? _i2sSource;
        private static Stream? _i2sSink;
        private static readonly Dictionary<(System.Resources.ResourceManager, string), byte[]> Resources = new Dictionary<(System.Resources.ResourceManager, string), byte[]>();
        private static long _heapBytes = DefaultHeapBytes;
        private static int _failingI2sOpens;
        private static int _failingI2sReads;
        private static readonly Dictionary<int, int> I2sDriverUsers = new Dictionary<int, int>();
        private static int _generation;

        // Bytes the calling thread had allocated when it last reset (or first asked for the free heap),
        // and the bytes since then that only the desktop simulation allocated (the I2S byte source).
        [ThreadStatic] private static long t_allocatedAtReset;
        [ThreadStatic] private static long t_simulationBytes;
        [ThreadStatic] private static bool t_hasBaseline;

        /// <summary>
        /// How many of the next I2sDevice constructions fail, as the device's NativeInit does when the ESP-IDF
        /// driver cannot be installed (CLR_E_INVALID_PARAMETER: ArgumentException); each failure counts one down.
        /// The half-built device is left to the GC, and its finalizer uninstalls the bus's driver as the real one does.
        /// </summary>
        public static int FailingI2sOpens
        {
            get { lock (Gate) return _failingI2sOpens; }
            set { lock (Gate) _failingI2sOpens = value; }
        }

        /// <summary>
        /// How many of the next I2sDevice reads fail, as the device's Read does when i2s_read does not
        /// return ESP_OK (CLR_E_INVALID_PARAMETER: ArgumentException); each failure counts one down.
        /// </summary>
        public static int FailingI2sReads
        {
            get { lock (Gate) return _failingI2sReads; }
            set { lock (Gate) _failingI2sReads = value; }
        }

        /// <summary>The managed heap of a board with PSRAM (docs/device.md); a board without has about 50-110 KB.</summary>
        public const long DefaultHeapBytes = 3_700_000;

        /// <summary>The simulated board's managed heap in bytes (what GC.Run reports free before anything is allocated).</summary>
        public static long HeapBytes
        {
            get { lock (Gate) return _heapBytes; }
            set { lock (Gate) _heapBytes = value; }
        }

        /// <summary>
        /// What <c>nanoFramework.Runtime.Native.GC.Run</c> reports: the heap less every byte the calling thread
        /// allocated since it reset the simulation (or first asked), not counting what the desktop I2S source
        /// allocates; 0 when that is more than the heap. Nothing allocated is ever given back, so this is a
        /// lower bound of a device's free heap, and like the device's it is a total, not the largest free block.
        /// </summary>
        public static uint FreeHeapBytes()
        {
            if (!t_hasBaseline) StartHeapAccounting();
            long used = GC.GetAllocatedBytesForCurrentThread() - t_allocatedAtReset - t_simulationBytes;
            long free = HeapBytes - Math.Max(0, used);
            return (uint)Math.Clamp(free, 0, uint.MaxValue);
        }

        private static void StartHeapAccounting()
        {
            t_allocatedAtReset = GC.GetAllocatedBytesForCurrentThread();
            t_simulationBytes = 0;
            t_hasBaseline = true;
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
            StartHeapAccounting();
            lock (Gate)
            {
                PinFunctionByPin.Clear();
                GpioWriteLog.Clear();
                GpioLevels.Clear();
                OpenGpioPins.Clear();
                OpenedI2s.Clear();
                _i2sSource = null;
                _i2sSink = null;
                Resources.Clear();
                _heapBytes = DefaultHeapBytes;
                _failingI2sOpens = 0;
                _failingI2sReads = 0;
                I2sDriverUsers.Clear();
                _generation++;
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

        internal static bool TryOpenGpioPin(int pinNumber, GpioPin pin)
        {
            lock (Gate) return OpenGpioPins.TryAdd(pinNumber, pin);
        }

        internal static GpioPin? OpenGpioPin(int pinNumber)
        {
            lock (Gate) return OpenGpioPins.TryGetValue(pinNumber, out GpioPin? pin) ? pin : null;
        }

        internal static void CloseGpioPin(int pinNumber)
        {
            lock (Gate) OpenGpioPins.Remove(pinNumber);
        }

        internal static GpioPin[] CloseAllGpioPins()
        {
            lock (Gate)
            {
                GpioPin[] pins = new GpioPin[OpenGpioPins.Count];
                OpenGpioPins.Values.CopyTo(pins, 0);
                OpenGpioPins.Clear();
                return pins;
            }
        }

        internal static bool GpioLevel(int pin)
        {
            lock (Gate) return GpioLevels.TryGetValue(pin, out bool high) && high;
        }

        /// <summary>The simulation generation: a device finalized after a Reset must not touch the new state.</summary>
        internal static int Generation
        {
            get { lock (Gate) return _generation; }
        }

        /// <summary>
        /// The device's NativeInit: fails as configured (ArgumentException, nothing installed), else installs the
        /// bus's driver if no device holds it yet (nf-interpreter SetI2sConfig: only the first device installs).
        /// </summary>
        internal static void OpenI2s(I2sConnectionSettings settings)
        {
            lock (Gate)
            {
                if (_failingI2sOpens > 0)
                {
                    _failingI2sOpens--;
                    throw new ArgumentException("simulated I2S init failure: i2s_driver_install failed on bus " + settings.BusId);
                }
                I2sDriverUsers.TryGetValue(settings.BusId, out int users);
                if (users == 0) I2sDriverUsers[settings.BusId] = 1;
                OpenedI2s.Add(settings);
            }
        }

        /// <summary>
        /// The device's NativeDispose, from Dispose or the finalizer: counts the bus's driver down and
        /// uninstalls it at zero, whichever device installed it (nf-interpreter NativeDispose).
        /// </summary>
        internal static void DisposeI2s(int busId, int generation)
        {
            lock (Gate)
            {
                if (generation != _generation) return;
                I2sDriverUsers.TryGetValue(busId, out int users);
                users--;
                I2sDriverUsers[busId] = users <= 0 ? 0 : users;
            }
        }

        /// <summary>True while the bus's driver is installed.</summary>
        public static bool I2sDriverInstalled(int busId)
        {
            lock (Gate) return I2sDriverUsers.TryGetValue(busId, out int users) && users > 0;
        }

        internal static void ReadI2s(int busId, byte[] array, int start, int length)
        {
            lock (Gate)
            {
                // i2s_read fails (CLR_E_INVALID_PARAMETER) on a bus whose driver is not installed, or as configured.
                if (!(I2sDriverUsers.TryGetValue(busId, out int users) && users > 0))
                {
                    throw new ArgumentException("simulated I2S read failure: no driver installed on bus " + busId);
                }
                if (_failingI2sReads > 0)
                {
                    _failingI2sReads--;
                    throw new ArgumentException("simulated I2S read failure: i2s_read failed on bus " + busId);
                }
            }
            Stream source = I2sSource ?? throw new ArgumentException(
                "simulated I2S read failure: no I2S source (set DeviceSimulation.I2sSource before reading the I2sDevice)");
            long before = GC.GetAllocatedBytesForCurrentThread();
            int filled = 0;
            try
            {
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
            finally
            {
                if (!t_hasBaseline) StartHeapAccounting();
                t_simulationBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        internal static void WriteI2s(byte[] array, int start, int length)
        {
            I2sSink?.Write(array, start, length);
        }
    }
}

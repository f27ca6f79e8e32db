using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.I2s;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using nanoFramework.Hardware.Esp32;
using Xunit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>The desktop device facade: its surface is exactly the allowlisted device API, and it behaves.</summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class DeviceFacadeTests
    {
        private static bool IsDeviceApi(string entry)
        {
            string type = entry.Split("::")[0];
            return type.StartsWith("System.Device.", StringComparison.Ordinal)
                || type.StartsWith("nanoFramework.Hardware.Esp32.", StringComparison.Ordinal)
                || type.StartsWith("nanoFramework.Runtime.Native.", StringComparison.Ordinal)
                || type.StartsWith("nanoFramework.TestFramework.", StringComparison.Ordinal)
                || type == "System.SpanByte";
        }

        /// <summary>Public types and members the facade assembly declares in the real device namespaces.</summary>
        private static SortedSet<string> FacadeSurface()
        {
            // The facade is a desktop assembly: resolve it against the desktop framework.
            string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
            MetadataReference facade = MetadataReference.CreateFromFile(typeof(DeviceSimulation).Assembly.Location);
            references.Add(facade);
            return DeviceSurface(CSharpCompilation.Create("FacadeSurface", references: references), facade);
        }

        /// <summary>Public types and members the package stubs declare (compiled against the real mscorlib).</summary>
        private static SortedSet<string> StubSurface()
        {
            var compilation = CSharpCompilation.Create("StubSurface", references: NanoFrameworkAssemblies.MscorlibAndStubs);
            var entries = new SortedSet<string>(StringComparer.Ordinal);
            foreach (MetadataReference stub in NanoFrameworkAssemblies.Stubs) entries.UnionWith(DeviceSurface(compilation, stub));
            return entries;
        }

        /// <summary>The public device-namespace types and members one referenced assembly declares.</summary>
        private static SortedSet<string> DeviceSurface(Compilation compilation, MetadataReference reference)
        {
            var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
            var entries = new SortedSet<string>(StringComparer.Ordinal);
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                INamespaceSymbol ns = namespaces.Pop();
                foreach (INamespaceSymbol child in ns.GetNamespaceMembers()) namespaces.Push(child);
                foreach (INamedTypeSymbol type in ns.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public))
                {
                    string typeEntry = PortabilityGuard.EntryOf(type);
                    if (!IsDeviceApi(typeEntry) && type.ContainingAssembly.Name != "nanoFramework.ResourceManager") continue;
                    entries.Add(typeEntry);
                    foreach (ISymbol member in type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared))
                    {
                        if (member is IMethodSymbol m && m.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet) continue;
                        if (member is IMethodSymbol { MethodKind: MethodKind.Destructor }) continue;
                        entries.Add(PortabilityGuard.EntryOf(member));
                    }
                    // The implicit public constructor of a class is part of its surface too.
                    foreach (IMethodSymbol ctor in type.InstanceConstructors.Where(c => c.IsImplicitlyDeclared && c.DeclaredAccessibility == Accessibility.Public && type.TypeKind == TypeKind.Class))
                    {
                        entries.Add(PortabilityGuard.EntryOf(ctor));
                    }
                }
            }
            return entries;
        }

        [Fact]
        public void FacadeSurfaceIsExactlyTheAllowlistedDeviceApi()
        {
            SortedSet<string> facade = FacadeSurface();
            facade.RemoveWhere(e => e.StartsWith("System.SpanByte", StringComparison.Ordinal));
            var listed = new SortedSet<string>(ApiAllowlist.LoadDefault().Entries.Where(IsDeviceApi), StringComparer.Ordinal);

            string[] unlisted = facade.Except(listed).ToArray();
            string[] unimplemented = listed.Except(facade).ToArray();

            Assert.True(unlisted.Length == 0, "facade members not in the allowlist (confirm them in the nanoFramework sources first):\n  " + string.Join("\n  ", unlisted));
            Assert.True(unimplemented.Length == 0, "allowlisted device members the facade lacks:\n  " + string.Join("\n  ", unimplemented));
        }

        [Fact]
        public void PackageStubsDeclareExactlyTheAllowlistedPackageApi()
        {
            // Every allowlisted entry of a package the registry does not serve is declared by its stub, and
            // nothing else: the stubs and the allowlist are the same reading of the package sources.
            SortedSet<string> stubs = StubSurface();
            var listed = new SortedSet<string>(ApiAllowlist.LoadDefault().Entries.Where(e => IsDeviceApi(e) || e.StartsWith("System.Resources.", StringComparison.Ordinal)), StringComparer.Ordinal);
            listed.RemoveWhere(e => e.StartsWith("System.SpanByte", StringComparison.Ordinal));

            Assert.True(stubs.SetEquals(listed),
                "stub-only:\n  " + string.Join("\n  ", stubs.Except(listed)) + "\nallowlist-only:\n  " + string.Join("\n  ", listed.Except(stubs)));
        }

        [Fact]
        public void FacadeSpanByteIsASubsetOfTheRealOne()
        {
            SortedSet<string> facade = new SortedSet<string>(FacadeSurface().Where(e => e.StartsWith("System.SpanByte", StringComparison.Ordinal)), StringComparer.Ordinal);
            var compilation = CSharpCompilation.Create("Real", references: new[] { NanoFrameworkAssemblies.Mscorlib });
            INamedTypeSymbol real = compilation.GetTypeByMetadataName("System.SpanByte")!;
            var realEntries = new SortedSet<string>(real.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet })
                .Select(PortabilityGuard.EntryOf), StringComparer.Ordinal) { "System.SpanByte" };

            Assert.True(facade.Count > 5, "facade SpanByte surface: " + string.Join(", ", facade));
            Assert.True(facade.IsSubsetOf(realEntries), "facade SpanByte members the real mscorlib lacks:\n  " + string.Join("\n  ", facade.Except(realEntries)));
        }

        [Fact]
        public void MicrophoneConfigRoutesI2s1AndDescribesAnInmp441()
        {
            DeviceSimulation.Reset();

            I2sConnectionSettings settings = MicrophoneConfig.Configure(new MicrophonePins(32, 25, 33));

            Assert.Equal(DeviceFunction.I2S1_BCK, DeviceSimulation.PinFunction(32));
            Assert.Equal(DeviceFunction.I2S1_WS, DeviceSimulation.PinFunction(25));
            Assert.Equal(DeviceFunction.I2S1_MDATA_IN, DeviceSimulation.PinFunction(33));
            Assert.Null(DeviceSimulation.PinFunction(26));
            Assert.Equal(1, settings.BusId);
            Assert.Equal(16000, settings.SampleRate);
            Assert.Equal(I2sMode.Master | I2sMode.Rx, settings.Mode);
            Assert.Equal(I2sCommunicationFormat.I2S, settings.CommunicationFormat);
            Assert.Equal(I2sBitsPerSample.Bit32, settings.BitsPerSample);
            Assert.Equal(I2sChannelFormat.RightLeft, settings.ChannelFormat);
        }

        [Fact]
        public void I2sReadBlocksUntilFullFromTheSimulatedSource()
        {
            DeviceSimulation.Reset();
            byte[] dma = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();
            // A source that hands out at most 5 bytes per call, like a slow producer.
            DeviceSimulation.I2sSource = new TrickleStream(dma, 5);
            var settings = new I2sConnectionSettings(1) { Mode = I2sMode.Master | I2sMode.Rx };

            using var device = new I2sDevice(settings);
            var buffer = new byte[128];
            device.Read(buffer);
            Assert.Equal(dma.Take(128), buffer);

            // A slice fills only its window.
            var second = new byte[128];
            device.Read(new SpanByte(second, 100, 28));
            Assert.Equal(new byte[100], second.Take(100));
            Assert.Equal(dma.Skip(128).Take(28), second.Skip(100));

            // The source has 144 bytes left: a 200-byte read cannot be completed.
            EndOfStreamException end = Assert.Throws<EndOfStreamException>(() => device.Read(new byte[200]));
            Assert.Contains("144 of 200", end.Message, StringComparison.Ordinal);
            Assert.Same(settings, DeviceSimulation.OpenedI2sDevices().Single());
        }

        [Fact]
        public void I2sWriteGoesToTheSink()
        {
            DeviceSimulation.Reset();
            var sink = new MemoryStream();
            DeviceSimulation.I2sSink = sink;
            using var device = I2sDevice.Create(new I2sConnectionSettings(2) { Mode = I2sMode.Master | I2sMode.Tx });

            device.Write(new SpanByte(new byte[] { 1, 2, 3, 4, 5 }, 1, 3));

            Assert.Equal(new byte[] { 2, 3, 4 }, sink.ToArray());
        }

        [Fact]
        public void GpioWritesAreRecordedInOrder()
        {
            DeviceSimulation.Reset();
            using var gpio = new GpioController();
            GpioPin led = gpio.OpenPin(2, PinMode.Output);

            led.Write(PinValue.High);
            gpio.Write(2, PinValue.Low);
            led.Toggle();
            gpio.Write(2, 0);

            Assert.Equal(
                new[] { new GpioWrite(2, true), new GpioWrite(2, false), new GpioWrite(2, true), new GpioWrite(2, false) },
                DeviceSimulation.GpioWrites());
            Assert.Equal(PinMode.Output, gpio.GetPinMode(2));
            Assert.Throws<InvalidOperationException>(() => gpio.ClosePin(4));
            Assert.Throws<InvalidOperationException>(() => gpio.GetPinMode(4));
            gpio.ClosePin(2);
            Assert.False(gpio.IsPinOpen(2));
            Assert.Throws<ObjectDisposedException>(() => led.Write(PinValue.Low));

            DeviceSimulation.SetGpioInput(5, true);
            GpioPin button = gpio.OpenPin(5, PinMode.InputPullUp);
            Assert.Equal(PinValue.High, button.Read());
        }

        [Fact]
        public void I2sFailuresThrowTheDevicesTypesAndAFinalizedDeviceUninstallsTheDriver()
        {
            DeviceSimulation.Reset();
            var settings = new I2sConnectionSettings(1) { Mode = I2sMode.Master | I2sMode.Rx };
            DeviceSimulation.I2sSource = new MemoryStream(new byte[64]);

            // Open failure: ArgumentException (CLR_E_INVALID_PARAMETER), no driver installed.
            DeviceSimulation.FailingI2sOpens = 1;
            OpenAndDrop(settings);
            Assert.False(DeviceSimulation.I2sDriverInstalled(1));

            using var device = new I2sDevice(settings);
            Assert.True(DeviceSimulation.I2sDriverInstalled(1));
            device.Read(new byte[8]);

            // The half-built device is finalized later, as on the device: it uninstalls the working driver.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.False(DeviceSimulation.I2sDriverInstalled(1));
            Assert.Throws<ArgumentException>(() => device.Read(new byte[8]));

            // A configured read failure is an ArgumentException too.
            DeviceSimulation.Reset();
            DeviceSimulation.I2sSource = new MemoryStream(new byte[64]);
            using var second = new I2sDevice(settings);
            DeviceSimulation.FailingI2sReads = 1;
            Assert.Throws<ArgumentException>(() => second.Read(new byte[8]));
            second.Read(new byte[8]);
            second.Dispose();
            Assert.False(DeviceSimulation.I2sDriverInstalled(1));
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void OpenAndDrop(I2sConnectionSettings settings)
        {
            Assert.Throws<ArgumentException>(() => new I2sDevice(settings));
        }

        [Fact]
        public void GcRunReportsTheSimulatedHeapLessWhatThisThreadAllocated()
        {
            DeviceSimulation.Reset();
            uint before = nanoFramework.Runtime.Native.GC.Run(false);
            Assert.InRange(before, 1u, (uint)DeviceSimulation.DefaultHeapBytes);
            var held = new byte[200_000];
            uint after = nanoFramework.Runtime.Native.GC.Run(false);
            Assert.True(before - after >= 200_000, before + " then " + after);
            GC.KeepAlive(held);

            DeviceSimulation.HeapBytes = 100_000; // a board without PSRAM
            var more = new byte[150_000];
            Assert.Equal(0u, nanoFramework.Runtime.Native.GC.Run(false));
            GC.KeepAlive(more);
        }

        [Fact]
        public void GpioPinsAreOpenProcessWideAsOnTheDevice()
        {
            DeviceSimulation.Reset();
            using var first = new GpioController();
            var second = new GpioController();
            first.OpenPin(2, PinMode.Output);

            Assert.True(second.IsPinOpen(2));
            Assert.Throws<InvalidOperationException>(() => second.OpenPin(2));
            second.Dispose(); // disposes every open pin, whichever controller opened it
            Assert.False(first.IsPinOpen(2));
        }

        [Fact]
        public void SpanByteKeepsTheDeviceRangeChecks()
        {
            var bytes = new byte[] { 10, 20, 30, 40, 50 };
            var span = new SpanByte(bytes, 1, 3);
            Assert.Equal(3, span.Length);
            Assert.Equal(20, span[0]);
            span[2] = 99;
            Assert.Equal(99, bytes[3]);
            Assert.Equal(new byte[] { 99 }, span.Slice(2).ToArray());
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(bytes, 3, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(bytes, 1, 3)[3]);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpanByte(bytes, 1, 3).Slice(2, 2));
            Assert.Throws<ArgumentException>(() => new SpanByte(bytes).CopyTo(new SpanByte(new byte[4])));
            Assert.True(SpanByte.Empty.IsEmpty);
        }

        [Fact]
        public void HighResTimerCountsMicroseconds()
        {
            var outer = Stopwatch.StartNew();
            ulong start = HighResTimer.GetCurrent();
            Thread.Sleep(50);
            ulong elapsed = HighResTimer.GetCurrent() - start;
            outer.Stop();

            Assert.InRange(elapsed, 50_000UL, (ulong)(outer.Elapsed.Ticks / 10) + 1);
        }

        /// <summary>A read-only stream that returns at most a few bytes per Read.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            private readonly int _most;

            public TrickleStream(byte[] data, int most) : base(data, writable: false)
            {
                _most = most;
            }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _most));
        }
    }
}

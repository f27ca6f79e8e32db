using System;
using System.Collections.Generic;
using System.Resources;
using Edge.Asr.Blob;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Tests.Blob;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>Start-up: the blob is checked and its errors printed; memory is checked against the free heap.</summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class StartupTests
    {
        private sealed class Lines : ILineOutput
        {
            public readonly List<string> All = new List<string>();
            public void WriteLine(string line) => All.Add(line);
        }

        private sealed class NoSleep : IDeviceClock
        {
            public long NowMicroseconds() => 0;
            public void Sleep(int milliseconds) { }
        }

        private sealed class ThrowingSource : IBlobSource
        {
            public int Length => 4096;
            public void Read(int offset, byte[] buffer, int bufferOffset, int count) => throw new InvalidOperationException("flash read error at " + offset);
        }

        private enum TestResources : short { Model = 17 }

        [Fact]
        public void ACorruptBlobIsPrintedAsOneModelBlobLine()
        {
            byte[] blob = BlobSamples.Blob();
            blob[blob.Length / 2] ^= 0x5A; // breaks the CRC
            var lines = new Lines();

            ModelBlob? opened = ModelStartup.OpenBlob(new ByteArrayBlobSource(blob), lines);

            Assert.Null(opened);
            string line = Assert.Single(lines.All);
            Assert.StartsWith("model blob: ", line);
            Assert.Contains("CRC", line, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void ATruncatedBlobAndAFailingReadArePrintedToo()
        {
            byte[] blob = BlobSamples.Blob();
            var lines = new Lines();
            Assert.Null(ModelStartup.OpenBlob(new ByteArrayBlobSource(blob.AsSpan(0, 10).ToArray()), lines));
            Assert.Null(ModelStartup.OpenBlob(new ThrowingSource(), lines));
            Assert.Null(ModelStartup.OpenBlob(null, lines));

            Assert.Equal(3, lines.All.Count);
            Assert.All(lines.All, l => Assert.StartsWith("model blob: ", l));
            Assert.StartsWith("model blob: cannot be read: flash read error at 0", lines.All[1]);
            Assert.Equal("model blob: no model blob in this build", lines.All[2]);
        }

        [Fact]
        public void AGoodBlobIsReadInSlicesFromTheResource()
        {
            DeviceSimulation.Reset();
            byte[] blob = BlobSamples.Blob();
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            DeviceSimulation.AddResource(rm, TestResources.Model, blob);
            var lines = new Lines();

            ModelBlob? opened = ModelStartup.OpenBlob(new ResourceBlobSource(rm, TestResources.Model, blob.Length), lines);

            Assert.NotNull(opened);
            Assert.Equal("model blob: version " + opened!.MajorVersion + "." + opened.MinorVersion + ", " + blob.Length + " bytes, "
                + opened.TensorCount + " tensors, 12 labels: ok", Assert.Single(lines.All));
            long tensorBytes = 0;
            for (int i = 0; i < opened.TensorCount; i++) tensorBytes += opened.Tensor(i).ByteLength;
            Assert.Equal(tensorBytes, ModelStartup.TensorBytes(opened));
            Assert.True(tensorBytes > 0);
        }

        [Fact]
        public void AResourceShorterThanItsStatedLengthIsAClearError()
        {
            DeviceSimulation.Reset();
            byte[] blob = BlobSamples.Blob();
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            DeviceSimulation.AddResource(rm, TestResources.Model, blob.AsSpan(0, blob.Length - 100).ToArray());
            var lines = new Lines();

            Assert.Null(ModelStartup.OpenBlob(new ResourceBlobSource(rm, TestResources.Model, blob.Length), lines));
            Assert.StartsWith("model blob: cannot be read: ", Assert.Single(lines.All));
        }

        [Fact]
        public void TheResourceLengthComesFromTheBlobHeader()
        {
            DeviceSimulation.Reset();
            byte[] blob = BlobSamples.Blob();
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            DeviceSimulation.AddResource(rm, TestResources.Model, blob);
            var lines = new Lines();

            var source = new ResourceBlobSource(rm, TestResources.Model);
            Assert.Equal(blob.Length, source.Length);
            Assert.NotNull(ModelStartup.OpenBlob(new ResourceBlobSource(rm, TestResources.Model), lines));
            Assert.EndsWith("12 labels: ok", Assert.Single(lines.All));
        }

        [Fact]
        public void AResourceTooShortOrWithAnAbsurdLengthIsAModelBlobLine()
        {
            DeviceSimulation.Reset();
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            var lines = new Lines();

            DeviceSimulation.AddResource(rm, TestResources.Model, new byte[8]);
            Assert.Null(ModelStartup.OpenBlob(new ResourceBlobSource(rm, TestResources.Model), lines));

            byte[] huge = BlobSamples.Blob();
            huge[BlobFormat.OffsetTotalLength + 3] = 0x7F; // total_length ≈ 2 GB
            DeviceSimulation.AddResource(rm, TestResources.Model, huge);
            Assert.Null(ModelStartup.OpenBlob(new ResourceBlobSource(rm, TestResources.Model), lines));

            byte[] longer = BlobSamples.Blob();
            longer[BlobFormat.OffsetTotalLength] += 4; // claims 4 bytes more than the resource has
            DeviceSimulation.AddResource(rm, TestResources.Model, longer);
            Assert.Null(ModelStartup.OpenBlob(new ResourceBlobSource(rm, TestResources.Model), lines));

            Assert.Equal(3, lines.All.Count);
            Assert.All(lines.All, l => Assert.StartsWith("model blob: ", l));
            Assert.Equal("model blob: the model resource is not a binary resource of at least 16 bytes", lines.All[0]);
            Assert.Contains("outside 24..16777216", lines.All[1]);
        }

        [Fact]
        public void ResourceSlicesBehaveAsTheNativeCode()
        {
            DeviceSimulation.Reset();
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            DeviceSimulation.AddResource(rm, TestResources.Model, new byte[] { 1, 2, 3, 4, 5 });

            Assert.Equal(new byte[] { 2, 3 }, (byte[]?)nanoFramework.Runtime.Native.ResourceUtility.GetObject(rm, TestResources.Model, 1, 2));
            Assert.Equal(new byte[] { 4, 5 }, (byte[]?)nanoFramework.Runtime.Native.ResourceUtility.GetObject(rm, TestResources.Model, 3, 10)); // trimmed
            Assert.Throws<IndexOutOfRangeException>(() => nanoFramework.Runtime.Native.ResourceUtility.GetObject(rm, TestResources.Model, 5, 1));
            // An id the build does not hold: the device's ResourceManager throws ArgumentException (GetObjectChunkFromId).
            Assert.Throws<ArgumentException>(() => nanoFramework.Runtime.Native.ResourceUtility.GetObject(rm, OtherResources.Missing, 0, 1));
            Assert.Throws<ArgumentException>(() => nanoFramework.Runtime.Native.ResourceUtility.GetObject(rm, OtherResources.Missing));

            // The source turns a trimmed or missing slice into a clear error.
            var lines = new Lines();
            Assert.Null(ModelStartup.OpenBlob(new ResourceBlobSource(rm, OtherResources.Missing), lines));
            Assert.StartsWith("model blob: the model resource is not in this build or is not a binary resource (", Assert.Single(lines.All));
            var source = new ResourceBlobSource(rm, TestResources.Model, 8);
            var buffer = new byte[8];
            var e = Assert.Throws<InvalidOperationException>(() => source.Read(0, buffer, 0, 8));
            Assert.Equal("model resource: asked for 8 bytes at 0, got 5 bytes (is it a binary resource of 8 bytes?)", e.Message);
        }

        private enum OtherResources : short { Missing = 99 }

        [Fact]
        public void MemoryMessageSaysWhatFitsAndWhatIsShort()
        {
            Assert.Equal("memory: model needs 1000 bytes, 5000 bytes free: ok", MemoryCheck.Message("model", 1000, 5000));
            Assert.Equal("memory: model needs 1000 bytes, 1000 bytes free: ok", MemoryCheck.Message("model", 1000, 1000));
            Assert.Equal("memory: model needs 90000 bytes but only 60000 bytes are free (30000 short): use a board with PSRAM"
                + " (ESP32_PSRAM_* or ESP32_S3_* firmware) or a smaller model", MemoryCheck.Message("model", 90000, 60000));
            Assert.False(MemoryCheck.Fits(1001, 1000));
        }

        [Fact]
        public void StartStopsWithAClearMessageWhenTheHeapIsTooSmall()
        {
            DeviceSimulation.Reset();
            byte[] blob = BlobSamples.Blob();
            ModelBlob parsed = ModelBlob.Load(blob);
            BoardConfig board = BoardConfig.DevKitInmp441();
            long need = PipelineMemory.Bytes(parsed, I2sSampleLayout.FromSettings(MicrophoneConfig.Configure(board.Pins), board.MicrophoneOnRight));
            // A board whose whole heap is one byte short: GC.Run reports at most that, less what start-up allocated.
            DeviceSimulation.HeapBytes = need - 1;
            var lines = new Lines();

            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), new ByteArrayBlobSource(blob), lines, new NoSleep(), null);

            Assert.Null(loop);
            Assert.Equal(3, lines.All.Count);
            Assert.Equal("Edge.Asr firmware: ESP32 DevKit + INMP441; I2S1 BCK 32 WS 25 DATA 33, LED 2, gain shift 2", lines.All[0]);
            Assert.StartsWith("model blob: version ", lines.All[1]);
            var m = System.Text.RegularExpressions.Regex.Match(lines.All[2], "^memory: " + MemoryCheck.What + " needs " + need + " bytes but only (\\d+) bytes are free");
            Assert.True(m.Success, lines.All[2]);
            long free = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(MemoryCheck.Message(MemoryCheck.What, need, free), lines.All[2]);
            Assert.InRange(free, 0, need - 1);
        }

        [Fact]
        public void StartRunsTheShippedModelFromTheEmbeddedResourceWhenEverythingFits()
        {
            DeviceSimulation.Reset();
            var lines = new Lines();

            CaptureLoop? loop = DeviceApp.Start(BoardConfig.Esp32S3(), FirmwareModel.Source(), lines, new NoSleep(), null);

            Assert.True(loop != null, string.Join("\n", lines.All));
            Assert.Equal("Edge.Asr firmware: ESP32-S3 + INMP441; I2S1 BCK 4 WS 5 DATA 6, LED 21, gain shift 2", lines.All[0]);
            Assert.StartsWith("model blob: version ", lines.All[1]);
            Assert.EndsWith("bytes free: ok", lines.All[2]);
            Assert.StartsWith("model: 12 classes, ", lines.All[3]);
            Assert.Equal("listening", lines.All[4]);
        }

        [Fact]
        public void StartUpWithAMissingResourcePrintsOneModelBlobLineAndStops()
        {
            DeviceSimulation.Reset();
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            var lines = new Lines();

            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), new ResourceBlobSource(rm, OtherResources.Missing), lines, new NoSleep(), null);

            Assert.Null(loop);
            Assert.Equal(2, lines.All.Count);
            Assert.StartsWith("model blob: the model resource is not in this build or is not a binary resource (", lines.All[1]);
            Assert.EndsWith("): bake the model with --resource and rebuild", lines.All[1]);
        }

        [Fact]
        public void StartUpWithACorruptResourcePrintsTheCrcErrorAndStops()
        {
            DeviceSimulation.Reset();
            byte[] blob = BlobSamples.Blob();
            blob[blob.Length / 2] ^= 0x5A; // breaks the CRC
            var rm = new ResourceManager("Edge.Asr.Firmware.Resources.ModelResources", typeof(StartupTests).Assembly);
            DeviceSimulation.AddResource(rm, TestResources.Model, blob);
            var lines = new Lines();

            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), new ResourceBlobSource(rm, TestResources.Model), lines, new NoSleep(), null);

            Assert.Null(loop);
            Assert.Equal(2, lines.All.Count);
            Assert.StartsWith("model blob: ", lines.All[1]);
            Assert.Contains("CRC", lines.All[1], StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void AModelTheLoaderRefusesIsPrintedAndStartStops()
        {
            // The sample blob is well-formed but its tensors do not make a model.
            DeviceSimulation.Reset();
            var lines = new Lines();
            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), new ByteArrayBlobSource(BlobSamples.Blob()),
                lines, new NoSleep(), null);
            Assert.Null(loop);
            Assert.StartsWith("model blob: ", lines.All[^1]);
        }

        [Fact]
        public void BoardPresetsMatchTheWiringTable()
        {
            BoardConfig devkit = BoardConfig.DevKitInmp441();
            Assert.Equal((32, 25, 33, 2), (devkit.Pins.BitClock, devkit.Pins.WordSelect, devkit.Pins.Data, devkit.LedPin));
            BoardConfig s3 = BoardConfig.Esp32S3();
            Assert.Equal((4, 5, 6, 21), (s3.Pins.BitClock, s3.Pins.WordSelect, s3.Pins.Data, s3.LedPin));
            Assert.False(devkit.MicrophoneOnRight);
            Assert.Throws<ArgumentOutOfRangeException>(() => new BoardConfig("x", devkit.Pins, 2, 17, false));
            string doc = System.IO.File.ReadAllText(System.IO.Path.Combine(Edge.Asr.Tests.NfProj.RepoLayout.Root, "docs", "device.md"));
            Assert.Contains("| SD (serial data out) | GPIO 33 | GPIO 6 |", doc);
        }
    }
}

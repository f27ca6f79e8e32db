using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Tests.Blob;
using Edge.Asr.Tests.Frontend;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// The model the firmware embeds: the committed resx and generated class are what
    /// `edge-asr bake ... --resource` writes for weights/default.easr, and FirmwareModel.Source()
    /// serves that very file through the resource (the desktop firmware build embeds the resx).
    /// Nothing here is pinned to one model: a re-bake regenerates the files and these tests follow.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class FirmwareModelResourceTests
    {
        private const string Rebake = "re-bake with `./edge-asr bake weights/default --calib <features> --out weights/default.easr --resource` (docs/bake.md)";

        private sealed class Lines : ILineOutput
        {
            public readonly List<string> All = new List<string>();
            public void WriteLine(string line) => All.Add(line);
        }

        private static string DefaultBlobPath => Path.Combine(RepoPaths.Root(), "weights", "default.easr");

        [Fact]
        public void TheCommittedResourceFilesAreWhatBakeWritesForTheDefaultModel()
        {
            string root = RepoPaths.Root();
            Assert.True(File.ReadAllText(Path.Combine(root, NanoResource.ResxPath)) == NanoResource.Resx(root, DefaultBlobPath),
                NanoResource.ResxPath + " is not what the bake writes for weights/default.easr: " + Rebake);
            Assert.True(File.ReadAllText(Path.Combine(root, NanoResource.DesignerPath)) == NanoResource.Designer(),
                NanoResource.DesignerPath + " is not what the bake writes: " + Rebake);
            string project = File.ReadAllText(Path.Combine(root, NanoResource.ProjectFile)).Replace("\r\n", "\n");
            Assert.Contains(NanoResource.ProjectItem().Replace("\r\n", "\n"), project);
        }

        [Fact]
        public void TheGeneratedEnumHoldsTheGeneratorsIdAndTheBaseNameIsTheEmbeddedResourcesName()
        {
            Assembly firmware = typeof(FirmwareModel).Assembly;
            Type? ids = firmware.GetType(NanoResource.BaseName + "+BinaryResources");
            Assert.NotNull(ids);
            Assert.Equal(typeof(short), Enum.GetUnderlyingType(ids!));
            Assert.Equal(new[] { NanoResource.ResourceName }, Enum.GetNames(ids!));
            Assert.Equal(NanoResource.ResourceId(NanoResource.ResourceName), (short)Enum.Parse(ids!, NanoResource.ResourceName));
            Assert.Contains(NanoResource.BaseName + ".resources", firmware.GetManifestResourceNames());
        }

        [Fact]
        public void FirmwareModelSourceServesTheDefaultBlobAndStartUpLoadsIt()
        {
            DeviceSimulation.Reset();
            byte[] expected = File.ReadAllBytes(DefaultBlobPath);
            IBlobSource source = FirmwareModel.Source();

            Assert.Equal(expected.Length, source.Length); // from the blob header, read through the resource
            var served = new byte[source.Length];
            for (int at = 0; at < served.Length; at += 4000) source.Read(at, served, at, Math.Min(4000, served.Length - at));
            Assert.Equal(expected, served);

            var lines = new Lines();
            ModelBlob? blob = ModelStartup.OpenBlob(FirmwareModel.Source(), lines);
            Assert.NotNull(blob);
            ModelBlob file = ModelBlob.Load(expected);
            Assert.Equal("model blob: version " + file.MajorVersion + "." + file.MinorVersion + ", " + expected.Length + " bytes, "
                + file.TensorCount + " tensors, " + file.LabelCount + " labels: ok", Assert.Single(lines.All));

            ModelParameters loaded = BlobModelLoader.Load(blob!);
            ModelParameters reference = BlobModelLoader.Load(file);
            Assert.Equal(reference.Count, loaded.Count);
            for (int i = 0; i < reference.Count; i++)
            {
                QuantizedTensor a = reference.At(i), b = loaded.At(i);
                Assert.Equal(a.Name, b.Name);
                Assert.Equal(a.ElementBytes, b.ElementBytes);
                Assert.Equal(a.Int8, b.Int8);
                Assert.Equal(a.Int16, b.Int16);
                Assert.Equal(a.Int32, b.Int32);
            }
            Assert.Equal(file.Labels(), blob!.Labels());
        }

        [Fact]
        public void ARegisteredResourceStillTakesPrecedenceAndResetForgetsIt()
        {
            DeviceSimulation.Reset();
            byte[] other = BlobSamples.Blob();
            PropertyInfo manager = typeof(FirmwareModel).Assembly.GetType(NanoResource.BaseName, true)!
                .GetProperty("ResourceManager", BindingFlags.Static | BindingFlags.NonPublic)!;
            Type ids = typeof(FirmwareModel).Assembly.GetType(NanoResource.BaseName + "+BinaryResources", true)!;
            DeviceSimulation.AddResource((System.Resources.ResourceManager)manager.GetValue(null)!, (Enum)Enum.Parse(ids, NanoResource.ResourceName), other);
            Assert.Equal(other.Length, FirmwareModel.Source().Length);

            DeviceSimulation.Reset();
            Assert.Equal(File.ReadAllBytes(DefaultBlobPath).Length, FirmwareModel.Source().Length);
        }
    }
}

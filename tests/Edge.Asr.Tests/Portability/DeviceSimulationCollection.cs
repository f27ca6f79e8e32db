using Xunit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// Tests that touch Edge.Asr.DeviceFacade.DeviceSimulation (process-wide simulated board state)
    /// belong to this collection, so they never run in parallel with each other.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class DeviceSimulationCollection
    {
        /// <summary>The collection name to put on such test classes: [Collection(DeviceSimulationCollection.Name)].</summary>
        public const string Name = "DeviceSimulation";
    }
}

using System;
using BenchmarkDotNet.Attributes;

namespace Edge.Asr.Sim.Benchmarks
{
    /// <summary>
    /// BenchmarkDotNet: the whole device pipeline (frontend → Conformer → detector) and each stage
    /// over the workload <c>edge-asr bench --precise</c> sets (the model and 10 s of the shipped
    /// samples). In-process toolchain, so the static workload set before the run is seen here.
    /// Real-time factor = Mean ÷ the workload's audio seconds.
    /// </summary>
    public class PipelineBenchmark
    {
        /// <summary>Set by BenchCommand before BenchmarkRunner.Run (same process).</summary>
        public static PipelineWorkload? Workload { get; set; }

        private PipelineWorkload W => Workload ?? throw new InvalidOperationException("PipelineBenchmark.Workload is not set");

        [Benchmark(Baseline = true)]
        public long Pipeline() => W.RunPipeline();

        [Benchmark]
        public int Frontend() => W.RunFrontend();

        [Benchmark]
        public int Model() => W.RunModel();

        [Benchmark]
        public int Detector() => W.RunDetector();
    }
}

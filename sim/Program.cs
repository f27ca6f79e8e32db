using System;
using System.Threading;
using Edge.Asr.Sim.Commands;

namespace Edge.Asr.Sim
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            // The first Ctrl+C stops the run after its current block so it still reports what it
            // heard (arecord | edge-asr run -); a second one ends the process at once.
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (sender, e) =>
            {
                if (stop.IsCancellationRequested) return;
                e.Cancel = true;
                stop.Cancel();
            };
            return EdgeAsrCli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput, stop.Token);
        }
    }
}

using System;
using Edge.Asr.Sim.Commands;

namespace Edge.Asr.Sim
{
    public static class Program
    {
        public static int Main(string[] args) =>
            EdgeAsrCli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput);
    }
}

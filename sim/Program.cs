namespace Edge.Asr.Sim
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            System.Console.Error.WriteLine("edge-asr: not implemented yet");
            return 2;
        }
    }
}

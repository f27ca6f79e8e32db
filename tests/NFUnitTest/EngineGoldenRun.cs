namespace Edge.Asr.DeviceTests
{
    /// <summary>
    /// What the engine computed for the golden frames, encoder step after encoder step: the
    /// subsampling output (block 0's input), every block's output, the logits and the Q15 posteriors.
    /// </summary>
    public sealed class EngineGoldenRun
    {
        public EngineGoldenRun(int steps, int dim, int blocks, int classes)
        {
            Steps = steps;
            Dim = dim;
            Blocks = blocks;
            Classes = classes;
            EncoderInput = new short[steps * dim];
            BlockOutputs = new short[steps * blocks * dim];
            Logits = new short[steps * classes];
            Posteriors = new short[steps * classes];
        }

        /// <summary>Encoder steps (one per 4 input frames: frames 0, 4, 8, ...).</summary>
        public readonly int Steps;
        public readonly int Dim;
        public readonly int Blocks;
        public readonly int Classes;

        /// <summary>Steps × Dim: the subsampling output of each step.</summary>
        public readonly short[] EncoderInput;

        /// <summary>Steps × Blocks × Dim: block b's output of step s at (s × Blocks + b) × Dim.</summary>
        public readonly short[] BlockOutputs;

        /// <summary>Steps × Classes: the classifier's logits of each step.</summary>
        public readonly short[] Logits;

        /// <summary>Steps × Classes: the posteriors (Q15) of each step.</summary>
        public readonly short[] Posteriors;
    }
}

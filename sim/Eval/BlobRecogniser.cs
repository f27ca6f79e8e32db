using System;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Detector;
using Edge.Asr.Model;
using Edge.Asr.Ops;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The real recogniser: the fixed-point Conformer built from a model blob (the bits the
    /// device runs) and, when the training export it was baked from is at hand, the float
    /// reference model on the same frames. One instance per worker (the model holds state).
    /// </summary>
    public sealed class BlobRecogniser : IRecogniser
    {
        private readonly ConformerModel _model;
        private readonly FloatModel? _reference;

        public BlobRecogniser(ModelBlob blob, FloatModel? reference) : this(blob, reference, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, the engine's ops running on <paramref name="kernels"/>.</summary>
        public BlobRecogniser(ModelBlob blob, FloatModel? reference, IOpKernels kernels)
        {
            _model = BlobModelLoader.BuildModel(blob, kernels);
            _reference = reference;
            Labels = blob.Labels();
            Detector = DetectorSettings.FromBlob(blob.Detector, blob.LabelCount);
        }

        public string[] Labels { get; }

        public DetectorSettings Detector { get; }

        public short[][] PosteriorsQ15(short[][] melQ8)
        {
            _model.Reset();
            var rows = new System.Collections.Generic.List<short[]>(melQ8.Length / 4 + 1);
            foreach (short[] frame in melQ8)
            {
                if (!_model.Process(frame, 0)) continue;
                rows.Add((short[])_model.Posteriors.Clone());
            }
            return rows.ToArray();
        }

        public double[][]? ReferenceProbabilities(short[][] melQ8)
        {
            if (_reference == null) return null;
            var logits = _reference.Run(FloatModel.InputFromFrontend(melQ8), new FloatTrace("classifier"))["classifier"]; // only the logits are needed: no copies of the rest
            var probabilities = new double[logits.Count][];
            for (int t = 0; t < logits.Count; t++) probabilities[t] = FloatModel.Softmax(logits[t]);
            return probabilities;
        }
    }
}

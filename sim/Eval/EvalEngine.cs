using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Evaluates a manifest on all cores: each worker has its own recogniser and frontend, takes
    /// the next item index, and writes its outcome at that index, so results are the same whatever
    /// the scheduling. Clips run both paths (fixed point and float reference); streams run the
    /// fixed-point path through the detector. The first bad item (lowest index) is reported.
    /// </summary>
    public sealed class EvalEngine
    {
        private readonly Func<IRecogniser> _createRecogniser;
        private readonly int _workers;

        /// <summary><paramref name="createRecogniser"/> is called once per worker (and once for the labels).</summary>
        public EvalEngine(Func<IRecogniser> createRecogniser, int workers = 0)
        {
            _createRecogniser = createRecogniser;
            _workers = workers > 0 ? workers : Environment.ProcessorCount;
        }

        public int Workers => _workers;

        /// <summary>Runs the evaluation; throws <see cref="EvalInputException"/> on bad labels or audio.</summary>
        public EvalResult Run(EvalManifest manifest, EvalProgress? progress = null, CancellationToken stop = default)
        {
            IRecogniser first = _createRecogniser();
            string[] labels = first.Labels;
            manifest.ValidateLabels(labels);
            var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < labels.Length; c++) classOf[labels[c]] = c;

            int clipCount = manifest.Clips.Count, total = clipCount + manifest.Streams.Count;
            var clips = new ClipOutcome[clipCount];
            var streams = new StreamOutcome[manifest.Streams.Count];
            var errors = new Exception?[total];
            if (progress != null) progress.Total = total;
            int next = -1;
            int failed = 0;
            int workers = Math.Max(1, Math.Min(_workers, total));
            var recognisers = new IRecogniser[workers];
            recognisers[0] = first;

            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                IRecogniser recogniser = recognisers[w] ?? _createRecogniser();
                var features = new ClipFeatures();
                int i;
                while ((i = Interlocked.Increment(ref next)) < total && Volatile.Read(ref failed) == 0 && !stop.IsCancellationRequested)
                {
                    try
                    {
                        if (i < clipCount) clips[i] = RunClip(recogniser, features, manifest.Clips[i], classOf);
                        else streams[i - clipCount] = RunStream(recogniser, features, manifest.Streams[i - clipCount], labels);
                    }
                    catch (Exception e)
                    {
                        errors[i] = e;
                        Interlocked.Exchange(ref failed, 1);
                    }
                    progress?.Step();
                }
            });

            foreach (Exception? e in errors)
            {
                if (e != null) ExceptionDispatchInfo.Capture(e).Throw();
            }
            stop.ThrowIfCancellationRequested();
            return new EvalResult(labels, clips, streams, DetCurve.Compute(labels, first.Detector, clips, streams));
        }

        /// <summary>
        /// Digital silence the engine appends to every clip and stream (<see cref="ClipFeatures.Read(string, int)"/>):
        /// the device keeps listening after a recording ends, and a word that ends with its file may be
        /// detected up to <see cref="StreamScoring.ToleranceSeconds"/> later (the threshold sweep's val
        /// clips get a tail too). Last-frame decisions and hours of audio ignore it.
        /// </summary>
        public const int ListeningAfterSamples = (int)(StreamScoring.ToleranceSeconds * IAudioSource.OutputSampleRate);

        private static ClipOutcome RunClip(IRecogniser recogniser, ClipFeatures features, LabelledClip clip, Dictionary<string, int> classOf)
        {
            short[][] heard = ReadFeatures(features, clip.Path, clip.Where);
            var mel = new short[features.AudioFrames][];
            Array.Copy(heard, mel, mel.Length);
            short[][] posteriors = recogniser.PosteriorsQ15(mel);
            if (posteriors.Length == 0) throw new EvalInputException(clip.Where + ": " + clip.Path + ": too short for one encoder frame");
            short[][] heardPosteriors = recogniser.PosteriorsQ15(heard);
            ClipDecision detector = ClipDecision.FirstEvent(heardPosteriors, recogniser.Labels, recogniser.Detector);
            ClipDecision fixedDecision = ClipDecision.FromFixed(posteriors);
            double[][]? reference = recogniser.ReferenceProbabilities(mel);
            ClipDecision? floatDecision = reference == null ? null : ClipDecision.FromFloat(reference);
            return new ClipOutcome(clip.Path, classOf[clip.Label], detector, fixedDecision, floatDecision, features.Seconds,
                SpeechEnd.EndsLongBefore(mel, features.Seconds), heardPosteriors);
        }

        private static StreamOutcome RunStream(IRecogniser recogniser, ClipFeatures features, LabelledStream stream, string[] labels)
        {
            short[][] mel = ReadFeatures(features, stream.Path, stream.Where);
            short[][] posteriors = recogniser.PosteriorsQ15(mel);
            List<StreamDetection> detections = StreamScoring.Detect(posteriors, labels, recogniser.Detector, stream.Keywords, out int found,
                out List<StreamMiss> misses);
            return new StreamOutcome(stream.Path, features.Seconds, stream.Keywords, found, detections, misses, posteriors);
        }

        private static short[][] ReadFeatures(ClipFeatures features, string path, string where)
        {
            try
            {
                return features.Read(path, ListeningAfterSamples);
            }
            catch (AudioFormatException e)
            {
                throw new EvalInputException(where + ": " + e.Message);
            }
        }
    }
}

using System;
using System.Device.Gpio;
using Edge.Asr.Blob;
using Edge.Asr.Detector;
using Edge.Asr.Model;
using Edge.Asr.Ops;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Start-up of the firmware: banner, model blob check, memory check, model and detector from
    /// the blob, the pipeline and the capture loop. Every failure prints a line saying what is
    /// wrong and <see cref="Start"/> returns null; the caller then <see cref="Halt"/>s, repeating
    /// the reason, rather than hanging silently.
    /// </summary>
    public static class DeviceApp
    {
        /// <summary>Seconds between repeats of the reason the firmware stopped.</summary>
        public const int HaltRepeatSeconds = 10;

        /// <summary>The first line the firmware prints.</summary>
        public static string Banner(BoardConfig board)
        {
            MicrophonePins p = board.Pins;
            return "Edge.Asr firmware: " + board.Name + "; I2S" + MicrophoneConfig.BusId.ToString() + " BCK " + p.BitClock.ToString()
                + " WS " + p.WordSelect.ToString() + " DATA " + p.Data.ToString() + ", LED " + board.LedPin.ToString()
                + ", gain shift " + board.GainShift.ToString();
        }

        /// <summary>
        /// Runs the start-up checks and builds the loop; null (after printing why) when the model
        /// blob is bad, memory is short or the model cannot be built.
        /// </summary>
        public static CaptureLoop Start(BoardConfig board, IBlobSource source,
            ILineOutput output, IDeviceClock clock, GpioPin led)
        {
            return Start(board, source, output, clock, led, ManagedKernels.Instance);
        }

        /// <summary>As the other overload, the engine's ops running on <paramref name="kernels"/>, no resource mapper.</summary>
        public static CaptureLoop Start(BoardConfig board, IBlobSource source,
            ILineOutput output, IDeviceClock clock, GpioPin led, IOpKernels kernels)
        {
            return Start(board, source, output, clock, led, kernels, null);
        }

        /// <summary>
        /// As the other overloads, the engine's ops running on <paramref name="kernels"/> (FirmwareKernels.Select on the device),
        /// native kernels reading the tensors in the flash resource when <paramref name="mapper"/> maps it (WeightPlacement).
        /// </summary>
        public static CaptureLoop Start(BoardConfig board, IBlobSource source,
            ILineOutput output, IDeviceClock clock, GpioPin led, IOpKernels kernels, IResourceMapper mapper)
        {
            if (kernels == null) throw new ArgumentException("kernels is null", "kernels");
            if (board == null) throw new ArgumentException("board is null", "board");
            if (output == null) throw new ArgumentException("output is null", "output");
            if (clock == null) throw new ArgumentException("clock is null", "clock");
            // A failing serial console drops lines (and says so later); it never stops the loop.
            output = new GuardedLineOutput(output, clock);
            output.WriteLine(Banner(board));

            ModelBlob blob = ModelStartup.OpenBlob(source, output);
            if (blob == null) return null;

            I2sSampleLayout layout = I2sSampleLayout.FromSettings(MicrophoneConfig.Configure(board.Pins), board.MicrophoneOnRight);
            // Native kernels: the flash resource mapped for them to read in place, or (a warning line) left for a RAM copy.
            IBlobSource weights = WeightPlacement.Place(kernels, source, mapper, output);
            int placement = WeightPlacement.ModeOf(kernels, weights);
            long need = PipelineMemory.Bytes(blob, layout, placement);
            long free = nanoFramework.Runtime.Native.GC.Run(false);
            output.WriteLine(MemoryCheck.Message(MemoryCheck.WhatFor(placement), need, free));
            if (!MemoryCheck.Fits(need, free)) return null;

            ConformerModel model;
            DetectorSettings settings;
            string[] labels = blob.Labels();
            try
            {
                // The tensors stay in the flash resource, read a window at a time (managed kernels) or in place (native kernels,
                // the resource mapped), or are copied once into RAM for native kernels that cannot address it (WeightPlacement).
                ModelParameters parameters = placement == WeightPlacement.RamCopy ? BlobModelLoader.InRam(blob)
                    : BlobModelLoader.InBlob(blob, weights);
                parameters.UseKernels(kernels);
                model = new ConformerModel(parameters);
                settings = DetectorSettings.FromBlob(blob.Detector, labels.Length);
            }
            catch (OutOfMemoryException)
            {
                output.WriteLine("memory: out of memory while building the model (free before: " + free.ToString()
                    + " bytes): use a board with PSRAM or a smaller model");
                return null;
            }
            catch (BlobFormatException e)
            {
                output.WriteLine(e.Message);
                return null;
            }
            catch (Exception e)
            {
                output.WriteLine(BlobFormatException.Prefix + "the model cannot be built from it: " + ExceptionText.Of(e));
                return null;
            }
            output.WriteLine("model: " + labels.Length.ToString() + " classes, " + model.Config.Blocks.ToString() + " blocks, dim "
                + model.Config.Dim.ToString() + ", state " + model.StateBytes.ToString() + " bytes, "
                + model.MacsPerEncoderFrame.ToString() + " MACs per 40 ms; free " + nanoFramework.Runtime.Native.GC.Run(false).ToString() + " bytes");

            var announcer = new CommandAnnouncer(output, led);
            CommandPipeline pipeline = CommandPipeline.Create(model, settings, labels, announcer);
            output.WriteLine("listening");
            return new CaptureLoop(board, pipeline, announcer, output, clock);
        }

        /// <summary>Prints <paramref name="reason"/> every <see cref="HaltRepeatSeconds"/> s, forever.</summary>
        public static void Halt(string reason, ILineOutput output, IDeviceClock clock)
        {
            while (true)
            {
                output.WriteLine("stopped: " + reason);
                clock.Sleep(HaltRepeatSeconds * 1000);
            }
        }
    }
}

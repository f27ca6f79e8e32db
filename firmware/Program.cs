using System;
using System.Device.Gpio;

namespace Edge.Asr.Firmware
{
    /// <summary>The device entry point: start-up checks, then the capture loop forever.</summary>
    public static class Program
    {
        /// <summary>
        /// The board preset this build runs on (docs/device.md): <see cref="BoardConfig.DevKitInmp441"/>
        /// or <see cref="BoardConfig.Esp32S3"/>.
        /// </summary>
        public static BoardConfig Board()
        {
            return BoardConfig.DevKitInmp441();
        }

        /// <summary>Starts the firmware.</summary>
        public static void Main()
        {
            var output = new SerialOutput();
            var clock = new Esp32Clock();
            BoardConfig board = Board();
            try
            {
                var gpio = new GpioController();
                GpioPin led = gpio.OpenPin(board.LedPin, PinMode.Output);
                led.Write(PinValue.Low);
                CaptureLoop loop = DeviceApp.Start(board, FirmwareModel.Source(), output, clock, led, FirmwareKernels.Select(output),
                    FirmwareKernels.Mapper());
                if (loop == null) DeviceApp.Halt("start-up failed (see the lines above)", output, clock);
                loop.Run();
            }
            catch (Exception e)
            {
                DeviceApp.Halt("unexpected error: " + ExceptionText.Of(e), output, clock);
            }
        }
    }
}

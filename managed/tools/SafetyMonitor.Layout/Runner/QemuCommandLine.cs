using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>What QEMU is to run: the nanoCLR, the deployment, the socket for the wire protocol.</summary>
    /// <param name="Machine">The QEMU machine (netduinoplus2: STM32F405; its second USART is USART2).</param>
    /// <param name="ClrImage">The nanoCLR image file.</param>
    /// <param name="ClrIsElf">Whether it is an ELF (loaded by -kernel at its own addresses).</param>
    /// <param name="ClrAddress">Where a raw .bin nanoCLR goes (ignored for an ELF).</param>
    /// <param name="Deployment">The deployment image file.</param>
    /// <param name="DeploymentAddress">The deployment region's start.</param>
    /// <param name="SocketPath">The Unix socket QEMU listens on for the wire-protocol serial port.</param>
    /// <param name="ExtraArguments">More QEMU arguments, appended as given.</param>
    public sealed record QemuInvocation(
        string Machine,
        string ClrImage,
        bool ClrIsElf,
        uint ClrAddress,
        string Deployment,
        uint DeploymentAddress,
        string SocketPath,
        IReadOnlyList<string> ExtraArguments);

    /// <summary>
    /// The qemu-system-arm command line for a run (QEMU 7.2 options, as
    /// qemu-system-arm -help and docs/system/generic-loader.rst give them):
    /// no display or monitor; serial port 0 (USART1) discarded and serial
    /// port 1 (USART2, the wire protocol's port on the QEMU_NETDUINOPLUS2
    /// target) a Unix socket QEMU listens on and waits for before the guest
    /// starts (server=on,wait=on), so no byte of the boot is lost; the
    /// nanoCLR by -kernel (an ELF, at its own addresses) or by the generic
    /// loader (a raw image, at --clr-address); the deployment by the generic
    /// loader at the deployment region. No -no-reboot: a reset reboots the
    /// guest (the loader's images are loaded again, RAM keeps its contents),
    /// as a board would, and the session pings the new boot.
    /// </summary>
    public static class QemuCommandLine
    {
        /// <summary>Builds the arguments (without the program name).</summary>
        /// <param name="run">What to run.</param>
        /// <returns>The arguments, one per element (no shell quoting needed).</returns>
        public static IReadOnlyList<string> Build(QemuInvocation run)
        {
            ArgumentNullException.ThrowIfNull(run);
            var args = new List<string>
            {
                "-M", run.Machine,
                "-display", "none",
                "-monitor", "none",
                "-serial", "null",
                "-serial", $"unix:{Escape(run.SocketPath)},server=on,wait=on",
            };
            if (run.ClrIsElf)
            {
                args.Add("-kernel");
                args.Add(run.ClrImage);
            }
            else
            {
                args.Add("-device");
                args.Add($"loader,file={Escape(run.ClrImage)},addr={Hex(run.ClrAddress)}");
            }

            args.Add("-device");
            args.Add($"loader,file={Escape(run.Deployment)},addr={Hex(run.DeploymentAddress)}");
            args.AddRange(run.ExtraArguments);
            return args;
        }

        /// <summary>An address as QEMU's options take it: 0x and 8 hex digits.</summary>
        public static string Hex(uint address) => "0x" + address.ToString("X8", CultureInfo.InvariantCulture);

        /// <summary>A value inside a QEMU option list: a comma is written twice (QEMU's QemuOpts syntax).</summary>
        public static string Escape(string value) => value.Replace(",", ",,", StringComparison.Ordinal);
    }
}

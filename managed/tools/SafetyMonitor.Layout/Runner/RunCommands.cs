using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>
    /// The command lines of safetymon qemu-run and qemu-test (System.CommandLine 3.0.0):
    /// <c>safetymon qemu-test &lt;nanoCLR&gt; &lt;assemblies.pe&gt;... [--deployment-address ADDR]
    /// [--clr-address ADDR] [--qemu PROGRAM] [--machine NAME] [--timeout S] [--answer-timeout S] [--qemu-arg ARG]...</c>.
    /// Exit codes: <see cref="RunExit"/>.
    /// </summary>
    public static class RunCommands
    {
        /// <summary>Default QEMU program (Debian 12: package qemu-system-arm, QEMU 7.2).</summary>
        public const string DefaultQemu = "qemu-system-arm";

        /// <summary>Default machine: netduinoplus2 (STM32F405), the QEMU_NETDUINOPLUS2 target's.</summary>
        public const string DefaultMachine = "netduinoplus2";

        /// <summary>Default raw-image address: the STM32F4's flash origin, where the CPU finds its vector table at reset (aliased at 0).</summary>
        public const uint DefaultClrAddress = 0x08000000;

        /// <summary>Builds `qemu-run` (tests false) or `qemu-test` (tests true).</summary>
        /// <param name="tests">Whether the command reads TestFramework result lines.</param>
        /// <param name="output">Where the device's text and the summary go.</param>
        /// <param name="error">Where the runner's messages go.</param>
        /// <param name="extra">Options every command has (help, version).</param>
        /// <returns>The command.</returns>
        public static Command Create(bool tests, TextWriter output, TextWriter error, params Option[] extra)
        {
            var clr = new Argument<string>("nanoCLR") { Description = "The nanoCLR image: ELF (nanoCLR.elf; its __deployment_start__ symbol gives the deployment address) or raw (nanoCLR.bin)." };
            var assemblies = new Argument<string[]>("assemblies")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = tests
                    ? "The .pe files to deploy, in order: mscorlib.pe, nanoFramework.TestFramework.pe, nanoFramework.UnitTestLauncher.pe, NFUnitTest.pe and what it references."
                    : "The .pe files to deploy, in order: mscorlib.pe, the application and what it references.",
            };
            var deploymentAddress = Address("--deployment-address", "The start of the target's deployment region (hex 0x... or decimal); by default the ELF's __deployment_start__.");
            var clrAddress = Address("--clr-address", $"Where a raw nanoCLR image is loaded (default {QemuCommandLine.Hex(DefaultClrAddress)}, the flash origin); ignored for an ELF.");
            var qemu = new Option<string>("--qemu") { HelpName = "PROGRAM", Description = "The QEMU program.", DefaultValueFactory = _ => DefaultQemu };
            var machine = new Option<string>("--machine") { HelpName = "NAME", Description = "The QEMU machine.", DefaultValueFactory = _ => DefaultMachine };
            var timeout = Seconds("--timeout", 120, "The program must exit within this many seconds of QEMU's start; then QEMU is stopped, exit 5.");
            var answer = Seconds("--answer-timeout", 20, "The device must answer a ping within this many seconds of QEMU's start; else exit 4.");
            var qemuArgs = new Option<string[]>("--qemu-arg")
            {
                HelpName = "ARG",
                Description = "One more QEMU argument (repeat the option for each), e.g. --qemu-arg=-icount --qemu-arg=shift=auto.",
                AllowMultipleArgumentsPerToken = false,
            };

            string description = tests
                ? "Runs nanoFramework unit tests (UnitTestLauncher) on a nanoCLR under QEMU and prints the device's output, then one line \"N passed, N failed\". " +
                  "Exit 0: all passed; 1: a test failed; 2: unusable input; 4: no answer; 5: time ran out; 6: packets damaged or lost; 7: no test result; 8: QEMU ended first; 9: interrupted."
                : "Runs a nanoFramework application on a nanoCLR under QEMU, printing the device's output until the program exits. " +
                  "Exit 0: it exited; 2: unusable input; 4: no answer; 5: time ran out; 6: packets damaged or lost; 8: QEMU ended first; 9: interrupted.";
            var command = new Command(tests ? "qemu-test" : "qemu-run", description)
            {
                clr, assemblies, deploymentAddress, clrAddress, qemu, machine, timeout, answer, qemuArgs,
            };
            foreach (Option option in extra)
            {
                command.Options.Add(option);
            }

            command.SetAction(parsed => QemuRun.Execute(
                new QemuRunSettings(
                    parsed.GetRequiredValue(clr),
                    parsed.GetRequiredValue(assemblies),
                    parsed.GetValue(deploymentAddress),
                    parsed.GetValue(clrAddress) ?? DefaultClrAddress,
                    parsed.GetValue(qemu)!,
                    parsed.GetValue(machine)!,
                    TimeSpan.FromSeconds(parsed.GetValue(answer)),
                    TimeSpan.FromSeconds(parsed.GetValue(timeout)),
                    parsed.GetValue(qemuArgs) ?? Array.Empty<string>(),
                    tests),
                output,
                error));
            return command;
        }

        /// <summary>Parses an address: 0x followed by hex digits, or decimal; at most 0xFFFFFFFF.</summary>
        /// <returns>The address, or null when the text is not one.</returns>
        public static uint? ParseAddress(string text)
        {
            bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            string digits = hex ? text[2..] : text;
            return uint.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out uint value) && digits.Length > 0
                ? value
                : null;
        }

        private static Option<uint?> Address(string name, string description) => new(name)
        {
            HelpName = "ADDR",
            Description = description,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                uint? value = ParseAddress(text);
                if (value == null)
                {
                    result.AddError($"{name} needs an address, 0x followed by up to 8 hex digits or a decimal number, not '{text}'");
                }

                return value;
            },
        };

        private static Option<double> Seconds(string name, double fallback, string description)
        {
            var option = new Option<double>(name) { HelpName = "SECONDS", Description = description, DefaultValueFactory = _ => fallback };
            option.Validators.Add(result =>
            {
                double value = result.GetValueOrDefault<double>();
                if (!(value > 0 && value <= 86400))
                {
                    result.AddError($"{name} needs a number of seconds above 0 and at most 86400");
                }
            });
            return option;
        }
    }
}

using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Reflection;

namespace SafetyMonitor.Layout
{
    /// <summary>
    /// safetymon layout &lt;firmware.elf&gt; [--part PART] [--json] [--svg FILE];
    /// safetymon qemu-run and qemu-test (Runner/RunCommands.cs, exit codes in
    /// Runner/QemuRun.cs's RunExit) run a nanoCLR under QEMU
    /// (System.CommandLine 3.0.0: --help and --version on every command).
    /// For layout:
    /// Exit 0: the flipped layout holds (every protected stack faults on
    /// overflow, by the part's memory map); 1: it does not (each violation
    /// named); 2: the input cannot be used (not ELF, wrong class or machine,
    /// truncated, symbols missing, two parts recorded, --part contradicting
    /// the image) or the command line is wrong; 3: no violation, but for a
    /// stack it is unknown whether an overflow faults (unknown part, or its
    /// memory map does not cover what lies below the stack).
    /// </summary>
    public static class Program
    {
        /// <summary>Exit code: the flipped layout holds.</summary>
        public const int Holds = 0;

        /// <summary>Exit code: at least one violation.</summary>
        public const int Violated = 1;

        /// <summary>Exit code: unusable input or command line.</summary>
        public const int Unusable = 2;

        /// <summary>Exit code: no violation, but whether an overflow faults is unknown for a stack.</summary>
        public const int Unknown = 3;

        /// <summary>Entry point.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>
        /// Parses the command line with System.CommandLine and runs it (layout's
        /// exit codes below; qemu-run's and qemu-test's are RunExit's), writing
        /// to the given streams (for tests). `--help` and `--version` on every
        /// command print and return 0; a usage error (unknown command or option,
        /// a missing argument or value) prints the library's message and help and
        /// returns <see cref="Unusable"/>.
        /// </summary>
        /// <param name="args">The arguments after the program name.</param>
        /// <param name="output">Where the report, help and version go.</param>
        /// <param name="error">Where errors go.</param>
        /// <returns><see cref="Holds"/>, <see cref="Violated"/>, <see cref="Unusable"/> or <see cref="Unknown"/>.</returns>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var elf = new Argument<string>("firmware.elf") { Description = "The ELF32 ARM firmware image to check." };
            var part = new Option<string>("--part")
            {
                HelpName = "PART",
                Description = "The part (e.g. STM32F429ZI) whose memory map says what lies below each stack; by default the one the image's link records.",
            };
            part.Validators.Add(result =>
            {
                string? value = result.GetValueOrDefault<string>();
                if (string.IsNullOrEmpty(value) || value.StartsWith("-", StringComparison.Ordinal))
                {
                    result.AddError("--part needs a part number, e.g. --part STM32F429ZI");
                }
            });
            var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
            var svg = new Option<string>("--svg") { HelpName = "FILE", Description = "Draw the RAM map into FILE (SVG)." };
            var layout = new Command(
                "layout",
                "Checks that a firmware image has SafetyMonitor's flipped layout: every protected stack at the origin of its RAM region, " +
                "reserved address space right below it by the part's memory map, the corruption-detect area touching it. " +
                "Exit 0: the layout holds; 1: violations (named); 2: unusable input or command line; 3: unknown whether an overflow faults.")
            {
                elf, part, json, svg, new HelpOption(), Version(),
            };
            layout.SetAction(parsed => Layout(parsed.GetRequiredValue(elf), parsed.GetValue(part), parsed.GetValue(json), parsed.GetValue(svg), output, error));
            var root = new Command("safetymon", "SafetyMonitor's host tools.")
            {
                layout,
                Runner.RunCommands.Create(tests: false, output, error, new HelpOption(), Version()),
                Runner.RunCommands.Create(tests: true, output, error, new HelpOption(), Version()),
                new HelpOption(),
                Version(),
            };

            // Response files (@file) stay off: an argument is a file name.
            ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            int exit = result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            return result.Action is ParseErrorAction ? Unusable : exit;
        }

        private static VersionOption Version() => new VersionOption { Action = new PrintVersion() };

        private static int Layout(string elf, string? part, bool json, string? svg, TextWriter output, TextWriter error)
        {
            LayoutReport report;
            try
            {
                report = LayoutReport.Analyse(Path.GetFileName(elf), FirmwareImage.Read(File.ReadAllBytes(elf)), part);
            }
            catch (ElfFormatException e)
            {
                error.WriteLine($"safetymon layout: {elf}: {e.Message}");
                return Unusable;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                error.WriteLine($"safetymon layout: cannot read {elf}: {e.Message}");
                return Unusable;
            }

            output.Write(json ? JsonReport.Format(report) + Environment.NewLine : TextReport.Format(report));
            if (svg != null)
            {
                try
                {
                    File.WriteAllText(svg, SvgMap.Draw(report));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    error.WriteLine($"safetymon layout: cannot write {svg}: {e.Message}");
                    return Unusable;
                }

                if (!json)
                {
                    output.WriteLine($"map: {svg}");
                }
            }

            return report.Result switch
            {
                LayoutResult.Holds => Holds,
                LayoutResult.Violated => Violated,
                _ => Unknown,
            };
        }

        /// <summary>--version: the tool's own informational version (the entry assembly is a test host under xunit).</summary>
        private sealed class PrintVersion : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(
                    typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
                return Holds;
            }
        }
    }
}

using System;
using System.IO;

namespace SafetyMonitor.Layout
{
    /// <summary>
    /// safetymon layout &lt;firmware.elf&gt; [--part PART] [--json] [--svg FILE]
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

        private const string Usage =
            "usage: safetymon layout <firmware.elf> [--part PART] [--json] [--svg FILE]\n" +
            "  checks that an ELF32 ARM firmware image has SafetyMonitor's flipped layout:\n" +
            "  every protected stack at the origin of its RAM region, with reserved address\n" +
            "  space right below it by the part's memory map, the corruption-detect area\n" +
            "  touching it. The part is the one the image's link records, or --part (e.g.\n" +
            "  STM32F429ZI). --json prints the report as JSON; --svg FILE draws the RAM map.\n" +
            "  exit 0: the layout holds; 1: violations (named); 2: unusable input;\n" +
            "  3: unknown whether an overflow faults (unknown part or memory).";

        /// <summary>Entry point.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs the command with the given streams (for tests).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] != "layout")
            {
                error.WriteLine(args.Length == 0 ? Usage : $"safetymon: unknown command '{args[0]}'\n{Usage}");
                return Unusable;
            }

            string? elf = null;
            string? svg = null;
            string? part = null;
            bool json = false;
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--json":
                        json = true;
                        break;
                    case "--svg":
                        if (i + 1 >= args.Length)
                        {
                            error.WriteLine("safetymon layout: --svg needs a file name");
                            return Unusable;
                        }

                        svg = args[++i];
                        break;
                    case "--part":
                        if (i + 1 >= args.Length || args[i + 1].Length == 0 || args[i + 1].StartsWith("-", StringComparison.Ordinal))
                        {
                            error.WriteLine("safetymon layout: --part needs a part number, e.g. --part STM32F429ZI");
                            return Unusable;
                        }

                        part = args[++i];
                        break;
                    case "--help":
                    case "-h":
                        output.WriteLine(Usage);
                        return Holds;
                    default:
                        if (args[i].StartsWith("-", StringComparison.Ordinal) || elf != null)
                        {
                            error.WriteLine($"safetymon layout: unexpected argument '{args[i]}'\n{Usage}");
                            return Unusable;
                        }

                        elf = args[i];
                        break;
                }
            }

            if (elf == null)
            {
                error.WriteLine($"safetymon layout: no firmware image given\n{Usage}");
                return Unusable;
            }

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
    }
}

using System;
using System.Diagnostics;
using System.Globalization;
using SafetyMonitor.Layout.Tests;

namespace SafetyMonitor.Layout.Bench
{
    /// <summary>
    /// Times `safetymon layout` on images with n RAM sections chained from a
    /// flipped stack's region upwards (each touching the next, so all join the
    /// stack's column of the map): parse, analyse, text report, SVG. Prints
    /// one row per n: the median of five runs of each, and the sections the
    /// analysis and the drawing looked at.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            int[] sizes = args.Length > 0 ? Array.ConvertAll(args, a => int.Parse(a, CultureInfo.InvariantCulture)) : new[] { 1000, 2000, 4000, 8000, 16000 };
            Console.WriteLine("| RAM sections | parse | analyse | text | SVG | total | visits (analysis / drawing) |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            Measure(200, false); // warm-up: the JIT, not measured
            foreach (int n in sizes)
            {
                Measure(n, true);
            }

            return 0;
        }

        private static void Measure(int n, bool print)
        {
            var image = ElfBuilder.Flipped(0x20000000).Part("STM32F405RG");
            for (int i = 0; i < n; i++)
            {
                image.Ram(".chain" + i.ToString(CultureInfo.InvariantCulture), (uint)(0x20010000 + 16 * i), 16);
            }

            byte[] bytes = image.Build();
            var parse = new double[5];
            var analyse = new double[5];
            var text = new double[5];
            var svg = new double[5];
            long analysisVisits = 0;
            long drawingVisits = 0;
            for (int run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                FirmwareImage elf = FirmwareImage.Read(bytes);
                parse[run] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var analysis = new WorkCounter();
                LayoutReport report = LayoutReport.Analyse("chained.elf", elf, null, analysis);
                analyse[run] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                _ = TextReport.Format(report);
                text[run] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var drawing = new WorkCounter();
                _ = SvgMap.Draw(report, drawing);
                svg[run] = clock.Elapsed.TotalMilliseconds;
                analysisVisits = analysis.Visits;
                drawingVisits = drawing.Visits;
            }

            if (print)
            {
                double total = Median(parse) + Median(analyse) + Median(text) + Median(svg);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1:F1} ms | {2:F1} ms | {3:F1} ms | {4:F1} ms | {5:F1} ms | {6:N0} / {7:N0} |",
                    n, Median(parse), Median(analyse), Median(text), Median(svg), total, analysisVisits, drawingVisits));
            }
        }

        private static double Median(double[] values)
        {
            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            return sorted[sorted.Length / 2];
        }
    }
}

using System.Linq;
using System.Text;

namespace SafetyMonitor.Layout
{
    /// <summary>The human-readable report.</summary>
    public static class TextReport
    {
        /// <summary>Formats a report, one finding per line.</summary>
        public static string Format(LayoutReport report)
        {
            var text = new StringBuilder();
            text.AppendLine($"safetymon layout: {report.File}");
            foreach (StackReport stack in report.Stacks)
            {
                text.AppendLine($"stack {stack.Name} ({stack.Section}): {stack.Range}, {LayoutReport.Kib(stack.Range.Size)}, in RAM region {stack.Region} ({LayoutReport.Kib(stack.Region.Size)})");
                text.AppendLine(stack.NothingBelow
                    ? "  below it: nothing (the region's start): an overflow faults"
                    : "  below it: " + (stack.Below.Count > 0 ? string.Join(", ", stack.Below) : "free RAM of the region"));
            }

            if (report.Area != null)
            {
                AreaReport area = report.Area;
                text.AppendLine($"corruption-detect area ({area.Section}): {area.Range}, {LayoutReport.Kib(area.Range.Size)}, guards stack {area.GuardedStack ?? "(none)"}");
                text.AppendLine($"  below it: {Names(area.Below)}; above it: {Names(area.Above)}");
            }

            if (report.Holds)
            {
                text.AppendLine("result: the flipped layout holds");
            }
            else
            {
                text.AppendLine($"result: {report.Violations.Count} violation(s) of the flipped layout:");
                foreach (string violation in report.Violations)
                {
                    text.AppendLine("  - " + violation);
                }
            }

            return text.ToString();
        }

        private static string Names(System.Collections.Generic.IReadOnlyList<string> names) =>
            names.Count > 0 ? string.Join(", ", names) : "no section";
    }
}

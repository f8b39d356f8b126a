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
            text.AppendLine("part: " + Part(report));
            foreach (StackReport stack in report.Stacks)
            {
                text.AppendLine($"stack {stack.Name} ({stack.Section}): {stack.Range}, {LayoutReport.Kib(stack.Range.Size)}, in RAM region {stack.Region} ({LayoutReport.Kib(stack.Region.Size)})");
                string where = stack.NothingBelow
                    ? stack.Overflow == OverflowVerdict.Faults ? "nothing (the region's start)" : "no section of the image (the region's start)"
                    : stack.Below.Count > 0 ? string.Join(", ", stack.Below) : "free RAM of the region";
                text.AppendLine($"  below it: {where}; {Verdict(stack)}");
            }

            if (report.Area != null)
            {
                AreaReport area = report.Area;
                text.AppendLine($"corruption-detect area ({area.Section}): {area.Range}, {LayoutReport.Kib(area.Range.Size)}, guards stack {area.GuardedStack ?? "(none)"}");
                text.AppendLine($"  below it: {Names(area.Below)}; above it: {Names(area.Above)}");
            }

            switch (report.Result)
            {
                case LayoutResult.Holds:
                    text.AppendLine("result: the flipped layout holds");
                    break;
                case LayoutResult.Violated:
                    text.AppendLine($"result: {report.Violations.Count} violation(s) of the flipped layout:");
                    foreach (string violation in report.Violations)
                    {
                        text.AppendLine("  - " + violation);
                    }

                    break;
                default:
                    text.AppendLine($"result: unknown: the image breaks no rule, but for {report.Unknowns.Count} stack(s) it is not known whether an overflow faults:");
                    foreach (string unknown in report.Unknowns)
                    {
                        text.AppendLine("  - " + unknown);
                    }

                    break;
            }

            return text.ToString();
        }

        /// <summary>A stack's verdict as the report words it: "an overflow faults (...)", "an overflow writes RAM (...)" or "unknown whether an overflow faults (...)".</summary>
        public static string Verdict(StackReport stack) => stack.Overflow switch
        {
            OverflowVerdict.Faults => $"an overflow faults ({stack.OverflowReason})",
            OverflowVerdict.WritesRam => $"an overflow writes RAM ({stack.OverflowReason})",
            _ => $"unknown whether an overflow faults ({stack.OverflowReason})",
        };

        /// <summary>The part line: the part and where it came from, or why it is unknown.</summary>
        public static string Part(LayoutReport report) => report.PartFrom switch
        {
            PartSource.None => "unknown (the image records none; give --part)",
            _ => $"{report.Part} ({(report.PartFrom == PartSource.Image ? "recorded by the image's link" : "--part")}; " +
                 (report.PartMap == null ? "no memory map of it here)" : $"memory map of the {report.PartMap.Line}, {report.PartMap.Source})"),
        };

        private static string Names(System.Collections.Generic.IReadOnlyList<string> names) =>
            names.Count > 0 ? string.Join(", ", names) : "no section";
    }
}

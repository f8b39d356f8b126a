using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;

namespace SafetyMonitor.Layout
{
    /// <summary>
    /// The RAM map as an SVG picture: one column per RAM region (or cluster of
    /// RAM sections), addresses growing upwards, each section drawn to scale
    /// (a small section keeps a minimum height so it stays readable, and its
    /// label gives its true size), stacks, the area and the heaps coloured.
    /// </summary>
    public static class SvgMap
    {
        private const int ColumnWidth = 230;
        private const int LabelWidth = 250;
        private const int ColumnHeight = 560;
        private const int Top = 84;
        private const int Left = 20;
        private const double MinimumHeight = 16;

        private static readonly Dictionary<string, string> Fill = new()
        {
            ["stack"] = "#e4574f",
            ["area"] = "#f0a030",
            ["heap"] = "#5aaed8",
            ["data"] = "#a9b4bd",
        };

        /// <summary>
        /// Draws the report's map: the columns, then one line per protected
        /// stack with its verdict (what an overflow does), each violation and
        /// each unknown. O(n) in the sections drawn.
        /// </summary>
        public static string Draw(LayoutReport report) => Draw(report, null);

        internal static string Draw(LayoutReport report, WorkCounter? work)
        {
            ArgumentNullException.ThrowIfNull(report);
            var notes = new List<(string Class, string Fill, string Text)>();
            foreach (StackReport stack in report.Stacks)
            {
                notes.Add(("verdict", stack.Overflow == OverflowVerdict.Faults ? "#1b5e20" : "#b00020", $"stack {stack.Name}: {TextReport.Verdict(stack)}"));
            }

            notes.AddRange(report.Violations.Select(v => ("violation", "#b00020", "violation: " + v)));
            notes.AddRange(report.Unknowns.Select(u => ("unknown", "#b00020", "unknown: " + u)));
            int width = Math.Max(760, Left * 2 + report.Map.Count * (ColumnWidth + LabelWidth));
            int height = Top + ColumnHeight + 50 + notes.Count * 16;
            string result = report.Result switch
            {
                LayoutResult.Holds => "flipped layout holds",
                LayoutResult.Violated => report.Violations.Count + " violation(s)",
                _ => "unknown whether an overflow faults",
            };
            var svg = new StringBuilder();
            svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"monospace\" font-size=\"11\">");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{Left}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{Escape(report.File)}: {Escape(result)}</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{Left}\" y=\"44\">addresses grow upwards; red: protected stack, orange: corruption-detect area, blue: heap, grey: data; part: {Escape(TextReport.Part(report))}</text>");
            for (int c = 0; c < report.Map.Count; c++)
            {
                DrawColumn(svg, report.Map[c], Left + c * (ColumnWidth + LabelWidth), work);
            }

            for (int n = 0; n < notes.Count; n++)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"  <text class=\"{notes[n].Class}\" x=\"{Left}\" y=\"{Top + ColumnHeight + 40 + n * 16}\" fill=\"{notes[n].Fill}\">{Escape(notes[n].Text)}</text>");
            }

            svg.AppendLine("</svg>");
            return svg.ToString();
        }

        private static void DrawColumn(StringBuilder svg, MapColumn column, int x, WorkCounter? work)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <g class=\"region\">");
            string[] title = TitleLines(column.Title);
            for (int line = 0; line < title.Length; line++)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"    <text x=\"{x}\" y=\"{Top - 8 - (title.Length - 1 - line) * 14}\" font-weight=\"bold\">{Escape(title[line])}</text>");
            }

            svg.AppendLine(CultureInfo.InvariantCulture, $"    <rect x=\"{x}\" y=\"{Top}\" width=\"{ColumnWidth}\" height=\"{ColumnHeight}\" fill=\"#fafafa\" stroke=\"#333333\" stroke-dasharray=\"4 3\"/>");

            // Pixel heights: proportional to size, each at least
            // MinimumHeight; when the sections and the gaps between them do
            // not fit the column, all shrink together by one factor.
            double total = Math.Max(1, column.Range.Size);
            double[] heights = new double[column.Sections.Count];
            double used = 0;
            ulong previous = column.Range.Start;
            for (int i = 0; i < heights.Length; i++)
            {
                Count(work);
                MapSection section = column.Sections[i];
                heights[i] = Math.Max(MinimumHeight, ColumnHeight * section.Range.Size / total);
                used += heights[i] + (section.Range.Start > previous ? ColumnHeight * (section.Range.Start - previous) / total : 0);
                previous = Math.Max(previous, section.Range.End);
            }

            double fit = used > ColumnHeight ? ColumnHeight / used : 1;
            double y = Top + ColumnHeight;
            for (int i = 0; i < column.Sections.Count; i++)
            {
                Count(work);
                MapSection section = column.Sections[i];
                ulong from = i == 0 ? column.Range.Start : column.Sections[i - 1].Range.End;
                y -= section.Range.Start > from ? ColumnHeight * (section.Range.Start - from) / total * fit : 0;
                double h = heights[i] * fit;
                y -= h;
                string fill = Fill.TryGetValue(section.Kind, out string? f) ? f : "#cccccc";
                svg.AppendLine(CultureInfo.InvariantCulture, $"    <rect class=\"section\" data-name=\"{Escape(section.Name)}\" x=\"{x}\" y=\"{y:F1}\" width=\"{ColumnWidth}\" height=\"{h:F1}\" fill=\"{fill}\" stroke=\"#222222\"/>");
                svg.AppendLine(CultureInfo.InvariantCulture, $"    <text x=\"{x + 6}\" y=\"{y + Math.Min(h, 14) - 3:F1}\">{Escape(section.Name)}</text>");
                svg.AppendLine(CultureInfo.InvariantCulture, $"    <text x=\"{x + ColumnWidth + 6}\" y=\"{y + h:F1}\">0x{section.Range.Start:X8}  {Escape(LayoutReport.Kib(section.Range.Size))}</text>");
            }

            svg.AppendLine(CultureInfo.InvariantCulture, $"    <text x=\"{x + ColumnWidth + 6}\" y=\"{Top + 4}\">0x{column.Range.End:X8} end</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"    <text x=\"{x}\" y=\"{Top + ColumnHeight + 16}\">0x{column.Range.Start:X8} start</text>");
            svg.AppendLine("  </g>");
        }

        private static void Count(WorkCounter? work)
        {
            if (work != null)
            {
                work.Visits++;
            }
        }

        // A column's title in at most two lines that fit above the column and
        // its labels, broken after "; " or ": ".
        private static string[] TitleLines(string title)
        {
            const int fits = (ColumnWidth + LabelWidth) / 7 - 2;
            if (title.Length <= fits)
            {
                return new[] { title };
            }

            int cut = title.LastIndexOf("; ", fits, StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = title.LastIndexOf(": ", fits, StringComparison.Ordinal);
            }

            return cut > 0 ? new[] { title.Substring(0, cut + 1), "  " + title.Substring(cut + 2) } : new[] { title };
        }

        private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
    }
}

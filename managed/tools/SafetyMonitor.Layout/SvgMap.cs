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

        /// <summary>Draws the report's map.</summary>
        public static string Draw(LayoutReport report)
        {
            int width = Math.Max(760, Left * 2 + report.Map.Count * (ColumnWidth + LabelWidth));
            int height = Top + ColumnHeight + 50 + report.Violations.Count * 16;
            var svg = new StringBuilder();
            svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"monospace\" font-size=\"11\">");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{Left}\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{Escape(report.File)}: {(report.Holds ? "flipped layout holds" : report.Violations.Count + " violation(s)")}</text>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <text x=\"{Left}\" y=\"44\">addresses grow upwards; red: protected stack, orange: corruption-detect area, blue: heap, grey: data</text>");
            for (int c = 0; c < report.Map.Count; c++)
            {
                DrawColumn(svg, report.Map[c], Left + c * (ColumnWidth + LabelWidth));
            }

            for (int v = 0; v < report.Violations.Count; v++)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"  <text class=\"violation\" x=\"{Left}\" y=\"{Top + ColumnHeight + 40 + v * 16}\" fill=\"#b00020\">violation: {Escape(report.Violations[v])}</text>");
            }

            svg.AppendLine("</svg>");
            return svg.ToString();
        }

        private static void DrawColumn(StringBuilder svg, MapColumn column, int x)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"  <g class=\"region\">");
            string[] title = TitleLines(column.Title);
            for (int line = 0; line < title.Length; line++)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"    <text x=\"{x}\" y=\"{Top - 8 - (title.Length - 1 - line) * 14}\" font-weight=\"bold\">{Escape(title[line])}</text>");
            }

            svg.AppendLine(CultureInfo.InvariantCulture, $"    <rect x=\"{x}\" y=\"{Top}\" width=\"{ColumnWidth}\" height=\"{ColumnHeight}\" fill=\"#fafafa\" stroke=\"#333333\" stroke-dasharray=\"4 3\"/>");
            var heights = Heights(column);
            double y = Top + ColumnHeight;
            for (int i = 0; i < column.Sections.Count; i++)
            {
                MapSection section = column.Sections[i];
                double gapBelow = i == 0 ? GapHeight(column, column.Range.Start, section.Range.Start) : GapHeight(column, column.Sections[i - 1].Range.End, section.Range.Start);
                y -= gapBelow;
                double h = heights[i];
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

        // Pixel heights: proportional to size, each at least MinimumHeight,
        // scaled so that sections and the gaps between them fill the column.
        private static double[] Heights(MapColumn column)
        {
            double total = Math.Max(1, column.Range.Size);
            var raw = column.Sections.Select(s => Math.Max(MinimumHeight, ColumnHeight * s.Range.Size / total)).ToArray();
            double used = raw.Sum() + Gaps(column).Sum(g => ColumnHeight * g / total);
            double scale = used > ColumnHeight ? ColumnHeight / used : 1;
            return raw.Select(h => Math.Max(4, h * scale)).ToArray();
        }

        private static IEnumerable<double> Gaps(MapColumn column)
        {
            ulong previous = column.Range.Start;
            foreach (MapSection s in column.Sections)
            {
                yield return s.Range.Start > previous ? s.Range.Start - previous : 0;
                previous = Math.Max(previous, s.Range.End);
            }
        }

        private static double GapHeight(MapColumn column, ulong from, ulong to)
        {
            if (to <= from)
            {
                return 0;
            }

            double total = Math.Max(1, column.Range.Size);
            double raw = column.Sections.Select(s => Math.Max(MinimumHeight, ColumnHeight * s.Range.Size / total)).Sum() + Gaps(column).Sum(g => ColumnHeight * g / total);
            double scale = raw > ColumnHeight ? ColumnHeight / raw : 1;
            return ColumnHeight * (to - from) / total * scale;
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

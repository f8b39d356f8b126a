using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafetyMonitor.Layout
{
    /// <summary>The report as JSON, for CI.</summary>
    public static class JsonReport
    {
        /// <summary>
        /// Formats a report as an indented JSON document. "result" is "holds",
        /// "violated" or "unknown" (exit 0, 1, 3); "holds" is true only for
        /// "holds"; each stack's "overflow" is "faults", "writes-ram" or
        /// "unknown", with "overflow_reason".
        /// </summary>
        public static string Format(LayoutReport report)
        {
            var json = new JsonObject
            {
                ["file"] = report.File,
                ["part"] = report.Part,
                ["part_from"] = report.PartFrom switch { PartSource.Image => "image", PartSource.CommandLine => "command line", _ => null },
                ["part_map"] = report.PartMap == null ? null : $"{report.PartMap.Line}, {report.PartMap.Source}",
                ["result"] = Name(report.Result),
                ["holds"] = report.Holds,
                ["stacks"] = new JsonArray(report.Stacks.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["section"] = s.Section,
                    ["base"] = s.Range.Start,
                    ["end"] = s.Range.End,
                    ["size"] = s.Range.Size,
                    ["region_start"] = s.Region.Start,
                    ["region_end"] = s.Region.End,
                    ["at_region_origin"] = s.AtRegionOrigin,
                    ["nothing_below"] = s.NothingBelow,
                    ["overflow"] = Name(s.Overflow),
                    ["overflow_reason"] = s.OverflowReason,
                    ["below"] = new JsonArray(s.Below.Select(b => (JsonNode)JsonValue.Create(b)!).ToArray()),
                }).ToArray()),
                ["area"] = report.Area == null ? null : new JsonObject
                {
                    ["section"] = report.Area.Section,
                    ["start"] = report.Area.Range.Start,
                    ["end"] = report.Area.Range.End,
                    ["size"] = report.Area.Range.Size,
                    ["guards"] = report.Area.GuardedStack,
                    ["below"] = new JsonArray(report.Area.Below.Select(b => (JsonNode)JsonValue.Create(b)!).ToArray()),
                    ["above"] = new JsonArray(report.Area.Above.Select(b => (JsonNode)JsonValue.Create(b)!).ToArray()),
                },
                ["violations"] = new JsonArray(report.Violations.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
                ["unknowns"] = new JsonArray(report.Unknowns.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            };
            return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        /// <summary>The JSON name of a result.</summary>
        public static string Name(LayoutResult result) => result switch
        {
            LayoutResult.Holds => "holds",
            LayoutResult.Violated => "violated",
            _ => "unknown",
        };

        /// <summary>The JSON name of a verdict.</summary>
        public static string Name(OverflowVerdict verdict) => verdict switch
        {
            OverflowVerdict.Faults => "faults",
            OverflowVerdict.WritesRam => "writes-ram",
            _ => "unknown",
        };
    }
}

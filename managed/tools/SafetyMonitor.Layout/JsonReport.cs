using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafetyMonitor.Layout
{
    /// <summary>The report as JSON, for CI.</summary>
    public static class JsonReport
    {
        /// <summary>Formats a report as an indented JSON document.</summary>
        public static string Format(LayoutReport report)
        {
            var json = new JsonObject
            {
                ["file"] = report.File,
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
            };
            return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
    }
}

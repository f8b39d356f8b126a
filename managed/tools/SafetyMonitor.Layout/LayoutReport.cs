using System;
using System.Collections.Generic;
using System.Linq;

namespace SafetyMonitor.Layout
{
    /// <summary>An address range [Start, End).</summary>
    public readonly record struct AddressRange(ulong Start, ulong End)
    {
        /// <summary>Bytes in the range.</summary>
        public ulong Size => End - Start;

        /// <summary>Whether the two ranges share an address.</summary>
        public bool Overlaps(AddressRange other) => Start < other.End && other.Start < End;

        /// <inheritdoc />
        public override string ToString() => $"0x{Start:X8}-0x{End:X8}";
    }

    /// <summary>
    /// A protected stack and what the check found about it: the sections
    /// between its region's origin and its base, and any section reaching the
    /// origin from below (RAM right below the region); NothingBelow when it
    /// starts at the origin with no such section.
    /// </summary>
    public sealed record StackReport(
        string Name,
        string Section,
        AddressRange Range,
        AddressRange Region,
        IReadOnlyList<string> Below,
        bool AtRegionOrigin,
        bool NothingBelow);

    /// <summary>The corruption-detect area and its neighbours.</summary>
    public sealed record AreaReport(string Section, AddressRange Range, string? GuardedStack, IReadOnlyList<string> Below, IReadOnlyList<string> Above);

    /// <summary>One allocated RAM section, for the map.</summary>
    public sealed record MapSection(string Name, AddressRange Range, string Kind);

    /// <summary>A column of the map: a region or a cluster of RAM sections.</summary>
    public sealed record MapColumn(string Title, AddressRange Range, IReadOnlyList<MapSection> Sections);

    /// <summary>
    /// What `safetymon layout` found in a firmware image: the protected
    /// stacks, the corruption-detect area, every violation of the flipped
    /// layout, and the RAM map.
    /// </summary>
    public sealed class LayoutReport
    {
        /// <summary>Symbol pair of the corruption-detect area (linker/stack_corruption_area.ld).</summary>
        public const string AreaStart = "__stack_corruption_area_start__";

        /// <summary>End of the area.</summary>
        public const string AreaEnd = "__stack_corruption_area_end__";

        private const string RegionStartSuffix = "_region_start__";

        private static readonly (string Begin, string End)[] HeapSymbols =
        {
            ("__heap_base__", "__heap_end__"),
            ("HeapBegin", "HeapEnd"),
            ("__clr_managed_heap_base__", "__clr_managed_heap_end__"),
            ("__graphics_managed_heap_base__", "__graphics_managed_heap_end__"),
        };

        internal LayoutReport(string file, List<StackReport> stacks, AreaReport? area, List<string> violations, List<MapColumn> map)
        {
            File = file;
            Stacks = stacks;
            Area = area;
            Violations = violations;
            Map = map;
        }

        /// <summary>The image's file name.</summary>
        public string File { get; }

        /// <summary>The protected stacks, by name.</summary>
        public IReadOnlyList<StackReport> Stacks { get; }

        /// <summary>The area, if the image has one.</summary>
        public AreaReport? Area { get; }

        /// <summary>Each way the image breaks the flipped layout; empty when it holds.</summary>
        public IReadOnlyList<string> Violations { get; }

        /// <summary>The RAM map, column by column.</summary>
        public IReadOnlyList<MapColumn> Map { get; }

        /// <summary>Whether the flipped layout holds.</summary>
        public bool Holds => Violations.Count == 0;

        /// <summary>
        /// Analyses an image. A protected stack X is announced by four symbols
        /// the linker fragments define: __X_base__ and __X_end__ (the stack),
        /// __X_region_start__ and __X_region_end__ (its RAM region).
        /// </summary>
        /// <exception cref="ElfFormatException">The image has no protected stack or no area symbols.</exception>
        public static LayoutReport Analyse(string file, ElfImage image)
        {
            var symbols = new Dictionary<string, uint>(StringComparer.Ordinal);
            foreach (ElfSymbol symbol in image.Symbols)
            {
                if (symbol.Name.Length > 0)
                {
                    symbols[symbol.Name] = symbol.Value;
                }
            }

            var ram = image.Sections.Where(s => s.IsAllocated && !s.IsExecutable && s.IsWritable && s.Size > 0).ToList();
            var violations = new List<string>();
            var stacks = new List<StackReport>();
            foreach (string name in StackNames(symbols))
            {
                stacks.Add(AnalyseStack(name, symbols, ram, violations));
            }

            if (stacks.Count == 0)
            {
                throw new ElfFormatException(
                    "no protected stack symbols (__<name>_base__, __<name>_end__, __<name>_region_start__, __<name>_region_end__): " +
                    "link with SafetyMonitor's linker fragments (linker/stack_flipped.ld or clr_thread_flipped.ld)");
            }

            if (!symbols.TryGetValue(AreaStart, out uint areaStart) || !symbols.TryGetValue(AreaEnd, out uint areaEnd))
            {
                throw new ElfFormatException($"no corruption-detect area symbols ({AreaStart}, {AreaEnd}): link with linker/stack_corruption_area.ld");
            }

            AreaReport area = AnalyseArea(new AddressRange(areaStart, areaEnd), stacks, ram, violations);
            return new LayoutReport(file, stacks, area, violations, BuildMap(stacks, area, ram, symbols));
        }

        private static IEnumerable<string> StackNames(Dictionary<string, uint> symbols)
        {
            foreach (string symbol in symbols.Keys.Where(k => k.StartsWith("__", StringComparison.Ordinal) && k.EndsWith(RegionStartSuffix, StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal))
            {
                string name = symbol.Substring(2, symbol.Length - 2 - RegionStartSuffix.Length);
                if (symbols.ContainsKey($"__{name}_region_end__") && symbols.ContainsKey($"__{name}_base__") && symbols.ContainsKey($"__{name}_end__"))
                {
                    yield return name;
                }
            }
        }

        private static StackReport AnalyseStack(string name, Dictionary<string, uint> symbols, List<ElfSection> ram, List<string> violations)
        {
            var range = new AddressRange(symbols[$"__{name}_base__"], symbols[$"__{name}_end__"]);
            var region = new AddressRange(symbols[$"__{name}_region_start__"], symbols[$"__{name}_region_end__"]);
            string section = SectionHolding(range, ram) ?? "(no section)";
            var below = ram.Where(s => s.Address < range.Start && s.Address >= region.Start && s.End > region.Start)
                .OrderBy(s => s.Address).Select(s => $"{s.Name} 0x{s.Address:X8}-0x{s.End:X8}").ToList();

            // The image does not say what memory lies below a region; but a
            // section reaching its origin from below proves it is RAM.
            var ramBelowRegion = ram.Where(s => s.Address < region.Start && s.End >= region.Start)
                .OrderBy(s => s.Address).Select(s => $"{s.Name} 0x{s.Address:X8}-0x{s.End:X8}").ToList();
            below.InsertRange(0, ramBelowRegion);
            bool atOrigin = range.Start == region.Start;
            bool faultsBelow = atOrigin && ramBelowRegion.Count == 0;
            if (range.End <= range.Start)
            {
                violations.Add($"stack {name}: empty ({range})");
            }

            if (range.Start < region.Start || range.End > region.End)
            {
                violations.Add($"stack {name} {range} lies outside its region {region}");
            }
            else if (!atOrigin)
            {
                string what = below.Count > 0 ? string.Join(", ", below) : $"{range.Start - region.Start} bytes of free RAM";
                violations.Add($"stack {name} ({section}) does not start at its region's origin 0x{region.Start:X8}: below it lies {what}; an overflow would write there instead of faulting");
            }

            if (ramBelowRegion.Count > 0)
            {
                violations.Add($"stack {name} ({section}): RAM lies right below its region's origin 0x{region.Start:X8}: {string.Join(", ", ramBelowRegion)}; an overflow would write there instead of faulting");
            }

            return new StackReport(name, section, range, region, below, atOrigin, faultsBelow);
        }

        private static AreaReport AnalyseArea(AddressRange area, List<StackReport> stacks, List<ElfSection> ram, List<string> violations)
        {
            string section = SectionHolding(area, ram) ?? "(no section)";
            if (area.End <= area.Start || area.Size < 8 || area.Size % 4 != 0)
            {
                violations.Add($"corruption-detect area {area} has {(area.End > area.Start ? area.Size : 0)} bytes: it needs a multiple of 4, at least 8");
            }

            StackReport? guarded = stacks.FirstOrDefault(s => s.Range.End == area.Start) ?? stacks.FirstOrDefault(s => s.Range.Start == area.End);
            if (guarded == null)
            {
                violations.Add($"corruption-detect area {area} touches no protected stack: an overrun from a stack would not reach it first");
            }

            var below = ram.Where(s => s.End == area.Start && s.Name != section).Select(s => s.Name).ToList();
            var above = ram.Where(s => s.Address == area.End && s.Size > 0 && s.Name != section).Select(s => s.Name).ToList();
            foreach (ElfSection overlap in ram.Where(s => s.Name != section && new AddressRange(s.Address, s.End).Overlaps(area)))
            {
                violations.Add($"section {overlap.Name} overlaps the corruption-detect area {area}");
            }

            return new AreaReport(section, area, guarded?.Name, below, above);
        }

        private static string? SectionHolding(AddressRange range, List<ElfSection> ram) =>
            ram.FirstOrDefault(s => s.Address <= range.Start && range.End <= s.End && range.End > range.Start)?.Name;

        private static List<MapColumn> BuildMap(List<StackReport> stacks, AreaReport area, List<ElfSection> ram, Dictionary<string, uint> symbols)
        {
            // The heaps, by the symbol pairs the rules files define: the CRT
            // heap (__heap_base__), nanoFramework's managed heap
            // (__clr_managed_heap_base__, HeapBegin) and graphics heap.
            var heaps = new List<AddressRange>();
            foreach ((string begin, string end) in HeapSymbols)
            {
                if (symbols.TryGetValue(begin, out uint heapBase) && symbols.TryGetValue(end, out uint heapEnd) && heapEnd > heapBase)
                {
                    heaps.Add(new AddressRange(heapBase, heapEnd));
                }
            }

            string Kind(ElfSection s)
            {
                var range = new AddressRange(s.Address, s.End);
                if (s.Name == area.Section)
                {
                    return "area";
                }

                if (stacks.Any(st => st.Section == s.Name))
                {
                    return "stack";
                }

                if (heaps.Any(h => h.Overlaps(range)))
                {
                    return "heap";
                }

                return "data";
            }

            var sections = ram.Select(s => new MapSection(s.Name, new AddressRange(s.Address, s.End), Kind(s))).OrderBy(s => s.Range.Start).ToList();
            var columns = new List<MapColumn>();
            var regions = stacks.Select(s => s.Region).Distinct().ToList();
            var placed = new HashSet<MapSection>();
            foreach (AddressRange region in regions.OrderBy(r => r.Start))
            {
                string holds = string.Join(", ", stacks.Where(s => s.Region == region).Select(s => s.Name));
                var inColumn = sections.Where(s => s.Range.Start >= region.Start && s.Range.End <= region.End).ToList();

                // Sections outside the region that touch it (the boot clipboard
                // right above SRAM, the next RAM block) are drawn with it: what
                // lies right beside a region matters.
                AddressRange range = region;
                bool grew = true;
                while (grew)
                {
                    MapSection? touching = sections.FirstOrDefault(s => !inColumn.Contains(s) && !placed.Contains(s)
                        && !regions.Any(r => s.Range.Start >= r.Start && s.Range.End <= r.End)
                        && (s.Range.Start == range.End || s.Range.End == range.Start));
                    grew = touching != null;
                    if (touching != null)
                    {
                        inColumn.Add(touching);
                        range = new AddressRange(Math.Min(range.Start, touching.Range.Start), Math.Max(range.End, touching.Range.End));
                    }
                }

                placed.UnionWith(inColumn);
                string title = $"RAM 0x{region.Start:X8} ({Kib(region.Size)}): {holds}" + (range == region ? string.Empty : $"; with the RAM beside it, to 0x{range.End:X8}");
                columns.Add(new MapColumn(title, range, inColumn.OrderBy(s => s.Range.Start).ToList()));
            }

            // Sections outside the stacks' regions, grouped where they are close.
            var rest = sections.Where(s => !placed.Contains(s)).ToList();
            var group = new List<MapSection>();
            foreach (MapSection s in rest)
            {
                if (group.Count > 0 && s.Range.Start > group[^1].Range.End + 0x100000)
                {
                    columns.Add(Column(group));
                    group = new List<MapSection>();
                }

                group.Add(s);
            }

            if (group.Count > 0)
            {
                columns.Add(Column(group));
            }

            return columns;
        }

        private static MapColumn Column(List<MapSection> group)
        {
            var range = new AddressRange(group.Min(s => s.Range.Start), group.Max(s => s.Range.End));
            return new MapColumn($"RAM 0x{range.Start:X8} ({Kib(range.Size)} used)", range, group);
        }

        /// <summary>A byte count as the report prints it: "N KiB" when whole KiB, else "N bytes".</summary>
        public static string Kib(ulong bytes) => bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
    }
}

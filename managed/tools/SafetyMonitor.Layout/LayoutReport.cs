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

    /// <summary>What an overflow of a protected stack does, from what lies right below the stack.</summary>
    public enum OverflowVerdict
    {
        /// <summary>Reserved address space, by the part's memory map: the first push below the stack faults.</summary>
        Faults,

        /// <summary>RAM, by the image or the part's memory map: an overflow overwrites it before anything faults.</summary>
        WritesRam,

        /// <summary>Neither the image nor a memory map the tool knows says what lies there (unknown part, or the map does not cover it).</summary>
        Unknown,
    }

    /// <summary>The tool's answer for a whole image.</summary>
    public enum LayoutResult
    {
        /// <summary>No violation, and every protected stack faults on overflow: exit 0.</summary>
        Holds,

        /// <summary>At least one violation: exit 1.</summary>
        Violated,

        /// <summary>No violation, but for at least one stack it is unknown whether an overflow faults: exit 3.</summary>
        Unknown,
    }

    /// <summary>Where the part came from.</summary>
    public enum PartSource
    {
        /// <summary>Neither the image nor the command line names it.</summary>
        None,

        /// <summary>The image's link recorded it (a __safetymon_part_&lt;PART&gt;__ symbol, from the board's memory file).</summary>
        Image,

        /// <summary>--part on the command line.</summary>
        CommandLine,
    }

    /// <summary>
    /// A protected stack and what the check found about it: the sections
    /// between its region's origin and its base, and any section reaching the
    /// origin from below (RAM right below the region); NothingBelow when it
    /// starts at the origin with no such section in the image; Overflow, what
    /// an overflow does, and OverflowReason, why (what lies right below the
    /// stack, and the source of that fact).
    /// </summary>
    public sealed record StackReport(
        string Name,
        string Section,
        AddressRange Range,
        AddressRange Region,
        IReadOnlyList<string> Below,
        bool AtRegionOrigin,
        bool NothingBelow,
        OverflowVerdict Overflow,
        string OverflowReason);

    /// <summary>The corruption-detect area and its neighbours.</summary>
    public sealed record AreaReport(string Section, AddressRange Range, string? GuardedStack, IReadOnlyList<string> Below, IReadOnlyList<string> Above);

    /// <summary>One allocated RAM section, for the map.</summary>
    public sealed record MapSection(string Name, AddressRange Range, string Kind);

    /// <summary>A column of the map: a region or a cluster of RAM sections.</summary>
    public sealed record MapColumn(string Title, AddressRange Range, IReadOnlyList<MapSection> Sections);

    /// <summary>
    /// What `safetymon layout` found in a firmware image: the part, the
    /// protected stacks and what an overflow of each does, the
    /// corruption-detect area, every violation of the flipped layout, and the
    /// RAM map. The analysis takes O(n log n) for n RAM sections (sorted
    /// once; each question a binary search plus the sections it returns),
    /// times a factor for each protected stack, of which images have one or
    /// two.
    /// </summary>
    public sealed class LayoutReport
    {
        /// <summary>Symbol pair of the corruption-detect area (linker/stack_corruption_area.ld).</summary>
        public const string AreaStart = "__stack_corruption_area_start__";

        /// <summary>End of the area.</summary>
        public const string AreaEnd = "__stack_corruption_area_end__";

        /// <summary>
        /// The part an image's link records: a symbol __safetymon_part_&lt;PART&gt;__
        /// (e.g. __safetymon_part_STM32F429ZI__), defined by the board's
        /// memory.ld or safetymonitor_ram.ld.
        /// </summary>
        public const string PartSymbolPrefix = "__safetymon_part_";

        private const string PartSymbolSuffix = "__";

        private const string RegionStartSuffix = "_region_start__";

        private const ulong AddressSpace = 0x100000000;

        private static readonly (string Begin, string End)[] HeapSymbols =
        {
            ("__heap_base__", "__heap_end__"),
            ("HeapBegin", "HeapEnd"),
            ("__clr_managed_heap_base__", "__clr_managed_heap_end__"),
            ("__graphics_managed_heap_base__", "__graphics_managed_heap_end__"),
        };

        private LayoutReport(string file, string? part, PartSource partFrom, PartMap? partMap, List<StackReport> stacks, AreaReport? area, List<string> violations, List<MapColumn> map)
        {
            File = file;
            Part = part;
            PartFrom = partFrom;
            PartMap = partMap;
            Stacks = stacks;
            Area = area;
            Violations = violations;
            Map = map;
            Unknowns = stacks.Where(s => s.Overflow == OverflowVerdict.Unknown).Select(s => $"stack {s.Name}: {s.OverflowReason}").ToList();
        }

        /// <summary>The image's file name.</summary>
        public string File { get; }

        /// <summary>The part (e.g. "STM32F429ZI"), or null when neither the image nor the command line names it.</summary>
        public string? Part { get; }

        /// <summary>Where <see cref="Part"/> came from.</summary>
        public PartSource PartFrom { get; }

        /// <summary>The part's memory map, or null when the tool does not know the part.</summary>
        public PartMap? PartMap { get; }

        /// <summary>The protected stacks, by name.</summary>
        public IReadOnlyList<StackReport> Stacks { get; }

        /// <summary>The area, if the image has one.</summary>
        public AreaReport? Area { get; }

        /// <summary>Each way the image breaks the flipped layout; empty when it holds.</summary>
        public IReadOnlyList<string> Violations { get; }

        /// <summary>Each stack for which it is unknown whether an overflow faults, and why.</summary>
        public IReadOnlyList<string> Unknowns { get; }

        /// <summary>The RAM map, column by column.</summary>
        public IReadOnlyList<MapColumn> Map { get; }

        /// <summary>The answer: violated if anything is violated, else unknown if any stack's overflow is unknown, else holds.</summary>
        public LayoutResult Result => Violations.Count > 0 ? LayoutResult.Violated : Unknowns.Count > 0 ? LayoutResult.Unknown : LayoutResult.Holds;

        /// <summary>Whether the flipped layout holds: no violation and every stack faults on overflow.</summary>
        public bool Holds => Result == LayoutResult.Holds;

        /// <summary>
        /// Analyses an image. A protected stack X is announced by four symbols
        /// the linker fragments define: __X_base__ and __X_end__ (the stack),
        /// __X_region_start__ and __X_region_end__ (its RAM region). The part
        /// is <paramref name="part"/> when given (--part), else the one the
        /// image records (<see cref="PartSymbolPrefix"/>).
        /// </summary>
        /// <exception cref="ElfFormatException">The image has no protected stack or no area symbols, records more than one part, or records a part other than <paramref name="part"/>.</exception>
        public static LayoutReport Analyse(string file, FirmwareImage image, string? part = null) => Analyse(file, image, part, null);

        internal static LayoutReport Analyse(string file, FirmwareImage image, string? part, WorkCounter? work)
        {
            ArgumentNullException.ThrowIfNull(image);
            var symbols = new Dictionary<string, uint>(StringComparer.Ordinal);
            foreach (ElfSymbol symbol in image.Symbols)
            {
                if (symbol.Name.Length > 0)
                {
                    symbols[symbol.Name] = symbol.Value;
                }
            }

            (string? chosen, PartSource from) = ChoosePart(symbols.Keys, part);
            PartMap? map = chosen == null ? null : PartMaps.Find(chosen);
            var ram = image.Sections.Where(s => s.IsAllocated && !s.IsExecutable && s.IsWritable && s.Size > 0).ToList();
            var index = new SectionIndex(ram, work);
            var violations = new List<string>();
            var stacks = new List<StackReport>();
            foreach (string name in StackNames(symbols))
            {
                stacks.Add(AnalyseStack(name, symbols, index, chosen, map, violations));
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

            AreaReport area = AnalyseArea(new AddressRange(areaStart, areaEnd), stacks, ram, index, violations);
            return new LayoutReport(file, chosen, from, map, stacks, area, violations, BuildMap(stacks, area, index, symbols));
        }

        /// <summary>A byte count as the report prints it: "N KiB" when whole KiB, else "N bytes".</summary>
        public static string Kib(ulong bytes) => bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

        private static (string? Part, PartSource From) ChoosePart(IEnumerable<string> symbolNames, string? commandLine)
        {
            var recorded = symbolNames
                .Where(n => n.Length > PartSymbolPrefix.Length + PartSymbolSuffix.Length && n.StartsWith(PartSymbolPrefix, StringComparison.Ordinal) && n.EndsWith(PartSymbolSuffix, StringComparison.Ordinal))
                .Select(n => n.Substring(PartSymbolPrefix.Length, n.Length - PartSymbolPrefix.Length - PartSymbolSuffix.Length))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            if (recorded.Count > 1)
            {
                throw new ElfFormatException($"the image records more than one part ({string.Join(", ", recorded)}): its link must define one {PartSymbolPrefix}<PART>{PartSymbolSuffix} symbol");
            }

            string? inImage = recorded.Count == 1 ? recorded[0] : null;
            if (commandLine != null)
            {
                if (inImage != null && !string.Equals(inImage, commandLine, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ElfFormatException($"--part {commandLine} contradicts the part the image records, {inImage}");
                }

                return (commandLine, PartSource.CommandLine);
            }

            return inImage != null ? (inImage, PartSource.Image) : (null, PartSource.None);
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

        private static StackReport AnalyseStack(string name, Dictionary<string, uint> symbols, SectionIndex index, string? part, PartMap? map, List<string> violations)
        {
            var range = new AddressRange(symbols[$"__{name}_base__"], symbols[$"__{name}_end__"]);
            var region = new AddressRange(symbols[$"__{name}_region_start__"], symbols[$"__{name}_region_end__"]);
            string section = index.Holding(range)?.Name ?? "(no section)";
            var below = index.StartingIn(region.Start, range.Start).Select(Describe).ToList();

            // The image does not say what memory lies below a region; but a
            // section reaching its origin from below proves it is RAM.
            var ramBelowRegion = index.ReachingFromBelow(region.Start).Select(Describe).ToList();
            below.InsertRange(0, ramBelowRegion);
            bool atOrigin = range.Start == region.Start;
            bool nothingBelow = atOrigin && ramBelowRegion.Count == 0;
            string? guardReason = GuardedBelow(name, range, region, symbols, index, violations);
            if (range.End <= range.Start)
            {
                violations.Add($"stack {name}: empty ({range})");
            }

            if (range.Start < region.Start || range.End > region.End)
            {
                violations.Add($"stack {name} {range} lies outside its region {region}");
            }
            else if (!atOrigin && guardReason == null)
            {
                string what = below.Count > 0 ? string.Join(", ", below) : $"{range.Start - region.Start} bytes of free RAM";
                violations.Add($"stack {name} ({section}) does not start at its region's origin 0x{region.Start:X8}: below it lies {what}; an overflow would write there instead of faulting");
            }

            // RAM right below the region's origin, by the image or by the
            // part's memory map: the region does not start where the RAM does.
            var regionEvidence = guardReason != null ? new List<string>() : RamEvidence(region.Start, ramBelowRegion, part, map);
            if (regionEvidence.Count > 0)
            {
                violations.Add($"stack {name} ({section}): RAM lies right below its region's origin 0x{region.Start:X8}: {string.Join("; ", regionEvidence)}; an overflow would write there instead of faulting");
            }

            // What an overflow writes first: the address right below the
            // stack (below 0 the address wraps to the top of the 4 GiB space).
            ulong under = (range.Start + AddressSpace - 1) % AddressSpace;
            MemoryBlock? block = map?.At(under);
            var stackEvidence = RamEvidence(range.Start, index.ReachingFromBelow(range.Start).Select(Describe).ToList(), part, map);
            OverflowVerdict verdict;
            string reason;
            if (guardReason != null)
            {
                verdict = OverflowVerdict.Faults;
                reason = guardReason;
            }
            else if (range.Start > region.Start)
            {
                verdict = OverflowVerdict.WritesRam;
                reason = $"its own region's RAM lies below it, from 0x{region.Start:X8}";
            }
            else if (stackEvidence.Count > 0)
            {
                verdict = OverflowVerdict.WritesRam;
                reason = "RAM lies right below it: " + string.Join("; ", stackEvidence);
            }
            else if (block?.Kind == MemoryKind.Reserved)
            {
                verdict = OverflowVerdict.Faults;
                reason = $"0x{under:X8} is {block.Name} on the {part}: 0x{block.Start:X8}-0x{block.End - 1:X8}, {map!.Source}";
            }
            else
            {
                verdict = OverflowVerdict.Unknown;
                reason = part == null
                    ? $"the image records no part ({PartSymbolPrefix}<PART>{PartSymbolSuffix}) and none was given (--part): what lies at 0x{under:X8} is unknown"
                    : map == null
                        ? $"the tool has no memory map of the {part}: what lies at 0x{under:X8} is unknown"
                        : $"the {part}'s memory map here ({map.Source}) does not say what lies at 0x{under:X8}";
            }

            return new StackReport(name, section, range, region, below, atOrigin, nothingBelow, verdict, reason);
        }

        /// <summary>
        /// A stack on an MPU guard (linker/main_stack_guarded.ld: __X_guard_start__,
        /// __X_guard_end__): the guard must lie right below the stack, at its
        /// region's origin, be a power of two of at least 32 bytes aligned to its
        /// size (an MPU region, ARMv7-M ARM B3.5.8) and hold no other section.
        /// Returns the verdict's reason when it does, null when the image has no
        /// guard for the stack or the guard is wrong (then a violation says why).
        /// The image cannot show that the firmware programs the MPU: that is the
        /// board's start-up code (QEMU_NETDUINOPLUS2: its board.c).
        /// </summary>
        private static string? GuardedBelow(string name, AddressRange range, AddressRange region, Dictionary<string, uint> symbols, SectionIndex index, List<string> violations)
        {
            if (!symbols.TryGetValue($"__{name}_guard_start__", out uint start) || !symbols.TryGetValue($"__{name}_guard_end__", out uint end))
            {
                return null;
            }

            var guard = new AddressRange(start, end);
            ulong size = guard.End > guard.Start ? guard.Size : 0;
            var problems = new List<string>();
            if (size < 32 || (size & (size - 1)) != 0 || guard.Start % size != 0)
            {
                problems.Add($"it is no MPU region (a power of two of at least 32 bytes, aligned to its size: ARMv7-M ARM B3.5.8)");
            }

            if (guard.End != range.Start)
            {
                problems.Add($"it does not end where the stack starts (0x{range.Start:X8})");
            }

            if (guard.Start != region.Start)
            {
                problems.Add($"it does not start at the region's origin 0x{region.Start:X8}");
            }

            var inside = index.StartingIn(guard.Start, guard.End).Where(s => s.Address != guard.Start || s.End != guard.End).Select(Describe).ToList();
            if (inside.Count > 0)
            {
                problems.Add($"{string.Join(", ", inside)} lies in it");
            }

            if (problems.Count > 0)
            {
                violations.Add($"stack {name}: its MPU guard {guard} is wrong: {string.Join("; ", problems)}");
                return null;
            }

            return $"it writes the MPU guard {guard} below it first (no access: the write faults)";
        }

        private static string Describe(ElfSection s) => $"{s.Name} 0x{s.Address:X8}-0x{s.End:X8}";

        // What shows RAM right below an address: sections of the image that
        // reach it from below, and the part's RAM block that holds the
        // address below it.
        private static List<string> RamEvidence(ulong address, List<string> sectionsReaching, string? part, PartMap? map)
        {
            var evidence = new List<string>(sectionsReaching);
            ulong under = (address + AddressSpace - 1) % AddressSpace;
            if (map?.At(under) is MemoryBlock block && block.Kind == MemoryKind.Ram)
            {
                evidence.Add($"the {part}'s {block.Name} 0x{block.Start:X8}-0x{block.End:X8} ({map.Source}), {Kib((address + AddressSpace - block.Start) % AddressSpace)} of it below 0x{address:X8}");
            }

            return evidence;
        }

        private static AreaReport AnalyseArea(AddressRange area, List<StackReport> stacks, List<ElfSection> ram, SectionIndex index, List<string> violations)
        {
            string section = index.Holding(area)?.Name ?? "(no section)";
            if (area.End <= area.Start || area.Size < 32 || area.Size % 32 != 0)
            {
                violations.Add($"corruption-detect area {area} has {(area.End > area.Start ? area.Size : 0)} bytes: it needs a multiple of 32, at least 32 (the check feeds 8 words per load-multiple)");
            }

            StackReport? guarded = stacks.FirstOrDefault(s => s.Range.End == area.Start) ?? stacks.FirstOrDefault(s => s.Range.Start == area.End);
            if (guarded == null)
            {
                violations.Add($"corruption-detect area {area} touches no protected stack: an overrun from a stack would not reach it first");
            }

            var below = ram.Where(s => s.End == area.Start && s.Name != section).Select(s => s.Name).ToList();
            var above = ram.Where(s => s.Address == area.End && s.Name != section).Select(s => s.Name).ToList();
            foreach (ElfSection overlap in ram.Where(s => s.Name != section && new AddressRange(s.Address, s.End).Overlaps(area)))
            {
                violations.Add($"section {overlap.Name} overlaps the corruption-detect area {area}");
            }

            return new AreaReport(section, area, guarded?.Name, below, above);
        }

        private static List<MapColumn> BuildMap(List<StackReport> stacks, AreaReport area, SectionIndex index, Dictionary<string, uint> symbols)
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

            var stackSections = new HashSet<string>(stacks.Select(s => s.Section), StringComparer.Ordinal);
            string Kind(ElfSection s)
            {
                var range = new AddressRange(s.Address, s.End);
                if (s.Name == area.Section)
                {
                    return "area";
                }

                if (stackSections.Contains(s.Name))
                {
                    return "stack";
                }

                if (heaps.Any(h => h.Overlaps(range)))
                {
                    return "heap";
                }

                return "data";
            }

            IReadOnlyList<ElfSection> byStart = index.ByStart;
            var sections = byStart.Select(s => new MapSection(s.Name, new AddressRange(s.Address, s.End), Kind(s))).ToList();
            var regions = stacks.Select(s => s.Region).Distinct().OrderBy(r => r.Start).ToList();
            var regionStarts = regions.Select(r => r.Start).ToArray();
            var regionMaxEnd = new ulong[regions.Count];
            for (int r = 0; r < regions.Count; r++)
            {
                regionMaxEnd[r] = Math.Max(regions[r].End, r > 0 ? regionMaxEnd[r - 1] : 0);
            }

            // Whether a section lies inside some stack's region: a region
            // starting at or below it reaches its end.
            bool InsideARegion(AddressRange range)
            {
                int at = Array.BinarySearch(regionStarts, range.Start);
                int last = at >= 0 ? LastOf(regionStarts, at) : ~at - 1;
                return last >= 0 && regionMaxEnd[last] >= range.End;
            }

            // Sections outside every region, by their start and by their end:
            // those may join a column when they touch it.
            var byStartAddress = new Dictionary<ulong, Queue<int>>();
            var byEndAddress = new Dictionary<ulong, Queue<int>>();
            for (int i = 0; i < sections.Count; i++)
            {
                index.Visit();
                if (!InsideARegion(sections[i].Range))
                {
                    Enqueue(byStartAddress, sections[i].Range.Start, i);
                    Enqueue(byEndAddress, sections[i].Range.End, i);
                }
            }

            var columns = new List<MapColumn>();
            var placed = new bool[sections.Count];
            foreach (AddressRange region in regions)
            {
                string holds = string.Join(", ", stacks.Where(s => s.Region == region).Select(s => s.Name));
                var inColumn = new List<int>();
                var taken = new HashSet<int>();
                int first = index.FirstAtOrAbove(region.Start);
                for (int i = first; i < sections.Count && sections[i].Range.Start < region.End; i++)
                {
                    index.Visit();
                    if (sections[i].Range.End <= region.End)
                    {
                        inColumn.Add(i);
                        taken.Add(i);
                    }
                }

                // Sections outside the region that touch it (the boot clipboard
                // right above SRAM, the next RAM block) are drawn with it: what
                // lies right beside a region matters. Downwards first, then
                // upwards, each taking the lowest-addressed section that touches.
                AddressRange range = region;
                while (TakeTouching(byEndAddress, range.Start, placed, taken, index) is int down)
                {
                    inColumn.Add(down);
                    range = new AddressRange(sections[down].Range.Start, range.End);
                }

                while (TakeTouching(byStartAddress, range.End, placed, taken, index) is int up)
                {
                    inColumn.Add(up);
                    range = new AddressRange(range.Start, Math.Max(range.End, sections[up].Range.End));
                }

                foreach (int i in inColumn)
                {
                    placed[i] = true;
                }

                string title = $"RAM 0x{region.Start:X8} ({Kib(region.Size)}): {holds}" + (range == region ? string.Empty : $"; with the RAM beside it, to 0x{range.End:X8}");
                inColumn.Sort();
                columns.Add(new MapColumn(title, range, inColumn.Select(i => sections[i]).ToList()));
            }

            // Sections outside the stacks' regions, grouped where they are close.
            var group = new List<MapSection>();
            for (int i = 0; i < sections.Count; i++)
            {
                index.Visit();
                if (placed[i])
                {
                    continue;
                }

                MapSection s = sections[i];
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

        private static void Enqueue(Dictionary<ulong, Queue<int>> by, ulong address, int i)
        {
            if (!by.TryGetValue(address, out Queue<int>? queue))
            {
                queue = new Queue<int>();
                by[address] = queue;
            }

            queue.Enqueue(i);
        }

        // The lowest-addressed section at the address not yet in a column
        // (placed by an earlier one, or taken by this one), removed from its
        // queue; each section leaves its queue once, so the growth of all
        // columns costs O(n).
        private static int? TakeTouching(Dictionary<ulong, Queue<int>> by, ulong address, bool[] placed, HashSet<int> taken, SectionIndex index)
        {
            if (!by.TryGetValue(address, out Queue<int>? queue))
            {
                return null;
            }

            while (queue.Count > 0)
            {
                index.Visit();
                int i = queue.Dequeue();
                if (!placed[i] && taken.Add(i))
                {
                    return i;
                }
            }

            return null;
        }

        // The last index that holds the same value as a binary-search hit.
        private static int LastOf(ulong[] sorted, int hit)
        {
            while (hit + 1 < sorted.Length && sorted[hit + 1] == sorted[hit])
            {
                hit++;
            }

            return hit;
        }

        private static MapColumn Column(List<MapSection> group)
        {
            var range = new AddressRange(group.Min(s => s.Range.Start), group.Max(s => s.Range.End));
            return new MapColumn($"RAM 0x{range.Start:X8} ({Kib(range.Size)} used)", range, group);
        }
    }
}

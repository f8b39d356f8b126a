using System.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>The memory maps the tool knows (PartMaps.cs), number by number.</summary>
    public class PartMapTests
    {
        [Theory]
        [InlineData("STM32F405RG", "STM32F40x/F41x")]
        [InlineData("stm32f407vg", "STM32F40x/F41x")]
        [InlineData("STM32F429ZI", "STM32F42x/F43x")]
        [InlineData("STM32F439NI", "STM32F42x/F43x")]
        [InlineData("STM32F769NI", "STM32F76x/F77x")]
        [InlineData("STM32F746NG", null)] // RM0385, not in the table
        [InlineData("STM32F030F4", "STM32F030/F070")]
        [InlineData("STM32F091RC", "STM32F0x1/F0x2/F0x8")]
        [InlineData("STM32H743ZI", "STM32H743/H753/H750")]
        [InlineData("STM32H742VI", null)] // a RAM layout of its own
        [InlineData("STM32H7B3LI", "STM32H7A3/H7B3/H7B0")]
        [InlineData("STM32H723ZG", "STM32H72x/H73x")]
        [InlineData("STM32L476RG", "STM32L47x/L48x/L49x/L4Ax")]
        [InlineData("STM32L432KC", "STM32L41x-L46x")]
        [InlineData("STM32G474RE", null)]
        [InlineData("", null)]
        public void FindsTheLineOfAPart(string part, string? line)
        {
            Assert.Equal(line, PartMaps.Find(part)?.Line);
        }

        // What lies at an address, per part: the block's name and kind, or
        // null where the map says nothing. Both sides of every boundary the
        // boards' stacks use.
        [Theory]
        [InlineData("STM32F405RG", 0x0FFFFFFFu, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F405RG", 0x08100000u, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F405RG", 0x080FFFFFu, null, null)] // flash, not in the map
        [InlineData("STM32F405RG", 0x10000000u, "CCM data RAM", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x1000FFFFu, "CCM data RAM", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x10010000u, null, null)]
        [InlineData("STM32F405RG", 0x1FFFC007u, null, null)] // option bytes
        [InlineData("STM32F405RG", 0x1FFFC008u, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F405RG", 0x1FFFFFFFu, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F405RG", 0x20000000u, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x2001BFFFu, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x2001C000u, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x2001FFFFu, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x20020000u, null, null)] // no SRAM3 on the F40x
        [InlineData("STM32F405RG", 0x40024FFFu, "backup SRAM", MemoryKind.Ram)]
        [InlineData("STM32F405RG", 0x40025000u, null, null)]
        [InlineData("STM32F429ZI", 0x081FFFFFu, null, null)] // 2 MiB of flash
        [InlineData("STM32F429ZI", 0x08200000u, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F429ZI", 0x0FFFFFFFu, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F429ZI", 0x1000FFFFu, "CCM data RAM", MemoryKind.Ram)]
        [InlineData("STM32F429ZI", 0x1FFFC00Fu, null, null)]
        [InlineData("STM32F429ZI", 0x1FFFC010u, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F429ZI", 0x1FFFFFFFu, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F429ZI", 0x20000000u, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32F429ZI", 0x20020000u, "SRAM3", MemoryKind.Ram)]
        [InlineData("STM32F429ZI", 0x2002FFFFu, "SRAM3", MemoryKind.Ram)]
        [InlineData("STM32F429ZI", 0x20030000u, null, null)]
        [InlineData("STM32F769NI", 0x00000000u, "ITCM RAM", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x00003FFFu, "ITCM RAM", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x00004000u, null, null)]
        [InlineData("STM32F769NI", 0x1FFF001Fu, null, null)] // option bytes
        [InlineData("STM32F769NI", 0x1FFF0020u, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F769NI", 0x1FFFFFFFu, "reserved", MemoryKind.Reserved)]
        [InlineData("STM32F769NI", 0x20000000u, "DTCM RAM", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x2001FFFFu, "DTCM RAM", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x20020000u, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x2007BFFFu, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x2007C000u, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x2007FFFFu, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32F769NI", 0x20080000u, null, null)]
        [InlineData("STM32F769NI", 0xE00FFFFFu, null, null)] // the private peripheral bus
        [InlineData("STM32F769NI", 0xE0100000u, "reserved (Cortex-M7 vendor-specific region)", MemoryKind.Reserved)]
        [InlineData("STM32F769NI", 0xFFFFFFFFu, "reserved (Cortex-M7 vendor-specific region)", MemoryKind.Reserved)]
        [InlineData("STM32F030F4", 0x20000FFFu, "SRAM", MemoryKind.Ram)]
        [InlineData("STM32F030F4", 0x20001000u, null, null)]
        [InlineData("STM32F030F4", 0x1FFFFFFFu, null, null)] // not verified: unknown
        [InlineData("STM32F072RB", 0x20000FFFu, "SRAM", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x0000FFFFu, "ITCM RAM", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x2001FFFFu, "DTCM RAM", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x2407FFFFu, "AXI SRAM", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x24080000u, null, null)]
        [InlineData("STM32H743ZI", 0x3001FFFFu, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x30020000u, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x30047FFFu, "SRAM3", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x3800FFFFu, "SRAM4", MemoryKind.Ram)]
        [InlineData("STM32H743ZI", 0x38800FFFu, "backup SRAM", MemoryKind.Ram)]
        [InlineData("STM32H7A3ZI", 0x240FFFFFu, "AXI SRAM1-3", MemoryKind.Ram)]
        [InlineData("STM32H7A3ZI", 0x3001FFFFu, "AHB SRAM1-2", MemoryKind.Ram)]
        [InlineData("STM32H7A3ZI", 0x38007FFFu, "SRD SRAM", MemoryKind.Ram)]
        [InlineData("STM32H7A3ZI", 0x38008000u, null, null)]
        [InlineData("STM32H723ZG", 0x2401FFFFu, "AXI SRAM", MemoryKind.Ram)]
        [InlineData("STM32H723ZG", 0x24020000u, null, null)] // shared with the ITCM: either
        [InlineData("STM32H723ZG", 0x30003FFFu, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32H723ZG", 0x38003FFFu, "SRAM4", MemoryKind.Ram)]
        [InlineData("STM32L476RG", 0x10007FFFu, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32L476RG", 0x10008000u, null, null)]
        [InlineData("STM32L476RG", 0x20017FFFu, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32L476RG", 0x20018000u, null, null)]
        [InlineData("STM32L412KB", 0x10001FFFu, "SRAM2", MemoryKind.Ram)]
        [InlineData("STM32L412KB", 0x10002000u, null, null)]
        [InlineData("STM32L412KB", 0x20007FFFu, "SRAM1", MemoryKind.Ram)]
        [InlineData("STM32L412KB", 0x20008000u, null, null)]
        public void KnowsWhatLiesAtAnAddress(string part, uint address, string? name, MemoryKind? kind)
        {
            MemoryBlock? block = PartMaps.Find(part)!.At(address);
            Assert.Equal(name, block?.Name);
            Assert.Equal(kind, block?.Kind);
        }

        // Every block of every map, as the manuals give them (PartMaps.cs cites
        // each): a second statement of the numbers, so that a changed bound
        // or a block more or less fails here.
        [Theory]
        [InlineData("STM32F405RG", "reserved@0x08100000-0x10000000; CCM data RAM@0x10000000-0x10010000; reserved@0x1FFFC008-0x20000000; SRAM1@0x20000000-0x2001C000; SRAM2@0x2001C000-0x20020000; backup SRAM@0x40024000-0x40025000")]
        [InlineData("STM32F429ZI", "reserved@0x08200000-0x10000000; CCM data RAM@0x10000000-0x10010000; reserved@0x1FFFC010-0x20000000; SRAM1@0x20000000-0x2001C000; SRAM2@0x2001C000-0x20020000; SRAM3@0x20020000-0x20030000; backup SRAM@0x40024000-0x40025000")]
        [InlineData("STM32F769NI", "ITCM RAM@0x00000000-0x00004000; reserved@0x1FFF0020-0x20000000; DTCM RAM@0x20000000-0x20020000; SRAM1@0x20020000-0x2007C000; SRAM2@0x2007C000-0x20080000; backup SRAM@0x40024000-0x40025000; reserved (Cortex-M7 vendor-specific region)@0xE0100000-0x100000000")]
        [InlineData("STM32F072RB", "SRAM@0x20000000-0x20001000")]
        [InlineData("STM32F030F4", "SRAM@0x20000000-0x20001000")]
        [InlineData("STM32H743ZI", "ITCM RAM@0x00000000-0x00010000; DTCM RAM@0x20000000-0x20020000; AXI SRAM@0x24000000-0x24080000; SRAM1@0x30000000-0x30020000; SRAM2@0x30020000-0x30040000; SRAM3@0x30040000-0x30048000; SRAM4@0x38000000-0x38010000; backup SRAM@0x38800000-0x38801000")]
        [InlineData("STM32H7B3LI", "ITCM RAM@0x00000000-0x00010000; DTCM RAM@0x20000000-0x20020000; AXI SRAM1-3@0x24000000-0x24100000; AHB SRAM1-2@0x30000000-0x30020000; SRD SRAM@0x38000000-0x38008000; backup SRAM@0x38800000-0x38801000")]
        [InlineData("STM32H723ZG", "ITCM RAM@0x00000000-0x00010000; DTCM RAM@0x20000000-0x20020000; AXI SRAM@0x24000000-0x24020000; SRAM1@0x30000000-0x30004000; SRAM4@0x38000000-0x38004000; backup SRAM@0x38800000-0x38801000")]
        [InlineData("STM32L476RG", "SRAM2@0x10000000-0x10008000; SRAM1@0x20000000-0x20018000")]
        [InlineData("STM32L432KC", "SRAM2@0x10000000-0x10002000; SRAM1@0x20000000-0x20008000")]
        public void EveryBlockOfEveryMap(string part, string blocks)
        {
            PartMap map = PartMaps.Find(part)!;
            Assert.Equal(blocks, string.Join("; ", map.Blocks.Select(b => $"{b.Name}@0x{b.Start:X8}-0x{b.End:X8}")));
            Assert.All(map.Blocks, b => Assert.Equal(b.Name.StartsWith("reserved", System.StringComparison.Ordinal) ? MemoryKind.Reserved : MemoryKind.Ram, b.Kind));
            Assert.Equal(10, PartMaps.All.Count);
        }

        [Fact]
        public void EveryMapHasSortedBlocksThatDoNotOverlapAndCitesItsManual()
        {
            foreach (PartMap map in PartMaps.All)
            {
                Assert.Matches(@"^RM0\d{3} §\d+(\.\d+)*$", map.Source);
                Assert.NotEmpty(map.Prefixes);
                Assert.All(map.Prefixes, p => Assert.Equal(p.ToUpperInvariant(), p));
                for (int i = 0; i < map.Blocks.Count; i++)
                {
                    Assert.True(map.Blocks[i].Start < map.Blocks[i].End, $"{map.Line}: {map.Blocks[i]} is empty");
                    Assert.True(map.Blocks[i].End <= 0x100000000, $"{map.Line}: {map.Blocks[i]} leaves the 4 GiB space");
                    if (i > 0)
                    {
                        Assert.True(map.Blocks[i - 1].End <= map.Blocks[i].Start, $"{map.Line}: {map.Blocks[i - 1]} and {map.Blocks[i]} overlap or are out of order");
                    }
                }
            }

            // A part number belongs to one line only.
            var prefixes = PartMaps.All.SelectMany(m => m.Prefixes).ToList();
            Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
            Assert.DoesNotContain(prefixes, p => prefixes.Any(q => q != p && p.StartsWith(q, System.StringComparison.Ordinal)));
        }

        // Where a flipped stack may start on each board's part: the RAM blocks
        // with reserved address space right below; no other RAM start of these
        // parts qualifies.
        [Theory]
        [InlineData("STM32F405RG", new uint[] { 0x10000000, 0x20000000 })]
        [InlineData("STM32F429ZI", new uint[] { 0x10000000, 0x20000000 })]
        [InlineData("STM32F769NI", new uint[] { 0x00000000, 0x20000000 })]
        [InlineData("STM32H743ZI", new uint[0])]
        [InlineData("STM32L476RG", new uint[0])]
        [InlineData("STM32F091RC", new uint[0])]
        public void RamStartsWithReservedBelow(string part, uint[] expected)
        {
            PartMap map = PartMaps.Find(part)!;
            var starts = map.Blocks.Where(b => b.Kind == MemoryKind.Ram)
                .Where(b => map.At((b.Start + 0xFFFFFFFF) % 0x100000000)?.Kind == MemoryKind.Reserved)
                .Select(b => (uint)b.Start).ToArray();
            Assert.Equal(expected, starts);
        }
    }
}

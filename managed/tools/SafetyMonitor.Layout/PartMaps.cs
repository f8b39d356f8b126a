using System;
using System.Collections.Generic;

namespace SafetyMonitor.Layout
{
    /// <summary>What a block of a part's address space is.</summary>
    public enum MemoryKind
    {
        /// <summary>RAM: a write there succeeds and overwrites what it holds.</summary>
        Ram,

        /// <summary>Reserved: nothing is mapped, an access raises a bus error (a BusFault, escalated to HardFault).</summary>
        Reserved,
    }

    /// <summary>One block [Start, End) of a part's memory map, as its reference manual gives it.</summary>
    public sealed record MemoryBlock(string Name, ulong Start, ulong End, MemoryKind Kind)
    {
        /// <summary>Whether the block holds the address.</summary>
        public bool Holds(ulong address) => Start <= address && address < End;

        /// <inheritdoc />
        public override string ToString() => $"{Name} 0x{Start:X8}-0x{End:X8}";
    }

    /// <summary>
    /// The physical memory map of a line of STM32 parts, as far as
    /// `safetymon layout` needs it: the RAM blocks and the reserved address
    /// space right below the blocks a flipped stack may start at. An address
    /// in neither is unknown to the tool.
    /// </summary>
    /// <param name="Line">The parts the map covers, e.g. "STM32F42x/F43x".</param>
    /// <param name="Source">Reference manual and section, e.g. "RM0090 §2.3".</param>
    /// <param name="Prefixes">Part numbers that start with one of these are this line (upper case).</param>
    /// <param name="Blocks">The blocks, not overlapping.</param>
    public sealed record PartMap(string Line, string Source, IReadOnlyList<string> Prefixes, IReadOnlyList<MemoryBlock> Blocks)
    {
        /// <summary>The block that holds the address, or null when the map does not say.</summary>
        public MemoryBlock? At(ulong address)
        {
            foreach (MemoryBlock block in Blocks)
            {
                if (block.Holds(address))
                {
                    return block;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The memory maps `safetymon layout` knows: the STM32 parts of the
    /// boards here (STM32F405 on QEMU_NETDUINOPLUS2, STM32F429ZI,
    /// STM32F769NI) and the lines nanoFramework targets (F0, F4, F7, H7, L4).
    /// Every number is from the reference manual named in <see cref="PartMap.Source"/>.
    /// <para>
    /// Where a line's parts differ in RAM size, its map gives the smallest
    /// (an address beyond it is unknown, never called reserved). Reserved
    /// address space is listed only where it was verified against the
    /// manual's memory map: below the RAM starts of the F40x/F41x, F42x/F43x
    /// and F76x/F77x. For the F0, H7 and L4 lines only the RAM blocks are
    /// listed: what lies right below their RAM starts was not verified, so a
    /// stack there is reported "unknown", not "faults". Missing on purpose:
    /// STM32H742 (a RAM layout of its own in RM0433) and the second SRAM of
    /// the STM32H72x/73x (its address differs between sources).
    /// </para>
    /// </summary>
    public static class PartMaps
    {
        private const ulong KiB = 1024;

        /// <summary>The known lines, in the order they are matched.</summary>
        public static IReadOnlyList<PartMap> All { get; } = new[]
        {
            // RM0090 §2.3 (memory map) for the STM32F405/415/407/417: CCM
            // data RAM 64 KiB, SRAM1 112 KiB, SRAM2 16 KiB, backup SRAM 4 KiB;
            // reserved from the end of the 1 MiB flash (0x080FFFFF) up to the
            // CCM, and from the end of the option bytes (0x1FFFC007) up to
            // SRAM1. QEMU's netduinoplus2 (QEMU_NETDUINOPLUS2) models 192 KiB
            // of contiguous SRAM and no CCM; nothing below 0x20000000 either
            // (../shared/notes/qemu.md).
            new PartMap("STM32F40x/F41x", "RM0090 §2.3", new[] { "STM32F405", "STM32F407", "STM32F415", "STM32F417" }, new[]
            {
                new MemoryBlock("reserved", 0x08100000, 0x10000000, MemoryKind.Reserved),
                new MemoryBlock("CCM data RAM", 0x10000000, 0x10000000 + 64 * KiB, MemoryKind.Ram),
                new MemoryBlock("reserved", 0x1FFFC008, 0x20000000, MemoryKind.Reserved),
                new MemoryBlock("SRAM1", 0x20000000, 0x2001C000, MemoryKind.Ram),
                new MemoryBlock("SRAM2", 0x2001C000, 0x20020000, MemoryKind.Ram),
                new MemoryBlock("backup SRAM", 0x40024000, 0x40024000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0090 §2.3 for the STM32F427/437/429/439: SRAM3 64 KiB follows
            // SRAM2; flash up to 2 MiB (0x081FFFFF), option bytes up to
            // 0x1FFFC00F.
            new PartMap("STM32F42x/F43x", "RM0090 §2.3", new[] { "STM32F427", "STM32F429", "STM32F437", "STM32F439" }, new[]
            {
                new MemoryBlock("reserved", 0x08200000, 0x10000000, MemoryKind.Reserved),
                new MemoryBlock("CCM data RAM", 0x10000000, 0x10000000 + 64 * KiB, MemoryKind.Ram),
                new MemoryBlock("reserved", 0x1FFFC010, 0x20000000, MemoryKind.Reserved),
                new MemoryBlock("SRAM1", 0x20000000, 0x2001C000, MemoryKind.Ram),
                new MemoryBlock("SRAM2", 0x2001C000, 0x20020000, MemoryKind.Ram),
                new MemoryBlock("SRAM3", 0x20020000, 0x20030000, MemoryKind.Ram),
                new MemoryBlock("backup SRAM", 0x40024000, 0x40024000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0410 §2.2.2 (memory map) for the STM32F765/767/768/769/
            // 777/778/779: ITCM RAM 16 KiB, DTCM RAM 128 KiB, SRAM1 368 KiB,
            // SRAM2 16 KiB, backup SRAM 4 KiB; reserved from the end of the
            // option bytes (0x1FFF001F) up to the DTCM. Below the ITCM RAM an
            // access wraps to 0xFFFFFFxx: the Cortex-M7's vendor-specific
            // region from 0xE0100000 (ARMv7-M ARM §B3.1, the system address map), where the STM32F7 maps
            // nothing (its Cortex-M7 block holds only the private peripheral
            // bus, 0xE0000000-0xE00FFFFF).
            new PartMap("STM32F76x/F77x", "RM0410 §2.2.2", new[] { "STM32F765", "STM32F767", "STM32F768", "STM32F769", "STM32F777", "STM32F778", "STM32F779" }, new[]
            {
                new MemoryBlock("ITCM RAM", 0x00000000, 16 * KiB, MemoryKind.Ram),
                new MemoryBlock("reserved", 0x1FFF0020, 0x20000000, MemoryKind.Reserved),
                new MemoryBlock("DTCM RAM", 0x20000000, 0x20020000, MemoryKind.Ram),
                new MemoryBlock("SRAM1", 0x20020000, 0x2007C000, MemoryKind.Ram),
                new MemoryBlock("SRAM2", 0x2007C000, 0x20080000, MemoryKind.Ram),
                new MemoryBlock("backup SRAM", 0x40024000, 0x40024000 + 4 * KiB, MemoryKind.Ram),
                new MemoryBlock("reserved (Cortex-M7 vendor-specific region)", 0xE0100000, 0x100000000, MemoryKind.Reserved),
            }),

            // RM0091 §2.2 (memory map) for the STM32F0x1/F0x2/F0x8: SRAM at
            // 0x20000000, 4 KiB on the smallest parts (F031x4, F051x4).
            new PartMap("STM32F0x1/F0x2/F0x8", "RM0091 §2.2", new[] { "STM32F031", "STM32F038", "STM32F042", "STM32F048", "STM32F051", "STM32F058", "STM32F071", "STM32F072", "STM32F078", "STM32F091", "STM32F098" }, new[]
            {
                new MemoryBlock("SRAM", 0x20000000, 0x20000000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0360 §2.2 for the STM32F030/F070: SRAM at 0x20000000, 4 KiB on
            // the STM32F030x4/x6.
            new PartMap("STM32F030/F070", "RM0360 §2.2", new[] { "STM32F030", "STM32F070" }, new[]
            {
                new MemoryBlock("SRAM", 0x20000000, 0x20000000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0433 §2.3 (memory map) for the STM32H743/753/750: ITCM 64 KiB,
            // DTCM 128 KiB, AXI SRAM 512 KiB, SRAM1 128 KiB, SRAM2 128 KiB,
            // SRAM3 32 KiB, SRAM4 64 KiB, backup SRAM 4 KiB.
            new PartMap("STM32H743/H753/H750", "RM0433 §2.3", new[] { "STM32H743", "STM32H753", "STM32H750" }, new[]
            {
                new MemoryBlock("ITCM RAM", 0x00000000, 64 * KiB, MemoryKind.Ram),
                new MemoryBlock("DTCM RAM", 0x20000000, 0x20020000, MemoryKind.Ram),
                new MemoryBlock("AXI SRAM", 0x24000000, 0x24080000, MemoryKind.Ram),
                new MemoryBlock("SRAM1", 0x30000000, 0x30020000, MemoryKind.Ram),
                new MemoryBlock("SRAM2", 0x30020000, 0x30040000, MemoryKind.Ram),
                new MemoryBlock("SRAM3", 0x30040000, 0x30048000, MemoryKind.Ram),
                new MemoryBlock("SRAM4", 0x38000000, 0x38010000, MemoryKind.Ram),
                new MemoryBlock("backup SRAM", 0x38800000, 0x38800000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0455 §2.3 for the STM32H7A3/B3/B0: ITCM 64 KiB, DTCM 128 KiB,
            // AXI SRAM1-3 256 + 384 + 384 KiB, AHB SRAM1-2 64 KiB each, SRD
            // SRAM 32 KiB, backup SRAM 4 KiB.
            new PartMap("STM32H7A3/H7B3/H7B0", "RM0455 §2.3", new[] { "STM32H7A3", "STM32H7B3", "STM32H7B0" }, new[]
            {
                new MemoryBlock("ITCM RAM", 0x00000000, 64 * KiB, MemoryKind.Ram),
                new MemoryBlock("DTCM RAM", 0x20000000, 0x20020000, MemoryKind.Ram),
                new MemoryBlock("AXI SRAM1-3", 0x24000000, 0x24100000, MemoryKind.Ram),
                new MemoryBlock("AHB SRAM1-2", 0x30000000, 0x30020000, MemoryKind.Ram),
                new MemoryBlock("SRD SRAM", 0x38000000, 0x38008000, MemoryKind.Ram),
                new MemoryBlock("backup SRAM", 0x38800000, 0x38800000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0468 §2.3 for the STM32H723/725/730/733/735: ITCM 64 KiB and
            // AXI SRAM 128 KiB (the 192 KiB they share, TCM_AXI_SHARED, left
            // out: either may hold it), DTCM 128 KiB, SRAM1 16 KiB, SRAM4
            // 16 KiB, backup SRAM 4 KiB.
            new PartMap("STM32H72x/H73x", "RM0468 §2.3", new[] { "STM32H723", "STM32H725", "STM32H730", "STM32H733", "STM32H735" }, new[]
            {
                new MemoryBlock("ITCM RAM", 0x00000000, 64 * KiB, MemoryKind.Ram),
                new MemoryBlock("DTCM RAM", 0x20000000, 0x20020000, MemoryKind.Ram),
                new MemoryBlock("AXI SRAM", 0x24000000, 0x24020000, MemoryKind.Ram),
                new MemoryBlock("SRAM1", 0x30000000, 0x30004000, MemoryKind.Ram),
                new MemoryBlock("SRAM4", 0x38000000, 0x38004000, MemoryKind.Ram),
                new MemoryBlock("backup SRAM", 0x38800000, 0x38800000 + 4 * KiB, MemoryKind.Ram),
            }),

            // RM0351 §2.2 (memory map) for the STM32L47x/L48x/L49x/L4Ax: SRAM1
            // at 0x20000000 (96 KiB on the L47x/L48x), SRAM2 at 0x10000000
            // (32 KiB), also seen right above SRAM1.
            new PartMap("STM32L47x/L48x/L49x/L4Ax", "RM0351 §2.2", new[] { "STM32L471", "STM32L475", "STM32L476", "STM32L485", "STM32L486", "STM32L496", "STM32L4A6" }, new[]
            {
                new MemoryBlock("SRAM2", 0x10000000, 0x10000000 + 32 * KiB, MemoryKind.Ram),
                new MemoryBlock("SRAM1", 0x20000000, 0x20000000 + 96 * KiB, MemoryKind.Ram),
            }),

            // RM0394 §2.2 for the STM32L41x-L46x: SRAM1 at 0x20000000 (32 KiB
            // on the L41x/L42x), SRAM2 at 0x10000000 (8 KiB on the L41x/L42x).
            new PartMap("STM32L41x-L46x", "RM0394 §2.2", new[] { "STM32L412", "STM32L422", "STM32L431", "STM32L432", "STM32L433", "STM32L442", "STM32L443", "STM32L451", "STM32L452", "STM32L462" }, new[]
            {
                new MemoryBlock("SRAM2", 0x10000000, 0x10000000 + 8 * KiB, MemoryKind.Ram),
                new MemoryBlock("SRAM1", 0x20000000, 0x20000000 + 32 * KiB, MemoryKind.Ram),
            }),
        };

        /// <summary>The map of a part (e.g. "STM32F429ZI", any case), or null when the tool does not know it.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="part"/> is null.</exception>
        public static PartMap? Find(string part)
        {
            ArgumentNullException.ThrowIfNull(part);
            string upper = part.ToUpperInvariant();
            foreach (PartMap map in All)
            {
                foreach (string prefix in map.Prefixes)
                {
                    if (upper.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return map;
                    }
                }
            }

            return null;
        }
    }
}

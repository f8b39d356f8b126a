using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// Every board records its part, and what it declares about the part's RAM
    /// (for the linker's check) agrees with the memory map the tool knows (for
    /// its verdict): two statements of one fact, checked against each other.
    /// </summary>
    public class BoardPartTests
    {
        private static readonly Regex PartSymbol = new Regex(@"^\s*__safetymon_part_(?<part>[A-Za-z0-9]+)__\s*=", RegexOptions.Multiline);
        private static readonly Regex RamStart = new Regex(@"^\s*__part_ram_start_(?<n>[0-3])__\s*=\s*(?<value>0x[0-9A-Fa-f]+)\s*;", RegexOptions.Multiline);

        public static TheoryData<string> LinkedImages
        {
            get
            {
                var data = new TheoryData<string> { Images.QemuDemo, Images.QemuFlipped32k, Images.QemuMailboxControl };
                foreach (string preset in Images.BoardPresets)
                {
                    data.Add(Images.LinkProbe(preset));
                }

                foreach (string preset in Images.NanoFrameworkPresets)
                {
                    foreach (string image in new[] { "nanoBooter", "nanoBooter-DEBUG", "nanoCLR", "nanoCLR-DEBUG", "nanoCLR-control" })
                    {
                        data.Add(Images.NanoFramework(preset, image));
                    }
                }

                return data;
            }
        }

        /// <summary>The board folders and the memory files each must declare its part in.</summary>
        public static TheoryData<string> BoardMemoryFiles
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (string board in Directory.GetDirectories(Path.Combine(Images.Root, "boards")).Where(d => Path.GetFileName(d) != "common").OrderBy(d => d))
                {
                    data.Add(Path.GetRelativePath(Images.Root, Path.Combine(board, "memory.ld")));
                    foreach (string ram in Directory.GetFiles(board, "safetymonitor_ram.ld", SearchOption.AllDirectories).OrderBy(f => f))
                    {
                        data.Add(Path.GetRelativePath(Images.Root, ram));
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(BoardMemoryFiles))]
        public void EveryBoardDeclaresAKnownPartAndWhereItsRamStarts(string file)
        {
            string text = File.ReadAllText(Path.Combine(Images.Root, file));
            var parts = PartSymbol.Matches(text).Select(m => m.Groups["part"].Value).ToList();
            Assert.True(parts.Count == 1, $"{file} must record exactly one part (__safetymon_part_<PART>__ = ...;), found {parts.Count}");
            PartMap? map = PartMaps.Find(parts[0]);
            Assert.True(map != null, $"{file}: safetymon layout has no memory map of {parts[0]}");
            var starts = RamStart.Matches(text).ToList();
            Assert.Contains(starts, m => m.Groups["n"].Value == "0");
            foreach (Match start in starts)
            {
                ulong address = System.Convert.ToUInt64(start.Groups["value"].Value, 16);
                AssertRamStartWithReservedBelow(map!, parts[0], address, file);
            }
        }

        [Theory]
        [MemberData(nameof(BoardMemoryFiles))]
        public void TheRecordedPartIsTheBoardsMcu(string file)
        {
            // board.h names the part the board carries (BOARD_MCU); the memory
            // files must record that one, not a neighbour with another map.
            string board = file.Split('/', '\\')[1];
            string header = File.ReadAllText(Path.Combine(Images.Root, "boards", board, "board.h"));
            Match mcu = Regex.Match(header, @"#define BOARD_MCU ""(?<part>STM32[A-Z0-9]+)");
            Assert.True(mcu.Success, $"boards/{board}/board.h has no BOARD_MCU");
            string recorded = PartSymbol.Match(File.ReadAllText(Path.Combine(Images.Root, file))).Groups["part"].Value;
            Assert.Equal(mcu.Groups["part"].Value, recorded);
        }

        [Theory]
        [MemberData(nameof(LinkedImages))]
        public void EveryLinkedImageRecordsItsBoardsPartAndTheToolAgreesWithItsRamStarts(string image)
        {
            FirmwareImage elf = FirmwareImage.Read(Images.Bytes(image));
            var parts = elf.Symbols.Where(s => s.Name.StartsWith(LayoutReport.PartSymbolPrefix, System.StringComparison.Ordinal)).Select(s => s.Name).Distinct().ToList();
            Assert.Single(parts);
            string part = parts[0].Substring(LayoutReport.PartSymbolPrefix.Length).TrimEnd('_');
            PartMap map = PartMaps.Find(part)!;
            Assert.NotNull(map);
            var starts = elf.Symbols.Where(s => Regex.IsMatch(s.Name, "^__part_ram_start_[0-3]__$")).ToList();
            Assert.NotEmpty(starts);
            foreach (ElfSymbol start in starts)
            {
                AssertRamStartWithReservedBelow(map, part, start.Value, image);
            }
        }

        [Fact]
        public void MailboxControlImageIsAViolationNamingTheRamBelow()
        {
            // Linked with the region check off: the linker would refuse it.
            // The tool must find the fault from the part's map on its own.
            Run run = Run.Of("layout", Images.PathOf(Images.QemuMailboxControl));
            Assert.Equal(Program.Violated, run.Exit);
            Assert.Contains("stack main_stack (.mstack): RAM lies right below its region's origin 0x20000400: the STM32F405RG's SRAM1 0x20000000-0x2001C000 (RM0090 §2.3), 1 KiB of it below 0x20000400", run.Output);
            Assert.DoesNotContain("; an overflow faults", run.Output);
        }

        private static void AssertRamStartWithReservedBelow(PartMap map, string part, ulong address, string where)
        {
            Assert.True(map.At(address)?.Kind == MemoryKind.Ram, $"{where}: 0x{address:X8} is not RAM of the {part} ({map.Source})");
            ulong below = (address + 0xFFFFFFFF) % 0x100000000;
            Assert.True(map.At(below)?.Kind == MemoryKind.Reserved, $"{where}: 0x{address:X8} is declared a RAM start, but the {part}'s map ({map.Source}) does not show 0x{below:X8} reserved");
        }
    }
}

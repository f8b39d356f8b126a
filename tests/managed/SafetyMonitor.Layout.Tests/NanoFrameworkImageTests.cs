using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// The reference boards' flipped nanoBooter and nanoCLR layouts
    /// (boards/&lt;BOARD&gt;/nanoframework), linked by tests/cross/nanoframework
    /// against the stand-in nanoFramework rules files.
    /// </summary>
    public class NanoFrameworkImageTests
    {
        // preset, the CLR thread's region origin, the main stack's region
        // origin, the CLR thread's stack size (safetymonitor.cmake)
        public static TheoryData<string, string, string, int> Boards => new TheoryData<string, string, string, int>
        {
            { "st-stm32f429i-discovery", "0x10000000", "0x20000000", 4096 },
            { "st-stm32f769i-discovery", "0x20000000", "0x00000000", 6144 },
        };

        public static TheoryData<string, string> ClrImages
        {
            get
            {
                var data = new TheoryData<string, string>();
                foreach (string preset in Images.NanoFrameworkPresets)
                {
                    data.Add(preset, "nanoCLR");
                    data.Add(preset, "nanoCLR-DEBUG");
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void NanoClrImagePasses(string preset, string clrThreadOrigin, string mainStackOrigin, int clrThreadStackSize)
        {
            Run run = Run.Of("layout", Images.PathOf(Images.NanoFramework(preset, "nanoCLR")));
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
            Assert.Contains($"stack clr_thread_wa (.clr_thread_wa): {clrThreadOrigin}-", run.Output);
            Assert.Contains($"stack main_stack (.mstack): {mainStackOrigin}-", run.Output);
            Assert.Equal(2, CountOf(run.Output, "below it: nothing (the region's start); an overflow faults ("));
            Assert.Contains("guards stack clr_thread_wa", run.Output);
            Assert.Contains("below it: .clr_thread_wa; above it: ", run.Output);

            // The working area holds the whole stack plus ChibiOS's thread_t.
            StackReport clrThread = Report(Images.NanoFramework(preset, "nanoCLR")).Stacks.Single(s => s.Name == "clr_thread_wa");
            Assert.InRange((int)clrThread.Range.Size, clrThreadStackSize + 8, clrThreadStackSize + 1024);
        }

        [Theory]
        [MemberData(nameof(ClrImages))]
        public void DebugScriptsGiveTheSameLayout(string preset, string image)
        {
            LayoutReport release = Report(Images.NanoFramework(preset, "nanoCLR"));
            LayoutReport other = Report(Images.NanoFramework(preset, image));
            Assert.True(other.Holds, string.Join("; ", other.Violations));
            Assert.Equal(release.Stacks.Select(s => (s.Name, s.Range.Start, s.Region)), other.Stacks.Select(s => (s.Name, s.Range.Start, s.Region)));
            Assert.Equal(release.Area!.Range, other.Area!.Range);
        }

        [Theory]
        [InlineData("st-stm32f429i-discovery")]
        [InlineData("st-stm32f769i-discovery")]
        public void ControlWithNanoFrameworksRamRegionsFails(string preset)
        {
            // nanoFramework's own regions: the boot clipboard at 0x20000000,
            // 48 bytes, and the SRAM (F429) or DTCM (F769) region above it.
            Run run = Run.Of("layout", Images.PathOf(Images.NanoFramework(preset, "nanoCLR-control")));
            Assert.Equal(Program.Violated, run.Exit);
            string victim = preset.Contains("f429") ? "main_stack (.mstack)" : "clr_thread_wa (.clr_thread_wa)";
            Assert.Contains($"stack {victim}: RAM lies right below its region's origin 0x20000030: .boot_clipboard_section 0x20000000-0x20000030", run.Output);
            Assert.Contains("1 violation(s)", run.Output);
        }

        [Theory]
        [InlineData("st-stm32f429i-discovery")]
        [InlineData("st-stm32f769i-discovery")]
        public void BooterAndClrAgreeOnTheBootClipboardAboveTheStacks(string preset)
        {
            FirmwareImage booter = FirmwareImage.Read(Images.Bytes(Images.NanoFramework(preset, "nanoBooter")));
            FirmwareImage clr = FirmwareImage.Read(Images.Bytes(Images.NanoFramework(preset, "nanoCLR")));
            ElfSection booterClipboard = Section(booter, ".boot_clipboard_section");
            ElfSection clrClipboard = Section(clr, ".boot_clipboard_section");
            Assert.Equal(48u, clrClipboard.Size);
            Assert.Equal(clrClipboard.Address, booterClipboard.Address);
            Assert.Equal(clrClipboard.Size, booterClipboard.Size);

            // Out from under every stack: above each protected stack's region.
            foreach (StackReport stack in Report(Images.NanoFramework(preset, "nanoCLR")).Stacks)
            {
                Assert.True(clrClipboard.Address >= stack.Region.End, $"the boot clipboard 0x{clrClipboard.Address:X8} is not above {stack.Name}'s region {stack.Region}");
            }
        }

        [Theory]
        [InlineData("st-stm32f429i-discovery")]
        [InlineData("st-stm32f769i-discovery")]
        public void BooterMainStackIsFlippedToo(string preset)
        {
            // The nanoBooter has no monitor (no area), so `safetymon layout`
            // refuses it (exit 2); its main stack is checked here directly.
            FirmwareImage booter = FirmwareImage.Read(Images.Bytes(Images.NanoFramework(preset, "nanoBooter")));
            var symbols = booter.Symbols.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value);
            ElfSection mstack = Section(booter, ".mstack");
            Assert.Equal(0x20000000u, mstack.Address);
            Assert.Equal(symbols["__main_stack_region_start__"], mstack.Address);
            Assert.Equal(symbols["__main_stack_base__"], mstack.Address);
            Assert.DoesNotContain(booter.Sections, s => s.IsAllocated && s.Size > 0 && s.Address < mstack.Address && s.End >= mstack.Address);
        }

        [Theory]
        [MemberData(nameof(ClrImages))]
        public void WritesAWellFormedPictureOfEachNanoClrImage(string preset, string image)
        {
            string directory = Path.Combine(Images.Root, "build", "layout-maps");
            Directory.CreateDirectory(directory);
            string svg = Path.Combine(directory, $"{preset}-{image}.svg");
            Run run = Run.Of("layout", Images.PathOf(Images.NanoFramework(preset, image)), "--svg", svg);
            Assert.Equal(Program.Holds, run.Exit);
            XDocument doc = XDocument.Load(svg);
            var drawn = Drawn(doc);
            foreach (MapSection section in Report(Images.NanoFramework(preset, image)).Map.SelectMany(c => c.Sections))
            {
                Assert.Contains(section.Name, drawn);
            }

            Assert.Contains(".clr_thread_wa", drawn);
            Assert.Contains(".boot_clipboard_section", drawn);
            Assert.Contains(".clr_managed_heap", drawn);
        }

        [Theory]
        [InlineData("ST_STM32F429I_DISCOVERY", "st-stm32f429i-discovery")]
        [InlineData("ST_STM32F769I_DISCOVERY", "st-stm32f769i-discovery")]
        public void CommittedPictureMatchesTheLinkedImage(string board, string preset)
        {
            // README.md and docs/ show boards/<BOARD>/nanoframework/memory-map.svg;
            // `make maps` redraws it. It must show what the scripts link today.
            string committed = Path.Combine(Images.Root, "boards", board, "nanoframework", "memory-map.svg");
            XDocument doc = XDocument.Load(committed);
            LayoutReport report = Report(Images.NanoFramework(preset, "nanoCLR"));
            Assert.Equal(report.Map.SelectMany(c => c.Sections).Select(s => s.Name).OrderBy(n => n), Drawn(doc).OrderBy(n => n));
            string text = doc.ToString();
            foreach (var section in report.Map.SelectMany(c => c.Sections))
            {
                // Every section's start and size as drawn: a .bss that grew by 8 bytes makes the picture stale.
                Assert.True(text.Contains($"0x{section.Range.Start:X8}  {LayoutReport.Kib(section.Range.Size)}"),
                    $"{committed} is stale for {section.Name} (0x{section.Range.Start:X8}, {LayoutReport.Kib(section.Range.Size)}): run make maps");
            }

            foreach (StackReport stack in report.Stacks)
            {
                Assert.True(text.Contains($"0x{stack.Range.Start:X8}  {LayoutReport.Kib(stack.Range.Size)}"), $"{committed} is stale for {stack.Name} ({stack.Range}): run make maps");
            }

            Assert.True(text.Contains($"0x{report.Area!.Range.Start:X8}  {LayoutReport.Kib(report.Area.Range.Size)}"), $"{committed} is stale for the area: run make maps");
        }

        private static LayoutReport Report(string image) => LayoutReport.Analyse(image, FirmwareImage.Read(Images.Bytes(image)));

        private static ElfSection Section(FirmwareImage image, string name) => image.Sections.Single(s => s.Name == name);

        private static List<string> Drawn(XDocument doc)
        {
            XNamespace ns = "http://www.w3.org/2000/svg";
            return doc.Descendants(ns + "rect").Select(r => (string?)r.Attribute("data-name")).Where(n => n != null).Select(n => n!).ToList();
        }

        private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty).Length) / part.Length;
    }
}

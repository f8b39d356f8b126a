using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// What an overflow does, decided from the part's memory map and not from
    /// the linker region: generated images with a flipped stack at chosen
    /// addresses, the part recorded by the image or given with --part.
    /// </summary>
    public class OverflowVerdictTests
    {
        private static LayoutReport Report(ElfBuilder image, string? part = null) =>
            LayoutReport.Analyse("test.elf", FirmwareImage.Read(image.Build()), part);

        [Fact]
        public void StackAtSram1OfTheF405Faults()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Part("STM32F405RG").Build());
            Assert.Equal(Program.Holds, run.Exit);
            Assert.Contains("part: STM32F405RG (recorded by the image's link; memory map of the STM32F40x/F41x, RM0090 §2.3)", run.Output);
            Assert.Contains("below it: nothing (the region's start); an overflow faults (0x1FFFFFFF is reserved on the STM32F405RG: 0x1FFFC008-0x1FFFFFFF, RM0090 §2.3)", run.Output);
            Assert.Contains("result: the flipped layout holds", run.Output);
        }

        [Fact]
        public void MailboxBelowTheRegionIsRamNotAFault()
        {
            // The case the region alone cannot tell: the stack is at its
            // region's origin and no section lies below, but the region starts
            // 1 KiB into SRAM1.
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000400).Part("STM32F405RG").Build());
            Assert.Equal(Program.Violated, run.Exit);
            Assert.Contains("below it: no section of the image (the region's start); an overflow writes RAM (RAM lies right below it: the STM32F405RG's SRAM1 0x20000000-0x2001C000 (RM0090 §2.3), 1 KiB of it below 0x20000400)", run.Output);
            Assert.Contains("  - stack main_stack (.mstack): RAM lies right below its region's origin 0x20000400: the STM32F405RG's SRAM1", run.Output);
            Assert.DoesNotContain("an overflow faults", run.Output);
        }

        [Fact]
        public void RegionAtTheStartOfSram2HasAllOfSram1BelowIt()
        {
            StackReport stack = Report(ElfBuilder.Flipped(0x2001C000).Part("STM32F429ZI")).Stacks.Single();
            Assert.Equal(OverflowVerdict.WritesRam, stack.Overflow);
            Assert.Contains("SRAM1 0x20000000-0x2001C000 (RM0090 §2.3), 112 KiB of it below 0x2001C000", stack.OverflowReason);
        }

        [Fact]
        public void ItcmAtAddressZeroWrapsToTheVendorRegionAndFaults()
        {
            StackReport stack = Report(ElfBuilder.Flipped(0x00000000, 0x4000).Part("STM32F769NI")).Stacks.Single();
            Assert.Equal(OverflowVerdict.Faults, stack.Overflow);
            Assert.Equal("0xFFFFFFFF is reserved (Cortex-M7 vendor-specific region) on the STM32F769NI: 0xE0100000-0xFFFFFFFF, RM0410 §2.2.2", stack.OverflowReason);
        }

        [Fact]
        public void CcmOfTheF429Faults()
        {
            StackReport stack = Report(ElfBuilder.Flipped(0x10000000).Part("STM32F429ZI")).Stacks.Single();
            Assert.Equal(OverflowVerdict.Faults, stack.Overflow);
            Assert.StartsWith("0x0FFFFFFF is reserved on the STM32F429ZI: 0x08200000-0x0FFFFFFF", stack.OverflowReason);
        }

        [Fact]
        public void NoPartIsUnknownNeverFaults()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Build());
            Assert.Equal(Program.Unknown, run.Exit);
            Assert.Contains("part: unknown (the image records none; give --part)", run.Output);
            Assert.Contains("  below it: no section of the image (the region's start); unknown whether an overflow faults (", run.Output);
            Assert.Contains("unknown whether an overflow faults (the image records no part (__safetymon_part_<PART>__) and none was given (--part): what lies at 0x1FFFFFFF is unknown)", run.Output);
            Assert.Contains("result: unknown: the image breaks no rule, but for 1 stack(s) it is not known whether an overflow faults:", run.Output);
            Assert.DoesNotContain("; an overflow faults", run.Output);
        }

        [Fact]
        public void PartFromTheCommandLine()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Build(), "--part", "stm32f405rg");
            Assert.Equal(Program.Holds, run.Exit);
            Assert.Contains("part: stm32f405rg (--part; memory map of the STM32F40x/F41x, RM0090 §2.3)", run.Output);
        }

        [Fact]
        public void PartTheToolDoesNotKnowIsUnknown()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Build(), "--part", "STM32G474RE");
            Assert.Equal(Program.Unknown, run.Exit);
            Assert.Contains("part: STM32G474RE (--part; no memory map of it here)", run.Output);
            Assert.Contains("the tool has no memory map of the STM32G474RE: what lies at 0x1FFFFFFF is unknown", run.Output);
        }

        [Fact]
        public void MapThatDoesNotCoverTheAddressBelowIsUnknown()
        {
            // The F0's map lists its SRAM but not what lies below it (not verified).
            StackReport stack = Report(ElfBuilder.Flipped(0x20000000, 0x1000).Part("STM32F091RC")).Stacks.Single();
            Assert.Equal(OverflowVerdict.Unknown, stack.Overflow);
            Assert.Equal("the STM32F091RC's memory map here (RM0091 §2.2) does not say what lies at 0x1FFFFFFF", stack.OverflowReason);
        }

        [Fact]
        public void UnknownDoesNotMaskAViolation()
        {
            // No part, and the area is apart from the stack: violated (1), not unknown (3).
            ElfBuilder image = ElfBuilder.Flipped(0x20000000);
            image.Symbol(LayoutReport.AreaStart, 0x20000500).Symbol(LayoutReport.AreaEnd, 0x20000580);
            Run run = Run.OnBytes(image.Build());
            Assert.Equal(Program.Violated, run.Exit);
            Assert.Contains("touches no protected stack", run.Output);
        }

        [Fact]
        public void ContradictingPartIsRefused()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Part("STM32F405RG").Build(), "--part", "STM32F429ZI");
            Assert.Equal(Program.Unusable, run.Exit);
            Assert.Contains("--part STM32F429ZI contradicts the part the image records, STM32F405RG", run.Error);
            Assert.Equal(string.Empty, run.Output);
        }

        [Fact]
        public void SamePartOnTheCommandLineIsAccepted()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Part("STM32F405RG").Build(), "--part", "stm32f405rg");
            Assert.Equal(Program.Holds, run.Exit);
            Assert.Contains("part: stm32f405rg (--part;", run.Output);
        }

        [Theory]
        [InlineData("__safetymon_part___")]          // no part between prefix and suffix
        [InlineData("__safetymon_part_STM32F405RG")] // no closing __
        [InlineData("_safetymon_part_STM32F405RG__")]
        public void SymbolsThatOnlyLookLikeAPartAreNotOne(string symbol)
        {
            LayoutReport report = Report(ElfBuilder.Flipped(0x20000000).Symbol(symbol, 1));
            Assert.Null(report.Part);
            Assert.Equal(PartSource.None, report.PartFrom);
            Assert.Equal(LayoutResult.Unknown, report.Result);
        }

        [Fact]
        public void ExitCodesAreTheDocumentedOnes()
        {
            // docs/safetymon-layout.md: 0 holds, 1 violations, 2 unusable input, 3 unknown.
            Assert.Equal(0, Program.Holds);
            Assert.Equal(1, Program.Violated);
            Assert.Equal(2, Program.Unusable);
            Assert.Equal(3, Program.Unknown);
        }

        [Fact]
        public void TwoRecordedPartsAreRefused()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000000).Part("STM32F405RG").Part("STM32F429ZI").Build());
            Assert.Equal(Program.Unusable, run.Exit);
            Assert.Contains("the image records more than one part (STM32F405RG, STM32F429ZI)", run.Error);
        }

        [Fact]
        public void PartOptionNeedsAValue()
        {
            byte[] image = ElfBuilder.Flipped(0x20000000).Build();
            Assert.Equal(Program.Unusable, Run.OnBytes(image, "--part").Exit);
            Run run = Run.OnBytes(image, "--part", "--json");
            Assert.Equal(Program.Unusable, run.Exit);
            Assert.Contains("--part needs a part number", run.Error);
        }

        [Fact]
        public void StackAboveFreeRamOfItsRegionWritesThatRam()
        {
            ElfBuilder image = new ElfBuilder().Part("STM32F405RG")
                .Ram(".mstack", 0x20000100, 0x400).Ram(".stack_corruption_area", 0x20000500, 128)
                .Stack("main_stack", 0x20000100, 0x20000500, 0x20000000, 0x20010000)
                .Symbol(LayoutReport.AreaStart, 0x20000500).Symbol(LayoutReport.AreaEnd, 0x20000580);
            LayoutReport report = Report(image);
            Assert.Equal(OverflowVerdict.WritesRam, report.Stacks.Single().Overflow);
            Assert.Equal("its own region's RAM lies below it, from 0x20000000", report.Stacks.Single().OverflowReason);
            Assert.Equal(LayoutResult.Violated, report.Result);
        }

        [Fact]
        public void StackBelowItsRegionIsJudgedByWhatLiesBelowTheStack()
        {
            // Symbols that put the stack below its own region: a violation,
            // and the verdict is about the stack's base, 0x20000000.
            ElfBuilder image = new ElfBuilder().Part("STM32F405RG")
                .Ram(".mstack", 0x20000000, 0x400).Ram(".stack_corruption_area", 0x20000400, 128)
                .Stack("main_stack", 0x20000000, 0x20000400, 0x20000800, 0x20010000)
                .Symbol(LayoutReport.AreaStart, 0x20000400).Symbol(LayoutReport.AreaEnd, 0x20000480);
            LayoutReport report = Report(image);
            Assert.Equal(OverflowVerdict.Faults, report.Stacks.Single().Overflow);
            Assert.Contains(report.Violations, v => v.Contains("lies outside its region"));
        }

        [Fact]
        public void JsonCarriesTheVerdicts()
        {
            Run run = Run.OnBytes(ElfBuilder.Flipped(0x20000400).Part("STM32F405RG").Build(), "--json");
            Assert.Equal(Program.Violated, run.Exit);
            using JsonDocument json = JsonDocument.Parse(run.Output);
            JsonElement root = json.RootElement;
            Assert.Equal("violated", root.GetProperty("result").GetString());
            Assert.False(root.GetProperty("holds").GetBoolean());
            Assert.Equal("STM32F405RG", root.GetProperty("part").GetString());
            Assert.Equal("image", root.GetProperty("part_from").GetString());
            Assert.Equal("STM32F40x/F41x, RM0090 §2.3", root.GetProperty("part_map").GetString());
            JsonElement stack = root.GetProperty("stacks")[0];
            Assert.Equal("writes-ram", stack.GetProperty("overflow").GetString());
            Assert.Contains("SRAM1", stack.GetProperty("overflow_reason").GetString());
            Assert.Empty(root.GetProperty("unknowns").EnumerateArray());

            using JsonDocument unknown = JsonDocument.Parse(Run.OnBytes(ElfBuilder.Flipped(0x20000000).Build(), "--json").Output);
            Assert.Equal("unknown", unknown.RootElement.GetProperty("result").GetString());
            Assert.Equal(JsonValueKind.Null, unknown.RootElement.GetProperty("part").ValueKind);
            Assert.Equal("unknown", unknown.RootElement.GetProperty("stacks")[0].GetProperty("overflow").GetString());
            Assert.Single(unknown.RootElement.GetProperty("unknowns").EnumerateArray());

            using JsonDocument holds = JsonDocument.Parse(Run.OnBytes(ElfBuilder.Flipped(0x20000000).Build(), "--json", "--part", "STM32F405RG").Output);
            Assert.Equal("holds", holds.RootElement.GetProperty("result").GetString());
            Assert.True(holds.RootElement.GetProperty("holds").GetBoolean());
            Assert.Equal("command line", holds.RootElement.GetProperty("part_from").GetString());
            Assert.Equal("faults", holds.RootElement.GetProperty("stacks")[0].GetProperty("overflow").GetString());
        }

        [Theory]
        [InlineData(0x20000000u, "STM32F405RG", "flipped layout holds", "verdict", "an overflow faults")]
        [InlineData(0x20000400u, "STM32F405RG", "1 violation(s)", "violation", "RAM lies right below its region's origin 0x20000400")]
        [InlineData(0x20000000u, "STM32G474RE", "unknown whether an overflow faults", "unknown", "the tool has no memory map of the STM32G474RE")]
        public void SvgStatesTheSameAnswer(uint origin, string part, string title, string noteClass, string note)
        {
            string svg = Path.Combine(Path.GetTempPath(), $"safetymon-verdict-{origin:X8}-{part}.svg");
            Run run = Run.OnBytes(ElfBuilder.Flipped(origin).Build(), "--part", part, "--svg", svg);
            XDocument doc = XDocument.Load(svg);
            File.Delete(svg);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var texts = doc.Descendants(ns + "text").ToList();
            Assert.Contains(texts, t => t.Value == $"test: {title}" || t.Value.EndsWith($": {title}", System.StringComparison.Ordinal));
            Assert.Contains(texts, t => (string?)t.Attribute("class") == noteClass && t.Value.Contains(note));
            Assert.Contains(texts, t => (string?)t.Attribute("class") == "verdict" && t.Value.StartsWith("stack main_stack: ", System.StringComparison.Ordinal));
            Assert.NotEqual(Program.Unusable, run.Exit);
        }
    }
}

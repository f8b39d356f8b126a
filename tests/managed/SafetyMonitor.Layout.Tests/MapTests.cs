using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// The RAM map: which sections each column holds, and the SVG's geometry
    /// (every section inside its column, in address order, none overlapping).
    /// </summary>
    public class MapTests
    {
        private static LayoutReport Report(ElfBuilder image) => LayoutReport.Analyse("map.elf", FirmwareImage.Read(image.Build()), "STM32F405RG");

        private static LayoutReport Report(string image) => LayoutReport.Analyse(image, FirmwareImage.Read(Images.Bytes(image)));

        private static List<string> Names(MapColumn column) => column.Sections.Select(s => s.Name).ToList();

        [Fact]
        public void SectionsTouchingARegionFromBelowAndAboveJoinItsColumn()
        {
            ElfBuilder image = ElfBuilder.Flipped(0x20000100, 0x2000)
                .Ram(".below2", 0x20000000, 0x80).Ram(".below1", 0x20000080, 0x80)
                .Ram(".above", 0x20002100, 0x10).Ram(".apart", 0x20002200, 0x10);
            LayoutReport report = Report(image);
            MapColumn column = report.Map[0];
            Assert.Equal(new[] { ".below2", ".below1", ".mstack", ".stack_corruption_area", ".heap", ".above" }, Names(column));
            Assert.Equal(new AddressRange(0x20000000, 0x20002110), column.Range);
            Assert.Equal(new[] { ".apart" }, Names(report.Map[1]));
        }

        [Fact]
        public void EverySectionIsInExactlyOneColumn()
        {
            // Two stacks' regions side by side, a section filling the upper one
            // (it touches the lower one's end); a section between two regions
            // that touches both; none may be drawn twice.
            ElfBuilder image = new ElfBuilder()
                .Ram(".low", 0x10000000, 0x1000).Ram(".high", 0x10001000, 0x1000)
                .Ram(".between", 0x10002000, 0x100).Ram(".top", 0x10002100, 0xF00)
                .Stack("low", 0x10000000, 0x10001000, 0x10000000, 0x10001000)
                .Stack("high", 0x10001000, 0x10002000, 0x10001000, 0x10002000)
                .Stack("top", 0x10002100, 0x10003000, 0x10002100, 0x10003000)
                .Symbol(LayoutReport.AreaStart, 0x10003000).Symbol(LayoutReport.AreaEnd, 0x10003080);
            LayoutReport report = Report(image);
            var drawn = report.Map.SelectMany(c => c.Sections).Select(s => s.Name).OrderBy(n => n).ToList();
            Assert.Equal(new[] { ".between", ".high", ".low", ".top" }, drawn);
            Assert.Equal(new[] { ".low" }, Names(report.Map[0]));
            Assert.Equal(new[] { ".high", ".between" }, Names(report.Map[1]));
            Assert.Equal(new[] { ".top" }, Names(report.Map[2]));
        }

        [Theory]
        [InlineData(0x100000u, 1)]
        [InlineData(0x100001u, 2)]
        public void OtherRamSectionsShareAColumnWhenWithinOneMiB(uint gap, int columns)
        {
            ElfBuilder image = ElfBuilder.Flipped(0x20000000)
                .Ram(".first", 0x30000000, 0x10).Ram(".second", 0x30000010 + gap, 0x10);
            Assert.Equal(1 + columns, Report(image).Map.Count);
        }

        [Fact]
        public void OverlappingSectionsKeepTheirTableOrder()
        {
            // Two sections hold the stack (the first in the table names it),
            // and two start at the same address below it (listed in table order).
            ElfBuilder image = new ElfBuilder()
                .Ram(".b_below", 0x20000000, 0x80).Ram(".a_below", 0x20000000, 0x100)
                .Ram(".mstack", 0x20001000, 0x400).Ram(".ram_all", 0x20001000, 0x1000)
                .Ram(".stack_corruption_area", 0x20001400, 0x80)
                .Stack("main_stack", 0x20001000, 0x20001400, 0x20000000, 0x20010000)
                .Symbol(LayoutReport.AreaStart, 0x20001400).Symbol(LayoutReport.AreaEnd, 0x20001480);
            StackReport stack = Report(image).Stacks.Single();
            Assert.Equal(".mstack", stack.Section);
            Assert.Equal(new[] { ".b_below 0x20000000-0x20000080", ".a_below 0x20000000-0x20000100" }, stack.Below);

            ElfBuilder swapped = new ElfBuilder()
                .Ram(".ram_all", 0x20001000, 0x1000).Ram(".mstack", 0x20001000, 0x400)
                .Ram(".stack_corruption_area", 0x20001400, 0x80)
                .Stack("main_stack", 0x20001000, 0x20001400, 0x20001000, 0x20010000)
                .Symbol(LayoutReport.AreaStart, 0x20001400).Symbol(LayoutReport.AreaEnd, 0x20001480);
            Assert.Equal(".ram_all", Report(swapped).Stacks.Single().Section);
        }

        [Fact]
        public void TheNanoClrColumnsHoldWhatTheScriptsPutThere()
        {
            LayoutReport report = Report(Images.NanoFramework("st-stm32f429i-discovery", "nanoCLR"));
            Assert.Equal(new[] { ".clr_thread_wa", ".stack_corruption_area", ".heap" }, Names(report.Map[0]));
            Assert.Equal(".mstack", Names(report.Map[1])[0]);
            // The retained RAM (the fault record) ends SRAM's region and joins
            // its column; the boot clipboard lies 56 bytes above the record,
            // not touching it, and is drawn in a column of its own.
            Assert.Equal(".safetymonitor_retained", Names(report.Map[1])[^1]);
            Assert.Equal(new[] { ".boot_clipboard_section" }, Names(report.Map.Single(c => Names(c).Contains(".boot_clipboard_section"))));

            // nanoFramework's own regions: the boot clipboard below SRAM's
            // region joins the main stack's column, from below.
            LayoutReport control = Report(Images.NanoFramework("st-stm32f429i-discovery", "nanoCLR-control"));
            MapColumn sram = control.Map.Single(c => c.Title.Contains("main_stack"));
            Assert.Equal(new[] { ".boot_clipboard_section", ".mstack" }, Names(sram).Take(2));
            Assert.Equal(0x20000000ul, sram.Range.Start);
        }

        public static TheoryData<string> Pictures => new TheoryData<string>
        {
            Images.QemuDemo,
            Images.QemuConventionalControl,
            Images.NanoFramework("st-stm32f429i-discovery", "nanoCLR"),
            Images.NanoFramework("st-stm32f769i-discovery", "nanoCLR"),
            Images.NanoFramework("st-stm32f429i-discovery", "nanoCLR-control"),
        };

        [Theory]
        [MemberData(nameof(Pictures))]
        public void EverySectionIsDrawnInsideItsColumnInAddressOrder(string image)
        {
            AssertGeometry(SvgMap.Draw(Report(image)));
        }

        [Fact]
        public void ManyChainedSectionsStillFitTheirColumn()
        {
            AssertGeometry(SvgMap.Draw(LayoutReport.Analyse("chained.elf", FirmwareImage.Read(ScalingTests.Chained(300).Build()))));
        }

        // Column boxes are the dashed rects; the section rects of a group lie
        // inside its box, each above (lower y) the one before it.
        private static void AssertGeometry(string svg)
        {
            XNamespace ns = "http://www.w3.org/2000/svg";
            XDocument doc = XDocument.Parse(svg);
            foreach (XElement group in doc.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "region"))
            {
                var rects = group.Elements(ns + "rect").ToList();
                XElement box = rects.First(r => r.Attribute("stroke-dasharray") != null);
                double top = Number(box, "y");
                double bottom = top + Number(box, "height");
                double previousTop = bottom + 0.05;
                foreach (XElement section in rects.Where(r => (string?)r.Attribute("class") == "section"))
                {
                    double y = Number(section, "y");
                    double h = Number(section, "height");
                    string name = (string)section.Attribute("data-name")!;
                    Assert.True(y >= top - 0.05, $"{name} starts above its column ({y} < {top})");
                    Assert.True(y + h <= previousTop + 0.15, $"{name} overlaps the section below it ({y + h} > {previousTop})");
                    Assert.True(h > 0, $"{name} has no height");
                    previousTop = y;
                }
            }
        }

        private static double Number(XElement element, string attribute) =>
            double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
    }
}

using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>The tool on the firmware images this project builds.</summary>
    public class RealImageTests
    {
        public static TheoryData<string> FlippedImages => new TheoryData<string> { Images.QemuDemo, Images.QemuFlipped32k };

        [Theory]
        [MemberData(nameof(FlippedImages))]
        public void FlippedImagesPass(string image)
        {
            Run run = Run.Of("layout", Images.PathOf(image));
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
            Assert.Contains("stack main_stack (.mstack): 0x20000000-", run.Output);
            Assert.Contains("below it: nothing (the region's start)", run.Output);
            Assert.Contains("guards stack main_stack", run.Output);
            Assert.Contains("result: the flipped layout holds", run.Output);
        }

        [Fact]
        public void ConventionalControlImageFailsNamingTheViolation()
        {
            Run run = Run.Of("layout", Images.PathOf(Images.QemuConventionalControl));
            Assert.Equal(Program.Violated, run.Exit);
            Assert.Contains("stack main_stack (.mstack) does not start at its region's origin 0x20000000", run.Output);
            Assert.Contains(".data 0x20000000-", run.Output);
            Assert.Contains(".bss ", run.Output);
        }

        [Fact]
        public void JsonReportCarriesTheFindings()
        {
            Run run = Run.Of("layout", Images.PathOf(Images.QemuConventionalControl), "--json");
            Assert.Equal(Program.Violated, run.Exit);
            using JsonDocument json = JsonDocument.Parse(run.Output);
            Assert.False(json.RootElement.GetProperty("holds").GetBoolean());
            JsonElement stack = json.RootElement.GetProperty("stacks")[0];
            Assert.Equal("main_stack", stack.GetProperty("name").GetString());
            Assert.False(stack.GetProperty("at_region_origin").GetBoolean());
            Assert.Equal(128ul, json.RootElement.GetProperty("area").GetProperty("size").GetUInt64());
            Assert.Single(json.RootElement.GetProperty("violations").EnumerateArray());
        }

        [Theory]
        [InlineData(Images.QemuDemo)]
        [InlineData(Images.QemuConventionalControl)]
        public void SvgIsWellFormedAndDrawsEverySectionItReports(string image)
        {
            string svg = Path.Combine(Path.GetTempPath(), Path.GetFileNameWithoutExtension(image) + "-map.svg");
            Run run = Run.Of("layout", Images.PathOf(image), "--svg", svg);
            Assert.Contains("map: " + svg, run.Output);
            XDocument doc = XDocument.Load(svg);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", doc.Root!.Name);
            var drawn = doc.Descendants(ns + "rect").Select(r => (string?)r.Attribute("data-name")).Where(n => n != null).ToList();
            var report = LayoutReport.Analyse(image, FirmwareImage.Read(Images.Bytes(image)));
            foreach (var section in report.Map.SelectMany(c => c.Sections))
            {
                Assert.Contains(section.Name, drawn);
            }

            Assert.Contains(".mstack", drawn);
            Assert.Contains(".stack_corruption_area", drawn);
            File.Delete(svg);
        }
    }
}

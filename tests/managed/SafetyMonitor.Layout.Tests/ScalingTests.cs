using System;
using System.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// The report's work grows as n log n with the number of RAM sections
    /// (chained sections once made it cubic: 0.9 / 5.1 / 37 s for 1,000 /
    /// 2,000 / 4,000). Checked by counting the sections the analysis and the
    /// drawing look at, which is the same on every machine; the times are in
    /// docs/safetymon-layout.md (managed/tools/SafetyMonitor.Layout.Bench).
    /// </summary>
    public class ScalingTests
    {
        /// <summary>
        /// A flipped stack region of 64 KiB at 0x20000000 and n RAM sections of
        /// 16 bytes chained from its end upwards, each touching the next:
        /// all of them join the region's column in the map.
        /// </summary>
        internal static ElfBuilder Chained(int n)
        {
            ElfBuilder image = ElfBuilder.Flipped(0x20000000).Part("STM32F405RG");
            for (int i = 0; i < n; i++)
            {
                image.Ram($".chain{i}", (uint)(0x20010000 + 16 * i), 16);
            }

            return image;
        }

        private static (long Analysis, long Drawing, LayoutReport Report) Work(int n)
        {
            FirmwareImage image = FirmwareImage.Read(Chained(n).Build());
            var analysis = new WorkCounter();
            LayoutReport report = LayoutReport.Analyse("chained.elf", image, null, analysis);
            var drawing = new WorkCounter();
            SvgMap.Draw(report, drawing);
            return (analysis.Visits, drawing.Visits, report);
        }

        [Fact]
        public void ChainedSectionsAllJoinTheStacksColumn()
        {
            LayoutReport report = Work(500).Report;
            MapColumn column = report.Map[0];
            Assert.Equal(3 + 500, column.Sections.Count);
            Assert.Equal(0x20010000ul + 16 * 500, column.Range.End);
            Assert.Equal(".chain499", column.Sections[^1].Name);
            Assert.Single(report.Map);
        }

        [Fact]
        public void WorkGrowsAsNLogN()
        {
            (long a1, long d1, _) = Work(1000);
            (long a4, long d4, _) = Work(4000);
            double nLogN1 = 1000 * Math.Log2(1000);
            double nLogN4 = 4000 * Math.Log2(4000);

            // n log n predicts a ratio of 4.8 from 1,000 to 4,000 sections;
            // n^2 would give 16, n^3 64.
            Assert.True(a4 < 6.0 * a1, $"analysis: {a1} visits for 1,000 sections, {a4} for 4,000");
            Assert.True(d4 < 6.0 * d1, $"drawing: {d1} visits for 1,000 sections, {d4} for 4,000");
            Assert.True(a4 <= 4 * nLogN4 && a1 <= 4 * nLogN1, $"analysis: {a1}, {a4} visits exceed 4 n log2 n");
            Assert.True(d4 <= 4 * nLogN4, $"drawing: {d4} visits exceed 4 n log2 n");

            // And the counter counts: the work is at least one visit per section.
            Assert.True(a4 >= 4000 && d4 >= 4000, $"{a4}, {d4}");
        }
    }
}

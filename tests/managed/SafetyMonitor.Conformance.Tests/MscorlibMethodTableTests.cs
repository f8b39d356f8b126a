using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The method table derivation against the metadata processor's own output
    /// for the real mscorlib.dll of nanoFramework.CoreLibrary 1.17.11: the
    /// method_lookup nf-interpreter carries for it (fixture
    /// corlib_native-5269a23.txt) and the checksum 0x1549C856 its nuspec requires.
    /// </summary>
    public class MscorlibMethodTableTests
    {
        private const uint MscorlibChecksum = 0x1549C856;

        // The metadata processor names mscorlib's handlers after the skeleton
        // project, corlib_native (CoreLibrary.nfproj: NF_GenerateSkeletonProjectName).
        private const string CorlibHandlerPrefix = "Library_corlib_native_";

        private static readonly Lazy<NativeMethodTable> Table = new Lazy<NativeMethodTable>(() => NativeMethodTable.FromFile(NanoFrameworkReferences.MscorlibPath()));

        internal static List<string> PublishedLookup() =>
            NativeChecksumTests.Fixture("corlib_native-5269a23.txt").Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .ToList();

        /// <summary>The first slot where two tables differ, with both names; null when equal.</summary>
        internal static string FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
        {
            for (int slot = 0; slot < Math.Max(expected.Count, actual.Count); slot++)
            {
                string e = slot < expected.Count ? expected[slot] : "(none)";
                string a = slot < actual.Count ? actual[slot] : "(none)";
                if (e != a)
                {
                    return $"slot {slot} of {expected.Count}/{actual.Count}: nf-interpreter has {e}, derived {a}";
                }
            }

            return null;
        }

        [Fact]
        public void FixtureHoldsThePublishedTable()
        {
            List<string> published = PublishedLookup();
            Assert.Equal(803, published.Count);
            Assert.Equal(249, published.Count(s => s != "NULL"));
            Assert.All(published, s => Assert.True(s == "NULL" || s.StartsWith(CorlibHandlerPrefix, StringComparison.Ordinal), s));
        }

        [Fact]
        public void RealMscorlibGivesThePublishedChecksum()
        {
            Assert.Equal($"0x{MscorlibChecksum:X8}", $"0x{Table.Value.Checksum:X8}");
        }

        [Fact]
        public void RealMscorlibGivesTheTableSizes()
        {
            Assert.Equal((803, 249), (Table.Value.Entries.Count, Table.Value.NativeEntries.Count()));
        }

        [Fact]
        public void RealMscorlibGivesThePublishedTableSlotBySlot()
        {
            var derived = Table.Value.Entries.Select(e => e.LookupText(CorlibHandlerPrefix)).ToList();
            string difference = FirstDifference(PublishedLookup(), derived);
            Assert.True(difference == null, difference);
        }

        [Fact]
        public void ControlFirstDifferenceNamesTheSlotAndBothHandlers()
        {
            List<string> published = PublishedLookup();
            var swapped = published.ToList();
            int first = swapped.FindIndex(s => s != "NULL");
            swapped[first] = "NULL";
            Assert.Null(FirstDifference(published, published));
            Assert.Equal($"slot {first} of 803/803: nf-interpreter has {published[first]}, derived NULL", FirstDifference(published, swapped));
            Assert.Contains("derived (none)", FirstDifference(published, published.Take(802).ToList()));
        }
    }
}

using System;
using System.Linq;
using Xunit;
using static SafetyMonitor.Layout.Tests.LittleEndian;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// ELF extended section numbering (System V ABI, "Sections"): e_shnum 0
    /// with the count in section 0's sh_size, e_shstrndx SHN_XINDEX (0xffff)
    /// with the index in section 0's sh_link, as readelf reads them. The tool
    /// reads such images like any other.
    /// </summary>
    public class ExtendedNumberingTests
    {
        private static ElfBuilder Image(bool count, bool nameIndex)
        {
            ElfBuilder image = ElfBuilder.Flipped(0x20000000).Part("STM32F405RG");
            image.ExtendedCount = count;
            image.ExtendedNameIndex = nameIndex;
            return image;
        }

        [Theory]
        [InlineData(true, false)]
        [InlineData(false, true)]
        [InlineData(true, true)]
        public void ReadsTheSameImageWrittenEitherWay(bool count, bool nameIndex)
        {
            FirmwareImage plain = FirmwareImage.Read(Image(false, false).Build());
            FirmwareImage extended = FirmwareImage.Read(Image(count, nameIndex).Build());
            // Section 0 carries the count or the index; every other section and symbol is the same.
            Assert.Equal(8, extended.Sections.Count);
            Assert.Equal(plain.Sections.Skip(1).Select(s => (s.Name, s.Address, s.Size)), extended.Sections.Skip(1).Select(s => (s.Name, s.Address, s.Size)));
            Assert.Equal(plain.Symbols.Select(s => (s.Name, s.Value)), extended.Symbols.Select(s => (s.Name, s.Value)));
            Run run = Run.OnBytes(Image(count, nameIndex).Build());
            Assert.Equal(Program.Holds, run.Exit);
            Assert.Equal(WithoutFileName(Run.OnBytes(Image(false, false).Build()).Output), WithoutFileName(run.Output));
        }

        [Fact]
        public void ReadsAnImageWithMoreSectionsThanE_ShnumHolds()
        {
            // 65,300 sections: more than SHN_LORESERVE (0xff00), so the count
            // and the name table's index only fit in section 0.
            ElfBuilder image = Image(true, true);
            for (int i = 0; i < 65300; i++)
            {
                image.Other($".s{i}");
            }

            byte[] bytes = image.Build();
            Assert.Equal(0, bytes[48] | (bytes[49] << 8));
            Assert.Equal(0xFFFF, bytes[50] | (bytes[51] << 8));
            FirmwareImage elf = FirmwareImage.Read(bytes);
            Assert.Equal(1 + 4 + 65300 + 3, elf.Sections.Count);
            Assert.Equal(".s65299", elf.Sections[1 + 4 + 65299].Name);
            Assert.Equal(".shstrtab", elf.Sections[^1].Name);
            Run run = Run.OnBytes(bytes);
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        private static string WithoutFileName(string output) => output.Substring(output.IndexOf('\n', StringComparison.Ordinal));

        private static byte[] Patched(byte[] image, Action<byte[]> change)
        {
            change(image);
            return image;
        }

        private static void AssertRefused(byte[] image, string expected) => Run.OnBytes(image).AssertUnusable(expected);

        [Fact]
        public void CountOfZeroInSectionZeroTooIsRefused() =>
            AssertRefused(Patched(Image(true, false).Build(), b => PutU32(b, (int)U32(b, 32) + 20, 0)),
                "the image has no sections (e_shnum is 0, and so is section 0's sh_size)");

        [Fact]
        public void CountInSectionZeroPastTheFileIsRefused()
        {
            byte[] image = Patched(Image(true, false).Build(), b => PutU32(b, (int)U32(b, 32) + 20, 0x01000000));
            AssertRefused(image, $"section table out of range: 16777216 headers at offset {U32(image, 32)} need");
        }

        [Fact]
        public void NameIndexInSectionZeroOutsideTheTableIsRefused() =>
            AssertRefused(Patched(Image(false, true).Build(), b => PutU32(b, (int)U32(b, 32) + 24, 70000)),
                "section name table index 70000 is outside the 8 sections");

        [Fact]
        public void SectionZeroOutsideTheFileIsRefused()
        {
            byte[] image = Image(true, true).Build();
            uint table = U32(image, 32);
            AssertRefused(image.Take((int)table + 30).ToArray(), $"section table out of range: section 0 at offset {table} needs {table + 40} bytes");
        }

        [Fact]
        public void NoSectionTableOffsetIsRefused() =>
            AssertRefused(Patched(Image(false, false).Build(), b => PutU32(b, 32, 0)), "the image has no section table (e_shoff is 0)");
    }
}

using System;
using System.Linq;
using Xunit;
using static SafetyMonitor.Layout.Tests.LittleEndian;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>Input the tool cannot use gives exit 2 and a clear message, never an exception.</summary>
    public class MalformedInputTests
    {
        private static readonly byte[] Valid = Images.Bytes(Images.QemuDemo);

        // Where each field of the ELF32 header starts (System V ABI): the
        // identification bytes, then e_type .. e_shstrndx.
        public static TheoryData<int> HeaderFieldOffsets => new TheoryData<int>
        {
            0, 1, 2, 3, 4, 5, 6, 7, 16, 18, 20, 24, 28, 32, 36, 40, 42, 44, 46, 48, 50, 51,
        };

        private static void AssertUnusable(Run run, string expected) => run.AssertUnusable(expected);

        private static byte[] Patched(Action<byte[]> change)
        {
            byte[] copy = (byte[])Valid.Clone();
            change(copy);
            return copy;
        }

        [Theory]
        [MemberData(nameof(HeaderFieldOffsets))]
        public void TruncatedAtEveryHeaderField(int length)
        {
            AssertUnusable(Run.OnBytes(Valid.Take(length).ToArray()), "safetymon layout:");
        }

        [Fact]
        public void TruncatedInsideTheSectionTable()
        {
            uint table = U32(Valid, 32);
            AssertUnusable(Run.OnBytes(Valid.Take((int)table + 60).ToArray()), "section table out of range");
        }

        [Fact]
        public void WrongMagic() => AssertUnusable(Run.OnBytes(Patched(b => b[1] = (byte)'X')), "not an ELF file");

        [Fact]
        public void Elf64() => AssertUnusable(Run.OnBytes(Patched(b => b[4] = 2)), "ELF64 image");

        [Fact]
        public void BigEndian() => AssertUnusable(Run.OnBytes(Patched(b => b[5] = 2)), "big-endian image");

        [Fact]
        public void WrongMachine() => AssertUnusable(Run.OnBytes(Patched(b => PutU16(b, 18, 62))), "not an ARM image: e_machine is 62");

        [Fact]
        public void SectionTableOutOfRange() => AssertUnusable(Run.OnBytes(Patched(b => PutU32(b, 32, 0x7FFFFFF0))), "section table out of range");

        [Fact]
        public void NoSectionTable() => AssertUnusable(Run.OnBytes(Patched(b => PutU16(b, 48, 0))), "the image has no sections (e_shnum is 0, and so is section 0's sh_size)");

        [Fact]
        public void SectionNameTableOutsideTheTable() => AssertUnusable(Run.OnBytes(Patched(b => PutU16(b, 50, 999))), "section name table index 999");

        [Fact]
        public void SectionNameTableIndexJustPastTheTable()
        {
            byte[] image = ElfBuilder.Flipped(0x20000000).Build();
            int count = image[48] | (image[49] << 8);
            PutU16(image, 50, count);
            AssertUnusable(Run.OnBytes(image), $"section name table index {count} is outside the {count} sections");
        }

        [Fact]
        public void SectionDataEndingTheFileIsRead()
        {
            // The section table first, so .shstrtab's data ends exactly at the
            // file's end: inside the file, not outside it.
            ElfBuilder builder = ElfBuilder.Flipped(0x20000000).Part("STM32F405RG");
            builder.SectionTableFirst = true;
            byte[] image = builder.Build();
            int table = (int)U32(image, 32);
            int count = image[48] | (image[49] << 8);
            int last = table + (count - 1) * 40;
            Assert.Equal(image.Length, (int)(U32(image, last + 16) + U32(image, last + 20)));
            Run run = Run.OnBytes(image);
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        [Fact]
        public void SymbolTableLinkedToSectionZeroIsRefusedEvenIfSectionZeroClaimsToBeStrings()
        {
            // Section 0 is SHT_NULL; an sh_link of 0 means "no section". Here
            // section 0 is made to look like a string table over the real one.
            byte[] image = Patched(b =>
            {
                uint table = U32(b, 32);
                int count = b[48] | (b[49] << 8);
                for (int i = 1; i < count; i++)
                {
                    int at = (int)table + i * 40;
                    if (U32(b, at + 4) == 2)
                    {
                        int strings = (int)U32(b, at + 24);
                        PutU32(b, (int)table + 4, 3);
                        PutU32(b, (int)table + 16, U32(b, (int)table + strings * 40 + 16));
                        PutU32(b, (int)table + 20, U32(b, (int)table + strings * 40 + 20));
                        PutU32(b, at + 24, 0);
                    }
                }
            });
            // LibObjectFile refuses section 0 first: it must be SHT_NULL.
            AssertUnusable(Run.OnBytes(image), "Invalid Section [0] StringTable. Expecting Null (and 1 more)");
        }

        [Fact]
        public void SymbolTableMissing()
        {
            // Turn every SHT_SYMTAB (2) section into SHT_PROGBITS (1).
            byte[] image = Patched(b =>
            {
                uint table = U32(b, 32);
                int count = b[48] | (b[49] << 8);
                for (int i = 0; i < count; i++)
                {
                    int type = (int)table + i * 40 + 4;
                    if (U32(b, type) == 2)
                    {
                        PutU32(b, type, 1);
                    }
                }
            });
            AssertUnusable(Run.OnBytes(image), "no symbol table (.symtab)");
        }

        [Fact]
        public void SectionDataOutsideTheFile()
        {
            byte[] image = Patched(b =>
            {
                uint table = U32(b, 32);
                PutU32(b, (int)table + 1 * 40 + 16, 0x7FFF0000); // section 1's offset
            });
            AssertUnusable(Run.OnBytes(image), "lies outside the file");
        }

        [Fact]
        public void ImageWithoutSafetyMonitorSymbols()
        {
            // A valid ELF32 ARM image whose symbols are renamed: no protected stack.
            byte[] image = Patched(b =>
            {
                byte[] marker = System.Text.Encoding.ASCII.GetBytes("_region_start__");
                for (int i = 0; i + marker.Length <= b.Length; i++)
                {
                    if (b.AsSpan(i, marker.Length).SequenceEqual(marker))
                    {
                        b[i + 1] = (byte)'R';
                    }
                }
            });
            AssertUnusable(Run.OnBytes(image), "no protected stack symbols");
        }

        [Fact]
        public void MissingFile() => AssertUnusable(Run.Of("layout", "/nonexistent/firmware.elf"), "cannot read");
    }

    /// <summary>Random damage to a valid image never makes the tool crash.</summary>
    public class MutationPropertyTests
    {
        [Fact]
        public void RandomMutationsNeverCrashTheTool()
        {
            byte[] valid = Images.Bytes(Images.QemuDemo);
            var random = new Random(20261121);
            int[] exits = new int[4];
            for (int iteration = 0; iteration < 3000; iteration++)
            {
                byte[] image = (byte[])valid.Clone();
                switch (iteration % 4)
                {
                    case 0: // a few random bytes anywhere
                        for (int i = random.Next(1, 8); i > 0; i--)
                        {
                            image[random.Next(image.Length)] = (byte)random.Next(256);
                        }

                        break;
                    case 1: // a random byte in the header or the section table
                        int table = (int)(image[32] | (image[33] << 8) | (image[34] << 16) | (image[35] << 24));
                        int at = random.Next(2) == 0 ? random.Next(52) : table + random.Next(Math.Max(1, Math.Min(image.Length - table, 40 * 24)));
                        image[Math.Min(at, image.Length - 1)] = (byte)random.Next(256);
                        break;
                    case 2: // truncated anywhere
                        image = image.Take(random.Next(image.Length)).ToArray();
                        break;
                    default: // a run of garbage
                        int start = random.Next(image.Length);
                        for (int i = start; i < Math.Min(image.Length, start + random.Next(1, 64)); i++)
                        {
                            image[i] = (byte)random.Next(256);
                        }

                        break;
                }

                Run run = Run.OnBytes(image);
                Assert.InRange(run.Exit, 0, 3);
                exits[run.Exit]++;

                // Memory bounded by the file, whatever it claims (LibObjectFile
                // alone allocates gigabytes for some of these claims).
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    FirmwareImage.Read(image);
                }
                catch (ElfFormatException)
                {
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated <= 16L * valid.Length, $"mutation {iteration}: {allocated} bytes allocated reading a {image.Length}-byte file");
            }

            // The mutations reached both refusal and acceptance paths.
            Assert.True(exits[Program.Unusable] > 0 && exits[Program.Holds] + exits[Program.Violated] > 0,
                $"exit counts 0/1/2/3: {exits[0]}/{exits[1]}/{exits[2]}/{exits[3]}");
        }
    }
}

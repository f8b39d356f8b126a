using System;
using System.Linq;
using System.Text;
using Xunit;
using static SafetyMonitor.Layout.Tests.LittleEndian;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// One test per way LibObjectFile 2.3.1 fails on damaged input, measured
    /// when it was chosen (docs/safetymon-layout.md): each input is
    /// refused with exit 2 and one line, by ElfBounds before the library reads
    /// it, or by the library's own diagnostic or exception, named. Where a
    /// bound has a limit, a control just inside it is read.
    /// </summary>
    public class ElfBoundsTests
    {
        private static readonly byte[] Valid = Images.Bytes(Images.QemuDemo);

        private static void AssertUnusable(byte[] image, string expected) => Run.OnBytes(image).AssertUnusable(expected);

        /// <summary>Offset of the section header of the first section of this type in the demo image.</summary>
        private static int Header(byte[] b, uint type, int skip = 0)
        {
            int table = (int)U32(b, 32);
            int count = b[48] | (b[49] << 8);
            return Enumerable.Range(1, count - 1).Select(i => table + (i * 40)).Where(at => U32(b, at + 4) == type).Skip(skip).First();
        }

        private static byte[] Patched(Action<byte[]> change)
        {
            byte[] copy = (byte[])Valid.Clone();
            change(copy);
            return copy;
        }

        // LibObjectFile reads the "gap" up to e_phoff into memory: 3.4 GB and
        // still going after 20 s for an e_phoff of 0x7FFFFFF0.
        [Fact]
        public void ProgramHeaderTableOutOfRange() =>
            AssertUnusable(Patched(b => PutU32(b, 28, 0x7FFFFFF0)), "program header table out of range: 3 headers at offset 2147483632");

        [Theory]
        [InlineData(3)]
        [InlineData(0)]
        public void ProgramHeaderSizeOtherThanElf32s(int headers) =>
            AssertUnusable(Patched(b => { PutU16(b, 42, 7); PutU16(b, 44, headers); }), "program header size 7, ELF32 has 32");

        [Fact]
        public void ProgramHeaderTableOneBytePastTheEnd() =>
            AssertUnusable(Patched(b => PutU32(b, 28, (uint)(b.Length - (3 * 32) + 1))), "program header table out of range: 3 headers at offset");

        [Fact]
        public void TruncatedInsideTheLastSectionHeader()
        {
            int count = Valid[48] | (Valid[49] << 8);
            int end = (int)U32(Valid, 32) + (count * 40);
            AssertUnusable(Valid.Take(end - 1).ToArray(), $"section table out of range: {count} headers at offset");
        }

        [Fact]
        public void OneByteStringTableThatIsNotANul()
        {
            byte[] image = Patched(b =>
            {
                int at = Header(b, 1);
                PutU32(b, at + 4, 3);
                PutU32(b, at + 20, 1);
                b[U32(b, at + 16)] = (byte)'x';
            });
            AssertUnusable(image, "does not end with a NUL byte");
        }

        // A string table's sh_size of 0x7FFFFFF0: OutOfMemoryException in the library.
        [Fact]
        public void StringTableClaimingTwoGigabytes() =>
            AssertUnusable(Patched(b => PutU32(b, Header(b, 3) + 20, 0x7FFFFFF0)), "lies outside the file: 2147483632 bytes at offset");

        // The library rents a buffer of n_namesz bytes for a note's name (1.1 GB measured) before it reads it.
        [Fact]
        public void NoteClaimingMoreThanItsSection()
        {
            byte[] image = Patched(b =>
            {
                int at = Header(b, 1);
                PutU32(b, at + 4, 7); // SHT_NOTE
                PutU32(b, at + 20, 12); // exactly one note header
                int data = (int)U32(b, at + 16);
                PutU32(b, data, 0x7FFFFFF0); // n_namesz
                PutU32(b, data + 4, 0);
            });
            AssertUnusable(image, "claims 2147483632 name and 0 descriptor bytes, more than its section holds");
        }

        /// <summary>A section made a note table whose one note fills it exactly: read (the control of the note bound).</summary>
        [Fact]
        public void NoteFillingItsSectionExactlyIsRead()
        {
            byte[] image = Patched(b =>
            {
                int at = Header(b, 1);
                PutU32(b, at + 4, 7);
                int data = (int)U32(b, at + 16);
                uint size = U32(b, at + 20) & ~3u;
                PutU32(b, at + 20, size);
                PutU32(b, data, 4);
                PutU32(b, data + 4, size - 16);
                PutU32(b, data + 8, 0x1234);
                Encoding.ASCII.GetBytes("ABC\0").CopyTo(b, data + 12);
            });
            Run run = Run.OnBytes(image);
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        /// <summary>
        /// n_namesz and n_descsz are each padded to 4 bytes: in a section of
        /// 4k + 1 bytes, a note whose padded size is 4k + 4 overruns it, although
        /// its unpadded name (5 bytes) or descriptor (4k - 15 bytes) would fit.
        /// </summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void NoteWhosePaddingOverrunsItsSection(bool nameNeedsPadding)
        {
            uint name = 0;
            byte[] image = Patched(b =>
            {
                int at = Header(b, 1);
                PutU32(b, at + 4, 7);
                uint size = (U32(b, at + 20) & ~3u) - 3; // 4k + 1
                PutU32(b, at + 20, size);
                int data = (int)U32(b, at + 16);
                name = nameNeedsPadding ? 5u : 4u;
                PutU32(b, data, name);
                PutU32(b, data + 4, nameNeedsPadding ? size - 17 : size - 16);
            });
            AssertUnusable(image, $"claims {name} name and ");
        }

        private static byte[] WithProgramHeaders(int sections, int headers)
        {
            ElfBuilder builder = ElfBuilder.Flipped(0x20000000).Part("STM32F405RG");
            builder.ExtendedCount = true;
            builder.ExtendedNameIndex = true;
            for (int i = 0; i < sections - 8; i++)
            {
                builder.Other($".s{i}");
            }

            byte[] elf = builder.Build();
            byte[] image = new byte[elf.Length + (headers * 32)];
            elf.CopyTo(image, 0);
            PutU32(image, 28, (uint)elf.Length); // e_phoff: PT_NULL headers, all zero
            PutU16(image, 42, 32);
            PutU16(image, 44, headers);
            return image;
        }

        // The library matches every program header against every section.
        [Fact]
        public void MoreProgramHeaderSectionPairsThanTheBoundIsRefused() =>
            AssertUnusable(WithProgramHeaders(65536, 257), "too many program headers and sections to read: 257 x 65536 exceeds 16777216");

        [Fact]
        public void ProgramHeaderSectionPairsAtTheBoundAreRead()
        {
            Run run = Run.OnBytes(WithProgramHeaders(65536, 256));
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        private static byte[] WithSymbolName(int length) =>
            ElfBuilder.Flipped(0x20000000).Part("STM32F405RG").Symbol(new string('n', length), 1).Build();

        // One string per distinct name offset, each up to its terminator: a long string makes that quadratic.
        [Fact]
        public void StringLongerThanTheBoundIsRefused() =>
            AssertUnusable(WithSymbolName(4097), "holds a string longer than 4096 bytes");

        [Fact]
        public void StringAtTheBoundIsRead()
        {
            Run run = Run.OnBytes(WithSymbolName(4096));
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        [Fact]
        public void StringTableWithoutItsFinalNul()
        {
            byte[] image = Patched(b =>
            {
                int at = Header(b, 3);
                b[(int)(U32(b, at + 16) + U32(b, at + 20) - 1)] = (byte)'x';
            });
            AssertUnusable(image, "does not end with a NUL byte");
        }

        [Fact]
        public void UnknownIdentVersion() => AssertUnusable(Patched(b => b[6] = 0), "unknown ELF version 0 (EI_VERSION must be 1)");

        [Fact]
        public void UnknownHeaderVersion() => AssertUnusable(Patched(b => PutU32(b, 20, 2)), "unknown e_version 2 (must be 1)");

        [Fact]
        public void SectionHeaderSizeOtherThanElf32s() => AssertUnusable(Patched(b => PutU16(b, 46, 64)), "section header size 64, ELF32 has 40");

        [Fact]
        public void LastSectionOutsideTheFile()
        {
            int count = Valid[48] | (Valid[49] << 8);
            AssertUnusable(Patched(b => PutU32(b, (int)U32(b, 32) + ((count - 1) * 40) + 20, (uint)b.Length)), $"section {count - 1} lies outside the file");
        }

        /// <summary>An empty string table (sh_size 0) has no final byte to check: read.</summary>
        [Fact]
        public void EmptyStringTableIsRead()
        {
            byte[] image = Patched(b =>
            {
                int at = Header(b, 1);
                PutU32(b, at + 4, 3);
                PutU32(b, at + 16, 0);
                PutU32(b, at + 20, 0);
            });
            Run run = Run.OnBytes(image);
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        /// <summary>No program headers (e_phnum 0) or no table (e_phoff 0, whatever e_phentsize says): read.</summary>
        [Theory]
        [InlineData(44)]
        [InlineData(28)]
        public void NoProgramHeadersIsRead(int field)
        {
            byte[] image = Patched(b =>
            {
                if (field == 44)
                {
                    PutU16(b, 44, 0); // e_phnum
                }
                else
                {
                    PutU32(b, 28, 0); // e_phoff
                    PutU16(b, 42, 7);
                }
            });
            Run run = Run.OnBytes(image);
            Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
        }

        /// <summary>Only SHT_SYMTAB is the symbol table; a dynamic one (SHT_DYNSYM) is not read in its place.</summary>
        [Fact]
        public void OnlyADynamicSymbolTable() =>
            AssertUnusable(Patched(b => PutU32(b, Header(b, 2) + 4, 11)), "the image has no symbol table (.symtab)");

        [Fact]
        public void SymbolTableNotAWholeNumberOfEntries() =>
            AssertUnusable(Patched(b => PutU32(b, Header(b, 2) + 20, U32(b, Header(b, 2) + 20) - 12)), "is not a whole number of 16-byte entries");

        [Fact]
        public void SectionNameTableIndexZero() =>
            AssertUnusable(Patched(b => PutU16(b, 50, 0)), "section name table (section 0) is not a string table");

        [Fact]
        public void SectionNameTableThatIsNotAStringTable()
        {
            byte[] image = Patched(b =>
            {
                int table = (int)U32(b, 32);
                PutU16(b, 50, 1);
                Assert.NotEqual(3u, U32(b, table + 40 + 4));
            });
            AssertUnusable(image, "section name table (section 1) is not a string table");
        }

        // The library only warns and leaves the name empty.
        [Fact]
        public void SectionNameOutsideTheNameTable() =>
            AssertUnusable(Patched(b => PutU32(b, (int)U32(b, 32) + 40, 0x7FFFFFF0)), "Unable to resolve string index [2147483632] for section");

        [Fact]
        public void SymbolTableLinkedToSectionZero() =>
            AssertUnusable(Patched(b => PutU32(b, Header(b, 2) + 24, 0)), "`ElfSymbolTable.Link` cannot be null");

        [Fact]
        public void SymbolTableLinkedToCode() =>
            AssertUnusable(Patched(b => PutU32(b, Header(b, 2) + 24, 1)), "`ElfSymbolTable.Link` must be a StringTable");

        [Fact]
        public void SymbolNameOutsideItsStringTable() =>
            AssertUnusable(Patched(b => PutU32(b, (int)U32(b, Header(b, 2) + 16) + (16 * 5), 0x7FFFFFF0)), "Invalid name index [2147483632] for symbol [5]");

        // An sh_link of 2^31 or more: the library throws ArgumentOutOfRangeException.
        [Fact]
        public void ExceptionFromTheLibraryIsOneLine() =>
            AssertUnusable(Patched(b => PutU32(b, (int)U32(b, 32) + (3 * 40) + 24, 0xE9000000)), "LibObjectFile cannot read it (ArgumentOutOfRangeException): ");
    }
}

using System;

namespace SafetyMonitor.Layout
{
    /// <summary>
    /// What <see cref="FirmwareImage"/> checks before LibObjectFile sees the
    /// bytes: that the file is an ELF32 little-endian ARM image, and that every
    /// count, offset and size the library would trust lies inside the file.
    /// LibObjectFile 2.3.1 reads by the claimed values: a section count of
    /// 0x01000000 or a byte-swapped (big-endian) header makes it loop over
    /// millions of absent section headers for minutes and gigabytes, an
    /// e_shoff, e_phoff or sh_offset near 2 GiB makes it read the "gap" up to
    /// there into memory (2-4 GiB), and a string table's sh_size of 0x7FFFFFF0
    /// throws OutOfMemoryException (measured; MalformedInputTests has one test
    /// per case). After these checks its work and memory are bounded by the
    /// file's length (<see cref="MaxSegmentSectionPairs"/>, <see cref="MaxStringLength"/>).
    /// Source of the format: System V ABI, "Object Files" (ELF header, section
    /// header, string table, program header), and ARM's "ELF for the Arm
    /// Architecture" (EM_ARM = 40).
    /// </summary>
    internal static class ElfBounds
    {
        /// <summary>Bytes of the ELF32 header.</summary>
        internal const int HeaderSize = 52;

        /// <summary>Bytes of an ELF32 section header.</summary>
        internal const int SectionHeaderSize = 40;

        /// <summary>Bytes of an ELF32 program header.</summary>
        internal const int ProgramHeaderSize = 32;

        /// <summary>
        /// The library matches every program header against every section
        /// (ElfFile.Read's segment ranges), so their product bounds its work:
        /// at most 2^24 pairs (a firmware image has a handful of segments; 256
        /// segments with 65,536 sections still pass).
        /// </summary>
        internal const long MaxSegmentSectionPairs = 1L << 24;

        /// <summary>
        /// The longest string a string table may hold, in bytes. The library
        /// materialises one string per distinct name offset, each up to its
        /// terminator; capping the length bounds that memory to 4 KiB per
        /// symbol or section (real names, C++ ones included, are far shorter).
        /// </summary>
        internal const int MaxStringLength = 4096;

        private const ushort MachineArm = 40;
        private const uint SectionTypeSymtab = 2;
        private const uint SectionTypeStrtab = 3;
        private const uint SectionTypeNote = 7;
        private const int SymbolSize = 16;
        private const int NoteHeaderSize = 12;
        private const uint SectionTypeNobits = 8;
        private const uint SectionIndexExtended = 0xFFFF;

        /// <summary>
        /// Checks the image and returns the bytes to hand to the library: the
        /// file itself, or a copy whose e_shstrndx holds the index read from
        /// section 0's sh_link when e_shstrndx is SHN_XINDEX and e_shnum is not
        /// 0 (readelf reads the two fields independently; LibObjectFile looks at
        /// sh_link only when e_shnum is 0, and would read no section names).
        /// </summary>
        /// <exception cref="ElfFormatException">The file is not an image the tool can use; the message says why.</exception>
        internal static byte[] Check(byte[] file)
        {
            if (file.Length < 16)
            {
                throw new ElfFormatException($"not an ELF file: {file.Length} bytes, shorter than the 16-byte identification");
            }

            if (file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            {
                throw new ElfFormatException("not an ELF file: the first bytes are not 0x7F 'E' 'L' 'F'");
            }

            switch (file[4])
            {
                case 1:
                    break;
                case 2:
                    throw new ElfFormatException("ELF64 image: Cortex-M firmware is ELF32 (EI_CLASS must be 1)");
                default:
                    throw new ElfFormatException($"unknown ELF class {file[4]} (EI_CLASS must be 1, ELF32)");
            }

            switch (file[5])
            {
                case 1:
                    break;
                case 2:
                    throw new ElfFormatException("big-endian image: Cortex-M firmware is little-endian (EI_DATA must be 1)");
                default:
                    throw new ElfFormatException($"unknown data encoding {file[5]} (EI_DATA must be 1, little-endian)");
            }

            if (file[6] != 1)
            {
                throw new ElfFormatException($"unknown ELF version {file[6]} (EI_VERSION must be 1)");
            }

            if (file.Length < HeaderSize)
            {
                throw new ElfFormatException($"truncated ELF header: {file.Length} bytes, the ELF32 header has {HeaderSize}");
            }

            ushort machine = U16(file, 18);
            if (machine != MachineArm)
            {
                throw new ElfFormatException($"not an ARM image: e_machine is {machine}, ARM is {MachineArm}");
            }

            if (U32(file, 20) != 1)
            {
                throw new ElfFormatException($"unknown e_version {U32(file, 20)} (must be 1)");
            }

            uint sectionTable = U32(file, 32);
            uint sectionCount = U16(file, 48);
            uint namesIndex = U16(file, 50);
            if (sectionTable == 0)
            {
                throw new ElfFormatException("the image has no section table (e_shoff is 0): link with section headers");
            }

            if (U16(file, 46) != SectionHeaderSize)
            {
                throw new ElfFormatException($"section header size {U16(file, 46)}, ELF32 has {SectionHeaderSize}");
            }

            // Extended section numbering (System V ABI, "Sections"): with
            // SHN_LORESERVE (0xff00) sections or more, e_shnum is 0 and the
            // count is section 0's sh_size; an e_shstrndx of SHN_XINDEX
            // (0xffff) means the index is section 0's sh_link.
            bool nameIndexInSectionZero = namesIndex == SectionIndexExtended;
            if (sectionCount == 0 || nameIndexInSectionZero)
            {
                if ((ulong)sectionTable + SectionHeaderSize > (ulong)file.Length)
                {
                    throw new ElfFormatException(
                        $"section table out of range: section 0 at offset {sectionTable} needs {(ulong)sectionTable + SectionHeaderSize} bytes, the file has {file.Length}");
                }

                if (sectionCount == 0)
                {
                    sectionCount = U32(file, (int)sectionTable + 20);
                    if (sectionCount == 0)
                    {
                        throw new ElfFormatException("the image has no sections (e_shnum is 0, and so is section 0's sh_size): link with section headers");
                    }
                }

                if (nameIndexInSectionZero)
                {
                    namesIndex = U32(file, (int)sectionTable + 24);
                }
            }

            if ((ulong)sectionTable + ((ulong)sectionCount * SectionHeaderSize) > (ulong)file.Length)
            {
                throw new ElfFormatException(
                    $"section table out of range: {sectionCount} headers at offset {sectionTable} need {(ulong)sectionTable + ((ulong)sectionCount * SectionHeaderSize)} bytes, the file has {file.Length}");
            }

            if (namesIndex >= sectionCount)
            {
                throw new ElfFormatException($"section name table index {namesIndex} is outside the {sectionCount} sections");
            }

            if (namesIndex == 0)
            {
                throw new ElfFormatException("section name table (section 0) is not a string table: e_shstrndx is SHN_UNDEF");
            }

            for (int i = 1; i < sectionCount; i++)
            {
                int at = (int)sectionTable + (i * SectionHeaderSize);
                uint type = U32(file, at + 4);
                uint offset = U32(file, at + 16);
                uint size = U32(file, at + 20);
                if (type != SectionTypeNobits && (ulong)offset + size > (ulong)file.Length)
                {
                    throw new ElfFormatException($"section {i} lies outside the file: {size} bytes at offset {offset}, the file has {file.Length}");
                }

                if (type == SectionTypeStrtab)
                {
                    CheckStrings(file, i, (int)offset, (int)size);
                }
                else if (type == SectionTypeNote)
                {
                    CheckNotes(file, i, (int)offset, (int)size);
                }
                else if (type == SectionTypeSymtab && size % SymbolSize != 0)
                {
                    throw new ElfFormatException($"symbol table (section {i}) of {size} bytes is not a whole number of {SymbolSize}-byte entries");
                }

                if (type != SectionTypeStrtab && i == namesIndex)
                {
                    throw new ElfFormatException($"section name table (section {namesIndex}) is not a string table");
                }
            }

            CheckProgramHeaders(file, sectionCount);
            if (!nameIndexInSectionZero || U16(file, 48) == 0)
            {
                return file;
            }

            byte[] copy = (byte[])file.Clone();
            copy[50] = (byte)namesIndex;
            copy[51] = (byte)(namesIndex >> 8);
            return copy;
        }

        /// <summary>A string table must end with a NUL (System V ABI, "String Table") and hold no string longer than <see cref="MaxStringLength"/>.</summary>
        private static void CheckStrings(byte[] file, int section, int offset, int size)
        {
            if (size > 0 && file[offset + size - 1] != 0)
            {
                throw new ElfFormatException($"string table (section {section}) does not end with a NUL byte");
            }

            int run = 0;
            for (int at = offset; at < offset + size; at++)
            {
                run = file[at] == 0 ? 0 : run + 1;
                if (run > MaxStringLength)
                {
                    throw new ElfFormatException($"string table (section {section}) holds a string longer than {MaxStringLength} bytes at offset {at - run + 1}");
                }
            }
        }

        /// <summary>
        /// Each note's name and descriptor must lie inside its section (System V
        /// ABI, "Note Section": n_namesz, n_descsz, each padded to 4 bytes): the
        /// library rents a buffer of n_namesz bytes before it reads the name.
        /// </summary>
        private static void CheckNotes(byte[] file, int section, int offset, int size)
        {
            long at = offset;
            long end = (long)offset + size;
            while (end - at >= NoteHeaderSize)
            {
                long name = U32(file, (int)at);
                long descriptor = U32(file, (int)at + 4);
                long next = at + NoteHeaderSize + ((name + 3) & ~3L) + ((descriptor + 3) & ~3L);
                if (next > end)
                {
                    throw new ElfFormatException($"note at offset {at} in section {section} claims {name} name and {descriptor} descriptor bytes, more than its section holds");
                }

                at = next;
            }
        }

        private static void CheckProgramHeaders(byte[] file, uint sectionCount)
        {
            uint table = U32(file, 28);
            uint count = U16(file, 44);
            if (table == 0)
            {
                return; // no program header table (LibObjectFile then reads none)
            }

            if (U16(file, 42) != ProgramHeaderSize)
            {
                throw new ElfFormatException($"program header size {U16(file, 42)}, ELF32 has {ProgramHeaderSize}");
            }

            if ((ulong)table + ((ulong)count * ProgramHeaderSize) > (ulong)file.Length)
            {
                throw new ElfFormatException(
                    $"program header table out of range: {count} headers at offset {table} need {(ulong)table + ((ulong)count * ProgramHeaderSize)} bytes, the file has {file.Length}");
            }

            if ((long)count * sectionCount > MaxSegmentSectionPairs)
            {
                throw new ElfFormatException($"too many program headers and sections to read: {count} x {sectionCount} exceeds {MaxSegmentSectionPairs}");
            }
        }

        private static ushort U16(byte[] b, int at) => (ushort)(b[at] | (b[at + 1] << 8));

        private static uint U32(byte[] b, int at) => (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
    }
}

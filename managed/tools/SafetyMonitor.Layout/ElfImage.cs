using System;
using System.Collections.Generic;
using System.Text;

namespace SafetyMonitor.Layout
{
    /// <summary>A file that is not a usable ELF32 ARM image; the message says why.</summary>
    public sealed class ElfFormatException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ElfFormatException(string message)
            : base(message)
        {
        }
    }

    /// <summary>One section header (ELF32: System V ABI, "Sections").</summary>
    public sealed record ElfSection(string Name, uint Type, uint Flags, uint Address, uint Offset, uint Size)
    {
        /// <summary>SHF_ALLOC: the section occupies memory at run time.</summary>
        public bool IsAllocated => (Flags & 0x2) != 0;

        /// <summary>SHF_EXECINSTR.</summary>
        public bool IsExecutable => (Flags & 0x4) != 0;

        /// <summary>SHF_WRITE.</summary>
        public bool IsWritable => (Flags & 0x1) != 0;

        /// <summary>One past the last address.</summary>
        public ulong End => (ulong)Address + Size;
    }

    /// <summary>One symbol of .symtab.</summary>
    public sealed record ElfSymbol(string Name, uint Value, uint Size, byte Info, ushort SectionIndex);

    /// <summary>
    /// A small, strict reader of ELF32 little-endian ARM images: the header,
    /// the section table (extended section numbering included: more than
    /// 0xff00 sections, as readelf reads them) and the symbol table, each
    /// checked against the file's bounds. Anything else is refused with an
    /// <see cref="ElfFormatException"/>.
    /// Source of the format: System V ABI, "Object Files" (ELF header, section
    /// header, symbol table entry), and ARM's ELF for the Arm Architecture
    /// (EM_ARM = 40).
    /// </summary>
    public sealed class ElfImage
    {
        private const int HeaderSize = 52;
        private const int SectionHeaderSize = 40;
        private const int SymbolSize = 16;
        private const ushort MachineArm = 40;
        private const uint SectionTypeSymtab = 2;
        private const uint SectionTypeStrtab = 3;
        private const uint SectionTypeNobits = 8;
        private const uint SectionIndexExtended = 0xFFFF;

        private ElfImage(List<ElfSection> sections, List<ElfSymbol> symbols)
        {
            Sections = sections;
            Symbols = symbols;
        }

        /// <summary>All sections, in table order (index 0, the null section, included).</summary>
        public IReadOnlyList<ElfSection> Sections { get; }

        /// <summary>All symbols of .symtab.</summary>
        public IReadOnlyList<ElfSymbol> Symbols { get; }

        /// <summary>Reads an image. Throws <see cref="ElfFormatException"/> for anything it cannot use.</summary>
        public static ElfImage Parse(byte[] file)
        {
            ArgumentNullException.ThrowIfNull(file);
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

            var reader = new Reader(file);
            ushort machine = reader.U16(18);
            if (machine != MachineArm)
            {
                throw new ElfFormatException($"not an ARM image: e_machine is {machine}, ARM is {MachineArm}");
            }

            if (reader.U32(20) != 1)
            {
                throw new ElfFormatException($"unknown e_version {reader.U32(20)} (must be 1)");
            }

            uint sectionTable = reader.U32(32);
            ushort sectionHeaderSize = reader.U16(46);
            uint sectionCount = reader.U16(48);
            uint sectionNamesIndex = reader.U16(50);
            if (sectionTable == 0)
            {
                throw new ElfFormatException("the image has no section table (e_shoff is 0): link with section headers");
            }

            if (sectionHeaderSize != SectionHeaderSize)
            {
                throw new ElfFormatException($"section header size {sectionHeaderSize}, ELF32 has {SectionHeaderSize}");
            }

            // Extended section numbering (System V ABI, "Sections"): with
            // SHN_LORESERVE (0xff00) sections or more, e_shnum is 0 and the
            // count is section 0's sh_size; an e_shstrndx of SHN_XINDEX
            // (0xffff) means the index is section 0's sh_link.
            if (sectionCount == 0 || sectionNamesIndex == SectionIndexExtended)
            {
                if ((ulong)sectionTable + SectionHeaderSize > (ulong)file.Length)
                {
                    throw new ElfFormatException(
                        $"section table out of range: section 0 at offset {sectionTable} needs {(ulong)sectionTable + SectionHeaderSize} bytes, the file has {file.Length}");
                }

                if (sectionCount == 0)
                {
                    sectionCount = reader.U32(checked((int)sectionTable + 20));
                    if (sectionCount == 0)
                    {
                        throw new ElfFormatException("the image has no sections (e_shnum is 0, and so is section 0's sh_size): link with section headers");
                    }
                }

                if (sectionNamesIndex == SectionIndexExtended)
                {
                    sectionNamesIndex = reader.U32(checked((int)sectionTable + 24));
                }
            }

            if ((ulong)sectionTable + (ulong)sectionCount * SectionHeaderSize > (ulong)file.Length)
            {
                throw new ElfFormatException(
                    $"section table out of range: {sectionCount} headers at offset {sectionTable} need {(ulong)sectionTable + (ulong)sectionCount * SectionHeaderSize} bytes, the file has {file.Length}");
            }

            if (sectionNamesIndex >= sectionCount)
            {
                throw new ElfFormatException($"section name table index {sectionNamesIndex} is outside the {sectionCount} sections");
            }

            var raw = new List<(uint Name, uint Type, uint Flags, uint Address, uint Offset, uint Size, uint Link, uint EntrySize)>();
            for (int i = 0; i < sectionCount; i++)
            {
                int at = checked((int)sectionTable + i * SectionHeaderSize);
                raw.Add((reader.U32(at), reader.U32(at + 4), reader.U32(at + 8), reader.U32(at + 12), reader.U32(at + 16),
                    reader.U32(at + 20), reader.U32(at + 24), reader.U32(at + 36)));
            }

            for (int i = 1; i < raw.Count; i++)
            {
                var s = raw[i];
                if (s.Type != SectionTypeNobits && (ulong)s.Offset + s.Size > (ulong)file.Length)
                {
                    throw new ElfFormatException($"section {i} lies outside the file: {s.Size} bytes at offset {s.Offset}, the file has {file.Length}");
                }
            }

            var names = raw[(int)sectionNamesIndex];
            if (names.Type != SectionTypeStrtab)
            {
                throw new ElfFormatException($"section name table (section {sectionNamesIndex}) is not a string table");
            }

            var sections = new List<ElfSection>();
            foreach (var s in raw)
            {
                string name = reader.String(names.Offset, names.Size, s.Name, "section name");
                sections.Add(new ElfSection(name, s.Type, s.Flags, s.Address, s.Offset, s.Size));
            }

            int symtabIndex = raw.FindIndex(s => s.Type == SectionTypeSymtab);
            if (symtabIndex < 0)
            {
                throw new ElfFormatException("the image has no symbol table (.symtab): link without --strip-all (-s)");
            }

            var symtab = raw[symtabIndex];
            if (symtab.EntrySize != SymbolSize || symtab.Size % SymbolSize != 0)
            {
                throw new ElfFormatException($"symbol table entries of {symtab.EntrySize} bytes, ELF32 has {SymbolSize}");
            }

            if (symtab.Link == 0 || symtab.Link >= raw.Count || raw[(int)symtab.Link].Type != SectionTypeStrtab)
            {
                throw new ElfFormatException($"the symbol table's string table (section {symtab.Link}) is missing or not a string table");
            }

            var strings = raw[(int)symtab.Link];
            var symbols = new List<ElfSymbol>();
            for (uint at = symtab.Offset; at < symtab.Offset + symtab.Size; at += SymbolSize)
            {
                int o = checked((int)at);
                string name = reader.String(strings.Offset, strings.Size, reader.U32(o), "symbol name");
                symbols.Add(new ElfSymbol(name, reader.U32(o + 4), reader.U32(o + 8), file[o + 12], reader.U16(o + 14)));
            }

            return new ElfImage(sections, symbols);
        }

        private readonly struct Reader
        {
            private readonly byte[] _file;

            internal Reader(byte[] file)
            {
                _file = file;
            }

            internal ushort U16(int at) => (ushort)(_file[at] | (_file[at + 1] << 8));

            internal uint U32(int at) => (uint)(_file[at] | (_file[at + 1] << 8) | (_file[at + 2] << 16) | (_file[at + 3] << 24));

            internal string String(uint tableOffset, uint tableSize, uint index, string what)
            {
                if (index >= tableSize)
                {
                    throw new ElfFormatException($"{what} at string offset {index} lies outside its string table ({tableSize} bytes)");
                }

                int start = checked((int)(tableOffset + index));
                int limit = checked((int)(tableOffset + tableSize));
                int end = start;
                while (end < limit && _file[end] != 0)
                {
                    end++;
                }

                if (end == limit)
                {
                    throw new ElfFormatException($"{what} at string offset {index} is not terminated inside its string table");
                }

                return Encoding.ASCII.GetString(_file, start, end - start);
            }
        }
    }
}

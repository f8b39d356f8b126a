using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// Writes small ELF32 little-endian ARM images for the tests and the
    /// benchmark: the sections and symbols given, then .symtab, .strtab and
    /// .shstrtab (System V ABI, "Object Files"). Optionally with extended
    /// section numbering: e_shnum 0 and the count in section 0's sh_size,
    /// e_shstrndx SHN_XINDEX (0xffff) and the index in section 0's sh_link.
    /// </summary>
    internal sealed class ElfBuilder
    {
        private const uint Write = 0x1;
        private const uint Alloc = 0x2;
        private const uint Exec = 0x4;
        private readonly List<(string Name, uint Type, uint Flags, uint Address, uint Size)> _sections = new List<(string, uint, uint, uint, uint)>();
        private readonly List<(string Name, uint Value)> _symbols = new List<(string, uint)>();

        /// <summary>e_shnum 0, the count in section 0's sh_size.</summary>
        internal bool ExtendedCount { get; set; }

        /// <summary>e_shstrndx 0xffff, the index in section 0's sh_link.</summary>
        internal bool ExtendedNameIndex { get; set; }

        /// <summary>The section table right after the ELF header, the data after it: the last section's data ends the file.</summary>
        internal bool SectionTableFirst { get; set; }

        /// <summary>A writable allocated section without file data (SHT_NOBITS), as RAM sections are.</summary>
        internal ElfBuilder Ram(string name, uint address, uint size)
        {
            _sections.Add((name, 8, Alloc | Write, address, size));
            return this;
        }

        /// <summary>An executable allocated section (flash).</summary>
        internal ElfBuilder Code(string name, uint address, uint size)
        {
            _sections.Add((name, 8, Alloc | Exec, address, size));
            return this;
        }

        /// <summary>A non-allocated section with no data (SHT_NOBITS), to make many sections cheaply.</summary>
        internal ElfBuilder Other(string name)
        {
            _sections.Add((name, 8, 0, 0, 0));
            return this;
        }

        internal ElfBuilder Symbol(string name, uint value)
        {
            _symbols.Add((name, value));
            return this;
        }

        /// <summary>The symbols of a protected stack X at [base, end) in the region [regionStart, regionEnd).</summary>
        internal ElfBuilder Stack(string name, uint stackBase, uint end, uint regionStart, uint regionEnd) =>
            Symbol($"__{name}_base__", stackBase).Symbol($"__{name}_end__", end)
                .Symbol($"__{name}_region_start__", regionStart).Symbol($"__{name}_region_end__", regionEnd);

        /// <summary>A flipped main stack of 1 KiB at the region's origin, the area right above it, a heap above that.</summary>
        internal static ElfBuilder Flipped(uint origin, uint regionSize = 0x10000)
        {
            var image = new ElfBuilder();
            image.Code(".text", 0x08000000, 0x100)
                .Ram(".mstack", origin, 0x400)
                .Ram(".stack_corruption_area", origin + 0x400, 128)
                .Ram(".heap", origin + 0x480, 0x1000)
                .Stack("main_stack", origin, origin + 0x400, origin, origin + regionSize)
                .Symbol(LayoutReport.AreaStart, origin + 0x400)
                .Symbol(LayoutReport.AreaEnd, origin + 0x480)
                .Symbol("__heap_base__", origin + 0x480)
                .Symbol("__heap_end__", origin + 0x1480);
            return image;
        }

        internal ElfBuilder Part(string part) => Symbol(LayoutReport.PartSymbolPrefix + part + "__", 1);

        internal byte[] Build()
        {
            var shstrtab = new StringTable();
            var strtab = new StringTable();
            var symtab = new MemoryStream();
            var w = new BinaryWriter(symtab);
            w.Write(new byte[16]); // symbol 0
            foreach ((string name, uint value) in _symbols)
            {
                w.Write(strtab.Add(name));
                w.Write(value);
                w.Write(0u);
                w.Write((byte)0x10); // STB_GLOBAL, STT_NOTYPE
                w.Write((byte)0);
                w.Write((ushort)0xFFF1); // SHN_ABS
            }

            int userCount = _sections.Count;
            int symtabIndex = userCount + 1;
            int strtabIndex = userCount + 2;
            int shstrtabIndex = userCount + 3;
            int count = userCount + 4;
            byte[] symData = symtab.ToArray();
            foreach ((string name, _, _, _, _) in _sections)
            {
                shstrtab.Add(name);
            }

            uint symtabName = shstrtab.Add(".symtab");
            uint strtabName = shstrtab.Add(".strtab");
            uint shstrtabName = shstrtab.Add(".shstrtab");
            byte[] strData = strtab.Bytes();
            byte[] shstrData = shstrtab.Bytes();
            const int header = 52;
            int tableSize = count * 40;
            int symOffset = SectionTableFirst ? header + tableSize : header;
            int strOffset = symOffset + symData.Length;
            int shstrOffset = strOffset + strData.Length;
            int tableOffset = SectionTableFirst ? header : (shstrOffset + shstrData.Length + 3) & ~3;

            var file = new MemoryStream();
            var o = new BinaryWriter(file);
            o.Write(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
            o.Write((ushort)2); // ET_EXEC
            o.Write((ushort)40); // EM_ARM
            o.Write(1u);
            o.Write(0x08000001u);
            o.Write(0u); // e_phoff
            o.Write((uint)tableOffset);
            o.Write(0x05000400u);
            o.Write((ushort)header);
            o.Write((ushort)32);
            o.Write((ushort)0);
            o.Write((ushort)40);
            o.Write((ushort)(ExtendedCount ? 0 : count));
            o.Write((ushort)(ExtendedNameIndex ? 0xFFFF : shstrtabIndex));
            if (!SectionTableFirst)
            {
                WriteData();
                while (file.Length < tableOffset)
                {
                    o.Write((byte)0);
                }
            }

            void WriteData()
            {
                o.Write(symData);
                o.Write(strData);
                o.Write(shstrData);
            }

            void Header(uint name, uint type, uint flags, uint address, uint offset, uint size, uint link, uint info, uint align, uint entsize)
            {
                foreach (uint v in new[] { name, type, flags, address, offset, size, link, info, align, entsize })
                {
                    o.Write(v);
                }
            }

            Header(0, 0, 0, 0, 0, ExtendedCount ? (uint)count : 0, ExtendedNameIndex ? (uint)shstrtabIndex : 0, 0, 0, 0);
            foreach ((string name, uint type, uint flags, uint address, uint size) in _sections)
            {
                Header(shstrtab.Offset(name), type, flags, address, 0, size, 0, 0, 4, 0);
            }

            Header(symtabName, 2, 0, 0, (uint)symOffset, (uint)symData.Length, (uint)strtabIndex, 1, 4, 16);
            Header(strtabName, 3, 0, 0, (uint)strOffset, (uint)strData.Length, 0, 0, 1, 0);
            Header(shstrtabName, 3, 0, 0, (uint)shstrOffset, (uint)shstrData.Length, 0, 0, 1, 0);
            if (SectionTableFirst)
            {
                WriteData();
            }

            return file.ToArray();
        }

        private sealed class StringTable
        {
            private readonly MemoryStream _data = new MemoryStream();
            private readonly Dictionary<string, uint> _offsets = new Dictionary<string, uint>(StringComparer.Ordinal);

            internal StringTable()
            {
                _data.WriteByte(0);
            }

            internal uint Add(string text)
            {
                if (!_offsets.TryGetValue(text, out uint offset))
                {
                    offset = (uint)_data.Length;
                    byte[] bytes = Encoding.ASCII.GetBytes(text);
                    _data.Write(bytes, 0, bytes.Length);
                    _data.WriteByte(0);
                    _offsets[text] = offset;
                }

                return offset;
            }

            internal uint Offset(string text) => _offsets[text];

            internal byte[] Bytes() => _data.ToArray();
        }
    }
}

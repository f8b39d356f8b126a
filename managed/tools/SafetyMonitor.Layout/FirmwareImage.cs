using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LibObjectFile.Diagnostics;
using Lof = LibObjectFile.Elf;

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

    /// <summary>One symbol of .symtab: its name and value (st_value, an address for the linker symbols the tool reads).</summary>
    public sealed record ElfSymbol(string Name, uint Value);

    /// <summary>
    /// The sections and symbols of an ELF32 little-endian ARM image, read by
    /// LibObjectFile 2.3.1 (BSD-2-Clause; chosen over ELFSharp 2.17.3, see
    /// docs/safetymon-layout.md) after <see cref="ElfBounds"/> has checked
    /// every count and offset against the file. Anything the tool cannot use
    /// is an <see cref="ElfFormatException"/> with one line saying why: the
    /// bounds' own messages, the first error the library diagnoses, or an
    /// exception the library throws, named.
    /// </summary>
    public sealed class FirmwareImage
    {
        private FirmwareImage(List<ElfSection> sections, List<ElfSymbol> symbols)
        {
            Sections = sections;
            Symbols = symbols;
        }

        /// <summary>All sections, in section-table order (index 0, the null section, included).</summary>
        public IReadOnlyList<ElfSection> Sections { get; }

        /// <summary>All symbols of the first SHT_SYMTAB section (.symtab), in table order.</summary>
        public IReadOnlyList<ElfSymbol> Symbols { get; }

        /// <summary>Reads an image held in memory.</summary>
        /// <param name="file">The whole file.</param>
        /// <exception cref="ArgumentNullException"><paramref name="file"/> is null.</exception>
        /// <exception cref="ElfFormatException">The file is not an image the tool can use; the message says why.</exception>
        public static FirmwareImage Read(byte[] file)
        {
            ArgumentNullException.ThrowIfNull(file);
            byte[] checkedFile = ElfBounds.Check(file);
            try
            {
                using var stream = new MemoryStream(checkedFile, writable: false);
                // TryRead fails exactly when the diagnostics hold an error.
                _ = Lof.ElfFile.TryRead(stream, out Lof.ElfFile? elf, out DiagnosticBag? diagnostics, new Lof.ElfReaderOptions { UseSubStream = true });
                var refusals = diagnostics!.Messages.Where(m => m.Kind == DiagnosticKind.Error || UnreadName(m.Id)).ToList();
                if (refusals.Count > 0)
                {
                    throw new ElfFormatException(FirstRefusal(refusals));
                }

                return new FirmwareImage(ReadSections(elf!), ReadSymbols(elf!));
            }
            catch (Exception e) when (e is not ElfFormatException && e is not OutOfMemoryException)
            {
                // The library reports most damage as diagnostics, some as an
                // exception of its own choosing (EndOfStreamException,
                // ArgumentException, ...): both are the input's fault here.
                throw new ElfFormatException($"LibObjectFile cannot read it ({e.GetType().Name}): {OneLine(e.Message)}");
            }
        }

        private static List<ElfSection> ReadSections(Lof.ElfFile elf)
        {
            var sections = new List<ElfSection>(elf.Sections.Count);
            foreach (Lof.ElfSection s in elf.Sections)
            {
                sections.Add(new ElfSection(s.Name.Value ?? string.Empty, (uint)s.Type, (uint)s.Flags, (uint)s.VirtualAddress, (uint)s.Position, (uint)s.Size));
            }

            return sections;
        }

        private static List<ElfSymbol> ReadSymbols(Lof.ElfFile elf)
        {
            Lof.ElfSymbolTable? table = elf.Sections.OfType<Lof.ElfSymbolTable>().FirstOrDefault(t => t.Type == Lof.ElfSectionType.SymbolTable);
            if (table == null)
            {
                throw new ElfFormatException("the image has no symbol table (.symtab): link without --strip-all (-s)");
            }

            var symbols = new List<ElfSymbol>(table.Entries.Count);
            foreach (Lof.ElfSymbol s in table.Entries)
            {
                symbols.Add(new ElfSymbol(s.Name.Value ?? string.Empty, (uint)s.Value));
            }

            return symbols;
        }

        /// <summary>
        /// A section name the library could not read: it only warns and leaves
        /// the name empty, which would hide the section from the analysis.
        /// </summary>
        private static bool UnreadName(DiagnosticId id) =>
            id == DiagnosticId.ELF_ERR_InvalidStringIndex || id == DiagnosticId.ELF_ERR_InvalidStringIndexMissingStringHeaderTable;

        private static string FirstRefusal(List<DiagnosticMessage> errors)
        {
            string more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty;
            return $"LibObjectFile cannot read it: {errors[0].Id}: {OneLine(errors[0].Message)}{more}";
        }

        private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
    }
}

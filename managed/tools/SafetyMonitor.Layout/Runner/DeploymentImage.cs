using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>A .pe file that cannot go into a deployment; the message names the file and says why.</summary>
    public sealed class DeploymentException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public DeploymentException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// The deployment a nanoCLR scans at boot: the assemblies (.pe files)
    /// one after another, each padded with zeros to a multiple of 4 bytes,
    /// at the start of the target's deployment region. Each must pass the
    /// checks the nanoCLR makes before it loads an assembly
    /// (CLR_RECORD_ASSEMBLY::GoodHeader and GoodAssembly, src/CLR/Core/TypeSystem.cpp,
    /// nf-interpreter a3e8139a), or the device skips it and the run fails far
    /// from the cause: the marker "NFMRK1" (c_MARKER_ASSEMBLY_V1, compared
    /// with its terminating zero), headerCRC over the 124-byte header with
    /// that field 0, stringTableVersion 1 (c_CLR_StringTable_Version),
    /// assemblyCRC over the bytes after the header up to TotalSize
    /// (startOfTables[TBL_EndOfAssembly]). The header layout is
    /// CLR_RECORD_ASSEMBLY in src/CLR/Include/nanoCLR_Types.h.
    /// </summary>
    public static class DeploymentImage
    {
        /// <summary>sizeof(CLR_RECORD_ASSEMBLY): marker 8, four CRC/flag words 16, patchEntryOffset 4, version 8, name and string-table version 4, 16 table offsets 64, numOfPatchedMethods 4, table paddings 16.</summary>
        public const int AssemblyHeaderSize = 124;

        private const int HeaderCrcOffset = 8;
        private const int AssemblyCrcOffset = 12;
        private const int StringTableVersionOffset = 38;
        private const int TotalSizeOffset = 40 + (15 * 4);
        private const ushort StringTableVersion = 1;

        /// <summary>The marker with its terminating zero (7 bytes, compared by ValidateMarker).</summary>
        private static ReadOnlySpan<byte> Marker => "NFMRK1\0"u8;

        /// <summary>Builds the deployment from .pe files, in the order given.</summary>
        /// <param name="assemblies">Each file's name (for messages) and contents.</param>
        /// <returns>The image to load at the deployment region's start.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="assemblies"/> is null.</exception>
        /// <exception cref="DeploymentException">No assembly, or one fails a check (named, with the reason).</exception>
        public static byte[] Build(IReadOnlyList<(string Name, byte[] Contents)> assemblies)
        {
            ArgumentNullException.ThrowIfNull(assemblies);
            if (assemblies.Count == 0)
            {
                throw new DeploymentException("no .pe file given: a deployment holds at least the application and mscorlib.pe");
            }

            using var image = new MemoryStream();
            foreach ((string name, byte[] contents) in assemblies)
            {
                Check(name, contents);
                image.Write(contents);
                image.Write(new byte[Padding(contents.Length)]);
            }

            return image.ToArray();
        }

        /// <summary>Reads the .pe files and builds the deployment.</summary>
        /// <param name="paths">The files, in order.</param>
        /// <returns>The image.</returns>
        /// <exception cref="DeploymentException">As <see cref="Build"/>, or a file cannot be read.</exception>
        public static byte[] BuildFromFiles(IReadOnlyList<string> paths)
        {
            var assemblies = new List<(string, byte[])>(paths.Count);
            foreach (string path in paths)
            {
                try
                {
                    assemblies.Add((path, File.ReadAllBytes(path)));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new DeploymentException($"{path}: cannot read it: {e.Message}");
                }
            }

            return Build(assemblies);
        }

        /// <summary>Zero bytes that bring <paramref name="length"/> to a multiple of 4.</summary>
        public static int Padding(int length) => (4 - (length & 3)) & 3;

        /// <summary>Checks one .pe file as the nanoCLR will.</summary>
        /// <param name="name">Its name, for the message.</param>
        /// <param name="pe">Its contents.</param>
        /// <exception cref="DeploymentException">A check fails; the message names the file and the check.</exception>
        public static void Check(string name, byte[] pe)
        {
            if (pe.Length < AssemblyHeaderSize)
            {
                throw new DeploymentException($"{name}: {pe.Length} bytes, shorter than an assembly header ({AssemblyHeaderSize} bytes): not a nanoFramework .pe file");
            }

            if (!pe.AsSpan(0, Marker.Length).SequenceEqual(Marker))
            {
                throw new DeploymentException($"{name}: does not start with the assembly marker \"NFMRK1\": not a nanoFramework .pe file (give the .pe the metadata processor wrote, not the .dll)");
            }

            uint headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(HeaderCrcOffset));
            Span<byte> header = stackalloc byte[AssemblyHeaderSize];
            pe.AsSpan(0, AssemblyHeaderSize).CopyTo(header);
            header.Slice(HeaderCrcOffset, 4).Clear();
            uint computedHeaderCrc = NanoCrc32.Compute(header);
            if (computedHeaderCrc != headerCrc)
            {
                throw new DeploymentException($"{name}: header CRC 0x{computedHeaderCrc:X8} does not match the recorded 0x{headerCrc:X8}: the file is damaged; the nanoCLR would skip it");
            }

            ushort stringTable = BinaryPrimitives.ReadUInt16LittleEndian(pe.AsSpan(StringTableVersionOffset));
            if (stringTable != StringTableVersion)
            {
                throw new DeploymentException($"{name}: string table version {stringTable}, the nanoCLR reads version {StringTableVersion} only");
            }

            uint totalSize = BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(TotalSizeOffset));
            if (totalSize != (uint)pe.Length)
            {
                throw new DeploymentException($"{name}: the header gives the assembly {totalSize} bytes, the file has {pe.Length}: truncated or with bytes appended");
            }

            uint assemblyCrc = BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(AssemblyCrcOffset));
            uint computedAssemblyCrc = NanoCrc32.Compute(pe.AsSpan(AssemblyHeaderSize));
            if (computedAssemblyCrc != assemblyCrc)
            {
                throw new DeploymentException($"{name}: assembly CRC 0x{computedAssemblyCrc:X8} does not match the recorded 0x{assemblyCrc:X8}: the file is damaged; the nanoCLR would skip it");
            }
        }
    }
}

using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>The real mscorlib.pe and assemblies made for the tests.</summary>
    internal static class PeFiles
    {
        /// <summary>mscorlib.pe of nanoFramework.CoreLibrary 1.17.11, restored by this project's PackageDownload.</summary>
        internal static string MscorlibPath => Path.Combine(
            typeof(PeFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!,
            "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.pe");

        internal static byte[] Mscorlib() => File.ReadAllBytes(MscorlibPath);

        /// <summary>
        /// A valid assembly of <paramref name="length"/> bytes (at least 124): a
        /// header with the marker, string-table version 1, TotalSize, and both
        /// CRCs computed by the double's bitwise CRC; the body filled with <paramref name="fill"/>.
        /// </summary>
        internal static byte[] Made(int length, byte fill = 0xA5)
        {
            var pe = new byte[length];
            pe.AsSpan(124).Fill(fill);
            "NFMRK1\0\0"u8.CopyTo(pe);
            BinaryPrimitives.WriteUInt16LittleEndian(pe.AsSpan(38), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(pe.AsSpan(100), (uint)length);
            Seal(pe);
            return pe;
        }

        /// <summary>Recomputes both CRCs (after a test changed a field on purpose).</summary>
        internal static void Seal(byte[] pe)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(pe.AsSpan(12), DeviceDouble.Crc(pe, 124, pe.Length - 124));
            BinaryPrimitives.WriteUInt32LittleEndian(pe.AsSpan(8), 0);
            BinaryPrimitives.WriteUInt32LittleEndian(pe.AsSpan(8), DeviceDouble.Crc(pe, 0, 124));
        }

        internal static string Write(string directory, string name, byte[] contents)
        {
            string path = Path.Combine(directory, name);
            File.WriteAllBytes(path, contents);
            return path;
        }
    }
}

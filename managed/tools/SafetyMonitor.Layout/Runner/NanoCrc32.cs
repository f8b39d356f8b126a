using System;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>
    /// nanoFramework's CRC-32, the one that seals both an assembly (.pe) header
    /// and a wire-protocol packet: polynomial 0x04C11DB7, bytes fed most
    /// significant bit first, no reflection, no final XOR, the running value
    /// passed in (0 to start). Facts from nf-interpreter a3e8139a
    /// (src/CLR/Core/nanoSupport_CRC32.c, SUPPORT_ComputeCRC, the table for
    /// G(x) = x^32+x^26+...+1); the STM32 targets' hardware version
    /// (targets/ChibiOS/_common/nanoSupport_CRC32.c) gives the same values, or
    /// the devices could not check the assemblies the metadata processor
    /// sealed. Checked against mscorlib.pe 1.17.11, whose headerCRC is
    /// 0x4EDBC566.
    /// </summary>
    public static class NanoCrc32
    {
        private const uint Polynomial = 0x04C11DB7;

        private static readonly uint[] Table = BuildTable();

        /// <summary>The CRC of <paramref name="bytes"/>, continuing from <paramref name="crc"/>.</summary>
        /// <param name="bytes">The data, any length (0 returns <paramref name="crc"/>).</param>
        /// <param name="crc">The running value: 0 to start, as every nanoFramework caller here does.</param>
        /// <returns>The new running value.</returns>
        public static uint Compute(ReadOnlySpan<byte> bytes, uint crc = 0)
        {
            foreach (byte b in bytes)
            {
                crc = Table[(crc >> 24) ^ b] ^ (crc << 8);
            }

            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n << 24;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 0x80000000) != 0 ? (c << 1) ^ Polynomial : c << 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}

namespace SafetyMonitor
{
    /// <summary>
    /// CRC-32 with the STM32 CRC unit's parameters (RM0090 §4.2: polynomial
    /// 0x04C11DB7, initial value 0xFFFFFFFF, 32-bit words fed MSB first, no
    /// reflection, no final XOR), in software: the seal of the error memory,
    /// bit-exact with native-interop/drivers/soft/crc32_stm32_soft.c.
    /// </summary>
    internal static class Crc32Stm32
    {
        // Entry n: the CRC register after shifting the 4-bit value n, in its
        // top bits, through 4 steps of the polynomial.
        private static readonly uint[] NibbleTable =
        {
            0x00000000, 0x04C11DB7, 0x09823B6E, 0x0D4326D9, 0x130476DC, 0x17C56B6B, 0x1A864DB2, 0x1E475005,
            0x2608EDB8, 0x22C9F00F, 0x2F8AD6D6, 0x2B4BCB61, 0x350C9B64, 0x31CD86D3, 0x3C8EA00A, 0x384FBDBD,
        };

        /// <summary>
        /// The CRC of <paramref name="count"/> little-endian 32-bit words read
        /// from <paramref name="bytes"/> at <paramref name="offset"/>.
        /// </summary>
        internal static uint OfLittleEndianWords(byte[] bytes, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int w = 0; w < count; w++)
            {
                int at = offset + (4 * w);
                crc ^= (uint)(bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24));
                for (int step = 0; step < 8; step++)
                {
                    crc = (crc << 4) ^ NibbleTable[crc >> 28];
                }
            }

            return crc;
        }
    }
}

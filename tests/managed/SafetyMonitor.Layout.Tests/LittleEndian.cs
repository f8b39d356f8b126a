namespace SafetyMonitor.Layout.Tests
{
    /// <summary>Reads and patches little-endian fields of an image (ELF32 LSB: System V ABI, "Data Encoding").</summary>
    internal static class LittleEndian
    {
        internal static uint U32(byte[] b, int at) => (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));

        internal static void PutU16(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        internal static void PutU32(byte[] b, int at, uint v)
        {
            for (int i = 0; i < 4; i++)
            {
                b[at + i] = (byte)(v >> (8 * i));
            }
        }
    }
}

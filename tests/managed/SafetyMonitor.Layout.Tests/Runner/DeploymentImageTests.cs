using System;
using System.Collections.Generic;
using System.IO;
using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>The deployment builder against the real mscorlib.pe and damaged copies: every damage the nanoCLR would skip is refused by name.</summary>
    public class DeploymentImageTests
    {
        private static byte[] Build(params (string, byte[])[] assemblies) => DeploymentImage.Build(new List<(string, byte[])>(assemblies));

        private static void AssertRefused(string expected, byte[] pe)
        {
            var e = Assert.Throws<DeploymentException>(() => Build(("damaged.pe", pe)));
            Assert.StartsWith("damaged.pe: ", e.Message);
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void TheRealMscorlibPassesAsItIs()
        {
            byte[] mscorlib = PeFiles.Mscorlib();
            Assert.Equal(32536, mscorlib.Length);
            Assert.Equal(mscorlib, Build(("mscorlib.pe", mscorlib)));
        }

        [Fact]
        public void AssembliesAreConcatenatedEachPaddedToFourBytes()
        {
            byte[] mscorlib = PeFiles.Mscorlib();
            byte[] odd = PeFiles.Made(129, 0x11);
            byte[] three = PeFiles.Made(131, 0x22);
            byte[] image = Build(("a.pe", odd), ("mscorlib.pe", mscorlib), ("b.pe", three));
            Assert.Equal(132 + mscorlib.Length + 132, image.Length);
            Assert.Equal(odd, image.AsSpan(0, 129).ToArray());
            Assert.Equal(new byte[3], image.AsSpan(129, 3).ToArray());
            Assert.Equal(mscorlib, image.AsSpan(132, mscorlib.Length).ToArray());
            Assert.Equal(three, image.AsSpan(132 + mscorlib.Length, 131).ToArray());
            Assert.Equal(0, image[^1]);
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(1, 3)]
        [InlineData(2, 2)]
        [InlineData(3, 1)]
        [InlineData(4, 0)]
        [InlineData(32537, 3)]
        public void PaddingReachesTheNextMultipleOfFour(int length, int padding) => Assert.Equal(padding, DeploymentImage.Padding(length));

        [Fact]
        public void ADamagedHeaderIsRefused()
        {
            byte[] pe = PeFiles.Mscorlib();
            pe[28] ^= 0x01; // the version, inside the header
            AssertRefused("header CRC 0x", pe);
        }

        [Fact]
        public void AWrongRecordedHeaderCrcIsRefused()
        {
            byte[] pe = PeFiles.Mscorlib();
            pe[8] ^= 0x80;
            AssertRefused("does not match the recorded 0x", pe);
        }

        [Fact]
        public void ADamagedBodyIsRefused()
        {
            byte[] pe = PeFiles.Mscorlib();
            pe[pe.Length / 2] ^= 0x04;
            AssertRefused("assembly CRC 0x", pe);
        }

        [Fact]
        public void TheLastByteIsCovered()
        {
            byte[] pe = PeFiles.Mscorlib();
            pe[^1] ^= 0x01;
            AssertRefused("assembly CRC 0x", pe);
        }

        [Fact]
        public void ADllIsNotAPeFile()
        {
            byte[] dll = new byte[4096];
            dll[0] = (byte)'M';
            dll[1] = (byte)'Z';
            AssertRefused("not a nanoFramework .pe file (give the .pe", dll);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(6)]
        public void EveryMarkerByteCounts(int at)
        {
            byte[] pe = PeFiles.Made(200);
            pe[at] ^= 0x20;
            PeFiles.Seal(pe);
            AssertRefused("assembly marker \"NFMRK1\"", pe);
        }

        [Fact]
        public void AFileShorterThanAHeaderIsRefused()
        {
            AssertRefused("123 bytes, shorter than an assembly header (124 bytes)", PeFiles.Mscorlib().AsSpan(0, 123).ToArray());
        }

        [Fact]
        public void ATruncatedFileIsRefused()
        {
            AssertRefused("the header gives the assembly 32536 bytes, the file has 32532", PeFiles.Mscorlib().AsSpan(0, 32532).ToArray());
        }

        [Fact]
        public void BytesAppendedAreRefused()
        {
            byte[] pe = PeFiles.Mscorlib();
            Array.Resize(ref pe, pe.Length + 4);
            AssertRefused("the header gives the assembly 32536 bytes, the file has 32540", pe);
        }

        [Fact]
        public void AnotherStringTableVersionIsRefused()
        {
            byte[] pe = PeFiles.Made(200);
            pe[38] = 2;
            PeFiles.Seal(pe);
            AssertRefused("string table version 2", pe);
        }

        [Fact]
        public void AHeaderOnlyAssemblyPasses()
        {
            byte[] pe = PeFiles.Made(124);
            Assert.Equal(pe, Build(("empty.pe", pe)));
        }

        [Fact]
        public void NoAssemblyIsRefused()
        {
            var e = Assert.Throws<DeploymentException>(() => Build());
            Assert.Contains("no .pe file given", e.Message);
            Assert.Throws<ArgumentNullException>(() => DeploymentImage.Build(null!));
        }

        [Fact]
        public void TheSecondAssemblyIsCheckedToo()
        {
            byte[] bad = PeFiles.Made(200);
            bad[150] ^= 1;
            var e = Assert.Throws<DeploymentException>(() => Build(("good.pe", PeFiles.Made(200)), ("bad.pe", bad)));
            Assert.StartsWith("bad.pe: assembly CRC", e.Message);
        }

        [Fact]
        public void AnUnreadableFileIsNamed()
        {
            string missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".pe");
            var e = Assert.Throws<DeploymentException>(() => DeploymentImage.BuildFromFiles(new[] { missing }));
            Assert.StartsWith(missing + ": cannot read it", e.Message);
        }

        [Fact]
        public void TheCrcIsNanoFrameworksOwn()
        {
            // CRC-32 with poly 0x04C11DB7, init 0, no reflection, no final XOR:
            // the complement of CRC-32/POSIX's check value 0x765E7680 for "123456789".
            Assert.Equal(0x89A1897Fu, NanoCrc32.Compute("123456789"u8));
            Assert.Equal(0u, NanoCrc32.Compute(ReadOnlySpan<byte>.Empty));
            Assert.Equal(0x12345678u, NanoCrc32.Compute(ReadOnlySpan<byte>.Empty, 0x12345678));
            byte[] mscorlib = PeFiles.Mscorlib();
            Assert.Equal(NanoCrc32.Compute(mscorlib.AsSpan(124)), BitConverter.ToUInt32(mscorlib, 12));
            Assert.Equal(DeviceDouble.Crc(mscorlib, 0, 4000), NanoCrc32.Compute(mscorlib.AsSpan(0, 4000)));
            Assert.Equal(NanoCrc32.Compute(mscorlib.AsSpan(0, 4000)), NanoCrc32.Compute(mscorlib.AsSpan(1000, 3000), NanoCrc32.Compute(mscorlib.AsSpan(0, 1000))));
        }
    }
}

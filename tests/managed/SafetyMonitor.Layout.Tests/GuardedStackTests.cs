using System.Linq;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// A stack on an MPU guard (linker/main_stack_guarded.ld), where a part
    /// with one RAM block (QEMU's STM32F405) has no second unmapped edge:
    /// generated images with the guard right below the stack, then each rule
    /// broken once; and the QEMU_NETDUINOPLUS2 nanoCLR the cross build links
    /// (tests/cross/nanoframework/own_target.cmake) with its control.
    /// </summary>
    public class GuardedStackTests
    {
        private const uint Origin = 0x20000000;   // the CLR thread, flipped
        private const uint GuardAt = 0x20004000;  // the main stack's region

        // A flipped stack at the SRAM origin with the area above it, and a
        // second stack whose region starts with a guard of guardSize bytes.
        private static ElfBuilder Image(uint guardStart = GuardAt, uint guardSize = 32, uint stackBase = GuardAt + 32, uint regionStart = GuardAt, bool symbols = true, bool intruder = false, uint intruderOffset = 8)
        {
            ElfBuilder image = ElfBuilder.Flipped(Origin, 0x4000).Part("STM32F405RG")
                .Ram(".mstack_guard", guardStart, guardSize)
                .Ram(".mstack2", stackBase, 0x400)
                .Stack("mstack2", stackBase, stackBase + 0x400, regionStart, 0x2002FE50);
            if (symbols)
            {
                image.Symbol("__mstack2_guard_start__", guardStart).Symbol("__mstack2_guard_end__", guardStart + guardSize);
            }

            if (intruder)
            {
                image.Ram(".intruder", guardStart + intruderOffset, 8);
            }

            return image;
        }

        private static LayoutReport Report(ElfBuilder image) => LayoutReport.Analyse("test.elf", FirmwareImage.Read(image.Build()));

        [Fact]
        public void StackOnItsGuardFaults()
        {
            LayoutReport report = Report(Image());
            Assert.True(report.Holds, string.Join("; ", report.Violations));
            StackReport stack = report.Stacks.Single(s => s.Name == "mstack2");
            Assert.Equal(OverflowVerdict.Faults, stack.Overflow);
            Assert.Equal("it writes the MPU guard 0x20004000-0x20004020 below it first (no access: the write faults)", stack.OverflowReason);
        }

        [Fact]
        public void ControlWithoutGuardSymbolsWritesRam()
        {
            LayoutReport report = Report(Image(symbols: false));
            Assert.False(report.Holds);
            Assert.Equal(OverflowVerdict.WritesRam, report.Stacks.Single(s => s.Name == "mstack2").Overflow);
            Assert.Contains(report.Violations, v => v.StartsWith("stack mstack2 (.mstack2) does not start at its region's origin 0x20004000: below it lies .mstack_guard"));
        }

        [Theory]
        [InlineData(48u, "it is no MPU region")]    // not a power of two
        [InlineData(16u, "it is no MPU region")]    // below the 32-byte minimum
        public void GuardThatIsNoMpuRegionIsAViolation(uint size, string expected)
        {
            LayoutReport report = Report(Image(guardSize: size, stackBase: GuardAt + size));
            Assert.Contains(report.Violations, v => v.StartsWith("stack mstack2: its MPU guard 0x20004000-") && v.Contains(expected));
            Assert.Equal(OverflowVerdict.WritesRam, report.Stacks.Single(s => s.Name == "mstack2").Overflow);
        }

        [Fact]
        public void UnalignedGuardIsAViolation()
        {
            LayoutReport report = Report(Image(guardStart: GuardAt + 16, stackBase: GuardAt + 48, regionStart: GuardAt + 16));
            Assert.Contains(report.Violations, v => v.Contains("its MPU guard 0x20004010-0x20004030 is wrong: it is no MPU region"));
        }

        [Fact]
        public void GapBetweenGuardAndStackIsAViolation()
        {
            LayoutReport report = Report(Image(stackBase: GuardAt + 40));
            Assert.Contains(report.Violations, v => v.Contains("is wrong: it does not end where the stack starts (0x20004028)"));
        }

        [Fact]
        public void GuardAboveTheRegionOriginIsAViolation()
        {
            LayoutReport report = Report(Image(regionStart: GuardAt - 0x100));
            Assert.Contains(report.Violations, v => v.Contains("is wrong: it does not start at the region's origin 0x20003F00"));
        }

        [Fact]
        public void SectionInsideTheGuardIsAViolation()
        {
            LayoutReport report = Report(Image(intruder: true));
            Assert.Contains(report.Violations, v => v.Contains("is wrong: .intruder 0x20004008-0x20004010 lies in it"));
        }

        [Fact]
        public void SectionAtTheGuardsStartIsAViolation()
        {
            LayoutReport report = Report(Image(intruder: true, intruderOffset: 0));
            Assert.Contains(report.Violations, v => v.Contains("is wrong: .intruder 0x20004000-0x20004008 lies in it"));
        }

        [Fact]
        public void QemuNanoClrHolds()
        {
            foreach (string image in new[] { "nanoCLR", "nanoCLR-DEBUG" })
            {
                Run run = Run.Of("layout", Images.PathOf(Images.NanoFramework("qemu-netduinoplus2", image)));
                Assert.True(run.Exit == Program.Holds, run.Output + run.Error);
                Assert.Contains("stack clr_thread_wa (.clr_thread_wa): 0x20000000-", run.Output);
                Assert.Contains("below it: nothing (the region's start); an overflow faults (0x1FFFFFFF is reserved on the STM32F405RG", run.Output);
                Assert.Contains("stack main_stack (.mstack): 0x20004020-", run.Output);
                Assert.Contains("an overflow faults (it writes the MPU guard 0x20004000-0x20004020 below it first", run.Output);
                Assert.Contains("guards stack clr_thread_wa", run.Output);
            }
        }

        [Fact]
        public void QemuControlWithNanoFrameworksPlacementFails()
        {
            Run run = Run.Of("layout", Images.PathOf(Images.NanoFramework("qemu-netduinoplus2", "nanoCLR-control")));
            Assert.Equal(Program.Violated, run.Exit);
            Assert.Contains("stack clr_thread_wa (.clr_thread_wa): RAM lies right below its region's origin 0x20000030: .boot_clipboard_section 0x20000000-0x20000030", run.Output);
        }
    }
}

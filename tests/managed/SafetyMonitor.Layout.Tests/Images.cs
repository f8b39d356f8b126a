using System;
using System.IO;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>Firmware images the CMake presets build.</summary>
    internal static class Images
    {
        internal const string QemuDemo = "build/qemu-netduinoplus2/boards/QEMU_NETDUINOPLUS2/demo.elf";
        internal const string QemuFlipped32k = "build/qemu-netduinoplus2/tests/target/overflow_flipped_32k.elf";
        internal const string QemuConventionalControl = "build/qemu-netduinoplus2/tests/target/overflow_conventional.elf";

        /// <summary>The demo linked with its stack's region 1 KiB above SRAM1 (a mailbox below it), the link's check turned off.</summary>
        internal const string QemuMailboxControl = "build/qemu-netduinoplus2/tests/target/demo_mailbox.elf";

        /// <summary>Every preset that links bare-metal firmware for a board in boards/.</summary>
        internal static readonly string[] BoardPresets = { "qemu-netduinoplus2", "st-stm32f429i-discovery", "st-stm32f769i-discovery" };

        /// <summary>The bare-metal probe each preset links with the board's flipped layout (tests/cross).</summary>
        internal static string LinkProbe(string preset) => $"build/{preset}/tests/cross/link_probe.elf";

        /// <summary>The boards with a flipped nanoFramework layout, by CMake preset.</summary>
        internal static readonly string[] NanoFrameworkPresets = { "st-stm32f429i-discovery", "st-stm32f769i-discovery" };

        /// <summary>An image tests/cross/nanoframework links for a preset (nanoBooter, nanoCLR, nanoCLR-control, their -DEBUG).</summary>
        internal static string NanoFramework(string preset, string image) => $"build/{preset}/tests/cross/nanoframework/{image}.elf";

        internal static string Root
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "SafetyMonitor.sln")))
                    {
                        return dir.FullName;
                    }
                }

                throw new DirectoryNotFoundException("no SafetyMonitor.sln above " + AppContext.BaseDirectory);
            }
        }

        internal static string PathOf(string relative)
        {
            string path = Path.Combine(Root, relative);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{relative} is missing: build the CMake presets first (make test does)", path);
            }

            return path;
        }

        internal static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));
    }
}

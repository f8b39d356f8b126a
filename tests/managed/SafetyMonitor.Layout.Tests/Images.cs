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

using System;
using nanoFramework.Hardware.Stm32;

namespace SafetyMonitor
{
    /// <summary>
    /// The error memory in the STM32's RTC backup registers, through
    /// nanoFramework.Hardware.Stm32's <c>BackupMemory</c> (nanoFramework only;
    /// assembly SafetyMonitor.Stm32, so that the controller itself needs no
    /// board package and runs on every nanoCLR).
    /// The registers keep their contents across every reset while VDD or VBAT
    /// is present, and read all zeros after a backup-domain reset (RM0090
    /// §26.3.17: 20 registers, 80 bytes, on the STM32F4; RM0410: 32, 128 bytes,
    /// on the STM32F7), which <see cref="ErrorMemory.Open"/> treats as blank.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The error memory takes bytes 0 to 79; nothing else may use them. Its
    /// writes are 80 bytes at position 0 (whole registers).
    /// </para>
    /// <para>
    /// Creating one calls nothing native. On a nanoCLR built without
    /// nanoFramework.Hardware.Stm32's natives (the POSIX virtual device, a
    /// target without that API) every member below throws
    /// <see cref="NotSupportedException"/>: pass the store to
    /// <see cref="ErrorMemory.ChooseStore"/>, which probes <see cref="Size"/>
    /// once and falls back to RAM, instead of to the <see cref="ErrorMemory"/>
    /// constructor, which would throw.
    /// </para>
    /// </remarks>
    public sealed class BackupMemoryErrorStore : IErrorMemoryStore
    {
        /// <summary>
        /// Bytes of backup registers on this STM32 (<c>BackupMemory.Size</c>:
        /// the native <c>GetSize()</c>, nf-interpreter's <c>BACKUP_SIZE</c>), read
        /// from the firmware on the first call: the probe of <see cref="ErrorMemory.ChooseStore"/>.
        /// </summary>
        /// <exception cref="NotSupportedException">The firmware has no natives for nanoFramework.Hardware.Stm32.</exception>
        public int Size
        {
            get { return BackupMemory.Size; }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="buffer"/> is longer than <see cref="Size"/> (the native's <c>CLR_E_OUT_OF_RANGE</c>).</exception>
        /// <exception cref="NotSupportedException">The firmware has no natives for nanoFramework.Hardware.Stm32.</exception>
        public void Read(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            BackupMemory.ReadBytes(0, buffer);
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="buffer"/> is longer than <see cref="Size"/> (the native's <c>CLR_E_OUT_OF_RANGE</c>).</exception>
        /// <exception cref="NotSupportedException">The firmware has no natives for nanoFramework.Hardware.Stm32.</exception>
        public void Write(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            BackupMemory.WriteBytes(0, buffer);
        }
    }
}

using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The error memory: persistent error flags and a counter per flag, kept
    /// across resets in an <see cref="IErrorMemoryStore"/>, sealed with a CRC,
    /// cleared only by <see cref="Clear"/>. The byte layout is the C core's
    /// (native-interop/core/error_memory.h), so either side reads what the
    /// other wrote:
    /// magic 0x53454D31 at 0, version 1 at 4, the persistent flags at 8,
    /// 32 counters of 16 bits at 12 (counter n for flag bit n, saturating at
    /// 65535), at 76 the CRC-32 (STM32 CRC unit's parameters) of the 19
    /// little-endian words before it; 80 bytes.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every call validates the store first: a store that fails (magic,
    /// version or CRC) is wiped, gets <see cref="ErrorFlags.ErrorMemory"/>
    /// (persistent, counted once) and the call reports why. One 80-byte
    /// buffer, allocated by the constructor; no call allocates.
    /// </para>
    /// <para>
    /// Thread-safe: every public call holds one lock shared by all
    /// instances (the store is one piece of hardware, and each
    /// <c>BackupMemoryErrorStore</c> reaches the same registers), so a read on
    /// any thread never sees a write half done, never takes it for damage and
    /// never wipes valid evidence. A reset during a write can still leave a
    /// damaged store: the format keeps one copy.
    /// </para>
    /// <para>
    /// This file: the format and its calls; ErrorMemory.Choice.cs: the
    /// store chosen at start (<see cref="ChooseStore"/>, <see cref="StoreKind"/>).
    /// </para>
    /// </remarks>
    public sealed partial class ErrorMemory
    {
        /// <summary>Bytes the error memory takes in its store.</summary>
        public const int Size = 80;

        /// <summary>Number of flags, and of counters: one per bit of the error-flag word.</summary>
        public const int FlagCount = 32;

        private const uint Magic = 0x53454D31;
        private const uint Version = 1;
        private const int FlagsOffset = 8;
        private const int CountsOffset = 12;
        private const int CrcOffset = 76;

        private const int MaxCount = 0xFFFF;

        // One lock for every instance: two instances may share one store.
        private static readonly object StoreLock = new object();

        private readonly IErrorMemoryStore _store;
        private readonly byte[] _bytes = new byte[Size];
        private ErrorMemoryStatus _damage = ErrorMemoryStatus.Ok;

        /// <summary>
        /// Uses the store; reads nothing yet (see <see cref="Open"/>).
        /// <see cref="StoreKind"/> is <see cref="ErrorMemoryStoreKind.Supplied"/>.
        /// </summary>
        /// <param name="store">Where the 80 bytes live.</param>
        /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
        /// <exception cref="ArgumentException">The store holds fewer than <see cref="Size"/> bytes.</exception>
        /// <exception cref="Exception">
        /// Whatever <c>store.Size</c> throws: a <c>BackupMemoryErrorStore</c> on a
        /// nanoCLR without nanoFramework.Hardware.Stm32's natives throws
        /// <see cref="NotSupportedException"/> (use <see cref="ChooseStore"/> there).
        /// </exception>
        public ErrorMemory(IErrorMemoryStore store)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (store.Size < Size)
            {
                throw new ArgumentException("The store holds fewer than ErrorMemory.Size bytes.", "store");
            }

            _store = store;
        }

        /// <summary>
        /// Opens the store at start-up: keeps a valid one, formats a blank one
        /// (all zeros; or, when <paramref name="powerOn"/>, one whose magic is
        /// wrong), wipes and flags a damaged one.
        /// </summary>
        /// <param name="powerOn">
        /// True after a power-on reset of storage that does not survive it
        /// (then unsealed contents are noise, not damage); false when unknown.
        /// </param>
        /// <returns><see cref="ErrorMemoryStatus.Ok"/>, <see cref="ErrorMemoryStatus.Formatted"/> or why it was wiped.</returns>
        public ErrorMemoryStatus Open(bool powerOn)
        {
            lock (StoreLock)
            {
                _store.Read(_bytes);
                ErrorMemoryStatus status = Validate();
                if (status == ErrorMemoryStatus.Ok)
                {
                    return status;
                }

                if (AllZero() || (powerOn && status == ErrorMemoryStatus.DamagedMagic))
                {
                    Format();
                    Seal();
                    return ErrorMemoryStatus.Formatted;
                }

                WipeDamaged(status);
                return status;
            }
        }

        /// <summary>
        /// Records that <paramref name="flags"/> were raised: each flag's
        /// counter goes up by one (saturating at 65535); with
        /// <paramref name="persistent"/> the flags also stay set until
        /// <see cref="Clear"/>.
        /// </summary>
        /// <param name="flags">Any bits.</param>
        /// <param name="persistent">Whether to keep the flags set across resets.</param>
        /// <returns><see cref="ErrorMemoryStatus.Ok"/>, or why the store had to be wiped first.</returns>
        public ErrorMemoryStatus Raise(ErrorFlags flags, bool persistent)
        {
            return RaiseTimes(flags, persistent, 1);
        }

        /// <summary>
        /// <see cref="Raise"/> for an event that happened <paramref name="times"/>
        /// times: each flag's counter goes up by <paramref name="times"/>,
        /// saturating at 65535; 0 counts nothing but still keeps persistent
        /// flags. Byte for byte what the C core's
        /// <c>stack_check_error_memory_raise_times()</c> does.
        /// </summary>
        /// <param name="flags">Any bits.</param>
        /// <param name="persistent">Whether to keep the flags set across resets.</param>
        /// <param name="times">How often, 0 to 4294967295 (a fault record's <see cref="FaultRecord.Count"/>).</param>
        /// <returns><see cref="ErrorMemoryStatus.Ok"/>, or why the store had to be wiped first.</returns>
        public ErrorMemoryStatus RaiseTimes(ErrorFlags flags, bool persistent, uint times)
        {
            lock (StoreLock)
            {
                ErrorMemoryStatus status = Load();
                Count((uint)flags, times);
                if (persistent)
                {
                    SetUInt32(FlagsOffset, GetUInt32(FlagsOffset) | (uint)flags);
                }

                Seal();
                return status;
            }
        }

        /// <summary>The persistent flags (the store is validated, and wiped if damaged).</summary>
        public ErrorFlags PersistentFlags
        {
            get
            {
                lock (StoreLock)
                {
                    Load();
                    return (ErrorFlags)GetUInt32(FlagsOffset);
                }
            }
        }

        /// <summary>How often a flag was raised since the last <see cref="Clear"/> (the store is validated first).</summary>
        /// <param name="flag">Exactly one bit.</param>
        /// <returns>0 to 65535.</returns>
        /// <exception cref="ArgumentException"><paramref name="flag"/> is not exactly one bit.</exception>
        public int GetCount(ErrorFlags flag)
        {
            uint bits = (uint)flag;
            if (bits == 0 || (bits & (bits - 1)) != 0)
            {
                throw new ArgumentException("Exactly one flag is required.", "flag");
            }

            int bit = 0;
            while ((bits & 1) == 0)
            {
                bits >>= 1;
                bit++;
            }

            lock (StoreLock)
            {
                Load();
                return GetUInt16(CountsOffset + (2 * bit));
            }
        }

        /// <summary>Clears every flag and counter: the explicit act that ends the evidence.</summary>
        public void Clear()
        {
            lock (StoreLock)
            {
                Format();
                Seal();
            }
        }

        /// <summary>
        /// The damage that calls of this instance found (and wiped) since the
        /// last time this was asked, or <see cref="ErrorMemoryStatus.Ok"/>;
        /// the latest when there were several. The controller asks once per
        /// cycle, so that damage a reader found on another thread is raised.
        /// </summary>
        internal ErrorMemoryStatus TakeDamage()
        {
            lock (StoreLock)
            {
                ErrorMemoryStatus damage = _damage;
                _damage = ErrorMemoryStatus.Ok;
                return damage;
            }
        }

        // Reads and validates; a damaged store is wiped and flagged. Caller holds StoreLock.
        private ErrorMemoryStatus Load()
        {
            _store.Read(_bytes);
            ErrorMemoryStatus status = Validate();
            if (status != ErrorMemoryStatus.Ok)
            {
                WipeDamaged(status);
            }

            return status;
        }

        private ErrorMemoryStatus Validate()
        {
            if (GetUInt32(0) != Magic)
            {
                return ErrorMemoryStatus.DamagedMagic;
            }

            if (GetUInt32(4) != Version)
            {
                return ErrorMemoryStatus.OtherVersion;
            }

            return Crc32Stm32.OfLittleEndianWords(_bytes, 0, CrcOffset / 4) == GetUInt32(CrcOffset)
                ? ErrorMemoryStatus.Ok
                : ErrorMemoryStatus.DamagedCrc;
        }

        private void WipeDamaged(ErrorMemoryStatus damage)
        {
            Format();
            SetUInt32(FlagsOffset, (uint)ErrorFlags.ErrorMemory);
            Count((uint)ErrorFlags.ErrorMemory, 1);
            Seal();
            _damage = damage;
        }

        private void Format()
        {
            for (int i = FlagsOffset; i < CrcOffset; i++)
            {
                _bytes[i] = 0;
            }
        }

        // Adds times to the counter of every flag, saturating at MaxCount.
        private void Count(uint flags, uint times)
        {
            for (int bit = 0; bit < FlagCount; bit++)
            {
                if ((flags & (1u << bit)) != 0)
                {
                    int at = CountsOffset + (2 * bit);
                    uint room = (uint)(MaxCount - GetUInt16(at));
                    SetUInt16(at, GetUInt16(at) + (int)(times < room ? times : room));
                }
            }
        }

        private void Seal()
        {
            SetUInt32(0, Magic);
            SetUInt32(4, Version);
            SetUInt32(CrcOffset, Crc32Stm32.OfLittleEndianWords(_bytes, 0, CrcOffset / 4));
            _store.Write(_bytes);
        }

        private bool AllZero()
        {
            for (int i = 0; i < Size; i++)
            {
                if (_bytes[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        private uint GetUInt32(int at)
        {
            return (uint)(_bytes[at] | (_bytes[at + 1] << 8) | (_bytes[at + 2] << 16) | (_bytes[at + 3] << 24));
        }

        private void SetUInt32(int at, uint value)
        {
            _bytes[at] = (byte)value;
            _bytes[at + 1] = (byte)(value >> 8);
            _bytes[at + 2] = (byte)(value >> 16);
            _bytes[at + 3] = (byte)(value >> 24);
        }

        private int GetUInt16(int at)
        {
            return _bytes[at] | (_bytes[at + 1] << 8);
        }

        private void SetUInt16(int at, int value)
        {
            _bytes[at] = (byte)value;
            _bytes[at + 1] = (byte)(value >> 8);
        }
    }
}

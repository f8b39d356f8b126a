using System;

namespace SafetyMonitor
{
    /// <summary>
    /// An error-memory store in managed memory: it survives as long as the
    /// object does (a new <see cref="SafetyController"/> on the same store
    /// sees what the last one recorded), not a device reset. For PCs and
    /// tests, and what <see cref="ErrorMemory.ChooseStore"/> falls back to on a
    /// nanoCLR without the backup registers' natives; on a board use
    /// <c>BackupMemoryErrorStore</c>.
    /// </summary>
    public sealed class RamErrorMemoryStore : IErrorMemoryStore
    {
        private readonly byte[] _bytes;

        /// <summary>Creates a blank (all-zero) store of <see cref="ErrorMemory.Size"/> bytes.</summary>
        public RamErrorMemoryStore()
        {
            _bytes = new byte[ErrorMemory.Size];
        }

        /// <inheritdoc />
        public int Size
        {
            get { return _bytes.Length; }
        }

        /// <summary>The stored bytes themselves (tests damage them through this).</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is longer than the store.</exception>
        public void Read(byte[] buffer)
        {
            Check(buffer);
            Array.Copy(_bytes, buffer, buffer.Length);
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="buffer"/> is longer than the store.</exception>
        public void Write(byte[] buffer)
        {
            Check(buffer);
            Array.Copy(buffer, _bytes, buffer.Length);
        }

        private void Check(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (buffer.Length > _bytes.Length)
            {
                throw new ArgumentException("The buffer is longer than the store.", "buffer");
            }
        }
    }
}

using System;
using System.Threading;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// An error-memory store whose next write can be held between two bytes:
    /// a write to backup registers or flash is never atomic, and this shows
    /// what another thread sees (and does) while one is half done.
    /// </summary>
    internal sealed class GatedStore : IErrorMemoryStore
    {
        private static readonly TimeSpan HoldAtMost = TimeSpan.FromSeconds(30);
        private readonly byte[] _bytes = new byte[ErrorMemory.Size];
        private int _armed;

        /// <summary>Set once the held write has written <see cref="HoldAfterBytes"/> bytes and waits.</summary>
        public ManualResetEventSlim Holding { get; } = new ManualResetEventSlim(false);

        /// <summary>Lets the held write finish.</summary>
        public ManualResetEventSlim Release { get; } = new ManualResetEventSlim(false);

        /// <summary>Bytes the held write writes before it waits.</summary>
        public int HoldAfterBytes { get; set; } = ErrorMemory.Size / 2;

        /// <summary>Writes that completed.</summary>
        public int Writes { get; private set; }

        public int Size => _bytes.Length;

        public byte[] Bytes => _bytes;

        /// <summary>Holds the next write (one only).</summary>
        public void HoldNextWrite()
        {
            Holding.Reset();
            Release.Reset();
            Volatile.Write(ref _armed, 1);
        }

        public void Read(byte[] buffer)
        {
            Array.Copy(_bytes, buffer, buffer.Length);
        }

        public void Write(byte[] buffer)
        {
            bool hold = Interlocked.Exchange(ref _armed, 0) == 1;
            for (int i = 0; i < buffer.Length; i++)
            {
                if (hold && i == HoldAfterBytes)
                {
                    Holding.Set();
                    if (!Release.Wait(HoldAtMost))
                    {
                        throw new TimeoutException("the test never released the held write");
                    }
                }

                _bytes[i] = buffer[i];
            }

            Writes++;
        }
    }

    /// <summary>A store that lets other threads run between every byte it writes.</summary>
    internal sealed class YieldingStore : IErrorMemoryStore
    {
        private readonly byte[] _bytes = new byte[ErrorMemory.Size];

        public int Size => _bytes.Length;

        public void Read(byte[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = Volatile.Read(ref _bytes[i]);
                Thread.Yield();
            }
        }

        public void Write(byte[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                Volatile.Write(ref _bytes[i], buffer[i]);
                Thread.Yield();
            }
        }
    }

    /// <summary>A store that fails: a bus error, an unpowered backup domain.</summary>
    internal sealed class FailingStore : IErrorMemoryStore
    {
        private readonly RamErrorMemoryStore _inner = new RamErrorMemoryStore();

        public bool FailWrites { get; set; }

        public bool FailReads { get; set; }

        public int Size => _inner.Size;

        public byte[] Bytes => _inner.Bytes;

        public void Read(byte[] buffer)
        {
            if (FailReads)
            {
                throw new InvalidOperationException("the store cannot be read");
            }

            _inner.Read(buffer);
        }

        public void Write(byte[] buffer)
        {
            if (FailWrites)
            {
                throw new InvalidOperationException("the store cannot be written");
            }

            _inner.Write(buffer);
        }
    }
}

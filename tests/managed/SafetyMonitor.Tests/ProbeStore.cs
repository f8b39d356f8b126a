using System;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// A double of <c>BackupMemoryErrorStore</c>: its <see cref="Size"/> (the
    /// probe, <c>BackupMemory.GetSize()</c> on a board) answers a size or
    /// throws what a nanoCLR or a faulty store throws; its reads and writes
    /// go to <see cref="Bytes"/>, or throw <see cref="ReadFault"/>.
    /// </summary>
    internal sealed class ProbeStore : IErrorMemoryStore
    {
        private readonly byte[] _bytes = new byte[128];
        private readonly int _size;
        private readonly Exception _probeFault;

        private ProbeStore(int size, Exception probeFault)
        {
            _size = size;
            _probeFault = probeFault;
        }

        /// <summary>Backup registers of <paramref name="size"/> bytes (at most 128: an STM32F7's 32 registers).</summary>
        public static ProbeStore Answering(int size) => new ProbeStore(size, null);

        /// <summary>A probe that throws <paramref name="fault"/>.</summary>
        public static ProbeStore Throwing(Exception fault) => new ProbeStore(0, fault);

        /// <summary>What the nanoCLR throws when a native method has no handler: exactly NotSupportedException.</summary>
        public static ProbeStore WithoutNatives() => Throwing(new NotSupportedException());

        public byte[] Bytes => _bytes;

        public int Probes { get; private set; }

        public int Accesses { get; private set; }

        /// <summary>Thrown by every read once set.</summary>
        public Exception ReadFault { get; set; }

        public int Size
        {
            get
            {
                Probes++;
                if (_probeFault != null)
                {
                    throw _probeFault;
                }

                return _size;
            }
        }

        public void Read(byte[] buffer)
        {
            Accesses++;
            if (ReadFault != null)
            {
                throw ReadFault;
            }

            Array.Copy(_bytes, buffer, buffer.Length);
        }

        public void Write(byte[] buffer)
        {
            Accesses++;
            Array.Copy(buffer, _bytes, buffer.Length);
        }
    }
}

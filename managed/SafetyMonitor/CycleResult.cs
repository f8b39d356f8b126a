namespace SafetyMonitor
{
    /// <summary>
    /// What one safety cycle saw. A value type: reading it allocates nothing.
    /// </summary>
    public struct CycleResult
    {
        /// <summary>Creates a result; the controller does this once per cycle.</summary>
        /// <param name="number">Cycle number, from 1.</param>
        /// <param name="freeStackBytes">Free native stack in bytes, as measured.</param>
        /// <param name="minFreeStackBytes">The high-water mark in bytes, or -7 when not measured.</param>
        /// <param name="area">Status of the corruption-detect area check.</param>
        /// <param name="detected">Conditions found in this cycle.</param>
        /// <param name="flags">Flags set after this cycle, policies applied.</param>
        /// <param name="panic">Whether the controller is in panic after this cycle.</param>
        public CycleResult(long number, int freeStackBytes, int minFreeStackBytes, AreaStatus area, ErrorFlags detected, ErrorFlags flags, bool panic)
            : this(number, freeStackBytes, minFreeStackBytes, area, detected, flags, panic, -1)
        {
        }

        /// <summary>Creates a result with a heap measurement; the controller does this once per cycle.</summary>
        /// <param name="number">Cycle number, from 1.</param>
        /// <param name="freeStackBytes">Free native stack in bytes, as measured.</param>
        /// <param name="minFreeStackBytes">The high-water mark in bytes, or -7 when not measured.</param>
        /// <param name="area">Status of the corruption-detect area check.</param>
        /// <param name="detected">Conditions found in this cycle.</param>
        /// <param name="flags">Flags set after this cycle, policies applied.</param>
        /// <param name="panic">Whether the controller is in panic after this cycle.</param>
        /// <param name="freeHeapBytes">Free managed heap in bytes, or -1 when this cycle did not measure it.</param>
        public CycleResult(long number, int freeStackBytes, int minFreeStackBytes, AreaStatus area, ErrorFlags detected, ErrorFlags flags, bool panic, long freeHeapBytes)
        {
            Number = number;
            FreeStackBytes = freeStackBytes;
            MinFreeStackBytes = minFreeStackBytes;
            Area = area;
            Detected = detected;
            Flags = flags;
            Panic = panic;
            FreeHeapBytes = freeHeapBytes;
        }

        /// <summary>
        /// Cycle number, counted from 1; 0 before the first cycle. 64 bits: at
        /// one cycle per millisecond it would wrap after 292 million years (an
        /// <c>int</c> would go negative after 24.8 days). A fault record keeps
        /// its low 32 bits (<see cref="FaultRecord.Cycle"/>).
        /// </summary>
        public long Number { get; }

        /// <summary>Free native stack in bytes (negative after an overflow that has not faulted).</summary>
        public int FreeStackBytes { get; }

        /// <summary>
        /// The least free native stack seen since it was painted (the
        /// high-water mark, <c>StackCheck.GetMinFree()</c>), in bytes; -7 when
        /// the stack is not painted or <c>SafetyController.UseHighWaterMark</c>
        /// is off (then it is not read).
        /// </summary>
        public int MinFreeStackBytes { get; }

        /// <summary>Status of the corruption-detect area check of this cycle.</summary>
        public AreaStatus Area { get; }

        /// <summary>Conditions found in this cycle (before policies).</summary>
        public ErrorFlags Detected { get; }

        /// <summary>Flags set after this cycle, with the policies applied.</summary>
        public ErrorFlags Flags { get; }

        /// <summary>Whether the controller was in panic after this cycle.</summary>
        public bool Panic { get; }

        /// <summary>
        /// Free managed heap in bytes as this cycle measured it
        /// (<c>SafetyController.SetHeapCheck</c>); -1 when it did not (no heap
        /// check, not due this cycle, or the heap threw).
        /// </summary>
        public long FreeHeapBytes { get; }
    }
}

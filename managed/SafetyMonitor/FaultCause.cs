namespace SafetyMonitor
{
    /// <summary>What wrote a fault record (C: <c>enum stack_check_fault_cause</c>).</summary>
    public enum FaultCause
    {
        /// <summary>Not a value a valid record carries.</summary>
        Unknown = 0,
        /// <summary>The HardFault handler (escalated BusFault, MemManage or UsageFault included).</summary>
        HardFault = 1,
        /// <summary><c>__stack_chk_fail()</c>: a function's stack-protector canary was overwritten.</summary>
        StackProtector = 2,
    }
}

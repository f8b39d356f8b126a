namespace SafetyMonitor
{
    /// <summary>Which stack was in use at the fault (C: <c>enum stack_check_fault_stack</c>).</summary>
    public enum FaultStack
    {
        /// <summary>Not known.</summary>
        Unknown = 0,
        /// <summary>The main stack (MSP): exceptions, and main() on bare metal.</summary>
        Main = 1,
        /// <summary>The process stack (PSP): RTOS threads, the nanoCLR's CLR thread.</summary>
        Process = 2,
    }
}

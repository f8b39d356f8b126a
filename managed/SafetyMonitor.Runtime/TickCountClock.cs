using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The monotonic clock of stable nanoFramework:
    /// <c>System.Environment.TickCount64</c>, milliseconds since the system
    /// started (nanoFramework.Runtime.Native 1.7.11,
    /// nanoFramework.Runtime.Native/System/Environment.cs). The clock for a
    /// <see cref="SafetyLoop"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// What the nanoCLR counts (nf-interpreter, main of 2026-07-24, a3e8139a):
    /// <c>TickCount64</c> is <c>CLR_RT_ExecutionEngine::GetUptime()</c> / 10,000
    /// (src/nanoFramework.Runtime.Native/nf_rt_native_System_Environment.cpp;
    /// milliseconds since 8406034b of 2022-02-09, 100 ns ticks before it), and
    /// <c>GetUptime()</c> is <c>HAL_Time_CurrentTime()</c> minus the value it
    /// had when the execution engine started (src/CLR/Core/Execution.cpp). On
    /// the ChibiOS targets <c>HAL_Time_CurrentTime()</c> converts
    /// <c>chVTGetTimeStamp()</c>, ChibiOS's 64-bit monotonic system-time stamp
    /// (targets/ChibiOS/_include/targetHAL_Time.h, since 63389034 of 2023-02-16;
    /// before it the 32-bit system time, which wraps); on the POSIX virtual
    /// device <c>CLOCK_MONOTONIC</c> (targets/posix/nanoCLR/targetHAL_Time.cpp).
    /// Neither SNTP nor <c>Rtc.SetSystemTime</c> moves it: they set the RTC,
    /// which only <c>DateTime.UtcNow</c> reads. The same time base times
    /// <c>Thread.Sleep</c> and <c>WaitHandle.WaitOne</c>.
    /// </para>
    /// <para>
    /// Resolution: one ChibiOS system tick (<c>CH_CFG_ST_FREQUENCY</c>). On
    /// .NET, <c>Environment.TickCount64</c> is the system's monotonic
    /// millisecond count as well.
    /// </para>
    /// </remarks>
    public sealed class TickCountClock : IMonotonicClock
    {
        /// <summary>Milliseconds since the system (on nanoFramework: the CLR) started; never decreases.</summary>
        public long Milliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}

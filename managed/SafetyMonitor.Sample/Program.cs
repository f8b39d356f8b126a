using System;
using System.Diagnostics;
using System.Threading;
using SafetyMonitor;

namespace SafetyMonitor.Sample
{
    /// <summary>
    /// The safety controller inside an application's loop: the safety loop
    /// runs every 100 ms of the monotonic clock on its own thread with a
    /// 250 ms deadline, the application works in its own loop and reads the
    /// last cycle's result.
    /// </summary>
    public class Program
    {
        private static readonly WorkerHeartbeatCheck Heartbeat = new WorkerHeartbeatCheck();

        /// <summary>The application's entry point: never returns.</summary>
        public static void Main()
        {
            // Flags and their counters survive resets in the RTC backup registers.
            var controller = new SafetyController(new ErrorMemory(new BackupMemoryErrorStore()));
            AreaStatus area = controller.Initialize();
            ReportLastRun(controller);
            if (area != AreaStatus.Ok)
            {
                // nanoFramework prints enum values as numbers: see AreaStatus for their meaning.
                Debug.WriteLine("stack corruption-detect area not sealed, status " + ((int)area).ToString());
            }

            // A stack problem stops the process for good, even when an earlier
            // run left Stack set; a stalled worker only until it beats again.
            controller.SetPolicy(ErrorFlags.Stack, FlagPolicy.Panic);
            controller.SetPolicy(Heartbeat.Flag, FlagPolicy.SelfClearing);
            controller.Register(Heartbeat);
            controller.ErrorRaised += OnErrorRaised;
            controller.PanicEntered += OnPanicEntered;

            using (var loop = new SafetyLoop(controller, new TickCountClock(), 100, 250))
            {
                loop.Start();
                while (true)
                {
                    DoApplicationWork();
                    Heartbeat.Beat();

                    CycleResult cycle = controller.LastCycle;
                    if (cycle.Panic)
                    {
                        EnterSafeState();
                    }

                    Thread.Sleep(50);
                }
            }
        }

        // What the last run left: a fault record (the HardFault handler's or
        // the stack protector's), and the flags the error memory kept.
        private static void ReportLastRun(SafetyController controller)
        {
            FaultRecord fault = controller.LastFault;
            if (fault != null)
            {
                // Decimal numbers: see FaultRecord for the registers' bits.
                Debug.WriteLine("safety: the last run ended in a fault in cycle " + ((int)fault.Cycle).ToString()
                    + ": cause " + ((int)fault.Cause).ToString() + ", CFSR " + ((int)fault.Cfsr).ToString()
                    + ", HFSR " + ((int)fault.Hfsr).ToString() + ", BFAR " + ((int)fault.Bfar).ToString()
                    + ", stack " + ((int)fault.Stack).ToString());
            }
            else if (controller.LastFaultStatus != FaultRecordStatus.None)
            {
                Debug.WriteLine("safety: fault record status " + ((int)controller.LastFaultStatus).ToString());
            }

            Debug.WriteLine("safety: flags kept from earlier runs " + ((int)controller.ErrorMemory.PersistentFlags).ToString()
                + ", stack errors counted " + controller.ErrorMemory.GetCount(ErrorFlags.Stack).ToString());
        }

        private static void DoApplicationWork()
        {
            // The application's own work: read sensors, drive outputs...
        }

        private static void EnterSafeState()
        {
            // Switch outputs off and wait for a reset.
            Thread.Sleep(Timeout.Infinite);
        }

        private static void OnErrorRaised(object sender, ErrorRaisedEventArgs e)
        {
            Debug.WriteLine("safety: flag " + ((int)e.Flag).ToString() + " raised in cycle " + e.Cycle.Number.ToString()
                + ", free stack " + e.Cycle.FreeStackBytes.ToString() + " bytes, area status " + ((int)e.Cycle.Area).ToString());
        }

        private static void OnPanicEntered(object sender, EventArgs e)
        {
            Debug.WriteLine("safety: panic; the device needs a reset");
        }
    }
}

using System;
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
            // Flags and their counters survive resets in the RTC backup
            // registers; where the firmware has no natives for them (the
            // virtual device) in RAM, and the first line printed says so.
            SafetyController controller = new SafetyStart(Print).Start(new BackupMemoryErrorStore(), Heartbeat);
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

        // Console.WriteLine prints in Release builds too (Debug.WriteLine is
        // compiled only with DEBUG): the Visual Studio output window on a
        // board, standard output on the virtual device.
        private static void Print(string line)
        {
            Console.WriteLine(line);
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
    }
}

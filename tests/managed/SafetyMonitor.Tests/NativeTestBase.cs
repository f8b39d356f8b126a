using System;
using System.Collections.Generic;
using System.Threading;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// Every test starts and ends with a healthy entropy source and no
    /// painted stack, and starts as after a boot that found no fault record.
    /// </summary>
    public abstract class NativeTestBase : IDisposable
    {
        protected NativeTestBase()
        {
            NativeCore.SetEntropyFault(NativeCore.EntropyFault.Healthy);
            NativeCore.SetResetFlags(0);
            NativeCore.BootWithoutFault();
            NativeCore.ForgetPaint();
        }

        public void Dispose()
        {
            NativeCore.SetEntropyFault(NativeCore.EntropyFault.Healthy);
            NativeCore.SetResetFlags(0);
            NativeCore.ForgetPaint();
        }

        /// <summary>A controller with a freshly sealed area, recording its events.</summary>
        protected static SafetyController NewController(List<ErrorRaisedEventArgs> raised = null)
        {
            var controller = new SafetyController();
            if (controller.Initialize() != AreaStatus.Ok)
            {
                throw new InvalidOperationException("the area did not seal");
            }

            if (raised != null)
            {
                controller.ErrorRaised += (sender, e) => raised.Add(e);
            }

            return controller;
        }

        /// <summary>Patience for anything another thread must do.</summary>
        protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

        /// <summary>Waits until the controller has run cycle <paramref name="number"/>.</summary>
        protected static void WaitForCycle(SafetyController controller, long number)
        {
            DateTime until = DateTime.UtcNow + Patience;
            while (controller.LastCycle.Number < number)
            {
                if (DateTime.UtcNow >= until)
                {
                    throw new TimeoutException($"the loop did not reach cycle {number}");
                }

                Thread.Sleep(5);
            }
        }

        /// <summary>A formatted store whose error memory keeps <paramref name="kept"/> (counted once), as an earlier run left it.</summary>
        protected static RamErrorMemoryStore StoreKeeping(ErrorFlags kept)
        {
            var store = new RamErrorMemoryStore();
            var earlier = new ErrorMemory(store);
            earlier.Open(false);
            earlier.Raise(kept, true);
            return store;
        }

        /// <summary>Runs an action on a thread with a native stack of the given size.</summary>
        protected static void OnThreadWithStack(int stackBytes, Action action)
        {
            Exception failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }, stackBytes);
            thread.Start();
            thread.Join();
            if (failure != null)
            {
                throw new AggregateException(failure);
            }
        }
    }

    /// <summary>A check whose verdict the test sets.</summary>
    internal sealed class ScriptedCheck : ISafetyCheck
    {
        public ScriptedCheck(ErrorFlags flag)
        {
            Flag = flag;
        }

        public ErrorFlags Flag { get; }

        public bool Healthy { get; set; } = true;

        public bool Throws { get; set; }

        public int Runs { get; private set; }

        public int SleepMilliseconds { get; set; }

        public bool Run()
        {
            Runs++;
            if (SleepMilliseconds > 0)
            {
                Thread.Sleep(SleepMilliseconds);
                SleepMilliseconds = 0;
            }

            if (Throws)
            {
                throw new InvalidOperationException("scripted failure");
            }

            return Healthy;
        }
    }
}

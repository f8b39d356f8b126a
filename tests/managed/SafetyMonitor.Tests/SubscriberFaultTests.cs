using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// A subscriber that throws skips neither panic nor the other
    /// subscribers, does not stop the loop, and is itself reported.
    /// </summary>
    public class SubscriberFaultTests : NativeTestBase
    {
        [Fact]
        public void ThrowingSubscribersSkipNeitherPanicNorTheOthers()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            var raised = new List<ErrorFlags>();
            int panics = 0;
            controller.ErrorRaised += (s, e) => throw new InvalidOperationException("first ErrorRaised subscriber");
            controller.ErrorRaised += (s, e) => raised.Add(e.Flag);
            controller.PanicEntered += (s, e) => throw new InvalidOperationException("first PanicEntered subscriber");
            controller.PanicEntered += (s, e) => panics++;

            CycleResult cycle = controller.Handle();
            Assert.True(cycle.Panic);
            Assert.True(controller.InPanic);
            Assert.Equal(new[] { ErrorFlags.Application3 }, raised);
            Assert.Equal(1, panics);

            // The failures themselves: reported to the next cycle, raised there.
            CycleResult next = controller.Handle();
            Assert.Equal(ErrorFlags.HandlerFault, next.Detected & ErrorFlags.HandlerFault);
            Assert.Equal(ErrorFlags.HandlerFault, next.Flags & ErrorFlags.HandlerFault);
            Assert.Equal(new[] { ErrorFlags.Application3, ErrorFlags.HandlerFault }, raised);
        }

        [Fact]
        public void EachSubscriptionIsCalledAndUnsubscribingRemovesTheLastEqualOne()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            var calls = new List<string>();
            ErrorRaisedEventHandler a = (s, e) => calls.Add("a");
            ErrorRaisedEventHandler b = (s, e) => calls.Add("b");
            EventHandler p = (s, e) => calls.Add("p");
            controller.ErrorRaised += a;
            controller.ErrorRaised += b;
            controller.ErrorRaised += a;
            controller.ErrorRaised += null;
            controller.PanicEntered += p;
            controller.PanicEntered -= p;
            controller.Handle();
            Assert.Equal(new[] { "a", "b", "a" }, calls);

            calls.Clear();
            controller.ErrorRaised -= a;
            controller.ErrorRaised -= null;
            controller.ErrorRaised -= (s, e) => calls.Add("never subscribed");
            check.Healthy = true;
            controller.Handle();
            check.Healthy = false;
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            controller.Handle();
            Assert.Equal(new[] { "a", "b" }, calls);   // the last "a" went; no panic subscriber left

            calls.Clear();
            controller.ErrorRaised -= a;
            controller.ErrorRaised -= a;
            controller.ErrorRaised -= b;
            check.Healthy = true;
            controller.Handle();
            check.Healthy = false;
            controller.Handle();
            Assert.Empty(calls);
        }

        [Fact]
        public void ConcurrentSubscriptionsAreAllKept()
        {
            const int PerThread = 400;
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3);
            controller.Register(check);
            int calls = 0;
            var handlers = new ErrorRaisedEventHandler[2, PerThread];
            for (int t = 0; t < 2; t++)
            {
                for (int i = 0; i < PerThread; i++)
                {
                    handlers[t, i] = (s, e) => Interlocked.Increment(ref calls);
                }
            }

            void OnBothThreads(Action<int> work)
            {
                using (var barrier = new Barrier(2))
                {
                    var threads = new Thread[2];
                    for (int t = 0; t < 2; t++)
                    {
                        int which = t;
                        threads[t] = new Thread(() =>
                        {
                            barrier.SignalAndWait();
                            work(which);
                        });
                        threads[t].Start();
                    }

                    Assert.True(threads[0].Join(Patience) && threads[1].Join(Patience));
                }
            }

            OnBothThreads(t =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    controller.ErrorRaised += handlers[t, i];
                }
            });
            check.Healthy = false;
            controller.Handle();
            Assert.Equal(2 * PerThread, calls);

            OnBothThreads(t =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    controller.ErrorRaised -= handlers[t, i];
                }
            });
            check.Healthy = true;
            controller.Handle();
            check.Healthy = false;
            controller.Handle();
            Assert.Equal(2 * PerThread, calls);
        }

        [Fact]
        public void SubscriberThatThrowsOnceIsOneHandlerFaultInTheNextCycle()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            int calls = 0;
            controller.ErrorRaised += (s, e) =>
            {
                if (++calls == 1)
                {
                    throw new InvalidOperationException("once");
                }
            };
            Assert.Equal(ErrorFlags.Application3, controller.Handle().Detected);
            Assert.Equal(ErrorFlags.Application3 | ErrorFlags.HandlerFault, controller.Handle().Detected);
            Assert.Equal(ErrorFlags.Application3, controller.Handle().Detected);
            Assert.Equal(ErrorFlags.Application3, controller.Handle().Detected);
        }

        [Fact]
        public void ThrowingPanicSubscriberAloneIsAHandlerFault()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            controller.PanicEntered += (s, e) => throw new InvalidOperationException("panic subscriber bug");
            Assert.True(controller.Handle().Panic);
            Assert.Equal(ErrorFlags.HandlerFault, controller.Handle().Detected & ErrorFlags.HandlerFault);
        }

        [Fact]
        public void SubscriberThatAlwaysThrowsDoesNotFloodTheCycles()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            int calls = 0;
            controller.ErrorRaised += (s, e) =>
            {
                calls++;
                throw new InvalidOperationException("always");
            };

            for (int i = 0; i < 6; i++)
            {
                controller.Handle();
            }

            // Application3, then ErrorFlags.HandlerFault (its event throws too): two detections.
            Assert.Equal(2, calls);
            Assert.Equal(ErrorFlags.Application3 | ErrorFlags.HandlerFault, controller.Flags);
        }

        [Fact]
        public void LoopSurvivesAThrowingSubscriber()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.ErrorRaised += (s, e) => throw new InvalidOperationException("subscriber bug");
            using (var loop = new SafetyLoop(controller, new TickCountClock(), 5, 5000))
            {
                loop.Start();
                WaitForCycle(controller, 10);
                Assert.True(loop.IsRunning);
                Assert.True(loop.Stop());
                Assert.False(loop.IsRunning);
            }

            Assert.Equal(ErrorFlags.HandlerFault, controller.Flags & ErrorFlags.HandlerFault);
        }

        [Fact]
        public void ThrowingCheckWithAPanicPolicyStillPanics()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Throws = true };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.CheckFault, FlagPolicy.Panic);
            int panics = 0;
            controller.PanicEntered += (s, e) => panics++;
            CycleResult cycle = controller.Handle();
            Assert.Equal(ErrorFlags.Application3 | ErrorFlags.CheckFault, cycle.Detected);
            Assert.True(cycle.Panic);
            Assert.Equal(1, panics);
        }

        [Fact]
        public void SubscriberThatThrowsForTheFirstOfTwoFlagsIsAHandlerFault()
        {
            // ErrorRaised comes in bit order: the throw is not the cycle's last call.
            SafetyController controller = NewController();
            controller.Register(new ScriptedCheck(ErrorFlags.Application3) { Healthy = false });
            controller.Register(new ScriptedCheck(ErrorFlags.Application4) { Healthy = false });
            var raised = new List<ErrorFlags>();
            controller.ErrorRaised += (s, e) =>
            {
                raised.Add(e.Flag);
                if (e.Flag == ErrorFlags.Application3)
                {
                    throw new InvalidOperationException("fails for Application3 only");
                }
            };
            Assert.Equal(ErrorFlags.Application3 | ErrorFlags.Application4, controller.Handle().Detected);
            Assert.Equal(new[] { ErrorFlags.Application3, ErrorFlags.Application4 }, raised);
            Assert.Equal(ErrorFlags.HandlerFault, controller.Handle().Detected & ErrorFlags.HandlerFault);
        }
    }
}

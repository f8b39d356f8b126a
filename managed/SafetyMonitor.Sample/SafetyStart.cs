using System;

namespace SafetyMonitor.Sample
{
    /// <summary>
    /// The sample's start, everything <c>Program.Main</c> does before
    /// its loop: choose the error memory's store (the RTC backup registers
    /// when the firmware has their natives, else RAM) and say which, take the
    /// evidence of the last run, seal the area, set the policies, register the
    /// heartbeat and report detections. The backup-register store comes in as
    /// an argument, so the same code runs on every nanoCLR and in the .NET
    /// tests (tests/managed/SafetyMonitor.Tests, SampleStartTests).
    /// </summary>
    public sealed class SafetyStart
    {
        private readonly LineWriter _print;

        /// <summary>Reports through <paramref name="print"/>.</summary>
        /// <param name="print">Where each line of the report goes.</param>
        /// <exception cref="ArgumentNullException"><paramref name="print"/> is null.</exception>
        public SafetyStart(LineWriter print)
        {
            if (print == null)
            {
                throw new ArgumentNullException("print");
            }

            _print = print;
        }

        /// <summary>
        /// Builds and starts the controller: the store is chosen by
        /// <see cref="ErrorMemory.ChooseStore"/> and its kind printed first
        /// (<c>"safety: error memory in ..."</c>), then the evidence of the
        /// last run and, unless it sealed, the area's status. A stack problem
        /// stops the process for good (<see cref="FlagPolicy.Panic"/>), even when
        /// an earlier run left <see cref="ErrorFlags.Stack"/> set; a stalled
        /// <paramref name="heartbeat"/> only until it beats again
        /// (<see cref="FlagPolicy.SelfClearing"/>).
        /// </summary>
        /// <param name="backupRegisters">The store over the RTC backup registers (<c>new BackupMemoryErrorStore()</c>).</param>
        /// <param name="heartbeat">The application's check; its flag is one of Application0 to Application14.</param>
        /// <returns>The controller, initialised; the caller runs its loop.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="backupRegisters"/> or <paramref name="heartbeat"/> is null.</exception>
        /// <exception cref="ArgumentException">The heartbeat's flag is not exactly one application flag.</exception>
        /// <exception cref="Exception">
        /// What <see cref="ErrorMemory.ChooseStore"/> propagates (a store fault
        /// of the probe), or what the chosen store throws when the evidence is
        /// taken (<see cref="SafetyController.Initialize"/>): a store fault is
        /// never taken for an absent store.
        /// </exception>
        public SafetyController Start(IErrorMemoryStore backupRegisters, ISafetyCheck heartbeat)
        {
            if (heartbeat == null)
            {
                throw new ArgumentNullException("heartbeat");
            }

            ErrorMemory memory = ErrorMemory.ChooseStore(backupRegisters);
            _print("safety: " + ErrorMemory.DescribeStore(memory.StoreKind));
            var controller = new SafetyController(memory);
            AreaStatus area = controller.Initialize();
            ReportLastRun(controller);
            if (area != AreaStatus.Ok)
            {
                // nanoFramework prints enum values as numbers: see AreaStatus for their meaning.
                _print("safety: stack corruption-detect area not sealed, status " + ((int)area).ToString());
            }

            controller.SetPolicy(ErrorFlags.Stack, FlagPolicy.Panic);
            controller.SetPolicy(heartbeat.Flag, FlagPolicy.SelfClearing);
            controller.Register(heartbeat);
            controller.ErrorRaised += OnErrorRaised;
            controller.PanicEntered += OnPanicEntered;
            return controller;
        }

        // What the last run left: a fault record (the HardFault handler's or
        // the stack protector's), and the flags the error memory kept.
        private void ReportLastRun(SafetyController controller)
        {
            FaultRecord fault = controller.LastFault;
            if (fault != null)
            {
                // Decimal numbers: see FaultRecord for the registers' bits.
                _print("safety: the last run ended in a fault in cycle " + ((int)fault.Cycle).ToString()
                    + ": cause " + ((int)fault.Cause).ToString() + ", CFSR " + ((int)fault.Cfsr).ToString()
                    + ", HFSR " + ((int)fault.Hfsr).ToString() + ", BFAR " + ((int)fault.Bfar).ToString()
                    + ", stack " + ((int)fault.Stack).ToString());
            }
            else if (controller.LastFaultStatus != FaultRecordStatus.None)
            {
                _print("safety: fault record status " + ((int)controller.LastFaultStatus).ToString());
            }

            _print("safety: flags kept from earlier runs " + ((int)controller.ErrorMemory.PersistentFlags).ToString()
                + ", stack errors counted " + controller.ErrorMemory.GetCount(ErrorFlags.Stack).ToString());
        }

        private void OnErrorRaised(object sender, ErrorRaisedEventArgs e)
        {
            _print("safety: flag " + ((int)e.Flag).ToString() + " raised in cycle " + e.Cycle.Number.ToString()
                + ", free stack " + e.Cycle.FreeStackBytes.ToString() + " bytes, area status " + ((int)e.Cycle.Area).ToString());
        }

        private void OnPanicEntered(object sender, EventArgs e)
        {
            _print("safety: panic; the device needs a reset");
        }
    }
}

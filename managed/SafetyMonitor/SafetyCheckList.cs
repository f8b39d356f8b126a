using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The application's registered checks and their flags, run in the order
    /// of registration. Registration only appends, so a cycle can run the
    /// first <c>count</c> checks it read under the controller's lock without
    /// holding it.
    /// </summary>
    internal sealed class SafetyCheckList
    {
        private readonly ISafetyCheck[] _checks = new ISafetyCheck[SafetyController.MaxChecks];
        private readonly int[] _flags = new int[SafetyController.MaxChecks];
        private int _count;

        /// <summary>Checks registered so far. Read under the controller's lock.</summary>
        internal int Count
        {
            get { return _count; }
        }

        /// <summary>Appends a check. Caller holds the controller's lock.</summary>
        /// <exception cref="ArgumentException">The check is already registered.</exception>
        /// <exception cref="InvalidOperationException"><see cref="SafetyController.MaxChecks"/> checks are already registered.</exception>
        internal void Add(ISafetyCheck check, int flag)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_checks[i] == check)
                {
                    throw new ArgumentException("This check is already registered.", "check");
                }
            }

            if (_count == SafetyController.MaxChecks)
            {
                throw new InvalidOperationException("The controller already runs MaxChecks checks.");
            }

            _checks[_count] = check;
            _flags[_count] = flag;
            _count++;
        }

        /// <summary>
        /// Runs the first <paramref name="count"/> checks: a check that fails
        /// detects its flag, one that throws its flag and
        /// <see cref="ErrorFlags.CheckFault"/>.
        /// </summary>
        /// <returns>The detected flags.</returns>
        internal int Run(int count)
        {
            int detected = 0;
            for (int i = 0; i < count; i++)
            {
                try
                {
                    if (!_checks[i].Run())
                    {
                        detected |= _flags[i];
                    }
                }
                catch (Exception)
                {
                    detected |= _flags[i] | (int)ErrorFlags.CheckFault;
                }
            }

            return detected;
        }
    }
}

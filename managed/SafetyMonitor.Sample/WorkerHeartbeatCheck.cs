using System.Threading;
using SafetyMonitor;

namespace SafetyMonitor.Sample
{
    /// <summary>
    /// Fails when the application's worker loop did not beat since the
    /// previous safety cycle: a stalled worker raises <see cref="ErrorFlags.Application0"/>.
    /// </summary>
    public class WorkerHeartbeatCheck : ISafetyCheck
    {
        private int _beats;
        private int _seen;

        /// <inheritdoc />
        public ErrorFlags Flag
        {
            get { return ErrorFlags.Application0; }
        }

        /// <summary>Called by the worker once per iteration.</summary>
        public void Beat()
        {
            Interlocked.Increment(ref _beats);
        }

        /// <inheritdoc />
        public bool Run()
        {
            int beats = Interlocked.CompareExchange(ref _beats, 0, 0);
            bool alive = beats != _seen;
            _seen = beats;
            return alive;
        }
    }
}

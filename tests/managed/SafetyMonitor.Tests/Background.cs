using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace SafetyMonitor.Tests
{
    /// <summary>A call on a thread of its own: whether it has completed, and its result or exception.</summary>
    internal sealed class Background<T>
    {
        private readonly Thread _thread;
        private T _result;
        private Exception _failure;

        private Background(Func<T> call)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    _result = call();
                }
                catch (Exception e)
                {
                    _failure = e;
                }
            });
            _thread.IsBackground = true;
            _thread.Start();
        }

        public static Background<T> Run(Func<T> call) => new Background<T>(call);

        /// <summary>Waits for the call to complete; true when it has.</summary>
        public bool Wait(TimeSpan timeout) => _thread.Join(timeout);

        public bool Wait(int milliseconds) => _thread.Join(milliseconds);

        /// <summary>The result; rethrows the call's exception.</summary>
        public T Result
        {
            get
            {
                if (!_thread.Join(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("the background call did not complete");
                }

                if (_failure != null)
                {
                    ExceptionDispatchInfo.Capture(_failure).Throw();
                }

                return _result;
            }
        }
    }

    internal static class Background
    {
        public static Background<bool> Run(Action call) => Background<bool>.Run(() =>
        {
            call();
            return true;
        });
    }
}

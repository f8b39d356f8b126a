using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The subscribers of one of the controller's events, each called on its
    /// own: one that throws is counted and the others still run.
    /// </summary>
    /// <remarks>
    /// The list is an array replaced (never changed) on every subscription,
    /// under the controller's lock, so a raise works on a snapshot without
    /// any lock while subscribers run and allocates nothing. It does not use
    /// <c>Delegate.GetInvocationList()</c>: mscorlib has it only in its
    /// reflection build (CoreLibrary v1.17.11, System/Delegate.cs, inside
    /// <c>#if NANOCLR_REFLECTION</c>), and the controller runs on every nanoCLR.
    /// Each delegate added with <c>+=</c> is one subscriber (a multicast
    /// delegate added at once is called as one).
    /// </remarks>
    internal sealed class Subscribers
    {
        private static readonly Delegate[] None = new Delegate[0];
        private readonly object _sync;
        private Delegate[] _list = None;

        /// <summary>An empty list whose changes hold <paramref name="sync"/> (the controller's lock).</summary>
        internal Subscribers(object sync)
        {
            _sync = sync;
        }

        /// <summary>
        /// The subscribers now: an array nobody changes, so reading the one
        /// reference (an atomic read; a new array is published only once
        /// filled) needs no lock.
        /// </summary>
        internal Delegate[] Snapshot
        {
            get { return _list; }
        }

        /// <summary>Adds a subscriber at the end; null adds nothing.</summary>
        internal void Add(Delegate subscriber)
        {
            if (subscriber == null)
            {
                return;
            }

            lock (_sync)
            {
                var list = new Delegate[_list.Length + 1];
                Array.Copy(_list, list, _list.Length);
                list[_list.Length] = subscriber;
                _list = list;
            }
        }

        /// <summary>Removes the last subscription equal to <paramref name="subscriber"/>, as .NET events do; anything else removes nothing.</summary>
        internal void Remove(Delegate subscriber)
        {
            if (subscriber == null)
            {
                return;
            }

            lock (_sync)
            {
                for (int i = _list.Length - 1; i >= 0; i--)
                {
                    if (_list[i].Equals(subscriber))
                    {
                        var list = new Delegate[_list.Length - 1];
                        Array.Copy(_list, 0, list, 0, i);
                        Array.Copy(_list, i + 1, list, i, _list.Length - i - 1);
                        _list = list;
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Calls every subscriber in the order of subscription (an
        /// <see cref="ErrorRaisedEventHandler"/> with <paramref name="e"/> as
        /// <see cref="ErrorRaisedEventArgs"/>, an <see cref="EventHandler"/> as it is).
        /// </summary>
        /// <returns>How many subscribers threw.</returns>
        internal int Raise(object sender, EventArgs e)
        {
            Delegate[] list = Snapshot;
            int failures = 0;
            for (int i = 0; i < list.Length; i++)
            {
                try
                {
                    var errorRaised = list[i] as ErrorRaisedEventHandler;
                    if (errorRaised != null)
                    {
                        errorRaised(sender, (ErrorRaisedEventArgs)e);
                    }
                    else
                    {
                        ((EventHandler)list[i])(sender, e);
                    }
                }
                catch (Exception)
                {
                    failures++;
                }
            }

            return failures;
        }
    }
}

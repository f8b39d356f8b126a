using System;
using System.Collections.Generic;

namespace SafetyMonitor.Layout
{
    /// <summary>
    /// Counts the sections the analysis looks at, so that a test can check
    /// the work grows as n log n with the number of sections (a count, not a
    /// time: the same on every machine).
    /// </summary>
    internal sealed class WorkCounter
    {
        /// <summary>Sections looked at so far.</summary>
        internal long Visits { get; set; }
    }

    /// <summary>
    /// The RAM sections sorted by address, for the questions the analysis
    /// asks: which sections start in a range, which reach an address from
    /// below, which hold a range. Built in O(n log n); each question costs
    /// O(log n) plus the sections it returns, and for overlapping sections
    /// the ones it steps over.
    /// </summary>
    internal sealed class SectionIndex
    {
        private readonly ElfSection[] _byStart;
        private readonly int[] _tableOrder;
        private readonly ulong[] _maxEndSoFar;
        private readonly WorkCounter? _work;

        internal SectionIndex(IReadOnlyList<ElfSection> sections, WorkCounter? work)
        {
            _work = work;
            var order = new int[sections.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            // Stable: sections at one address keep their table order.
            Array.Sort(order, (a, b) => sections[a].Address != sections[b].Address ? sections[a].Address.CompareTo(sections[b].Address) : a.CompareTo(b));
            _byStart = new ElfSection[order.Length];
            _tableOrder = order;
            _maxEndSoFar = new ulong[order.Length];
            ulong max = 0;
            for (int i = 0; i < order.Length; i++)
            {
                _byStart[i] = sections[order[i]];
                max = Math.Max(max, _byStart[i].End);
                _maxEndSoFar[i] = max;
            }
        }

        /// <summary>The sections, by address (stable).</summary>
        internal IReadOnlyList<ElfSection> ByStart => _byStart;

        /// <summary>Sections whose address lies in [from, to), by address.</summary>
        internal IEnumerable<ElfSection> StartingIn(ulong from, ulong to)
        {
            for (int i = FirstAtOrAbove(from); i < _byStart.Length && _byStart[i].Address < to; i++)
            {
                Visit();
                yield return _byStart[i];
            }
        }

        /// <summary>Sections that start below the address and reach it (End &gt;= address), by address.</summary>
        internal List<ElfSection> ReachingFromBelow(ulong address)
        {
            var found = new List<ElfSection>();
            for (int i = FirstAtOrAbove(address) - 1; i >= 0 && _maxEndSoFar[i] >= address; i--)
            {
                Visit();
                if (_byStart[i].End >= address)
                {
                    found.Add(_byStart[i]);
                }
            }

            found.Reverse();
            return found;
        }

        /// <summary>The first section, in table order, that holds the non-empty range; null when none does.</summary>
        internal ElfSection? Holding(AddressRange range)
        {
            if (range.End <= range.Start)
            {
                return null;
            }

            int best = -1;
            for (int i = FirstAtOrAbove(range.Start + 1) - 1; i >= 0 && _maxEndSoFar[i] >= range.End; i--)
            {
                Visit();
                if (_byStart[i].End >= range.End && (best < 0 || _tableOrder[i] < _tableOrder[best]))
                {
                    best = i;
                }
            }

            return best < 0 ? null : _byStart[best];
        }

        /// <summary>Counts one section looked at.</summary>
        internal void Visit()
        {
            if (_work != null)
            {
                _work.Visits++;
            }
        }

        /// <summary>The first index in <see cref="ByStart"/> whose section's address is at least the address.</summary>
        internal int FirstAtOrAbove(ulong address)
        {
            int low = 0;
            int high = _byStart.Length;
            while (low < high)
            {
                Visit();
                int middle = low + ((high - low) / 2);
                if (_byStart[middle].Address < address)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}

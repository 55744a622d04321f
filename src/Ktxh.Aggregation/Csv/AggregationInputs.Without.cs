using System.Runtime.CompilerServices;
using Ktxh.Aggregation.Engine;

namespace Ktxh.Aggregation;

/// <summary>Leaving inputs out of a file's inputs without leaving the columns (issue 10: one bad line must not cost the
/// engine's fast path).</summary>
public sealed partial class AggregationInputs
{
    /// <summary>
    /// The inputs without those at <paramref name="indexes"/>: the others in the same order, each with the file line it
    /// started on (<see cref="Lines"/>, <see cref="LocationOf"/>) and the same <see cref="Source"/>, held in columns as
    /// a file read in full is, so that <see cref="AggregationEngine.Aggregate"/> takes them as fast (a list of
    /// <see cref="AggregationInput"/> of a national file takes it up to 4 times as long and twice the memory).
    /// </summary>
    /// <remarks>
    /// <para>For the lines a check drops before aggregating (such as <see cref="Validator.CheckReferences(IReadOnlyList{AggregationInput}, Ktxh.Indicators.ReportingUnits.ReportingUnitDirectory)"/>'s findings): an
    /// <see cref="AggregationIssue.InputIndex"/> of a run on the result is an index in the result, and the result's
    /// <see cref="LocationOf"/> gives its line in the file.</para>
    /// <para>The result is what reading the file without the left-out lines would give (the distinct codes and periods
    /// are those of the inputs kept, so a left-out line never changes how the rest is aggregated), except for the lines.
    /// The columns of the inputs kept are copied (about 0.1 s for the 2.47 million lines of a national file); this
    /// instance is not changed. Thread-safe, as every member.</para>
    /// </remarks>
    /// <param name="indexes">The 0-based indexes of the inputs to leave out, in any order; an index may be given more
    /// than once.</param>
    /// <returns>The inputs kept (this instance when <paramref name="indexes"/> is empty).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indexes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative or not below <see cref="Count"/>.</exception>
    public AggregationInputs Without(IEnumerable<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        bool[]? drop = null;
        foreach (int index in indexes)
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(indexes), index, _count == 0
                    ? $"Chỉ số {index} không phải của giá trị nào: không có giá trị nào / Index {index} is not an input's index: there are no inputs."
                    : $"Chỉ số {index} không phải của giá trị nào (0 đến {_count - 1}) / Index {index} is not an input's index (0 to {_count - 1}).");
            }

            drop ??= new bool[_count];
            drop[index] = true;
        }

        if (drop is null)
        {
            return this;
        }

        var builder = new Builder();
        builder.AddKept(this, drop);
        return new AggregationInputs(builder, Source);
    }

    /// <content>Appending the inputs of another instance.</content>
    internal sealed partial class Builder
    {
        /// <summary>Appends the inputs of <paramref name="from"/> whose <paramref name="drop"/> is false, in order, with
        /// their lines; codes and periods are numbered in order of first use by an input kept, as the reader numbers
        /// them. For a new builder (its code dictionaries are not filled: it is not given chunks after this).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AddKept(AggregationInputs from, bool[] drop)
        {
            int[] indicatorOf = Unassigned(from.IndicatorCodes.Length);
            int[] unitOf = Unassigned(from.UnitCodes.Length);
            int[] periodOf = Unassigned(from.Periods.Length);
            int[] disaggregationOf = Unassigned(from.Disaggregations.Length);
            int[] measureOf = Unassigned(from.MeasureUnits.Length);
            disaggregationOf[0] = measureOf[0] = 0; // id 0 is the total and no unit of measure in both.

            // The ids are mapped here, so the id columns are written through the identity (their width is chosen as the
            // reader's is, by the number of distinct ids so far).
            int[] identity = new int[Math.Max(Math.Max(indicatorOf.Length, unitOf.Length), periodOf.Length)];
            for (int k = 0; k < identity.Length; k++)
            {
                identity[k] = k;
            }

            int[] pick = new int[SegmentSize];
            int[] ids = new int[SegmentSize];
            int[] lines = new int[SegmentSize];
            for (int s = 0; s < from.IndicatorIds.Length; s++)
            {
                int first = s << SegmentShift;
                int n = Math.Min(SegmentSize, from._count - first);
                int m = 0;
                for (int o = 0; o < n; o++)
                {
                    if (!drop[first + o])
                    {
                        pick[m++] = o;
                    }
                }

                if (m == 0)
                {
                    continue;
                }

                int start = Count;
                EnsureSegments(start + m);
                Remap(from.IndicatorIds[s], pick, m, indicatorOf, from.IndicatorCodes, IndicatorCodes, ids);
                IndicatorIds.WriteMapped(ids, m, start, identity, IndicatorCodes.Count);
                Remap(from.UnitIds[s], pick, m, unitOf, from.UnitCodes, UnitCodes, ids);
                UnitIds.WriteMapped(ids, m, start, identity, UnitCodes.Count);
                Remap(from.PeriodIds[s], pick, m, periodOf, from.Periods, Periods, ids);
                PeriodIds.WriteMapped(ids, m, start, identity, Periods.Count);

                // Values and maturities by runs of consecutive inputs kept (a few runs a segment: lines dropped are few).
                for (int k = 0; k < m;)
                {
                    int run = 1;
                    while (k + run < m && pick[k + run] == pick[k] + run)
                    {
                        run++;
                    }

                    CopyRun(from.Values[s], from.Maturities[s], pick[k], start + k, run);
                    k += run;
                }

                // As the reader: the optional columns exist once an input kept has a disaggregation or unit of measure.
                if (from.DisaggregationIds is not null && Remap(from.DisaggregationIds[s], pick, m, disaggregationOf, from.Disaggregations, Disaggregations, ids))
                {
                    DisaggregationIds ??= Zeros(start + m);
                }

                if (DisaggregationIds is not null)
                {
                    Write(ids, m, start, DisaggregationIds);
                }

                if (from.MeasureIds is not null && Remap(from.MeasureIds[s], pick, m, measureOf, from.MeasureUnits, Measures, ids))
                {
                    MeasureIds ??= Zeros(start + m);
                }

                if (MeasureIds is not null)
                {
                    Write(ids, m, start, MeasureIds);
                }

                for (int k = 0; k < m; k++)
                {
                    lines[k] = from.LineOf(first + pick[k]);
                }

                AddLines(lines, m, 0, start);
                Count = start + m;
            }
        }

        /// <summary>Copies the values and maturities of <paramref name="length"/> inputs from offset
        /// <paramref name="offset"/> of a segment to input <paramref name="to"/> on (which may cross a segment).</summary>
        private void CopyRun(CompactDecimals values, byte[] maturities, int offset, int to, int length)
        {
            while (length > 0)
            {
                int o = to & SegmentMask;
                int take = Math.Min(length, SegmentSize - o);
                values.CopyTo(offset, Values[to >> SegmentShift], o, take);
                Array.Copy(maturities, offset, Maturities[to >> SegmentShift], o, take);
                offset += take;
                to += take;
                length -= take;
            }
        }

        private static int[] Unassigned(int length)
        {
            var map = new int[length];
            Array.Fill(map, -1);
            return map;
        }

        /// <summary>Writes the new id of each picked input's id to <paramref name="ids"/> (the next new id for an id not
        /// seen before, its code or period added to <paramref name="to"/>).</summary>
        private static void Remap<T>(IdSegment segment, int[] pick, int m, int[] newOf, T[] from, List<T> to, int[] ids)
        {
            for (int k = 0; k < m; k++)
            {
                ids[k] = NewId(segment[pick[k]], newOf, from, to);
            }
        }

        /// <summary>The new id of <paramref name="old"/>: the one given before, or the next one, its code or period added
        /// to <paramref name="to"/>.</summary>
        private static int NewId<T>(int old, int[] newOf, T[] from, List<T> to)
        {
            int id = newOf[old];
            if (id < 0)
            {
                id = newOf[old] = to.Count;
                to.Add(from[old]);
            }

            return id;
        }

        /// <summary>As <see cref="Remap{T}(IdSegment, int[], int, int[], T[], List{T}, int[])"/> for an optional column
        /// (id 0 is none); returns whether an id is not 0.</summary>
        private static bool Remap<T>(int[] segment, int[] pick, int m, int[] newOf, T[] from, List<T> to, int[] ids)
        {
            bool any = false;
            for (int k = 0; k < m; k++)
            {
                ids[k] = NewId(segment[pick[k]], newOf, from, to);
                any |= ids[k] != 0;
            }

            return any;
        }

        private static void Write(int[] ids, int m, int start, List<int[]> segments)
        {
            for (int k = 0; k < m; k++)
            {
                int i = start + k;
                segments[i >> SegmentShift][i & SegmentMask] = ids[k];
            }
        }
    }
}

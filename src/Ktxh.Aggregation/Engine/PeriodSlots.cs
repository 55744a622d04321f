using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The periods of one aggregation run as dense indices: the input (leaf) periods in chronological order, then the
/// periods they roll up to (month, quarter, half-year, nine months, year, year-to-date), each target with the list
/// of leaves it holds. Which targets a series has, and whether one is complete, depend on that series' own leaves
/// only (<see cref="MarkTargets"/>, <see cref="ExpectedLeavesOf"/>).
/// </summary>
internal sealed class PeriodSlots
{
    private PeriodSlots(ReportingPeriod[] spans, int leafCount, int[][] leavesOf, int[][] targetsOf, int[] yearToDateOf, WeekAssignment weeks)
    {
        Spans = spans;
        LeafCount = leafCount;
        LeavesOf = leavesOf;
        TargetsOf = targetsOf;
        YearToDateOf = yearToDateOf;
        Weeks = weeks;

        // A period that is one series' input and another's target (a yearly denominator, monthly numerators) has two
        // slots; each knows the other, so that a ratio or formula reads both operands for the same period (issue 14).
        Twin = new int[spans.Length];
        Array.Fill(Twin, -1);
        var first = new Dictionary<ReportingPeriod, int>(spans.Length);
        for (int g = 0; g < spans.Length; g++)
        {
            if (first.TryGetValue(spans[g], out int other))
            {
                Twin[g] = other;
                Twin[other] = g;
            }
            else
            {
                first[spans[g]] = g;
            }
        }
    }

    /// <summary>For each slot, the other slot of the same period (a leaf of one series, a target of another), or −1.</summary>
    public int[] Twin { get; }

    /// <summary>Every slot: leaves first (chronological), then targets.</summary>
    public ReportingPeriod[] Spans { get; }

    /// <summary>The number of leaf slots.</summary>
    public int LeafCount { get; }

    /// <summary>For each slot, the leaves it holds in chronological order (a leaf holds itself).</summary>
    public int[][] LeavesOf { get; }

    /// <summary>For each leaf, the targets that hold it.</summary>
    public int[][] TargetsOf { get; }

    /// <summary>For each leaf, the year-to-date slot that ends with it (the month holding its last day): a series has
    /// a year-to-date through a month only when it has a leaf of its own ending in that month (issue 9 §1).</summary>
    public int[] YearToDateOf { get; }

    /// <summary>How weeks are assigned to months.</summary>
    public WeekAssignment Weeks { get; }

    /// <summary>How many leaves of the type of <paramref name="leafSlot"/> a complete <paramref name="targetSlot"/>
    /// holds; computed per series from its own leaves, so that another series' leaf types never count.</summary>
    public int ExpectedLeavesOf(int targetSlot, int leafSlot) =>
        targetSlot < LeafCount ? 1 : ExpectedCount(Spans[targetSlot], Spans[leafSlot], Weeks);

    /// <summary>Marks in <paramref name="used"/> the targets a series with these leaves rolls into: every target
    /// holding one of them, except a year-to-date through a month in which the series itself has no leaf.</summary>
    public void MarkTargets(ReadOnlySpan<int> leaves, bool[] used)
    {
        var ownYearToDates = new HashSet<int>();
        ReadOnlySpan<int> all = leaves;
        foreach (int g in all)
        {
            if (YearToDateOf[g] >= 0)
            {
                ownYearToDates.Add(YearToDateOf[g]);
            }
        }

        foreach (int g in all)
        {
            foreach (int t in TargetsOf[g])
            {
                if (Spans[t].Type != PeriodType.YearToDate || ownYearToDates.Contains(t))
                {
                    used[t] = true;
                }
            }
        }
    }

    /// <summary>The number of slots.</summary>
    public int Count => Spans.Length;

    /// <summary>Builds the slots for a set of input periods.</summary>
    public static PeriodSlots Build(IEnumerable<ReportingPeriod> leafSpans, WeekAssignment weeks)
    {
        // No LINQ, sorted set or dictionary keyed by a value type other than the one the run uses anyway
        // (Dictionary<ReportingPeriod, int>): in the ReadyToRun process each such generic instantiation is compiled at
        // start-up, for a dozen periods.
        ReportingPeriod[] leaves = SortedDistinct(leafSpans);
        var targetIndex = new Dictionary<ReportingPeriod, int>();
        var targetKeys = new List<ReportingPeriod>();
        var targetLeaves = new List<List<int>>();

        // Per leaf type and year, the months (1-12) in which some leaf ends.
        var yearMonthsWithData = new Dictionary<int, bool[]>();
        var anchors = new LocalDate[leaves.Length];
        for (int i = 0; i < leaves.Length; i++)
        {
            anchors[i] = Anchor(leaves[i], weeks);
            if (RollsIntoYearToDate(leaves[i].Type))
            {
                int key = YearKey(leaves[i].Type, anchors[i].Year);
                if (!yearMonthsWithData.TryGetValue(key, out bool[]? months))
                {
                    yearMonthsWithData[key] = months = new bool[13];
                }

                // A leaf contributes to the year-to-date ending at the month that holds its last day (its anchor
                // month for periods no longer than a month).
                months[LastMonth(leaves[i], anchors[i])] = true;
            }
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            foreach (ReportingPeriod t in TargetsFor(leaves[i], anchors[i]))
            {
                Add(t, i);
            }

            if (RollsIntoYearToDate(leaves[i].Type))
            {
                int last = LastMonth(leaves[i], anchors[i]);
                int year = anchors[i].Year;
                bool[] months = yearMonthsWithData[YearKey(leaves[i].Type, year)];
                for (int m = last; m <= 12; m++)
                {
                    if (months[m])
                    {
                        Add(ReportingPeriod.YearToDate(year, m), i);
                    }
                }
            }
        }

        // A target is kept only when it differs from the leaves' own type (a month input does not make a month target).
        ReportingPeriod[] targetSpans = SortedDistinct(targetKeys);
        var spans = new ReportingPeriod[leaves.Length + targetSpans.Length];
        leaves.CopyTo(spans, 0);
        targetSpans.CopyTo(spans, leaves.Length);
        var leavesOf = new int[spans.Length][];
        var targetsOf = new List<int>[leaves.Length];
        var yearToDateOf = new int[leaves.Length];
        Array.Fill(yearToDateOf, -1);
        for (int i = 0; i < leaves.Length; i++)
        {
            leavesOf[i] = [i];
            targetsOf[i] = [];
        }

        for (int j = 0; j < targetSpans.Length; j++)
        {
            int slot = leaves.Length + j;
            int[] held = targetLeaves[targetIndex[targetSpans[j]]].ToArray();
            leavesOf[slot] = held;
            foreach (int l in held)
            {
                targetsOf[l].Add(slot);
                if (targetSpans[j].Type == PeriodType.YearToDate && targetSpans[j].End.Month == LastMonth(leaves[l], anchors[l]))
                {
                    yearToDateOf[l] = slot;
                }
            }
        }

        var targetsOfArrays = new int[leaves.Length][];
        for (int i = 0; i < leaves.Length; i++)
        {
            targetsOfArrays[i] = targetsOf[i].ToArray();
        }

        return new PeriodSlots(spans, leaves.Length, leavesOf, targetsOfArrays, yearToDateOf, weeks);

        void Add(ReportingPeriod t, int leaf)
        {
            if (!targetIndex.TryGetValue(t, out int k))
            {
                targetIndex[t] = k = targetKeys.Count;
                targetKeys.Add(t);
                targetLeaves.Add([]);
            }

            targetLeaves[k].Add(leaf);
        }
    }

    /// <summary>A key for a leaf type and a year (years are within ±9999).</summary>
    private static int YearKey(PeriodType type, int year) => ((int)type << 16) | (year + 10000);

    /// <summary>The distinct periods in ascending order, as <c>Distinct().Order()</c> gives them (an insertion sort: a run
    /// has few distinct periods).</summary>
    internal static ReportingPeriod[] SortedDistinct(IEnumerable<ReportingPeriod> periods)
    {
        var sorted = new ReportingPeriod[8];
        int count = 0;
        foreach (ReportingPeriod p in periods)
        {
            // Insert after every period that sorts before it or with it (stable), unless it is already there.
            int at = count;
            bool present = false;
            while (at > 0)
            {
                int c = sorted[at - 1].CompareTo(p);
                if (c <= 0)
                {
                    present = c == 0 && sorted[at - 1].Equals(p);
                    break;
                }

                at--;
            }

            if (present)
            {
                continue;
            }

            if (count == sorted.Length)
            {
                var grown = new ReportingPeriod[count * 2];
                for (int i = 0; i < count; i++)
                {
                    grown[i] = sorted[i];
                }

                sorted = grown;
            }

            for (int i = count; i > at; i--)
            {
                sorted[i] = sorted[i - 1];
            }

            sorted[at] = p;
            count++;
        }

        var result = new ReportingPeriod[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = sorted[i];
        }

        return result;
    }

    private static bool RollsIntoYearToDate(PeriodType t) =>
        t is PeriodType.Week or PeriodType.HalfMonth or PeriodType.Month or PeriodType.Quarter;

    /// <summary>The day that decides which month, quarter and year a leaf belongs to.</summary>
    internal static LocalDate Anchor(ReportingPeriod leaf, WeekAssignment weeks)
    {
        if (leaf.Type != PeriodType.Week)
        {
            return leaf.Start;
        }

        return weeks switch
        {
            WeekAssignment.StartDate => leaf.Start,
            WeekAssignment.EndDate => leaf.End,
            _ => leaf.Start.PlusDays(3),
        };
    }

    private static int LastMonth(ReportingPeriod leaf, LocalDate anchor) =>
        leaf.Type is PeriodType.Week or PeriodType.HalfMonth ? anchor.Month : leaf.End.Month;

    private static IEnumerable<ReportingPeriod> TargetsFor(ReportingPeriod leaf, LocalDate anchor)
    {
        int y = anchor.Year;
        int m = anchor.Month;
        bool finerThanMonth = leaf.Type is PeriodType.Week or PeriodType.HalfMonth;
        bool month = leaf.Type == PeriodType.Month;
        bool quarter = leaf.Type == PeriodType.Quarter;
        bool half = leaf.Type == PeriodType.HalfYear;
        if (finerThanMonth)
        {
            yield return ReportingPeriod.Month(y, m);
        }

        if (finerThanMonth || month)
        {
            int q = (m - 1) / 3;
            yield return ReportingPeriod.Quarter(y, q + 1);
        }

        if (finerThanMonth || month || quarter)
        {
            int h = (m - 1) / 6;
            yield return ReportingPeriod.HalfYear(y, h + 1);
            if (LastMonth(leaf, anchor) <= 9)
            {
                yield return ReportingPeriod.NineMonths(y);
            }
        }

        if (finerThanMonth || month || quarter || half)
        {
            yield return ReportingPeriod.CalendarYear(y);
        }
    }

    /// <summary>How many leaves of the type of <paramref name="leaf"/> a complete <paramref name="target"/> holds.</summary>
    internal static int ExpectedCount(ReportingPeriod target, ReportingPeriod leaf, WeekAssignment weeks)
    {
        int months = ((target.End.Year - target.Start.Year) * 12) + target.End.Month - target.Start.Month + 1;
        switch (leaf.Type)
        {
            case PeriodType.Month:
                return months;
            case PeriodType.HalfMonth:
                return months * 2;
            case PeriodType.Quarter:
                return months / 3;
            case PeriodType.HalfYear:
                return months / 6;
            case PeriodType.Week:
                // Count the anchor days of the weeks (which start on the leaf's weekday) that fall inside the target.
                int offset = weeks switch { WeekAssignment.StartDate => 0, WeekAssignment.EndDate => 6, _ => 3 };
                IsoDayOfWeek anchorDay = leaf.Start.PlusDays(offset).DayOfWeek;
                int count = 0;
                for (LocalDate d = target.Start; d <= target.End; d = d.PlusDays(1))
                {
                    if (d.DayOfWeek == anchorDay)
                    {
                        count++;
                    }
                }

                return count;
            default:
                return 1;
        }
    }
}

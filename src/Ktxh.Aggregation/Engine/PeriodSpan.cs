using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Engine;

/// <summary>A period as the kernel sees it: its type and its first and last day.</summary>
internal readonly record struct PeriodSpan(PeriodType Type, LocalDate Start, LocalDate End) : IComparable<PeriodSpan>
{
    /// <summary>The number of days in the period (both ends included).</summary>
    public int Days => Period.DaysBetween(Start, End) + 1;

    /// <inheritdoc />
    public int CompareTo(PeriodSpan other)
    {
        int c = Start.CompareTo(other.Start);
        if (c != 0)
        {
            return c;
        }

        c = End.CompareTo(other.End);
        return c != 0 ? c : Type.CompareTo(other.Type);
    }
}

using NodaTime;

namespace Ktxh.Periods;

public readonly partial record struct ReportingPeriod
{
    /// <summary>Whether periods of <paramref name="type"/> partition the calendar (every date lies in exactly one):
    /// week, half-month, month, quarter, half-year and year.</summary>
    /// <param name="type">The kind.</param>
    /// <returns>Whether it is a partition kind.</returns>
    public static bool IsPartitionKind(PeriodType type) => type is PeriodType.Week or PeriodType.HalfMonth or PeriodType.Month
        or PeriodType.Quarter or PeriodType.HalfYear or PeriodType.Year;

    /// <summary>
    /// The periods of kind <paramref name="type"/> that make up this period, in order: the months of a quarter, the
    /// half-months of a month, the quarters of a year, the years of a plan period, the months of nine months…
    /// </summary>
    /// <param name="type">A partition kind (<see cref="IsPartitionKind"/>).</param>
    /// <returns>The sub-periods. For every kind but <see cref="PeriodType.Week"/> they are the periods of that kind
    /// lying wholly inside this one, and they partition it when it is aligned to them (a quarter into months, a month
    /// into half-months); the list is empty when none fits (the months of a week). For weeks, the rule is
    /// <see cref="WeekMembership.AnchorDay"/> (ISO: weeks whose Thursday lies in this period; a week period uses its
    /// own rule), so the weeks of a month may start in the previous month or end in the next; see
    /// <see cref="Weeks(WeekMembership, WeekRule)"/> for other choices.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a partition kind.</exception>
    public IReadOnlyList<ReportingPeriod> SubPeriods(PeriodType type)
    {
        if (!IsPartitionKind(type))
        {
            throw new ArgumentException($"Chỉ chia được thành tuần, nửa tháng, tháng, quý, nửa năm hoặc năm, không phải {type} / Sub-periods must be of a partition kind (week, half-month, month, quarter, half-year, year), not {type}.", nameof(type));
        }

        if (type == PeriodType.Week)
        {
            return Weeks(WeekMembership.AnchorDay, Type == PeriodType.Week ? WeekRule : WeekRule.Iso);
        }

        var list = new List<ReportingPeriod>();
        for (var p = Containing(Start, type); p.Start <= End; p = p.Next())
        {
            if (Contains(p))
            {
                list.Add(p);
            }

            if (p.End >= End)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>The weeks of this period under <paramref name="membership"/> and <paramref name="rule"/>, in order.</summary>
    /// <param name="membership">Which weeks count (see <see cref="WeekMembership"/>).</param>
    /// <param name="rule">The week rule (ISO when omitted).</param>
    /// <returns>The weeks.</returns>
    public IReadOnlyList<ReportingPeriod> Weeks(WeekMembership membership, WeekRule rule = default)
    {
        var list = new List<ReportingPeriod>();
        var first = rule.StartOfWeek(Start);
        for (var start = first; start <= End; start = start.PlusDays(7))
        {
            var end = start.PlusDays(6);
            bool member = membership switch
            {
                WeekMembership.Overlapping => true,
                WeekMembership.Contained => start >= Start && end <= End,
                _ => Contains(start.PlusDays(rule.AnchorOffset)),
            };
            int weekYear = start.PlusDays(rule.AnchorOffset).Year;
            if (member && weekYear >= MinYear && weekYear <= MaxWeekYear)
            {
                list.Add(new ReportingPeriod(PeriodType.Week, start, end, rule));
            }
        }

        return list;
    }

    /// <summary>
    /// The periods from <paramref name="first"/> to <paramref name="last"/> inclusive, stepping with <see cref="Next"/>.
    /// </summary>
    /// <param name="first">The first period.</param>
    /// <param name="last">The last period, of the same kind (and week rule).</param>
    /// <returns>The periods in order; empty when <paramref name="last"/> comes before <paramref name="first"/>.</returns>
    /// <exception cref="ArgumentException">The kinds or week rules differ, or <paramref name="last"/> cannot be reached
    /// from <paramref name="first"/> (multi-year periods of a different length or phase).</exception>
    public static IEnumerable<ReportingPeriod> Range(ReportingPeriod first, ReportingPeriod last)
    {
        if (first.Type != last.Type || first.WeekRule != last.WeekRule)
        {
            throw new ArgumentException($"Hai kỳ phải cùng loại: {first.Id}, {last.Id} / Both periods must be of the same kind: {first.Id}, {last.Id}.", nameof(last));
        }

        if (first.IsDefault)
        {
            throw new ArgumentException("default(ReportingPeriod) không phải một kỳ / default(ReportingPeriod) is not a period.", nameof(first));
        }

        if (first.Type == PeriodType.MultiYear && last >= first
            && ((last.End.Year - last.Start.Year) != (first.End.Year - first.Start.Year)
                || (last.Start.Year - first.Start.Year) % (first.End.Year - first.Start.Year + 1) != 0))
        {
            throw new ArgumentException($"Không đi được từ {first.Id} đến {last.Id} bằng các giai đoạn liền nhau / {last.Id} cannot be reached from {first.Id} by consecutive plan periods.", nameof(last));
        }

        return RangeIterator(first, last);
    }

    private static IEnumerable<ReportingPeriod> RangeIterator(ReportingPeriod first, ReportingPeriod last)
    {
        for (var p = first; p <= last; p = p.Next())
        {
            yield return p;
            if (p == last)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The periods of kind <paramref name="type"/> that hold any date from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, in order, following <see cref="Containing(LocalDate, PeriodType, WeekRule)"/>:
    /// for partition kinds the periods overlapping the range; for year-to-date the cumulative periods through each
    /// month touched; for nine months those of the years whose January–September overlaps the range; for multi-year
    /// the five-year plan periods overlapping it.
    /// </summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date.</param>
    /// <param name="type">The kind.</param>
    /// <param name="weekRule">The week rule for weeks (ISO when omitted).</param>
    /// <returns>The periods; empty when <paramref name="to"/> is before <paramref name="from"/> or none exists.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A period would lie outside the supported years.</exception>
    public static IEnumerable<ReportingPeriod> EnumerateBetween(LocalDate from, LocalDate to, PeriodType type, WeekRule weekRule = default)
    {
        if (to < from)
        {
            return [];
        }

        ReportingPeriod first, last;
        if (type == PeriodType.NineMonths)
        {
            int firstYear = from.Month > 9 ? from.Year + 1 : from.Year;
            if (firstYear > to.Year)
            {
                return [];
            }

            first = NineMonths(firstYear);
            last = NineMonths(to.Year);
        }
        else
        {
            first = Containing(from, type, weekRule);
            last = Containing(to, type, weekRule);
        }

        return RangeIterator(first, last);
    }
}

using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// How the cut-off window of one kind of period is computed: <see cref="Calendar"/> (the period itself) or
/// <see cref="DayOfMonth(int)"/> (from day N of the month before the period to day N − 1 of its last month).
/// </summary>
/// <remarks>
/// <para>The day-N rule generalises Decree 09/2019/NĐ-CP Art. 12 (N = 15): monthly 15th of the previous month to the
/// 14th of the reporting month; quarterly 15th of the month before the quarter to the 14th of its last month;
/// first half-year 15/12 of the previous year to 14/6; second half-year 15/6 to 14/12; year 15/12 of the previous year
/// to 14/12. Applied to nine months it gives 15/12 of the previous year to 14/9, the window some provinces set
/// (Decree 09 leaves it to the issuing body).</para>
/// <para>It applies only to periods made of whole months (month, quarter, half-year, nine months, year, year-to-date,
/// multi-year). N is 2 to 28 so that day N and day N − 1 exist in every month. Immutable and thread-safe.</para>
/// </remarks>
public readonly record struct CutoffRule
{
    private CutoffRule(CutoffRuleKind kind, int day)
    {
        Kind = kind;
        Day = day;
    }

    /// <summary>The kind of rule.</summary>
    public CutoffRuleKind Kind { get; }

    /// <summary>For <see cref="CutoffRuleKind.DayOfMonth"/>, the day N on which each window starts; 0 otherwise.</summary>
    public int Day { get; }

    /// <summary>The window is the period itself.</summary>
    public static CutoffRule Calendar { get; } = new(CutoffRuleKind.Calendar, 0);

    /// <summary>The Decree 09/2019/NĐ-CP Art. 12 rule: day 15 of the month before the period to day 14 of its last month.</summary>
    public static CutoffRule Decree09Day15 { get; } = new(CutoffRuleKind.DayOfMonth, 15);

    /// <summary>A rule whose windows run from day <paramref name="day"/> of the month before the period to day
    /// <paramref name="day"/> − 1 of the period's last month.</summary>
    /// <param name="day">N, 2 to 28.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not 2 to 28.</exception>
    public static CutoffRule DayOfMonth(int day)
    {
        if (day < 2 || day > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Ngày chốt phải từ 2 đến 28 / The cut-off day must be 2 to 28.");
        }

        return new CutoffRule(CutoffRuleKind.DayOfMonth, day);
    }

    /// <summary>Whether this rule can compute windows for periods of <paramref name="type"/>.</summary>
    /// <param name="type">The kind.</param>
    /// <returns>True for the calendar rule and any kind; for the day-N rule only for kinds made of whole months.</returns>
    public bool AppliesTo(PeriodType type) => Kind switch
    {
        CutoffRuleKind.Calendar => Enum.IsDefined(type),
        CutoffRuleKind.DayOfMonth => type is PeriodType.Month or PeriodType.Quarter or PeriodType.HalfYear or PeriodType.NineMonths
            or PeriodType.Year or PeriodType.YearToDate or PeriodType.MultiYear,
        _ => false,
    };

    /// <summary>The cut-off window of <paramref name="period"/> under this rule.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The window, or a bilingual error when the rule does not apply to the period's kind
    /// (<see cref="PeriodErrorCode.NotApplicable"/>) or the window would begin before the year 1
    /// (<see cref="PeriodErrorCode.OutOfRange"/>).</returns>
    public KtxhResult<CutoffWindow> Apply(ReportingPeriod period)
    {
        if (period.IsDefault || !AppliesTo(period.Type))
        {
            return new PeriodFailure(PeriodErrorCode.NotApplicable, -1,
                $"Quy tắc chốt số liệu {this} không áp dụng cho kỳ {period.Id} ({period.Type})",
                $"The cut-off rule {this} does not apply to the period {period.Id} ({period.Type})").ToResult<CutoffWindow>();
        }

        if (Kind == CutoffRuleKind.Calendar)
        {
            return KtxhResult<CutoffWindow>.ForValue(new CutoffWindow(period, period.Start, period.End));
        }

        if (period.Start.Year == ReportingPeriod.MinYear && period.Start.Month == 1)
        {
            return new PeriodFailure(PeriodErrorCode.OutOfRange, -1,
                $"Thời gian chốt số liệu của {period.Id} bắt đầu trước năm 1",
                $"The cut-off window of {period.Id} would start before the year 1").ToResult<CutoffWindow>();
        }

        var monthBefore = period.Start.PlusMonths(-1);
        var start = new LocalDate(monthBefore.Year, monthBefore.Month, Day);
        var end = new LocalDate(period.End.Year, period.End.Month, Day - 1);
        return KtxhResult<CutoffWindow>.ForValue(new CutoffWindow(period, start, end));
    }

    /// <summary>The rule as <c>calendar</c> or <c>day 15</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == CutoffRuleKind.DayOfMonth ? $"day {Day}" : "calendar";
}

using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// How a reporting regime cuts the calendar into weeks: the day a week starts on and the minimal number of days of
/// the new year that week 1 must hold. ISO-8601 (<see cref="Iso"/>: Monday, 4 days, i.e. week 1 is the week that
/// holds the first Thursday, equivalently 4 January) is the default.
/// </summary>
/// <remarks>
/// <para>A week belongs to the week-year and to the month that contain its <em>anchor day</em>: the
/// (8 − <see cref="MinDaysInFirstWeek"/>)-th day of the week. Under ISO-8601 that is the Thursday. Week 1 of a year is
/// the week whose anchor day is the first anchor day of January, so it may start in the previous December.</para>
/// <para>Identifier form: ISO weeks are written <c>2026-W05</c>; weeks under any other rule carry the rule as a suffix,
/// <c>2026-W05-SUN1</c> (weeks start on Sunday, week 1 is the week holding 1 January). The ISO rule is never written
/// as a suffix, so each week has exactly one identifier.</para>
/// <para><c>default(WeekRule)</c> is the ISO rule. The value is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct WeekRule
{
    // Stored as offsets so that default(WeekRule) is the ISO rule (Monday, 4 days).
    private readonly byte _firstDayOffset;   // 0 = Monday … 6 = Sunday
    private readonly sbyte _minDaysOffset;   // MinDaysInFirstWeek − 4

    /// <summary>The ISO-8601 rule: weeks start on Monday and week 1 holds 4 January (its Thursday).</summary>
    public static WeekRule Iso => default;

    /// <summary>Creates a week rule.</summary>
    /// <param name="firstDayOfWeek">The day every week starts on.</param>
    /// <param name="minDaysInFirstWeek">How many days of the new year week 1 must hold, 1 to 7 (ISO: 4; 1 means
    /// week 1 is the week holding 1 January; 7 means week 1 is the first full week of the year).</param>
    /// <exception cref="ArgumentOutOfRangeException">The day is <see cref="IsoDayOfWeek.None"/> or out of range, or
    /// the minimal days are not 1 to 7.</exception>
    public WeekRule(IsoDayOfWeek firstDayOfWeek, int minDaysInFirstWeek)
    {
        if (firstDayOfWeek < IsoDayOfWeek.Monday || firstDayOfWeek > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDayOfWeek), firstDayOfWeek, "Ngày bắt đầu tuần không hợp lệ / The first day of the week must be Monday to Sunday.");
        }

        if (minDaysInFirstWeek < 1 || minDaysInFirstWeek > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(minDaysInFirstWeek), minDaysInFirstWeek, "Số ngày tối thiểu của tuần 1 phải từ 1 đến 7 / The minimal days in week 1 must be 1 to 7.");
        }

        _firstDayOffset = (byte)(firstDayOfWeek - IsoDayOfWeek.Monday);
        _minDaysOffset = (sbyte)(minDaysInFirstWeek - 4);
    }

    /// <summary>The day every week starts on.</summary>
    public IsoDayOfWeek FirstDayOfWeek => IsoDayOfWeek.Monday + _firstDayOffset;

    /// <summary>How many days of the new year week 1 holds at least (1 to 7).</summary>
    public int MinDaysInFirstWeek => 4 + _minDaysOffset;

    /// <summary>Whether this is the ISO-8601 rule.</summary>
    public bool IsIso => _firstDayOffset == 0 && _minDaysOffset == 0;

    /// <summary>How many days after the week's first day its anchor day lies (ISO: 3, the Thursday).</summary>
    internal int AnchorOffset => 7 - MinDaysInFirstWeek;

    /// <summary>The identifier suffix of this rule, such as <c>SUN1</c>; empty for ISO.</summary>
    internal string Suffix => IsIso ? string.Empty : DayCodes[_firstDayOffset] + MinDaysInFirstWeek.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The three-letter day codes used in identifier suffixes, Monday first.</summary>
    internal static readonly string[] DayCodes = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    /// <summary>The first day of the week that holds <paramref name="date"/>.</summary>
    internal LocalDate StartOfWeek(LocalDate date)
    {
        int back = ((int)date.DayOfWeek - (int)FirstDayOfWeek + 7) % 7;
        return date.PlusDays(-back);
    }

    /// <summary>The first day of week 1 of <paramref name="weekYear"/>.</summary>
    internal LocalDate StartOfWeekOne(int weekYear)
    {
        // The anchor day of week 1 is the first anchor weekday on or after 1 January.
        var jan1 = new LocalDate(weekYear, 1, 1);
        int anchorDay = ((int)FirstDayOfWeek - 1 + AnchorOffset) % 7; // 0 = Monday
        int forward = (anchorDay - ((int)jan1.DayOfWeek - 1) + 7) % 7;
        return jan1.PlusDays(forward - AnchorOffset);
    }

    /// <summary>How many weeks <paramref name="weekYear"/> has under this rule (52 or 53).</summary>
    internal int WeeksInWeekYear(int weekYear)
    {
        var firstAnchor = StartOfWeekOne(weekYear).PlusDays(AnchorOffset);
        // The 53rd anchor day lies 364 days after the first; it belongs to the year if it is still in it.
        return firstAnchor.PlusDays(364).Year == weekYear ? 53 : 52;
    }

    /// <inheritdoc />
    public override string ToString() => IsIso ? "ISO-8601" : Suffix;
}

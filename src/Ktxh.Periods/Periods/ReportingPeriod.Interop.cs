using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Periods;

public readonly partial record struct ReportingPeriod
{
    // ------------------------------------------------------------ ISO-8601 intervals (SDMX, ADX)

    /// <summary>
    /// The period as an ISO-8601 interval of a start date and a duration, as SDMX time periods and ADX use:
    /// <c>2026-01-26/P7D</c> (week), <c>2026-07-01/P15D</c> and <c>2026-07-16/P16D</c> (half-months),
    /// <c>2026-07-01/P1M</c>, <c>2026-07-01/P3M</c>, <c>2026-01-01/P6M</c>, <c>2026-01-01/P9M</c>,
    /// <c>2026-01-01/P1Y</c>, <c>2026-01-01/P5M</c> (year to date through May), <c>2021-01-01/P5Y</c>.
    /// </summary>
    /// <returns>The interval.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default(ReportingPeriod)</c>.</exception>
    public string ToIsoInterval()
    {
        string start = LocalDatePattern.Iso.Format(Start);
        string duration = Type switch
        {
            PeriodType.Week => "P7D",
            PeriodType.HalfMonth => $"P{LengthInDays.ToString(CultureInfo.InvariantCulture)}D",
            PeriodType.Month => "P1M",
            PeriodType.Quarter => "P3M",
            PeriodType.HalfYear => "P6M",
            PeriodType.NineMonths => "P9M",
            PeriodType.Year => "P1Y",
            PeriodType.YearToDate => $"P{End.Month.ToString(CultureInfo.InvariantCulture)}M",
            PeriodType.MultiYear => $"P{(End.Year - Start.Year + 1).ToString(CultureInfo.InvariantCulture)}Y",
            _ => throw new InvalidOperationException("default(ReportingPeriod) không phải một kỳ / default(ReportingPeriod) is not a period."),
        };
        return start + "/" + duration;
    }

    /// <summary>
    /// Reads an ISO-8601 interval <c>YYYY-MM-DD/PnD|PnW|PnM|PnY</c> (see <see cref="ToIsoInterval"/>) as a reporting
    /// period; never throws.
    /// </summary>
    /// <param name="interval">The interval, such as <c>2026-07-01/P1M</c>.</param>
    /// <param name="type">The kind expected, or <see langword="null"/> to infer it. Some intervals are more than one
    /// kind: <c>2026-01-01/P3M</c> is both the first quarter and the year to date through March. Without a kind, the
    /// first of week, half-month, month, quarter, half-year, nine months, year, year-to-date, multi-year that matches
    /// is chosen, so a year to date round-trips only when its kind is given (or it matches no other kind, e.g. P5M).</param>
    /// <param name="weekRule">The week rule for weeks (ISO when omitted).</param>
    /// <returns>The period, or a located bilingual error when the interval is malformed or is not exactly a period.</returns>
    public static KtxhResult<ReportingPeriod> ParseIsoInterval(string? interval, PeriodType? type = null, WeekRule weekRule = default)
    {
        if (string.IsNullOrEmpty(interval))
        {
            return Fail(PeriodErrorCode.Empty, 0, "Khoảng thời gian ISO-8601 bị trống", "The ISO-8601 interval is empty");
        }

        int slash = interval.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Fail(PeriodErrorCode.InvalidSyntax, interval.Length, "Cần dấu '/' giữa ngày bắt đầu và độ dài (ví dụ 2026-07-01/P1M)", "Expected '/' between the start date and the duration (e.g. 2026-07-01/P1M)");
        }

        var dateResult = slash == 10 ? LocalDatePattern.Iso.Parse(interval[..slash]) : null;
        if (dateResult is null || !dateResult.Success)
        {
            return Fail(PeriodErrorCode.InvalidSyntax, 0, "Ngày bắt đầu phải có dạng YYYY-MM-DD", "The start date must be YYYY-MM-DD");
        }

        var start = dateResult.Value;
        int at = slash + 1;
        if (at >= interval.Length || interval[at] != 'P')
        {
            return Fail(PeriodErrorCode.InvalidSyntax, at, "Độ dài phải bắt đầu bằng 'P' (ví dụ P1M)", "The duration must start with 'P' (e.g. P1M)");
        }

        int digitsEnd = at + 1;
        while (digitsEnd < interval.Length && interval[digitsEnd] >= '0' && interval[digitsEnd] <= '9')
        {
            digitsEnd++;
        }

        if (digitsEnd == at + 1 || digitsEnd - at - 1 > 4)
        {
            return Fail(PeriodErrorCode.InvalidSyntax, at + 1, "Cần số nguyên dương 1–4 chữ số sau 'P'", "Expected a positive number of 1–4 digits after 'P'");
        }

        int count = int.Parse(interval.AsSpan(at + 1, digitsEnd - at - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return Fail(PeriodErrorCode.OutOfRange, at + 1, "Độ dài phải lớn hơn 0", "The duration must be greater than zero");
        }

        if (digitsEnd != interval.Length - 1)
        {
            return Fail(PeriodErrorCode.InvalidSyntax, digitsEnd, "Đơn vị độ dài phải là một trong D, W, M, Y", "The duration unit must be one of D, W, M, Y");
        }

        LocalDate endExclusive;
        try
        {
            endExclusive = interval[digitsEnd] switch
            {
                'D' => start.PlusDays(count),
                'W' => start.PlusWeeks(count),
                'M' => start.PlusMonths(count),
                'Y' => start.PlusYears(count),
                _ => default,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail(PeriodErrorCode.OutOfRange, at, "Khoảng thời gian vượt quá năm 9999", "The interval goes beyond the year 9999");
        }
        catch (OverflowException)
        {
            return Fail(PeriodErrorCode.OutOfRange, at, "Khoảng thời gian vượt quá năm 9999", "The interval goes beyond the year 9999");
        }

        if (endExclusive == default)
        {
            return Fail(PeriodErrorCode.InvalidSyntax, digitsEnd, "Đơn vị độ dài phải là một trong D, W, M, Y", "The duration unit must be one of D, W, M, Y");
        }

        // Month arithmetic clamps (31 January + P1M = 28 February); a clamped end is never a period boundary.
        var end = endExclusive.PlusDays(-1);
        if (type is { } wanted)
        {
            return TryExactly(wanted, start, end, weekRule, out var exact)
                ? KtxhResult<ReportingPeriod>.ForValue(exact)
                : Fail(PeriodErrorCode.NotAPeriod, 0, $"Khoảng {interval} không phải một kỳ loại {wanted}", $"The interval {interval} is not a {wanted} period");
        }

        foreach (var candidate in InferenceOrder)
        {
            if (TryExactly(candidate, start, end, weekRule, out var period))
            {
                return KtxhResult<ReportingPeriod>.ForValue(period);
            }
        }

        return Fail(PeriodErrorCode.NotAPeriod, 0, $"Khoảng {interval} không trùng với kỳ báo cáo nào", $"The interval {interval} is not exactly any reporting period");
    }

    private static readonly PeriodType[] InferenceOrder =
    [
        PeriodType.Week, PeriodType.HalfMonth, PeriodType.Month, PeriodType.Quarter, PeriodType.HalfYear,
        PeriodType.NineMonths, PeriodType.Year, PeriodType.YearToDate, PeriodType.MultiYear,
    ];

    /// <summary>The period of <paramref name="type"/> that is exactly [start, end], if there is one.</summary>
    private static bool TryExactly(PeriodType type, LocalDate start, LocalDate end, WeekRule rule, out ReportingPeriod period)
    {
        period = default;
        if (end < start || start.Year < MinYear || end.Year > MaxYear)
        {
            return false;
        }

        ReportingPeriod candidate;
        switch (type)
        {
            case PeriodType.YearToDate:
                if (start.Month != 1 || start.Day != 1 || end.Year != start.Year)
                {
                    return false;
                }

                candidate = Months(PeriodType.YearToDate, start.Year, 1, end.Month);
                break;
            case PeriodType.MultiYear:
                if (end.Year <= start.Year)
                {
                    return false;
                }

                candidate = MultiYear(start.Year, end.Year);
                break;
            default:
                if (!TryContainingCore(start, type, rule, out candidate, out _))
                {
                    return false;
                }

                break;
        }

        if (candidate.Start != start || candidate.End != end)
        {
            return false;
        }

        period = candidate;
        return true;
    }

    // ------------------------------------------------------------ DHIS2

    /// <summary>
    /// The DHIS2 period identifier of this period, where DHIS2 has the kind: monthly <c>202607</c>, quarterly
    /// <c>2026Q3</c>, six-monthly <c>2026S1</c>, yearly <c>2026</c>, weekly <c>2026W5</c> (ISO weeks; weeks starting on
    /// Wednesday, Thursday, Saturday or Sunday with week 1 holding 4 January map to DHIS2's <c>2026WedW5</c>,
    /// <c>2026ThuW5</c>, <c>2026SatW5</c>, <c>2026SunW5</c>).
    /// </summary>
    /// <returns>The identifier, or a bilingual error for half-months, nine months, year-to-date, multi-year periods
    /// and other week rules, which DHIS2 has no period type for.</returns>
    public KtxhResult<string> ToDhis2()
    {
        string y = Y4(Start.Year);
        switch (Type)
        {
            case PeriodType.Month:
                return KtxhResult<string>.ForValue(y + D2(Start.Month));
            case PeriodType.Quarter:
                return KtxhResult<string>.ForValue($"{y}Q{((Start.Month - 1) / 3) + 1}");
            case PeriodType.HalfYear:
                return KtxhResult<string>.ForValue($"{y}S{(Start.Month == 1 ? 1 : 2)}");
            case PeriodType.Year:
                return KtxhResult<string>.ForValue(y);
            case PeriodType.Week:
                string? prefix = Dhis2WeekPrefix(WeekRule);
                if (prefix is null)
                {
                    return new PeriodFailure(PeriodErrorCode.NotRepresentable, -1,
                        $"DHIS2 không có loại kỳ tuần theo quy tắc {WeekRule} ({Id})",
                        $"DHIS2 has no weekly period type for the week rule {WeekRule} ({Id})").ToResult<string>();
                }

                return KtxhResult<string>.ForValue($"{Y4(Year)}{prefix}W{WeekNumber.ToString(CultureInfo.InvariantCulture)}");
            default:
                string vi = Type switch
                {
                    PeriodType.HalfMonth => "nửa tháng",
                    PeriodType.NineMonths => "9 tháng",
                    PeriodType.YearToDate => "lũy kế từ đầu năm",
                    PeriodType.MultiYear => "nhiều năm",
                    _ => "không xác định",
                };
                return new PeriodFailure(PeriodErrorCode.NotRepresentable, -1,
                    $"DHIS2 không có loại kỳ {vi} ({Id})",
                    $"DHIS2 has no {Type} period type ({Id})").ToResult<string>();
        }
    }

    /// <summary>
    /// Reads a DHIS2 period identifier (<c>2026</c>, <c>202607</c>, <c>2026Q3</c>, <c>2026S1</c>, <c>2026W5</c>,
    /// <c>2026WedW5</c>, <c>2026ThuW5</c>, <c>2026SatW5</c>, <c>2026SunW5</c>); never throws.
    /// </summary>
    /// <param name="dhis2Id">The DHIS2 identifier.</param>
    /// <returns>The period, or a located bilingual error (including for DHIS2 kinds with no Ktxh equivalent, such as
    /// daily, bi-weekly, bi-monthly and financial-year periods).</returns>
    public static KtxhResult<ReportingPeriod> ParseDhis2(string? dhis2Id)
    {
        if (string.IsNullOrEmpty(dhis2Id))
        {
            return Fail(PeriodErrorCode.Empty, 0, "Mã kỳ DHIS2 bị trống", "The DHIS2 period identifier is empty");
        }

        string s = dhis2Id;
        if (!ReadDigits(s, 0, 4, out int year) || year < MinYear)
        {
            return Fail(PeriodErrorCode.InvalidSyntax, FirstNonDigit(s, 0, 4), "Mã kỳ DHIS2 phải bắt đầu bằng năm 4 chữ số", "A DHIS2 period identifier starts with a 4-digit year");
        }

        if (s.Length == 4)
        {
            return KtxhResult<ReportingPeriod>.ForValue(CalendarYear(year));
        }

        if (s.Length == 6 && ReadDigits(s, 4, 2, out int month))
        {
            return month is >= 1 and <= 12
                ? KtxhResult<ReportingPeriod>.ForValue(Month(year, month))
                : Fail(PeriodErrorCode.OutOfRange, 4, "Tháng phải từ 01 đến 12", "The month must be 01 to 12");
        }

        if (s.Length == 6 && s[4] == 'Q')
        {
            return s[5] is >= '1' and <= '4'
                ? KtxhResult<ReportingPeriod>.ForValue(Quarter(year, s[5] - '0'))
                : Fail(PeriodErrorCode.OutOfRange, 5, "Quý phải từ 1 đến 4", "The quarter must be 1 to 4");
        }

        if (s.Length == 6 && s[4] == 'S')
        {
            return s[5] is '1' or '2'
                ? KtxhResult<ReportingPeriod>.ForValue(HalfYear(year, s[5] - '0'))
                : Fail(PeriodErrorCode.OutOfRange, 5, "Nửa năm phải là 1 hoặc 2", "The six-month period must be 1 or 2");
        }

        int w = 4;
        var rule = WeekRule.Iso;
        if (s.Length > 7 && s[7] == 'W')
        {
            IsoDayOfWeek? day = s.Substring(4, 3) switch
            {
                "Wed" => IsoDayOfWeek.Wednesday,
                "Thu" => IsoDayOfWeek.Thursday,
                "Sat" => IsoDayOfWeek.Saturday,
                "Sun" => IsoDayOfWeek.Sunday,
                _ => null,
            };
            if (day is { } d)
            {
                rule = new WeekRule(d, 4);
                w = 7;
            }
        }

        if (s.Length > w && s[w] == 'W' && s.Length is var len && len - w - 1 is 1 or 2 && ReadDigits(s, w + 1, len - w - 1, out int week))
        {
            if (year > MaxWeekYear)
            {
                return Fail(PeriodErrorCode.OutOfRange, 0, $"Năm của tuần phải từ 0001 đến {MaxWeekYear}", $"The week-year must be 0001 to {MaxWeekYear}");
            }

            int weeks = rule.WeeksInWeekYear(year);
            return week >= 1 && week <= weeks
                ? KtxhResult<ReportingPeriod>.ForValue(Week(year, week, rule))
                : Fail(PeriodErrorCode.OutOfRange, w + 1, $"Số tuần phải từ 1 đến {weeks} trong năm {year:D4}", $"The week must be 1 to {weeks} in {year:D4}");
        }

        return Fail(PeriodErrorCode.NotRepresentable, 4, "Loại kỳ DHIS2 không được hỗ trợ (chỉ năm, tháng, quý, 6 tháng và tuần)",
            "Unsupported DHIS2 period type (only yearly, monthly, quarterly, six-monthly and weekly)");
    }

    private static string? Dhis2WeekPrefix(WeekRule rule)
    {
        if (rule.MinDaysInFirstWeek != 4)
        {
            return null;
        }

        return rule.FirstDayOfWeek switch
        {
            IsoDayOfWeek.Monday => string.Empty,
            IsoDayOfWeek.Wednesday => "Wed",
            IsoDayOfWeek.Thursday => "Thu",
            IsoDayOfWeek.Saturday => "Sat",
            IsoDayOfWeek.Sunday => "Sun",
            _ => null,
        };
    }
}

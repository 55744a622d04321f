using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Ktxh.Periods;

public readonly partial record struct ReportingPeriod
{
    /// <summary>
    /// Parses a canonical period identifier, throwing on bad input.
    /// </summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The period.</returns>
    /// <remarks>
    /// <para>The grammar (strict: upper case, ASCII digits, zero-padded, no spaces; each period has exactly one
    /// identifier, so <c>Parse(p.Id) == p</c>):</para>
    /// <code>
    /// period     = year                                ; Year          2026
    ///            | year "-" year                       ; MultiYear     2021-2025   (last year &gt; first year)
    ///            | year "-W" week [ "-" weekrule ]     ; Week          2026-W05, 2026-W05-SUN1
    ///            | year "-M" month "-H" ( "1" | "2" )  ; HalfMonth     2026-M07-H1 (days 1–15), 2026-M07-H2 (16–end)
    ///            | year "-M" month                     ; Month         2026-M07
    ///            | year "-Q" ( "1" | "2" | "3" | "4" ) ; Quarter       2026-Q3
    ///            | year "-S" ( "1" | "2" )             ; HalfYear      2026-S1
    ///            | year "-9M"                          ; NineMonths    2026-9M     (January–September)
    ///            | year "-YTD-M" month                 ; YearToDate    2026-YTD-M05 (January–May)
    /// year       = 4 DIGIT                             ; 0001–9999
    /// month      = 2 DIGIT                             ; 01–12
    /// week       = 2 DIGIT                             ; 01–52, or 53 in a year with 53 weeks under the rule
    /// weekrule   = day 1DIGIT                          ; first day of week and minimal days in week 1 (1–7);
    /// day        = "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN" ; never "MON4" (that is ISO, written without suffix)
    /// </code>
    /// <para>The forms follow the SDMX reporting-period notation (<c>2026-M07</c>, <c>2026-Q3</c>, <c>2026-S1</c>,
    /// <c>2026-W05</c>) where SDMX has the kind.</para>
    /// </remarks>
    /// <exception cref="KtxhException">The identifier is not valid; the error (a <see cref="PeriodErrorCode"/>) gives
    /// the position, in Vietnamese and English.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static ReportingPeriod Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var outcome = ParseCore(id);
        return outcome.Ok ? outcome.Period : throw outcome.Failure.ToException();
    }

    /// <summary>Parses a canonical period identifier (see <see cref="Parse"/>); never throws.</summary>
    /// <param name="id">The identifier, possibly null.</param>
    /// <param name="period">The period, or default.</param>
    /// <returns>Whether the identifier is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? id, out ReportingPeriod period)
    {
        var outcome = ParseCore(id);
        period = outcome.Period;
        return outcome.Ok;
    }

    /// <summary>
    /// Parses a canonical period identifier (see <see cref="Parse"/>) into a result carrying either the period or
    /// a located bilingual error; never throws.
    /// </summary>
    /// <param name="id">The identifier, possibly null.</param>
    /// <returns>The period, or the error (a <see cref="PeriodErrorCode"/> located at its character position).</returns>
    public static KtxhResult<ReportingPeriod> ParseWithResult(string? id)
    {
        var outcome = ParseCore(id);
        return outcome.Ok ? KtxhResult<ReportingPeriod>.ForValue(outcome.Period) : outcome.Failure.ToResult<ReportingPeriod>();
    }

    /// <summary>The outcome of parsing without allocating a result object (Parse and TryParse are on hot paths).</summary>
    private readonly record struct Outcome(bool Ok, ReportingPeriod Period, PeriodFailure Failure)
    {
        public static implicit operator Outcome(ReportingPeriod period) => new(true, period, default);

        public static implicit operator Outcome(PeriodFailure failure) => new(false, default, failure);
    }

    private static Outcome ParseCore(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return new PeriodFailure(PeriodErrorCode.Empty, 0, "Mã kỳ báo cáo bị trống", "The period identifier is empty");
        }

        string s = id;
        if (!ReadDigits(s, 0, 4, out int year))
        {
            return Error(FirstNonDigit(s, 0, 4), "Cần năm gồm 4 chữ số", "Expected a 4-digit year");
        }

        if (year < MinYear)
        {
            return Range(0, "Năm phải từ 0001 đến 9999", "The year must be 0001 to 9999");
        }

        if (s.Length == 4)
        {
            return CalendarYear(year);
        }

        if (s[4] != '-')
        {
            return Error(4, "Cần dấu '-' sau năm", "Expected '-' after the year");
        }

        if (s.Length == 5)
        {
            return Error(5, "Thiếu loại kỳ sau dấu '-' (W, M, Q, S, 9M, YTD-M hoặc năm cuối)", "Expected W, M, Q, S, 9M, YTD-M or a last year after '-'");
        }

        switch (s[5])
        {
            case 'W':
                return ParseWeek(s, year);
            case 'M':
                return ParseMonthOrHalfMonth(s, year);
            case 'Q':
                return ParseSingleDigitKind(s, year, 4, "quý", "quarter", PeriodType.Quarter);
            case 'S':
                return ParseSingleDigitKind(s, year, 2, "nửa năm", "half-year", PeriodType.HalfYear);
            case 'Y':
                if (string.CompareOrdinal(s, 5, "YTD-M", 0, 5) != 0)
                {
                    return Error(Mismatch(s, 5, "YTD-M"), "Cần 'YTD-M' (lũy kế đến tháng)", "Expected 'YTD-M' (year to date through month)");
                }

                if (!ReadMonth(s, 10, out int through, out var monthError))
                {
                    return monthError;
                }

                return s.Length == 12
                    ? YearToDate(year, through)
                    : Trailing(12);
            case >= '0' and <= '9':
                if (s[5] == '9' && s.Length >= 7 && s[6] == 'M')
                {
                    return s.Length == 7 ? NineMonths(year) : Trailing(7);
                }

                if (!ReadDigits(s, 5, 4, out int lastYear))
                {
                    return Error(FirstNonDigit(s, 5, 4), "Cần năm cuối gồm 4 chữ số (ví dụ 2021-2025)", "Expected a 4-digit last year (e.g. 2021-2025)");
                }

                if (s.Length != 9)
                {
                    return Trailing(9);
                }

                if (lastYear <= year)
                {
                    return Range(5, "Năm cuối của giai đoạn phải sau năm đầu", "The last year of a multi-year period must be after the first year");
                }

                return MultiYear(year, lastYear);
            default:
                return Error(5, "Loại kỳ không hợp lệ: cần W, M, Q, S, 9M, YTD-M hoặc năm cuối", "Unknown period kind: expected W, M, Q, S, 9M, YTD-M or a last year");
        }
    }

    private static Outcome ParseWeek(string s, int year)
    {
        if (!ReadDigits(s, 6, 2, out int week))
        {
            return Error(FirstNonDigit(s, 6, 2), "Số tuần phải gồm 2 chữ số (01–53)", "The week must be 2 digits (01–53)");
        }

        var rule = WeekRule.Iso;
        if (s.Length > 8)
        {
            if (s[8] != '-')
            {
                return Trailing(8);
            }

            int day = s.Length >= 12 ? Array.IndexOf(WeekRule.DayCodes, s.Substring(9, 3)) : -1;
            if (day < 0)
            {
                return Error(9, "Cần ngày bắt đầu tuần: MON, TUE, WED, THU, FRI, SAT hoặc SUN", "Expected the first day of the week: MON, TUE, WED, THU, FRI, SAT or SUN");
            }

            if (s.Length < 13 || s[12] < '1' || s[12] > '7')
            {
                return Error(12, "Cần số ngày tối thiểu của tuần 1 (1–7)", "Expected the minimal days in week 1 (1–7)");
            }

            if (s.Length != 13)
            {
                return Trailing(13);
            }

            rule = new WeekRule(IsoDayOfWeek.Monday + day, s[12] - '0');
            if (rule.IsIso)
            {
                return Error(8, "Tuần ISO-8601 viết không có hậu tố (ví dụ 2026-W05)", "ISO-8601 weeks are written without a rule suffix (e.g. 2026-W05)");
            }
        }

        if (year > MaxWeekYear)
        {
            return Range(0, $"Năm của tuần phải từ 0001 đến {MaxWeekYear}", $"The week-year must be 0001 to {MaxWeekYear}");
        }

        int weeks = rule.WeeksInWeekYear(year);
        if (week < 1 || week > weeks)
        {
            return Range(6, $"Số tuần phải từ 01 đến {weeks} trong năm {year:D4}", $"The week must be 01 to {weeks} in {year:D4}");
        }

        return Week(year, week, rule);
    }

    private static Outcome ParseMonthOrHalfMonth(string s, int year)
    {
        if (!ReadMonth(s, 6, out int month, out var error))
        {
            return error;
        }

        if (s.Length == 8)
        {
            return Month(year, month);
        }

        if (s[8] != '-')
        {
            return Trailing(8);
        }

        if (s.Length < 10 || s[9] != 'H')
        {
            return Error(9, "Cần 'H1' hoặc 'H2' (nửa tháng)", "Expected 'H1' or 'H2' (half-month)");
        }

        if (s.Length < 11 || (s[10] != '1' && s[10] != '2'))
        {
            return Range(10, "Nửa tháng phải là 1 hoặc 2", "The half-month must be 1 or 2");
        }

        return s.Length == 11 ? HalfMonth(year, month, s[10] - '0') : Trailing(11);
    }

    private static Outcome ParseSingleDigitKind(string s, int year, int max, string nameVi, string nameEn, PeriodType type)
    {
        if (s.Length < 7 || s[6] < '1' || s[6] > (char)('0' + max))
        {
            return Range(6, $"Số {nameVi} phải từ 1 đến {max}", $"The {nameEn} must be 1 to {max}");
        }

        if (s.Length != 7)
        {
            return Trailing(7);
        }

        int n = s[6] - '0';
        return type == PeriodType.Quarter ? Quarter(year, n) : HalfYear(year, n);
    }

    private static bool ReadMonth(string s, int at, out int month, out PeriodFailure error)
    {
        error = default;
        if (!ReadDigits(s, at, 2, out month))
        {
            error = Error(FirstNonDigit(s, at, 2), "Tháng phải gồm 2 chữ số (01–12)", "The month must be 2 digits (01–12)");
            return false;
        }

        if (month < 1 || month > 12)
        {
            error = Range(at, "Tháng phải từ 01 đến 12", "The month must be 01 to 12");
            return false;
        }

        if (s.Length > at + 2 && s[at + 2] >= '0' && s[at + 2] <= '9')
        {
            error = Error(at + 2, "Tháng phải gồm đúng 2 chữ số", "The month must be exactly 2 digits");
            return false;
        }

        return true;
    }

    private static bool ReadDigits(string s, int at, int count, out int value)
    {
        value = 0;
        if (s.Length < at + count)
        {
            return false;
        }

        for (int i = at; i < at + count; i++)
        {
            char c = s[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int FirstNonDigit(string s, int at, int count)
    {
        for (int i = at; i < at + count; i++)
        {
            if (i >= s.Length || s[i] < '0' || s[i] > '9')
            {
                return i;
            }
        }

        return at + count;
    }

    private static int Mismatch(string s, int at, string expected)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (at + i >= s.Length || s[at + i] != expected[i])
            {
                return at + i;
            }
        }

        return at + expected.Length;
    }

    private static PeriodFailure Trailing(int position) =>
        new(PeriodErrorCode.InvalidSyntax, position, "Ký tự thừa sau mã kỳ", "Unexpected characters after the period identifier");

    private static PeriodFailure Error(int position, string vi, string en) => new(PeriodErrorCode.InvalidSyntax, position, vi, en);

    private static PeriodFailure Range(int position, string vi, string en) => new(PeriodErrorCode.OutOfRange, position, vi, en);

    private static KtxhResult<ReportingPeriod> Fail(PeriodErrorCode code, int position, string vi, string en) =>
        new PeriodFailure(code, position, vi, en).ToResult<ReportingPeriod>();
}

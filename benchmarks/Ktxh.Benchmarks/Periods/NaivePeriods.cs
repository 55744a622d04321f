using System.Globalization;
using System.Text.RegularExpressions;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Calendars;

namespace Ktxh.Benchmarks.Periods;

/// <summary>
/// The peer: how periods are commonly computed by hand, with NodaTime's week-year rule for weeks, date adjusters
/// for month ends and a regular expression for identifiers. Returns (start, end) pairs, so it does less work than
/// the SDK (no validated value, no kind-specific errors).
/// </summary>
internal static partial class NaivePeriods
{
    private static readonly IWeekYearRule IsoRule = WeekYearRules.Iso;

    public static (LocalDate Start, LocalDate End) Containing(LocalDate date, PeriodType type)
    {
        switch (type)
        {
            case PeriodType.Week:
                int weekYear = IsoRule.GetWeekYear(date);
                int week = IsoRule.GetWeekOfWeekYear(date);
                var start = IsoRule.GetLocalDate(weekYear, week, IsoDayOfWeek.Monday);
                return (start, start.PlusDays(6));
            case PeriodType.Month:
                var first = new LocalDate(date.Year, date.Month, 1);
                return (first, first.With(DateAdjusters.EndOfMonth));
            case PeriodType.Quarter:
                var q = new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1);
                return (q, q.PlusMonths(2).With(DateAdjusters.EndOfMonth));
            default:
                throw new NotSupportedException();
        }
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:W(?<w>\d{2})|M(?<m>\d{2})(?:-H(?<h>[12]))?|Q(?<q>[1-4])|S(?<s>[12])|(?<nine>9M)|YTD-M(?<ytd>\d{2})|(?<last>\d{4})))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static (LocalDate Start, LocalDate End) Parse(string id)
    {
        var m = IdPattern().Match(id);
        if (!m.Success)
        {
            throw new FormatException(id);
        }

        int y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["w"].Success)
        {
            var start = IsoRule.GetLocalDate(y, int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture), IsoDayOfWeek.Monday);
            return (start, start.PlusDays(6));
        }

        if (m.Groups["m"].Success)
        {
            var first = new LocalDate(y, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), 1);
            if (m.Groups["h"].Success)
            {
                return m.Groups["h"].Value == "1" ? (first, first.PlusDays(14)) : (first.PlusDays(15), first.With(DateAdjusters.EndOfMonth));
            }

            return (first, first.With(DateAdjusters.EndOfMonth));
        }

        if (m.Groups["q"].Success)
        {
            var first = new LocalDate(y, ((m.Groups["q"].Value[0] - '1') * 3) + 1, 1);
            return (first, first.PlusMonths(2).With(DateAdjusters.EndOfMonth));
        }

        if (m.Groups["s"].Success)
        {
            var first = new LocalDate(y, m.Groups["s"].Value == "1" ? 1 : 7, 1);
            return (first, first.PlusMonths(5).With(DateAdjusters.EndOfMonth));
        }

        if (m.Groups["nine"].Success)
        {
            return (new LocalDate(y, 1, 1), new LocalDate(y, 9, 30));
        }

        if (m.Groups["ytd"].Success)
        {
            return (new LocalDate(y, 1, 1), new LocalDate(y, int.Parse(m.Groups["ytd"].Value, CultureInfo.InvariantCulture), 1).With(DateAdjusters.EndOfMonth));
        }

        if (m.Groups["last"].Success)
        {
            return (new LocalDate(y, 1, 1), new LocalDate(int.Parse(m.Groups["last"].Value, CultureInfo.InvariantCulture), 12, 31));
        }

        return (new LocalDate(y, 1, 1), new LocalDate(y, 12, 31));
    }
}

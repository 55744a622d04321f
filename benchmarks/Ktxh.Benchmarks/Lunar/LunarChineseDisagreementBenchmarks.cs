using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Lunar;

/// <summary>
/// The report of where .NET's <see cref="ChineseLunisolarCalendar"/> is wrong for Vietnam, 1901-02-19 (its first
/// day) to 2100-12-31: it is printed once by the setup; the benchmark times a full comparison of that range.
/// Run: dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*LunarChineseDisagreement*' --job dry
/// </summary>
public class LunarChineseDisagreementBenchmarks
{
    /// <summary>Prints the report (month starts, days, Tết years that differ).</summary>
    [GlobalSetup]
    public void Report()
    {
        Disagreement result = Compare();
        Console.WriteLine("// ChineseLunisolarCalendar vs Vietnamese lunar calendar, 1901-02-19..2100-12-31");
        Console.WriteLine($"// Vietnamese month starts compared: {result.MonthStartsCompared}");
        Console.WriteLine($"// Month starts ChineseLunisolarCalendar gets wrong for Vietnam: {result.MonthStartsWrong}");
        Console.WriteLine($"// Days with a different lunar date (year, month, leap, day): {result.DaysWrong}");
        Console.WriteLine($"// Years whose Tết differs ({result.TetYears.Count}): {string.Join(", ", result.TetYears)}");
    }

    /// <summary>Times the full comparison.</summary>
    [Benchmark]
    public int CompareWholeRange() => Compare().MonthStartsWrong;

    /// <summary>Walks every day both calendars support.</summary>
    public static Disagreement Compare()
    {
        var chinese = new ChineseLunisolarCalendar();
        LocalDate first = LocalDate.FromDateTime(chinese.MinSupportedDateTime);
        var last = new LocalDate(2100, 12, 31);
        int compared = 0, monthStartsWrong = 0, daysWrong = 0;
        var tetYears = new List<int>();
        for (LocalDate date = first; date <= last; date = date.PlusDays(1))
        {
            LunarDate ours = VietnameseLunarCalendar.FromGregorian(date);
            LunarDate theirs = FromChinese(chinese, date.ToDateTimeUnspecified());
            daysWrong += ours == theirs ? 0 : 1;
            if (ours.Day != 1)
            {
                continue;
            }

            compared++;
            monthStartsWrong += theirs.Day == 1 ? 0 : 1;
            if (ours.Month == 1 && !ours.IsLeapMonth && theirs != ours)
            {
                tetYears.Add(ours.Year);
            }
        }

        return new Disagreement(compared, monthStartsWrong, daysWrong, tetYears);
    }

    // ChineseLunisolarCalendar numbers months 1..13 in a leap year; GetLeapMonth gives the leap month's position.
    private static LunarDate FromChinese(ChineseLunisolarCalendar chinese, DateTime date)
    {
        int year = chinese.GetYear(date);
        int month = chinese.GetMonth(date);
        int leap = chinese.GetLeapMonth(year);
        int day = chinese.GetDayOfMonth(date);
        return leap == 0 || month < leap
            ? new LunarDate(year, month, day, false)
            : new LunarDate(year, month - 1, day, month == leap);
    }

    /// <summary>The comparison's result.</summary>
    public sealed record Disagreement(int MonthStartsCompared, int MonthStartsWrong, int DaysWrong, IReadOnlyList<int> TetYears);
}

using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>The calendar is shared static state: many threads converting at once get what one thread gets.</summary>
public class LunarCalendarConcurrencyTests
{
    [Fact]
    public void Parallel_conversions_agree_with_sequential_ones()
    {
        LocalDate first = VietnameseLunarCalendar.MinDate;
        int span = Period.DaysBetween(first, VietnameseLunarCalendar.MaxDate);
        LocalDate[] dates = Enumerable.Range(0, 20_000).Select(i => first.PlusDays((int)((long)i * 7919 % (span + 1)))).ToArray();
        LunarDate[] sequential = dates.Select(VietnameseLunarCalendar.FromGregorian).ToArray();

        var parallel = new LunarDate[dates.Length];
        var back = new LocalDate[dates.Length];
        Parallel.For(0, dates.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            parallel[i] = VietnameseLunarCalendar.FromGregorian(dates[i]);
            back[i] = VietnameseLunarCalendar.ToGregorian(parallel[i]);
        });

        Assert.Equal(sequential, parallel);
        Assert.Equal(dates, back);
    }
}

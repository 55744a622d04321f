using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>Laws of the calendar checked on every day of the supported range (a deterministic full sweep).</summary>
public class LunarCalendarLawsTests
{
    [Fact]
    public void Every_day_in_range_round_trips_and_follows_the_previous_day()
    {
        LocalDate first = VietnameseLunarCalendar.MinDate;
        LocalDate last = VietnameseLunarCalendar.MaxDate;
        Assert.Equal(new LocalDate(1900, 1, 31), first);
        Assert.Equal(VietnameseLunarCalendar.NewYear(VietnameseLunarCalendar.MaxYear).PlusDays(VietnameseLunarCalendar.DaysInYear(VietnameseLunarCalendar.MaxYear) - 1), last);

        LunarDate previous = VietnameseLunarCalendar.FromGregorian(first);
        Assert.Equal(new LunarDate(VietnameseLunarCalendar.MinYear, 1, 1), previous);
        int days = 1;
        for (LocalDate date = first.PlusDays(1); date <= last; date = date.PlusDays(1))
        {
            LunarDate lunar = VietnameseLunarCalendar.FromGregorian(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(lunar));
            bool sameMonth = lunar.Year == previous.Year && lunar.Month == previous.Month && lunar.IsLeapMonth == previous.IsLeapMonth;
            if (sameMonth)
            {
                Assert.Equal(previous.Day + 1, lunar.Day);
            }
            else
            {
                Assert.Equal(1, lunar.Day);
                Assert.True(previous.Day is 29 or 30, $"{previous} ends a month of {previous.Day} days");
                Assert.True(previous < lunar, $"{previous} should come before {lunar}");
            }

            previous = lunar;
            days++;
        }

        Assert.Equal(last, VietnameseLunarCalendar.NewYear(VietnameseLunarCalendar.MaxYear).PlusDays(VietnameseLunarCalendar.DaysInYear(VietnameseLunarCalendar.MaxYear) - 1));
        Assert.Equal(Period.Between(first, last, PeriodUnits.Days).Days + 1, days);
    }

    [Fact]
    public void Every_year_has_twelve_or_thirteen_months_of_29_or_30_days_and_one_leap_month_when_thirteen()
    {
        for (int year = VietnameseLunarCalendar.MinYear; year <= VietnameseLunarCalendar.MaxYear; year++)
        {
            int months = VietnameseLunarCalendar.MonthsInYear(year);
            int leap = VietnameseLunarCalendar.LeapMonth(year);
            Assert.True(months is 12 or 13, $"{year}: {months} months");
            Assert.Equal(months == 13, leap != 0);

            int leapCount = 0;
            int total = 0;
            LocalDate expectedStart = VietnameseLunarCalendar.NewYear(year);
            for (int month = 1; month <= 12; month++)
            {
                foreach (bool isLeap in new[] { false, true })
                {
                    var firstDay = new LunarDate(year, month, 1, isLeap);
                    if (isLeap && month != leap)
                    {
                        Assert.False(VietnameseLunarCalendar.IsValid(firstDay));
                        continue;
                    }

                    leapCount += isLeap ? 1 : 0;
                    int length = VietnameseLunarCalendar.DaysInMonth(year, month, isLeap);
                    Assert.True(length is 29 or 30, $"{firstDay}: {length} days");
                    Assert.Equal(expectedStart, VietnameseLunarCalendar.ToGregorian(firstDay));
                    Assert.False(VietnameseLunarCalendar.IsValid(firstDay with { Day = length + 1 }));
                    expectedStart = expectedStart.PlusDays(length);
                    total += length;
                }
            }

            Assert.Equal(leap != 0 ? 1 : 0, leapCount);
            Assert.Equal(total, VietnameseLunarCalendar.DaysInYear(year));
            Assert.True(total is (>= 353 and <= 355) or (>= 383 and <= 385), $"{year}: {total} days");
            if (year < VietnameseLunarCalendar.MaxYear)
            {
                Assert.Equal(VietnameseLunarCalendar.NewYear(year + 1), expectedStart);
            }
        }
    }
}

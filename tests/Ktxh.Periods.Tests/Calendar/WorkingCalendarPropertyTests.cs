using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Ktxh.Periods.Tests.Calendar;

/// <summary>The laws of working-day arithmetic, on official and forecast years.</summary>
public class WorkingCalendarPropertyTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool NextWorkingDayOnOrAfter_is_a_working_day_with_none_skipped(CalendarDate input)
    {
        LocalDate date = input.Date;
        LocalDate next = Calendar.NextWorkingDayOnOrAfter(date);
        if (next < date || !Calendar.IsWorkingDay(next))
        {
            return false;
        }

        for (LocalDate d = date; d < next; d = d.PlusDays(1))
        {
            if (Calendar.IsWorkingDay(d))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool AddWorkingDays_then_back_returns_to_a_working_start(CalendarDate input, WorkingDayCount count)
    {
        LocalDate start = Calendar.NextWorkingDayOnOrAfter(input.Date);
        return Calendar.AddWorkingDays(Calendar.AddWorkingDays(start, count.Value), -count.Value) == start;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool AddWorkingDays_then_back_from_a_day_off_lands_on_the_nearest_working_day_on_the_far_side(CalendarDate input, WorkingDayCount count)
    {
        LocalDate date = input.Date;
        int n = count.Value;
        LocalDate roundTrip = Calendar.AddWorkingDays(Calendar.AddWorkingDays(date, n), -n);
        if (n == 0 || Calendar.IsWorkingDay(date))
        {
            return roundTrip == date;
        }

        return n > 0
            ? roundTrip == Calendar.PreviousWorkingDayOnOrBefore(date)
            : roundTrip == Calendar.NextWorkingDayOnOrAfter(date);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool WorkingDaysBetween_inverts_AddWorkingDays(CalendarDate input, WorkingDayCount count)
    {
        LocalDate date = input.Date;
        int n = count.Value;
        LocalDate target = Calendar.AddWorkingDays(date, n);
        bool forward = (n < 0 && !Calendar.IsWorkingDay(date)) || Calendar.WorkingDaysBetween(date, target) == n;
        return forward && Calendar.WorkingDaysBetween(target, date) == -Calendar.WorkingDaysBetween(date, target);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool AddWorkingDays_lands_on_a_working_day_with_exactly_n_working_days_crossed(CalendarDate input, WorkingDayCount count)
    {
        int n = count.Value;
        if (n == 0)
        {
            return Calendar.AddWorkingDays(input.Date, 0) == input.Date;
        }

        LocalDate target = Calendar.AddWorkingDays(input.Date, n);
        int crossed = 0;
        if (n > 0)
        {
            for (LocalDate d = input.Date.PlusDays(1); d <= target; d = d.PlusDays(1))
            {
                crossed += Calendar.IsWorkingDay(d) ? 1 : 0;
            }
        }
        else
        {
            for (LocalDate d = target; d < input.Date; d = d.PlusDays(1))
            {
                crossed += Calendar.IsWorkingDay(d) ? 1 : 0;
            }
        }

        return Calendar.IsWorkingDay(target) && crossed == Math.Abs(n);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool GetDayOff_is_null_exactly_on_working_days(CalendarDate input)
    {
        DayOff? dayOff = Calendar.GetDayOff(input.Date);
        return Calendar.IsWorkingDay(input.Date) ? dayOff is null : dayOff is not null && dayOff.Date == input.Date;
    }

    [Fact]
    public void Every_day_1900_to_2199_is_classified_and_counts_agree()
    {
        // A full sweep: each year builds, DaysOff are all non-working, and the running count equals WorkingDaysBetween.
        int running = 0;
        for (int year = 1900; year <= 2199; year++)
        {
            foreach (DayOff off in Calendar.DaysOff(year))
            {
                Assert.False(Calendar.IsWorkingDay(off.Date), off.ToString());
            }

            for (LocalDate d = new(year, 1, 1); d.Year == year; d = d.PlusDays(1))
            {
                running += Calendar.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(running, Calendar.WorkingDaysBetween(new LocalDate(1900, 1, 1), new LocalDate(year, 12, 31)) + (Calendar.IsWorkingDay(new LocalDate(1900, 1, 1)) ? 1 : 0));
        }
    }

    [Fact]
    public void Out_of_range_dates_throw_with_a_bilingual_message()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(new LocalDate(1899, 12, 31)));
        Assert.Contains("Năm 1899", e.Message, StringComparison.Ordinal);
        Assert.Contains("Year 1899", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new LocalDate(2199, 12, 30), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DaysOff(2200));
    }
}

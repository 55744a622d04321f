using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>Laws of the lunar calendar as FsCheck properties (the full sweep is in <see cref="LunarCalendarLawsTests"/>).</summary>
public class LunarCalendarPropertyTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool Converting_to_lunar_and_back_gives_the_same_day(LunarRangeDate date)
        => VietnameseLunarCalendar.ToGregorian(VietnameseLunarCalendar.FromGregorian(date.Date)) == date.Date;

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool Lunar_order_follows_gregorian_order(LunarRangeDate a, LunarRangeDate b)
        => Math.Sign(a.Date.CompareTo(b.Date))
            == Math.Sign(VietnameseLunarCalendar.FromGregorian(a.Date).CompareTo(VietnameseLunarCalendar.FromGregorian(b.Date)));

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property A_lunar_date_is_valid_exactly_when_it_converts_and_then_round_trips(AnyLunarDate any)
    {
        LunarDate date = any.Date;
        KtxhResult<LocalDate> result = VietnameseLunarCalendar.ConvertToGregorian(date);
        bool consistent = result.Success == VietnameseLunarCalendar.IsValid(date)
            && result.Success == VietnameseLunarCalendar.TryToGregorian(date, out _)
            && (result.Success
                ? VietnameseLunarCalendar.FromGregorian(result.Value) == date
                : result.Errors.Count == 1 && result.Errors[0].MessageVi.Length > 0 && result.Errors[0].MessageEn.Length > 0
                  && result.Errors[0].TryGetCode(out LunarDateErrorCode _) && result.Errors[0].Location.Field is not null);
        return consistent.Label($"{date}: {(result.Success ? "ok" : result.Errors[0].ToString())}").Classify(result.Success, "valid");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool A_date_and_the_next_day_are_consecutive_lunar_days(LunarRangeDate date)
    {
        if (date.Date == VietnameseLunarCalendar.MaxDate)
        {
            return true;
        }

        LunarDate today = VietnameseLunarCalendar.FromGregorian(date.Date);
        LunarDate tomorrow = VietnameseLunarCalendar.FromGregorian(date.Date.PlusDays(1));
        bool sameMonth = tomorrow == today with { Day = today.Day + 1 };
        bool nextMonth = tomorrow.Day == 1
            && today.Day == VietnameseLunarCalendar.DaysInMonth(today.Year, today.Month, today.IsLeapMonth)
            && today < tomorrow;
        return sameMonth ^ nextMonth;
    }
}

using Ktxh.Periods;

namespace Ktxh.Periods.Tests;

/// <summary>
/// <see cref="WorkingCalendar.VietnamCivilService"/> is shared by every caller: no list it hands out may be a bare array
/// or list that a caller can cast back and write to, changing the days off every other caller sees.
/// </summary>
public sealed class CalendarImmutabilityTests
{
    /// <summary>Every list the calendar hands out.</summary>
    public static TheoryData<string> Lists() => new()
    {
        "DaysOff", "MakeUpWorkingDays", "WeeklyRestDays", "YearInfo.Decisions", "YearInfo.Notes",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_list_cast_back_cannot_be_written(string name)
    {
        WorkingCalendar c = WorkingCalendar.VietnamCivilService;
        object list = name switch
        {
            "DaysOff" => c.DaysOff(2025),
            "MakeUpWorkingDays" => c.MakeUpWorkingDays(2025),
            "WeeklyRestDays" => c.WeeklyRestDays,
            "YearInfo.Decisions" => c.GetYearInfo(2025).Decisions,
            "YearInfo.Notes" => c.GetYearInfo(c.OfficialYears.First(y => c.GetYearInfo(y).Notes.Count > 0)).Notes,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        var asList = (System.Collections.IList)list;
        Assert.NotEmpty(asList);
        Assert.True(asList.IsReadOnly, name + " can be written through IList");
        object? first = asList[0];
        Assert.ThrowsAny<NotSupportedException>(() => asList[0] = first);
        Assert.ThrowsAny<NotSupportedException>(() => asList.Clear());
    }
}

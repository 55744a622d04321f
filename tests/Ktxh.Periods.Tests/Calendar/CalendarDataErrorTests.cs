using Ktxh.Periods;

namespace Ktxh.Periods.Tests;

/// <summary>Every error type of the SDK has a bilingual <c>Message</c>; the calendar data error too.</summary>
public sealed class CalendarDataErrorTests
{
    [Fact]
    public void Message_is_Vietnamese_then_English()
    {
        CalendarDataResult result = WorkingCalendar.CreateBuilder().WithDecisions("{\"schemaVersion\":1}");
        CalendarDataError error = Assert.Single(result.Errors);
        Assert.Equal(error.MessageVi + " / " + error.MessageEn, error.Message);
        Assert.Equal($"{error.Path}: {error.Message}", error.ToString());
    }
}

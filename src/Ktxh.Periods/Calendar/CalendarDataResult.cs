namespace Ktxh.Periods;

/// <summary>The outcome of loading official decisions from JSON into a <see cref="WorkingCalendarBuilder"/>:
/// either every year was valid and loaded, or nothing was loaded and <see cref="Errors"/> says why.</summary>
public sealed class CalendarDataResult
{
    internal CalendarDataResult(IReadOnlyList<int> years, IReadOnlyList<CalendarDataError> errors)
    {
        Years = years;
        Errors = errors;
    }

    /// <summary>True when the data was valid and loaded.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The years loaded (empty on failure).</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Every problem found, each located (empty on success).</summary>
    public IReadOnlyList<CalendarDataError> Errors { get; }

    /// <summary>Throws when the data was not valid.</summary>
    /// <exception cref="FormatException">The data had errors; the message lists them all (Vietnamese and
    /// English).</exception>
    public void ThrowIfFailed()
    {
        if (!Success)
        {
            throw new FormatException(
                "Dữ liệu lịch làm việc không hợp lệ / Invalid working calendar data:" + Environment.NewLine +
                string.Join(Environment.NewLine, Errors));
        }
    }
}

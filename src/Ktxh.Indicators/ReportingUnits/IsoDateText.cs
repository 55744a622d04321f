using NodaTime;
using NodaTime.Text;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// Reads an ISO date (<c>yyyy-MM-dd</c>) as <see cref="LocalDatePattern.Iso"/> does. The common form (ten characters,
/// year 0001–9999, a valid day) is read directly: NodaTime's pattern machinery costs tens of milliseconds of start-up
/// (culture data, pattern caches) for the two dates of the built-in directory. Anything else goes to the pattern.
/// </summary>
internal static class IsoDateText
{
    /// <summary>Parses <paramref name="text"/>; the result of <c>LocalDatePattern.Iso.Parse(text)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date, when the text is one.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParse(string text, out LocalDate date)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDigits(text, 0, 4, out int year) && TryDigits(text, 5, 2, out int month) && TryDigits(text, 8, 2, out int day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new LocalDate(year, month, day);
            return true;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime.Text;

namespace Ktxh.Periods;

public sealed partial record DeadlineRule
{
    /// <summary>Parses the canonical text of a rule (see the remarks of <see cref="DeadlineRule"/>).</summary>
    /// <param name="text">The text, e.g. <c>day-of-month-after:12</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="KtxhException">The text is not a rule; the error says why, in Vietnamese and English.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static DeadlineRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (rule, error) = ParseCore(text);
        return rule ?? throw error.ToException();
    }

    /// <summary>Parses the canonical text of a rule without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="rule">The rule, or null when the text is not one.</param>
    /// <returns>Whether the text is a rule.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DeadlineRule? rule)
    {
        (rule, _) = ParseCore(text);
        return rule is not null;
    }

    /// <summary>Parses the canonical text of a rule, returning the rule or, located, why the text is not one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The rule, or the error (a <see cref="PeriodErrorCode"/>) in Vietnamese and English with its position
    /// in the text.</returns>
    public static KtxhResult<DeadlineRule> ParseWithResult(string? text)
    {
        var (rule, error) = ParseCore(text);
        return rule is not null ? KtxhResult<DeadlineRule>.ForValue(rule) : error.ToResult<DeadlineRule>();
    }

    private static (DeadlineRule? Rule, PeriodFailure Error) ParseCore(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new PeriodFailure(PeriodErrorCode.Empty, 0, "Quy tắc hạn báo cáo trống.", "The deadline rule is empty."));
        }

        string[] parts = text.Trim().Split(':');
        string kind = parts[0];
        try
        {
            switch (kind)
            {
                case "day-of-month-after" when parts.Length is 2 or 3:
                    return (DayOfMonthAfterPeriod(Number(parts[1]), parts.Length == 3 ? Number(parts[2]) : 1), default);
                case "day-of-last-month" when parts.Length == 2:
                    return (DayOfLastMonthOfPeriod(Number(parts[1])), default);
                case "working-days-after-cutoff" when parts.Length == 2:
                    return (WorkingDaysAfterCutoff(Number(parts[1])), default);
                case "days-after-period" when parts.Length == 2:
                    return (CalendarDaysAfterPeriod(Number(parts[1])), default);
                case "fixed-date" when parts.Length is 2 or 3:
                    string[] monthDay = parts[1].Split('-');
                    if (monthDay.Length != 2 || monthDay[0].Length != 2 || monthDay[1].Length != 2)
                    {
                        throw new FormatException();
                    }

                    return (FixedDateInLaterYear(Number(monthDay[0]), Number(monthDay[1]), parts.Length == 3 ? Number(parts[2]) : 1), default);
                case "date" when parts.Length == 2:
                    var date = LocalDatePattern.Iso.Parse(parts[1]);
                    return date.Success ? (ExplicitDate(date.Value), default) : throw new FormatException();
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            // The parameters start after the first colon.
            int position = kind.Length + 1;
            return (null, e is ArgumentOutOfRangeException range
                ? new PeriodFailure(PeriodErrorCode.OutOfRange, position,
                    string.Create(CultureInfo.InvariantCulture, $"Quy tắc hạn báo cáo '{text}': tham số {range.ParamName} = {range.ActualValue} nằm ngoài khoảng cho phép."),
                    string.Create(CultureInfo.InvariantCulture, $"Deadline rule '{text}': parameter {range.ParamName} = {range.ActualValue} is out of range."))
                : new PeriodFailure(PeriodErrorCode.InvalidSyntax, position,
                    string.Create(CultureInfo.InvariantCulture, $"Quy tắc hạn báo cáo '{text}' có tham số không phải số nguyên hợp lệ."),
                    string.Create(CultureInfo.InvariantCulture, $"Deadline rule '{text}' has a parameter that is not a valid whole number or date.")));
        }

        return (null, new PeriodFailure(PeriodErrorCode.InvalidSyntax, 0,
            string.Create(CultureInfo.InvariantCulture, $"Không nhận ra quy tắc hạn báo cáo '{text}'; dạng hợp lệ: {Forms}."),
            string.Create(CultureInfo.InvariantCulture, $"Unknown deadline rule '{text}'; valid forms: {Forms}.")));
    }

    private const string Forms =
        "day-of-month-after:N[:M], day-of-last-month:N, working-days-after-cutoff:N, days-after-period:N, fixed-date:MM-dd[:Y], date:yyyy-MM-dd";

    // Digits only: no sign, no spaces, no culture-specific forms, so the canonical text is the only spelling.
    private static int Number(string text) =>
        text.Length is > 0 and <= 4 && text.All(char.IsAsciiDigit)
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException();
}

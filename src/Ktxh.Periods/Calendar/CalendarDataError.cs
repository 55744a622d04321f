namespace Ktxh.Periods;

/// <summary>A problem found in calendar decision data (JSON): where it is and what is wrong, in Vietnamese and
/// English.</summary>
/// <param name="Path">Where: a JSON path such as <c>$.years[2].tet.days[1]</c>, or for a syntax error
/// <c>line 4, position 12</c>.</param>
/// <param name="MessageVi">The problem in Vietnamese.</param>
/// <param name="MessageEn">The problem in English.</param>
public sealed record CalendarDataError(string Path, string MessageVi, string MessageEn)
{
    /// <summary>Both messages as one text, <c>Vietnamese / English</c>, like <c>Message</c> on the other error types of
    /// the SDK (<c>UnitError</c>, <c>PeriodError</c>, <c>LunarDateError</c>).</summary>
    public string Message => $"{MessageVi} / {MessageEn}";

    /// <summary>The error as one line: path, Vietnamese message, English message.</summary>
    /// <returns>A line such as <c>$.years[0].year: Năm … / Year …</c>.</returns>
    public override string ToString() => $"{Path}: {MessageVi} / {MessageEn}";
}

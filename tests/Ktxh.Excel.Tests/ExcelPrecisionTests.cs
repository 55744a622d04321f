using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Excel.Tests;

/// <summary>
/// The import's fast path for stored numbers: a number whose stored text is short enough
/// (<see cref="CellInterpreter.ShortEnough"/>) is taken as parsed, and must be exactly what rounding to Excel's 15
/// significant digits (<see cref="CellInterpreter.ToExcelPrecision"/>) would give: the same value and the same text.
/// </summary>
public class ExcelPrecisionTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("-12.5", true)]
    [InlineData("123456789012345", true)]
    [InlineData("0.1", true)]
    [InlineData("1234567890123456", false)] // 16 digits: rounded to 15
    [InlineData("0.30000000000000004", false)]
    [InlineData("1.50", false)] // a trailing zero after the point: the scale would differ
    [InlineData("1E-05", false)]
    [InlineData("2.5e3", false)]
    [InlineData("100", true)] // trailing zeros of a whole number are digits, not scale
    public void Which_stored_texts_skip_the_rounding(string text, bool shortEnough) =>
        Assert.Equal(shortEnough, CellInterpreter.ShortEnough(text));

    [Property(MaxTest = 2000)]
    public Property A_short_enough_number_is_already_at_Excel_precision(long mantissa, byte scale)
    {
        long digits = Math.Abs(mantissa % 1_000_000_000_000_000); // up to 15 digits
        decimal value = new((int)(digits & 0xFFFF_FFFF), (int)(digits >> 32), 0, mantissa < 0, (byte)(scale % 16));
        string text = value.ToString(CultureInfo.InvariantCulture);
        bool fast = CellInterpreter.ShortEnough(text);
        decimal parsed = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        decimal rounded = CellInterpreter.ToExcelPrecision(parsed);
        bool agrees = !fast || parsed == 0m || (parsed == rounded && parsed.ToString(CultureInfo.InvariantCulture) == rounded.ToString(CultureInfo.InvariantCulture));
        return agrees.Label($"{text}: parsed {parsed}, rounded {rounded}").Classify(fast, "short enough").Classify(text.Contains('.'), "has a point");
    }
}

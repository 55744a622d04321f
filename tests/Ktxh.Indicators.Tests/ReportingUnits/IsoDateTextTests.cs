using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators.ReportingUnits;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Indicators.Tests.ReportingUnits;

/// <summary>Issue 10: the built-in directory reads its dates without NodaTime's pattern machinery (a start-up cost);
/// the result must be that of <see cref="LocalDatePattern.Iso"/> on every text.</summary>
public class IsoDateTextTests
{
    [Property(MaxTest = 1000)]
    public Property Reads_what_the_ISO_pattern_reads()
    {
        Gen<string> texts = Gen.OneOf(
            // Ten characters of the common form, valid or not (month 13, 31 February, year 0000).
            from y in Gen.Choose(0, 9999)
            from m in Gen.Choose(0, 13)
            from d in Gen.Choose(0, 32)
            select $"{y:D4}-{m:D2}-{d:D2}",
            // Other shapes: short fields, signs, blanks, other separators, letters.
            Gen.Elements("2025-7-01", "+2025-07-01", "-0001-01-01", " 2025-07-01", "2025-07-01 ", "2025/07/01", "20250701", "2025-07-0a", "", "2025-02-29", "2024-02-29", "0001-01-01", "9999-12-31"));
        return Prop.ForAll(texts.ToArbitrary(), text =>
        {
            ParseResult<LocalDate> expected = LocalDatePattern.Iso.Parse(text);
            bool ok = IsoDateText.TryParse(text, out LocalDate date);
            Assert.Equal(expected.Success, ok);
            if (ok)
            {
                Assert.Equal(expected.Value, date);
            }

            return true.ToProperty().Classify(ok, "a date");
        });
    }
}

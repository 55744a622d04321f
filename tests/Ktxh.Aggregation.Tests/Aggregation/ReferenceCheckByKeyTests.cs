using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators.ReportingUnits;

namespace Ktxh.Aggregation.Tests;

/// <summary>A generated values file whose lines name known and unknown indicators, units (in force or not in the line's
/// period), disaggregations and period types.</summary>
public sealed record ReferenceFile(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text.Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>Issue 10: <see cref="Validator.CheckReferences(IReadOnlyList{AggregationInput}, ReportingUnitDirectory)"/> on
/// a file read by <see cref="AggregationCsv"/> checks each distinct key once; its findings must be those of the line by
/// line check, in the same order, at the same lines.</summary>
public class ReferenceCheckByKeyTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public Property Checking_by_key_finds_what_the_line_by_line_check_finds(ReferenceFile file)
    {
        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(file.Text)), "v.csv").Value;
        AggregationInput[] lines = inputs.ToArray();
        var validator = new Validator(World.Catalogue);
        ReportingUnitDirectory directory = ReportingUnitDirectory.Vietnam;
        AdministrativeHierarchy hierarchy = directory.AsOf(new NodaTime.LocalDate(2026, 1, 1));

        IReadOnlyList<ValidationFinding> byKey = validator.CheckReferences(inputs, directory);
        IReadOnlyList<ValidationFinding> byLine = validator.CheckReferences(lines, directory);
        AssertSame(inputs, byLine, byKey);
        AssertSame(inputs, validator.CheckReferences(lines, hierarchy), validator.CheckReferences(inputs, hierarchy));
        AssertSame(inputs, validator.CheckReferences(lines), validator.CheckReferences(inputs));
        return true.ToProperty()
            .Classify(byKey.Count == 0, "no finding")
            .Classify(byKey.Any(f => f.RuleCode == "UNKNOWN_UNIT"), "unknown unit")
            .Classify(byKey.Any(f => f.RuleCode == "UNKNOWN_DISAGGREGATION"), "disaggregation")
            .Classify(byKey.Any(f => f.RuleCode == "PERIOD_TYPE"), "period type")
            .Classify(byKey.Any(f => f.RuleCode == "UNKNOWN_INDICATOR"), "unknown indicator");
    }

    /// <summary>Files with many lines over few indicators, units and periods and no disaggregation column: the check
    /// by key then looks at every (indicator, period) and (unit, period) pair instead of each line, and must still find
    /// every problem at its line.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public Property Checking_a_dense_file_by_pairs_finds_what_the_line_by_line_check_finds(DenseReferenceFile file)
    {
        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(file.Text)), "v.csv").Value;
        AggregationInput[] lines = inputs.ToArray();
        var validator = new Validator(World.Catalogue);
        ReportingUnitDirectory directory = ReportingUnitDirectory.Vietnam;
        IReadOnlyList<ValidationFinding> byKey = validator.CheckReferences(inputs, directory);
        AssertSame(inputs, validator.CheckReferences(lines, directory), byKey);
        AssertSame(inputs, validator.CheckReferences(lines, directory.AsOf(new NodaTime.LocalDate(2026, 1, 1))), validator.CheckReferences(inputs, directory.AsOf(new NodaTime.LocalDate(2026, 1, 1))));
        return true.ToProperty()
            .Classify(byKey.Count == 0, "no finding")
            .Classify(byKey.Any(f => f.RuleCode == "UNKNOWN_UNIT"), "unknown unit")
            .Classify(byKey.Any(f => f.RuleCode == "PERIOD_TYPE"), "period type")
            .Classify(byKey.Any(f => f.RuleCode == "UNKNOWN_INDICATOR"), "unknown indicator");
    }

    private static string Text(ValidationFinding f) =>
        $"{f.RuleCode} {f.Kind} {f.Severity} {f.UnitCode} {f.Period} {f.Disaggregation} {string.Join(";", f.Values)} {f.MessageVi} / {f.MessageEn}";

    /// <summary>The same findings; the file's carry the line where the list's carry the index.</summary>
    private static void AssertSame(AggregationInputs inputs, IReadOnlyList<ValidationFinding> byLine, IReadOnlyList<ValidationFinding> byKey)
    {
        Assert.Equal(byLine.Select(Text), byKey.Select(Text));
        Assert.Equal(byLine.Select(f => inputs.LocationOf(f.Location!.Index!.Value)), byKey.Select(f => f.Location));
    }
}

/// <summary>A generated values file with many lines over few keys and no disaggregation column.</summary>
public sealed record DenseReferenceFile(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text.Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>Generators of files for the reference rules.</summary>
public static partial class Arbitraries
{
    /// <summary>40 to 120 lines over one or two indicators, units and periods, each drawn per file from the same kinds of
    /// keys as <see cref="ReferenceFiles"/> (mostly valid ones, so that most files have no finding or a single one).</summary>
    public static Arbitrary<DenseReferenceFile> DenseReferenceFiles()
    {
        Gen<DenseReferenceFile> gen =
            from ni in Gen.Choose(1, 2)
            from indicators in Gen.Elements("A", "A", "A", "S", "XX").ListOf(ni)
            from nu in Gen.Choose(1, 2)
            from units in Gen.Elements("00004", "00004", "00004", "00016", "01", "99999").ListOf(nu)
            from np in Gen.Choose(1, 2)
            from periods in Gen.Elements("2026-M01", "2026-M01", "2026-M02", "2025-M06", "2026-Q1").ListOf(np)
            let line =
                from indicator in Gen.Elements(indicators.ToArray())
                from unit in Gen.Elements(units.ToArray())
                from period in Gen.Elements(periods.ToArray())
                from value in Gen.Choose(-50, 500)
                select $"{indicator},{unit},{period},{value.ToString(CultureInfo.InvariantCulture)}\n"
            from count in Gen.Choose(40, 120)
            from lines in line.ListOf(count)
            select new DenseReferenceFile("indicator,unit,period,value\n" + string.Concat(lines));
        return gen.ToArbitrary();
    }

    /// <summary>Lines over indicators of <see cref="World.Catalogue"/> and an unknown one, units in force before or after
    /// 1 July 2025 or never, monthly and quarterly periods, totals and disaggregations (which no indicator there has).</summary>
    public static Arbitrary<ReferenceFile> ReferenceFiles()
    {
        Gen<string> line =
            from indicator in Gen.Elements("A", "A", "S", "R", "XX")
            from unit in Gen.Elements("00004", "00004", "00016", "01", "24", "VN", "99999")
            from period in Gen.Elements("2026-M01", "2026-M01", "2025-M06", "2025-M07", "2026-Q1", "2026")
            from dis in Gen.Frequency((5, Gen.Constant(string.Empty)), (1, Gen.Elements("GT=NU", "bad", "GT=NAM;KV=TT")))
            from value in Gen.Choose(-50, 500)
            select $"{indicator},{unit},{period},{value.ToString(CultureInfo.InvariantCulture)},{dis}\n";
        Gen<ReferenceFile> gen =
            from lines in Gen.ListOf(line).Select(l => l.Take(60).ToList())
            from blank in Gen.Elements(string.Empty, "\n")
            select new ReferenceFile("indicator,unit,period,value,disaggregation\n" + blank + string.Concat(lines));
        return gen.ToArbitrary();
    }
}

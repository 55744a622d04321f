using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;

namespace Ktxh.Aggregation.Tests;

public class ValidationProperties
{
    private static readonly Validator Validator = new(World.Catalogue);

    /// <summary>Parent A and of-which A1 for several units and months: A1 ≤ A (valid) or A1 &gt; A (violations).</summary>
    private static Gen<(AggregationInput[] Values, int Violations)> OfWhichData() =>
        from rows in Gen.ListOf(
            from unit in Gen.Elements(World.Communes)
            from month in Gen.Choose(1, 12)
            from parent in Gen.Choose(0, 1_000_000)
            from share in Gen.Choose(0, 1000)
            from violate in Gen.Elements(false, false, true)
            from excess in Gen.Choose(1, 100_000)
            select (unit, month, parent / 100m, violate ? (parent / 100m) + (excess / 1000m) : parent / 100m * share / 1000m, violate))
        let distinct = rows.GroupBy(r => (r.unit, r.month)).Select(g => g.First()).ToArray()
        select (distinct.SelectMany(r => new[] { World.In("A", r.unit, World.M(r.month), r.Item3), World.In("A1", r.unit, World.M(r.month), r.Item4) }).ToArray(),
                distinct.Count(r => r.violate));

    [Property(MaxTest = 100)]
    public Property Every_of_which_violation_is_caught_and_no_valid_dataset_is_flagged() =>
        Prop.ForAll(OfWhichData().ToArbitrary(), data =>
        {
            IReadOnlyList<ValidationFinding> f = Validator.Validate(data.Values);
            return f.Count(x => x.RuleCode == "OF_WHICH") == data.Violations && f.Where(x => x.Kind != FindingKind.Outlier).All(x => x.RuleCode == "OF_WHICH");
        });
}

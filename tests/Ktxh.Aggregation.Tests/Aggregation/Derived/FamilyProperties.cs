using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>
/// Issue 14 §3: every aggregation family of <see cref="FamilyWorld"/> against a simple reference written here from the
/// documented rules (docs/aggregation-csv.md, "Derived and averaged indicators"): across units first, then across
/// time; ratio = aggregated numerator × factor ÷ aggregated denominator (each operand by its own rules), flagged
/// CoverageMismatch when different units reported them; weighted average = Σ(w·x) ÷ Σw; day-weighted by days; min,
/// max, count; a formula is its expression over the aggregated operands; every quotient rounded once, half to even,
/// to 20 places.
/// </summary>
public class FamilyProperties
{
    private static readonly AggregationEngine Engine = FamilyWorld.Engine();

    private static decimal Round(decimal q) => Math.Round(q, 20, MidpointRounding.ToEven);

    /// <summary>The reference roll-up over one dataset's used lines.</summary>
    private sealed class Ref(FamilyDataset data)
    {
        private readonly List<AggregationInput> _latest = Reference.Latest(data.Inputs);

        private IEnumerable<AggregationInput> Lines(string ind, string unit, ReportingPeriod p) =>
            _latest.Where(x => x.IndicatorCode == ind && Reference.IsUnder(x.UnitCode, unit) && p.Contains(x.Period));

        /// <summary>Whether the series has the period at all (a year-to-date only through one of its own months).</summary>
        public bool Produced(string ind, ReportingPeriod p) =>
            p.Type != PeriodType.YearToDate || data.Inputs.Any(i => i.IndicatorCode == ind && i.Period.End.Month == p.End.Month && i.Period.Type == PeriodType.Month);

        private static IEnumerable<ReportingPeriod> Months(ReportingPeriod p) =>
            Enumerable.Range(1, 12).Select(m => World.M(m)).Where(p.Contains);

        /// <summary>The across-units aggregate of a monthly series at a unit in one month.</summary>
        public decimal? AcrossUnits(string ind, AggregationMethod rule, string unit, ReportingPeriod month)
        {
            var xs = Lines(ind, unit, month).ToList();
            if (rule == AggregationMethod.WeightedAverage)
            {
                var pairs = xs.Select(x => (x.Value, W: Lines("P", x.UnitCode, month).Where(w => w.UnitCode == x.UnitCode).Select(w => (decimal?)w.Value).FirstOrDefault()))
                    .Where(p => p.W is not null).ToList();
                decimal sw = pairs.Sum(p => p.W!.Value);
                return pairs.Count == 0 || sw == 0m ? null : Round(pairs.Sum(p => p.Value * p.W!.Value) / sw);
            }

            if (xs.Count == 0)
            {
                return null;
            }

            return rule switch
            {
                AggregationMethod.Sum => xs.Sum(x => x.Value),
                AggregationMethod.Average => Round(xs.Sum(x => x.Value) / xs.Count),
                AggregationMethod.Min => xs.Min(x => x.Value),
                AggregationMethod.Max => xs.Max(x => x.Value),
                AggregationMethod.Count => xs.Count == 1 && xs[0].UnitCode == unit ? xs[0].Value : xs.Count,
                AggregationMethod.None => xs.Where(x => x.UnitCode == unit).Select(x => (decimal?)x.Value).FirstOrDefault(),
                _ => throw new ArgumentOutOfRangeException(nameof(rule)),
            };
        }

        /// <summary>An entered series at a unit and period: across units in each month, then over time.</summary>
        public decimal? Value(string ind, string unit, ReportingPeriod p)
        {
            var f = FamilyWorld.Families.First(x => x.Code == ind);
            if (!Produced(ind, p) || (f.Units == AggregationMethod.None && !_latest.Any(x => x.IndicatorCode == ind && x.UnitCode == unit && p.Contains(x.Period))))
            {
                return null;
            }

            if (p.Type == PeriodType.Month)
            {
                return AcrossUnits(ind, f.Units, unit, p);
            }

            if (f.Time == AggregationMethod.None)
            {
                return null;
            }

            var monthly = Months(p).Select(m => (Month: m, V: AcrossUnits(ind, f.Units, unit, m))).Where(x => x.V is not null).ToList();
            if (f.Time == AggregationMethod.WeightedAverage)
            {
                var pairs = monthly.Select(x => (x.V, W: AcrossUnits("P", AggregationMethod.Sum, unit, x.Month))).Where(x => x.W is not null).ToList();
                decimal sw = pairs.Sum(x => x.W!.Value);
                return pairs.Count == 0 || sw == 0m ? null : Round(pairs.Sum(x => x.V!.Value * x.W!.Value) / sw);
            }

            if (monthly.Count == 0)
            {
                return null;
            }

            return f.Time switch
            {
                AggregationMethod.Sum => monthly.Sum(x => x.V!.Value),
                AggregationMethod.Last => monthly[^1].V,
                AggregationMethod.Average => Round(monthly.Sum(x => x.V!.Value) / monthly.Count),
                AggregationMethod.DayWeightedAverage => Round(monthly.Sum(x => x.V!.Value * x.Month.LengthInDays) / monthly.Sum(x => x.Month.LengthInDays)),
                AggregationMethod.Min => monthly.Min(x => x.V!.Value),
                AggregationMethod.Max => monthly.Max(x => x.V!.Value),
                AggregationMethod.Count => monthly.Count,
                _ => throw new ArgumentOutOfRangeException(nameof(p)),
            };
        }

        /// <summary>The yearly area AY (entered for the year only): Σ over units.</summary>
        public decimal? YearlyArea(string unit, ReportingPeriod p)
        {
            var xs = _latest.Where(x => x.IndicatorCode == "AY" && Reference.IsUnder(x.UnitCode, unit) && x.Period == p).ToList();
            return xs.Count == 0 ? null : xs.Sum(x => x.Value);
        }

        /// <summary>Whether some unit under <paramref name="unit"/> has a line of one operand in the period and none of the other.</summary>
        public bool Mismatch(string a, string b, string unit, ReportingPeriod p)
        {
            var ua = _latest.Where(x => x.IndicatorCode == a && Reference.IsUnder(x.UnitCode, unit) && p.Contains(x.Period)).Select(x => x.UnitCode).ToHashSet();
            var ub = _latest.Where(x => x.IndicatorCode == b && Reference.IsUnder(x.UnitCode, unit) && p.Contains(x.Period)).Select(x => x.UnitCode).ToHashSet();
            return !ua.SetEquals(ub);
        }
    }

    private static readonly string[] EnteredFamilies = ["Q", "AR", "P", "PR", "TE", "AT", "LO", "HI", "CN", "CS", "LV", "NU", "NT"];

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 50)]
    public Property Every_entered_family_equals_its_reference_at_every_unit_and_period(FamilyDataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        var reference = new Ref(data);
        int compared = 0;
        int withValue = 0;
        foreach (string ind in EnteredFamilies)
        {
            foreach (ReportingPeriod p in Reference.Periods2026())
            {
                foreach (string u in Reference.AllUnits)
                {
                    decimal? expected = reference.Value(ind, u, p);
                    Assert.True(expected == r.ValueOf(ind, u, p), $"{ind} {u} {p.Id}: reference {expected}, engine {r.ValueOf(ind, u, p)}");
                    compared++;
                    withValue += expected is null ? 0 : 1;
                }
            }
        }

        return true.ToProperty()
            .Classify(withValue == 0, "no value")
            .Classify(data.Inputs.Any(i => i.IndicatorCode == "PR") && data.Inputs.Any(i => i.IndicatorCode == "P"), "weighted average with weights")
            .Classify(data.Inputs.Any(i => i.IndicatorCode == "P" && i.Value == 0m), "a zero weight")
            .Collect(withValue < 100 ? "values < 100" : withValue < 1000 ? "values < 1000" : "values ≥ 1000");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 50)]
    public Property Ratios_and_formulas_equal_their_expression_over_the_aggregated_operands(FamilyDataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        var reference = new Ref(data);
        int mismatched = 0;
        int divisionsByZero = 0;
        int ratios = 0;
        foreach (ReportingPeriod p in Reference.Periods2026())
        {
            foreach (string u in Reference.AllUnits)
            {
                // Y = Q × 10 ÷ AR: Q summed, AR (a stock) at its last value; every period either operand has.
                decimal? q = reference.Value("Q", u, p);
                decimal? ar = reference.Value("AR", u, p);
                decimal? y = q is null || ar is null || ar == 0m ? null : Round(q.Value * 10m / ar.Value);
                Assert.True(y == r.ValueOf("Y", u, p), $"Y {u} {p.Id}: reference {y}, engine {r.ValueOf("Y", u, p)}");
                if (y is not null)
                {
                    ratios++;
                    Assert.True(r.TryGet("Y", u, p, out Aggregate a));
                    bool mismatch = reference.Mismatch("Q", "AR", u, p);
                    Assert.Equal(mismatch, a.Flags.HasFlag(AggregateFlags.CoverageMismatch));
                    mismatched += mismatch ? 1 : 0;
                }
                else if (q is not null && ar == 0m)
                {
                    divisionsByZero++;
                    Assert.Contains(r.Aggregates(), a => a.IndicatorCode == "Y" && a.UnitCode == u && a.Period == p && a.Flags.HasFlag(AggregateFlags.DivisionByZero));
                }

                // FX = Q ÷ P, evaluated on the aggregated operands.
                decimal? pp = reference.Value("P", u, p);
                decimal? fx = q is null || pp is null || pp == 0m ? null : Round(q.Value / pp.Value);
                Assert.True(fx == r.ValueOf("FX", u, p), $"FX {u} {p.Id}: reference {fx}, engine {r.ValueOf("FX", u, p)}");

                // YM = Q × 100 ÷ AY: a monthly numerator over a yearly denominator, only for the year.
                if (p.Type == PeriodType.Year)
                {
                    decimal? ay = reference.YearlyArea(u, p);
                    decimal? ym = q is null || ay is null || ay == 0m ? null : Round(q.Value * 100m / ay.Value);
                    Assert.True(ym == r.ValueOf("YM", u, p), $"YM {u} {p.Id}: reference {ym}, engine {r.ValueOf("YM", u, p)}");
                }
                else
                {
                    Assert.Null(r.ValueOf("YM", u, p));
                }
            }
        }

        return true.ToProperty()
            .Classify(ratios == 0, "no ratio value")
            .Classify(mismatched > 0, "coverage mismatch")
            .Classify(divisionsByZero > 0, "division by zero")
            .Classify(data.Inputs.Any(i => i.IndicatorCode == "AY"), "yearly denominator")
            .Collect(ratios < 50 ? "ratios < 50" : "ratios ≥ 50");
    }

    /// <summary>Issue 14 §2, the same indicator at two levels: a province's own figure is its value (never added to its
    /// communes'), the nation adds the provinces' figures, the province row covers every expected unit, and every
    /// province figure entered beside commune figures is listed once for reconciliation with the difference.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property A_units_own_figure_is_its_value_and_is_reconciled_with_its_units(FamilyDataset data, bool[] provinceLines)
    {
        // Some of the months get a province-level line of Q for province 01 (its own figure).
        AggregationInput[] own = provinceLines.Take(12).Select((b, i) => (b, i)).Where(x => x.b)
            .Select(x => World.In("Q", "01", World.M(x.i + 1), 1000m + x.i)).ToArray();
        AggregationInput[] inputs = [.. data.Inputs, .. own];
        AggregationResult r = Engine.Aggregate(inputs);
        var reference = new Ref(new FamilyDataset(inputs));
        int reconciled = 0;
        foreach (ReportingPeriod m in Enumerable.Range(1, 12).Select(i => World.M(i)))
        {
            decimal? ownFigure = own.Where(x => x.Period == m).Select(x => (decimal?)x.Value).FirstOrDefault();
            decimal? communes = reference.Value("Q", "00001", m) is null && reference.Value("Q", "00002", m) is null && reference.Value("Q", "00003", m) is null && reference.Value("Q", "01-STC", m) is null
                ? null
                : new[] { "00001", "00002", "00003", "01-STC" }.Sum(u => reference.Value("Q", u, m) ?? 0m);
            decimal? province = ownFigure ?? communes;
            Assert.Equal(province, r.ValueOf("Q", "01", m));
            decimal? p2 = reference.Value("Q", "02", m);
            Assert.Equal(province is null && p2 is null ? null : (province ?? 0m) + (p2 ?? 0m), r.ValueOf("Q", "VN", m));
            bool listed = r.Omitted.Any(o => o.IndicatorCode == "Q" && o.UnitCode == "01" && o.PeriodId == m.Id);
            Assert.Equal(ownFigure is not null && communes is not null, listed);
            if (ownFigure is not null)
            {
                Assert.True(r.TryGet("Q", "01", m, out Aggregate a));
                Assert.Equal(a.Coverage.Expected, a.Coverage.Reported);
            }

            reconciled += listed ? 1 : 0;
        }

        return true.ToProperty()
            .Classify(own.Length == 0, "no province figure")
            .Classify(reconciled > 0, "reconciled with communes")
            .Collect($"{own.Length / 4 * 4}+ province months");
    }

    /// <summary>Issue 14 §1 (the law of issue 9 §1 for every family): an indicator's rows are the same whether the file
    /// holds other indicators or not, counting as its own the indicators it reads (operands, weights).</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property Every_family_depends_only_on_its_own_inputs_and_what_it_reads(FamilyMixedDataset data)
    {
        AggregationResult whole = Engine.Aggregate(data.Inputs);
        int rows = 0;
        foreach (var f in FamilyWorld.Families)
        {
            HashSet<string> closure = FamilyWorld.Closure(f.Code);
            AggregationResult alone = Engine.Aggregate(data.Inputs.Where(i => closure.Contains(i.IndicatorCode)).ToArray());
            Aggregate[] expected = alone.Aggregates().Where(a => a.IndicatorCode == f.Code).ToArray();
            Aggregate[] actual = whole.Aggregates().Where(a => a.IndicatorCode == f.Code).ToArray();
            Assert.Equal(expected, actual);
            rows += actual.Length;
        }

        return true.ToProperty()
            .Classify(data.Inputs.Select(i => i.Period.Type).Distinct().Count() > 1, "mixed period types")
            .Classify(whole.Aggregates().Any(a => a.Flags.HasFlag(AggregateFlags.IncompletePeriod)), "incomplete periods")
            .Collect(rows < 100 ? "rows < 100" : rows < 1000 ? "rows < 1000" : "rows ≥ 1000");
    }
}

/// <summary>Monthly inputs of every entered family of <see cref="FamilyWorld"/> (and yearly AY), with revisions.</summary>
public sealed record FamilyDataset(IReadOnlyList<AggregationInput> Inputs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs: " + string.Join("; ", Inputs.Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period.Id} {i.Value} {i.Maturity}"));
}

/// <summary>Inputs of every family over mixed period types.</summary>
public sealed record FamilyMixedDataset(IReadOnlyList<AggregationInput> Inputs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs: " + string.Join("; ", Inputs.Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period.Id} {i.Value} {i.Maturity}"));
}

/// <summary>Generators of family datasets.</summary>
public static partial class Arbitraries
{
    private static readonly string[] FamilyUnits = [.. World.Communes, "01-STC"];

    /// <summary>0–80 monthly inputs of 2026 over the entered families (P and AR ≥ 0, sometimes 0), AY for the year.</summary>
    public static Arbitrary<FamilyDataset> FamilyDatasets()
    {
        Gen<AggregationInput[]> one = FamilyLine(FamilyUnits, "Q", "AR", "P", "PR", "TE", "AT", "LO", "HI", "CN", "CS", "LV", "NU", "NT");
        return Gen.ListOf(one)
            .Select(l => new FamilyDataset(l.SelectMany(x => x).Take(80).GroupBy(i => (i.IndicatorCode, i.UnitCode, i.Period, i.Maturity)).Select(g => g.First()).ToList()))
            .ToArbitrary();
    }

    /// <summary>One line (or a numerator and denominator pair) of the entered families: a month of 2026 from one of
    /// <paramref name="indicators"/> (P and AR ≥ 0, sometimes 0), AY for the year, or Q and AR at the same unit and
    /// month, so that matched coverage is common too.</summary>
    internal static Gen<AggregationInput[]> FamilyLine(string[] reporters, params string[] indicators)
    {
        Gen<AggregationInput> monthly =
            from ind in Gen.Elements(indicators)
            from unit in Gen.Elements(reporters)
            from month in Gen.Choose(1, 12)
            from v in ind is "P" or "AR"
                ? Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 50000)))
                : Gen.Choose(-20000, 100000)
            from mat in Gen.Elements(Maturity.Estimate, Maturity.Preliminary, Maturity.Official)
            select World.In(ind, unit, World.M(month), v / 1000m, mat);
        Gen<AggregationInput> yearly =
            from unit in Gen.Elements(reporters)
            from v in Gen.Choose(0, 50000)
            select World.In("AY", unit, ReportingPeriod.CalendarYear(2026), v / 100m);
        Gen<AggregationInput[]> paired =
            from unit in Gen.Elements(reporters)
            from month in Gen.Choose(1, 12)
            from q in Gen.Choose(0, 100000)
            from ar in Gen.Choose(0, 5000)
            select new[] { World.In("Q", unit, World.M(month), q / 1000m), World.In("AR", unit, World.M(month), ar / 100m) };
        return Gen.Frequency((12, monthly.Select(x => new[] { x })), (1, yearly.Select(x => new[] { x })), (4, paired));
    }

    /// <summary>0–60 inputs of every family (derived ones too, whose lines are rejected) over months, half-months, ISO
    /// weeks, quarters and years of 2025–2026, and an unknown indicator.</summary>
    public static Arbitrary<FamilyMixedDataset> FamilyMixedDatasets()
    {
        Gen<ReportingPeriod> period = Gen.OneOf(
            from y in Gen.Choose(2025, 2026) from m in Gen.Choose(1, 12) select ReportingPeriod.Month(y, m),
            from y in Gen.Choose(2025, 2026) from m in Gen.Choose(1, 12) from h in Gen.Choose(1, 2) select ReportingPeriod.HalfMonth(y, m, h),
            from y in Gen.Choose(2025, 2026) from w in Gen.Choose(1, 52) select ReportingPeriod.Week(y, w),
            from y in Gen.Choose(2025, 2026) from q in Gen.Choose(1, 4) select ReportingPeriod.Quarter(y, q),
            from y in Gen.Choose(2025, 2026) select ReportingPeriod.CalendarYear(y));
        Gen<AggregationInput> one =
            from ind in Gen.Elements([.. FamilyWorld.Families.Select(f => f.Code), "ZZ"])
            from unit in Gen.Elements(FamilyUnits)
            from p in period
            from v in Gen.Choose(0, 100000)
            from mat in Gen.Elements(Maturity.Estimate, Maturity.Preliminary, Maturity.Official)
            select World.In(ind, unit, p, v / 100m, mat);
        return Gen.ListOf(one).Select(l => new FamilyMixedDataset(l.Take(60).ToList())).ToArbitrary();
    }
}

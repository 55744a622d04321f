using FsCheck;
using FsCheck.Fluent;

namespace Ktxh.Indicators.Tests;

/// <summary>Two built-in units of one dimension whose scales differ by a power of ten (all money, mass, area, counts).</summary>
public sealed record UnitPowerOfTenPair(MeasureUnit From, MeasureUnit To)
{
    /// <inheritdoc />
    public override string ToString() => From.Code + " → " + To.Code;
}

/// <summary>Two built-in units of one dimension (any ratio of scales, e.g. minutes and hours).</summary>
public sealed record UnitSameDimensionPair(MeasureUnit From, MeasureUnit To)
{
    /// <inheritdoc />
    public override string ToString() => From.Code + " → " + To.Code;
}

/// <summary>Two built-in units of different dimensions.</summary>
public sealed record UnitDifferentDimensionPair(MeasureUnit From, MeasureUnit To)
{
    /// <inheritdoc />
    public override string ToString() => From.Code + " → " + To.Code;
}

/// <summary>
/// A decimal within the documented magnitude for exact conversion: at most 14 significant digits and at most
/// 14 decimal places (so any shift by 10^k with |k| ≤ 14 fits the 28 digits of a decimal).
/// </summary>
public readonly record struct UnitBoundedDecimal(decimal Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Any decimal at all, from its raw bits.</summary>
public readonly record struct UnitRawDecimal(decimal Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A list of amounts (≤ 10 significant digits, ≤ 6 places) in one additive unit, and a target unit of the same dimension.</summary>
public sealed record UnitAmounts(decimal[] Values, MeasureUnit Unit, MeasureUnit Target)
{
    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", Values) + "] " + Unit.Code + " → " + Target.Code;
}

/// <summary>A built-in unit and its name or an alias re-typed with random case and stray white space.</summary>
public sealed record UnitTextVariant(MeasureUnit Unit, string Text)
{
    /// <inheritdoc />
    public override string ToString() => "'" + Text + "' → " + Unit.Code;
}

/// <summary>FsCheck generators for the units of measure.</summary>
public static partial class Arbitraries
{
    private static readonly MeasureUnit[] AllUnits = MeasureUnitRegistry.Default.Units.ToArray();

    private static readonly (MeasureUnit, MeasureUnit)[] SameDimension =
        (from a in AllUnits from b in AllUnits where a.Dimension == b.Dimension select (a, b)).ToArray();

    private static readonly (MeasureUnit, MeasureUnit)[] PowerOfTen =
        SameDimension.Where(p => ExactDecimal.Reduce(p.Item1.Scale).Mantissa == ExactDecimal.Reduce(p.Item2.Scale).Mantissa).ToArray();

    private static readonly (MeasureUnit, MeasureUnit)[] DifferentDimension =
        (from a in AllUnits from b in AllUnits where a.Dimension != b.Dimension select (a, b)).ToArray();

    /// <summary>Units of one dimension, power of ten apart.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitPowerOfTenPair> UnitPowerOfTenPairs() =>
        Arb.From(Gen.Elements(PowerOfTen).Select(p => new UnitPowerOfTenPair(p.Item1, p.Item2)));

    /// <summary>Units of one dimension.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitSameDimensionPair> UnitSameDimensionPairs() =>
        Arb.From(Gen.Elements(SameDimension).Select(p => new UnitSameDimensionPair(p.Item1, p.Item2)));

    /// <summary>Units of different dimensions.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitDifferentDimensionPair> UnitDifferentDimensionPairs() =>
        Arb.From(Gen.Elements(DifferentDimension).Select(p => new UnitDifferentDimensionPair(p.Item1, p.Item2)));

    /// <summary>Decimals within the documented magnitude.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitBoundedDecimal> UnitBoundedDecimals() =>
        Arb.From(BoundedDecimal(99999, 14).Select(d => new UnitBoundedDecimal(d)));

    /// <summary>Any decimal.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitRawDecimal> UnitRawDecimals() =>
        Arb.From(
            from lo in FullInt()
            from mid in FullInt()
            from hi in Gen.Elements(0, 1, 1000, 65535, 123456789, int.MaxValue, -1)
            from negative in Gen.Elements(false, true)
            from scale in Gen.Choose(0, 28)
            select new UnitRawDecimal(new decimal(lo, mid, hi, negative, (byte)scale)));

    /// <summary>Amounts in one additive unit with a target of the same dimension, power of ten apart.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitAmounts> UnitAmountLists()
    {
        (MeasureUnit, MeasureUnit)[] additive = PowerOfTen.Where(p => p.Item1.IsAdditive && p.Item2.IsAdditive).ToArray();
        return Arb.From(
            from pair in Gen.Elements(additive)
            from n in Gen.Choose(0, 25)
            from values in BoundedDecimal(9, 6).ArrayOf(n)
            select new UnitAmounts(values, pair.Item1, pair.Item2));
    }

    /// <summary>Names and aliases re-typed with random case and spaces.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UnitTextVariant> UnitTextVariants()
    {
        (MeasureUnit Unit, string Text)[] texts = AllUnits
            .SelectMany(u => new[] { u.NameVi }.Concat(u.Aliases).Select(t => (u, t)))
            .ToArray();
        return Arb.From(
            from pick in Gen.Elements(texts)
            from flips in Gen.Elements(true, false).ArrayOf(pick.Text.Length)
            from before in Gen.Elements("", " ", "  ", "\t", "\u00A0")
            from after in Gen.Elements("", " ", "\n", "\u00A0 ")
            select new UnitTextVariant(pick.Unit, before + new string(pick.Text.Select((c, i) => flips[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()) + after));
    }

    private static Gen<int> FullInt() =>
        from a in Gen.Choose(0, int.MaxValue)
        from top in Gen.Elements(0, int.MinValue)
        select a | top;

    // A decimal m / 10^s with |m| < (high + 1) × 10^9 and s ≤ maxScale.
    private static Gen<decimal> BoundedDecimal(int high, int maxScale) =>
        from h in Gen.Choose(0, high)
        from l in Gen.Choose(0, 999999999)
        from negative in Gen.Elements(false, true)
        from scale in Gen.Choose(0, maxScale)
        select new decimal((((long)h * 1000000000L) + l) * (negative ? -1 : 1)) / Pow10(scale);

    private static decimal Pow10(int n)
    {
        decimal p = 1m;
        for (int i = 0; i < n; i++)
        {
            p *= 10m;
        }

        return p;
    }
}

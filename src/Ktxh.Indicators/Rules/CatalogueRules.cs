using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

/// <summary>The outcome of checking one catalogue relation rule on a set of values.</summary>
public enum RelationCheckOutcome
{
    /// <summary>The rule holds.</summary>
    Holds = 0,

    /// <summary>The rule is broken (an of-which value above its parent, components not adding up to their parent).</summary>
    Violated = 1,

    /// <summary>
    /// The values cannot be compared: a unit of measure is unknown, of another dimension, or does not convert exactly.
    /// Nothing is concluded; a unit check reports the unit on its own.
    /// </summary>
    NotComparable = 2,
}

/// <summary>
/// The result of checking a catalogue relation rule: the outcome and the values compared, both converted exactly into
/// one unit of measure (<see cref="MeasureUnitCode"/>).
/// </summary>
/// <param name="Outcome">Whether the rule holds.</param>
/// <param name="Parent">The parent's value in <see cref="MeasureUnitCode"/>, or null when <see cref="Outcome"/> is
/// <see cref="RelationCheckOutcome.NotComparable"/>.</param>
/// <param name="Parts">The of-which value, or the sum of the components, in <see cref="MeasureUnitCode"/>; null when not comparable.</param>
/// <param name="MeasureUnitCode">The unit both values were compared in (the parent indicator's unit), or null when the
/// values carry no unit.</param>
public readonly record struct RelationCheck(RelationCheckOutcome Outcome, decimal? Parent, decimal? Parts, string? MeasureUnitCode)
{
    /// <summary>Gets a value indicating whether the rule is broken.</summary>
    public bool IsViolated => Outcome == RelationCheckOutcome.Violated;
}

/// <summary>
/// The catalogue's relation rules between indicators, in one place, used by every validator (Ktxh.Indicators'
/// <see cref="DataValueValidator"/> and Ktxh.Aggregation's validator): an of-which ("Trong đó") value never exceeds its
/// parent, and components, all given, add up to their parent within the catalogue's tolerance.
/// </summary>
/// <remarks>
/// <para>Every value is first converted exactly (<see cref="MeasureUnitConverter"/>) into the unit the comparison is
/// made in, by default the parent's unit; so a parent of 1,000 tỷ đồng and an of-which row entered as
/// 500,000,000,000 đồng (500 tỷ đồng) compare as 1,000 and 500. A unit is resolved by code or by printed name
/// (<see cref="MeasureUnitRegistry.TryResolve"/>). When a conversion is impossible the rule says
/// <see cref="RelationCheckOutcome.NotComparable"/> rather than guess.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class CatalogueRules
{
    /// <summary>Checks that an of-which value does not exceed its parent.</summary>
    /// <param name="parentValue">The parent's value.</param>
    /// <param name="parentUnit">The unit the parent's value is in (code or name), or null for none.</param>
    /// <param name="partValue">The of-which value.</param>
    /// <param name="partUnit">The unit the of-which value is in, or null for none.</param>
    /// <param name="compareIn">The unit to compare in (the parent indicator's catalogue unit), or null for <paramref name="parentUnit"/>.</param>
    /// <param name="units">The unit registry, or null for <see cref="MeasureUnitRegistry.Default"/>.</param>
    /// <returns>The outcome and the two values in <paramref name="compareIn"/>.</returns>
    public static RelationCheck CheckOfWhich(decimal parentValue, string? parentUnit, decimal partValue, string? partUnit, string? compareIn = null, MeasureUnitRegistry? units = null)
    {
        units ??= MeasureUnitRegistry.Default;
        string? target = compareIn ?? parentUnit;
        if (!TryConvert(parentValue, parentUnit, target, units, out decimal parent) || !TryConvert(partValue, partUnit, target, units, out decimal part))
        {
            return new RelationCheck(RelationCheckOutcome.NotComparable, null, null, target);
        }

        return new RelationCheck(part > parent ? RelationCheckOutcome.Violated : RelationCheckOutcome.Holds, parent, part, target);
    }

    /// <summary>Checks that components add up to their parent within a tolerance.</summary>
    /// <param name="parentValue">The parent's value.</param>
    /// <param name="parentUnit">The unit the parent's value is in (code or name), or null for none.</param>
    /// <param name="components">Every component's value and unit (all of the parent's components: with one missing the
    /// caller does not check).</param>
    /// <param name="tolerance">The absolute tolerance, in <paramref name="compareIn"/> (the catalogue's
    /// <see cref="IndicatorCatalogue.ComponentTolerance"/>, which is in each indicator's own unit).</param>
    /// <param name="compareIn">The unit to compare in (the parent indicator's catalogue unit), or null for <paramref name="parentUnit"/>.</param>
    /// <param name="units">The unit registry, or null for <see cref="MeasureUnitRegistry.Default"/>.</param>
    /// <returns>The outcome, the parent and the sum of the components in <paramref name="compareIn"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="components"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    public static RelationCheck CheckComponents(
        decimal parentValue,
        string? parentUnit,
        IEnumerable<(decimal Value, string? MeasureUnitCode)> components,
        decimal tolerance,
        string? compareIn = null,
        MeasureUnitRegistry? units = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        units ??= MeasureUnitRegistry.Default;
        string? target = compareIn ?? parentUnit;
        if (!TryConvert(parentValue, parentUnit, target, units, out decimal parent))
        {
            return new RelationCheck(RelationCheckOutcome.NotComparable, null, null, target);
        }

        decimal sum = 0m;
        foreach ((decimal value, string? unit) in components)
        {
            if (!TryConvert(value, unit, target, units, out decimal converted))
            {
                return new RelationCheck(RelationCheckOutcome.NotComparable, null, null, target);
            }

            sum += converted;
        }

        return new RelationCheck(Math.Abs(sum - parent) > tolerance ? RelationCheckOutcome.Violated : RelationCheckOutcome.Holds, parent, sum, target);
    }

    private static bool TryConvert(decimal value, string? from, string? to, MeasureUnitRegistry units, out decimal result)
    {
        result = value;
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return true;
        }

        // One side without a unit: nothing says how the two relate.
        if (from is null || to is null || !TryResolve(units, from, out MeasureUnit? source) || !TryResolve(units, to, out MeasureUnit? dest))
        {
            return false;
        }

        return MeasureUnitConverter.TryConvert(value, source, dest, out result);
    }

    private static bool TryResolve(MeasureUnitRegistry units, string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeasureUnit? unit) =>
        units.TryGet(text, out unit) || units.TryResolve(text, out unit);
}

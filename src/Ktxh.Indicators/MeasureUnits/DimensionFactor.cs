namespace Ktxh.Indicators.MeasureUnits;

/// <summary>One factor of a <see cref="Dimension"/>: a base dimension raised to a non-zero integer power.</summary>
/// <param name="Base">The base dimension.</param>
/// <param name="Exponent">The power (never zero; negative in a denominator).</param>
public readonly record struct DimensionFactor(BaseDimension Base, int Exponent)
{
    /// <inheritdoc />
    public override string ToString() => Exponent == 1 ? Base.Code : Base.Code + "^" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

namespace Ktxh.Aggregation;

/// <summary>Converts values between units of measure of the same dimension (tỷ đồng ↔ triệu đồng, tấn ↔ nghìn tấn).</summary>
/// <remarks>Implementations must be thread-safe and exact.</remarks>
public interface IMeasureConverter
{
    /// <summary>Converts a value exactly from one unit of measure to another.</summary>
    /// <param name="value">The value in <paramref name="from"/>.</param>
    /// <param name="from">The code (or name) of the unit the value is in.</param>
    /// <param name="to">The code (or name) of the unit wanted.</param>
    /// <param name="result">The exact value in <paramref name="to"/>.</param>
    /// <returns>False when a unit is unknown, the dimensions differ or the result is not exact: such a value must
    /// not be added.</returns>
    bool TryConvert(decimal value, string from, string to, out decimal result);
}

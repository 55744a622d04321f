namespace Ktxh.Indicators.Formulas;

/// <summary>Why a formula evaluated to a value or to a missing result.</summary>
public enum FormulaStatus
{
    /// <summary>The formula has a value.</summary>
    Ok = 0,

    /// <summary>An indicator the formula needs has no value; the result is missing.</summary>
    MissingInput = 1,

    /// <summary>A division by zero occurred; the result is missing (no exception is thrown).</summary>
    DivisionByZero = 2,

    /// <summary>The result is outside the range of <see cref="decimal"/>; the result is missing.</summary>
    Overflow = 3,

    /// <summary>A function received an argument outside its domain (such as <c>round(x, 30)</c>); the result is missing.</summary>
    InvalidArgument = 4,
}

/// <summary>The result of evaluating a <see cref="Formula"/>: a value, or a missing result with the reason.</summary>
/// <param name="Value">The exact value, or <see langword="null"/> when the result is missing.</param>
/// <param name="Status">Why the result is what it is.</param>
/// <param name="MissingCodes">The referenced indicator codes that had no value (empty unless some were missing).</param>
public readonly record struct FormulaResult(decimal? Value, FormulaStatus Status, IReadOnlyList<string> MissingCodes)
{
    /// <summary>Gets a value indicating whether the result has a value.</summary>
    public bool HasValue => Value.HasValue;

    internal static FormulaResult Of(decimal value) => new(value, FormulaStatus.Ok, []);

    internal static FormulaResult Missing(FormulaStatus status, IReadOnlyList<string>? missing = null) => new(null, status, missing ?? []);
}

namespace Ktxh.Indicators;

/// <summary>A problem found while building a directory of reporting units or applying succession weights.</summary>
/// <param name="Where">Where the problem is: a unit code, a succession (<c>from → to</c>), or a line of a data file.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record ReportingUnitsError(string Where, string MessageVi, string MessageEn)
{
    /// <summary>Both messages as one text, <c>Vietnamese / English</c>, like <c>Message</c> on the other error types of
    /// the SDK (<c>UnitError</c>, <c>PeriodError</c>, <c>LunarDateError</c>).</summary>
    public string Message => $"{MessageVi} / {MessageEn}";

    /// <summary>Formats as <c>where: Vietnamese / English</c>.</summary>
    /// <returns>The bilingual message.</returns>
    public override string ToString() => $"{Where}: {MessageVi} / {MessageEn}";
}

/// <summary>The outcome of an operation that validates its input first: a value, or every problem found (and no value).</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ReportingUnitsResult<T>
    where T : class
{
    private readonly T? _value;

    private ReportingUnitsResult(T? value, IReadOnlyList<ReportingUnitsError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>Whether the operation succeeded (no errors).</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The value; <see langword="null"/> when <see cref="Success"/> is false.</summary>
    public T? Value => _value;

    /// <summary>Every problem found, in input order; empty on success.</summary>
    public IReadOnlyList<ReportingUnitsError> Errors { get; }

    /// <summary>Returns the value or throws with every problem in the message.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The operation failed; the message lists the errors.</exception>
    public T GetValueOrThrow() => _value ?? throw new InvalidOperationException(
        "Dữ liệu đơn vị không hợp lệ / Invalid reporting-unit data:" + Environment.NewLine + string.Join(Environment.NewLine, Errors));

    internal static ReportingUnitsResult<T> Ok(T value) => new(value, Array.Empty<ReportingUnitsError>());

    internal static ReportingUnitsResult<T> Fail(IReadOnlyList<ReportingUnitsError> errors) => new(null, errors);
}

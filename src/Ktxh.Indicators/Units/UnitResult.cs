namespace Ktxh.Indicators;

/// <summary>
/// The outcome of resolving, converting or loading units: either a value or the errors found.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public readonly struct UnitResult<T>
{
    private readonly T? _value;
    private readonly IReadOnlyList<UnitError>? _errors;

    private UnitResult(T? value, IReadOnlyList<UnitError>? errors)
    {
        _value = value;
        _errors = errors;
    }

    /// <summary>True when the operation succeeded and <see cref="Value"/> holds its result.</summary>
    public bool Success => _errors is null;

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The operation failed; the message carries the errors.</exception>
    public T Value => Success ? _value! : throw new InvalidOperationException(ErrorText());

    /// <summary>The first error, or <c>null</c> on success.</summary>
    public UnitError? Error => _errors is { Count: > 0 } e ? e[0] : null;

    /// <summary>Every error found (empty on success).</summary>
    public IReadOnlyList<UnitError> Errors => _errors ?? Array.Empty<UnitError>();

    /// <summary>Returns the value, or throws when the operation failed.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="UnitOfMeasureException">The operation failed; the exception carries the errors.</exception>
    public T GetValueOrThrow() => Success ? _value! : throw new UnitOfMeasureException(Errors);

    /// <summary>Gets the value when the operation succeeded.</summary>
    /// <param name="value">The value, or the default when the operation failed.</param>
    /// <returns><c>true</c> on success.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value!;
        return Success;
    }

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static UnitResult<T> Ok(T value) => new(value, null);

    /// <summary>A failed result with one error.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static UnitResult<T> Fail(UnitError error) => new(default, new[] { error });

    /// <summary>A failed result with several errors.</summary>
    /// <param name="errors">The errors (at least one).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static UnitResult<T> Fail(IEnumerable<UnitError> errors)
    {
        UnitError[] list = errors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        return new(default, list);
    }

    /// <inheritdoc />
    public override string ToString() => Success ? "Success: " + _value : ErrorText();

    private string ErrorText() => string.Join(Environment.NewLine, Errors.Select(e => e.Message));
}

/// <summary>Thrown by the throwing members (<c>Parse</c>, <c>GetValueOrThrow</c>) of the units API.</summary>
public sealed class UnitOfMeasureException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors.</param>
    public UnitOfMeasureException(IReadOnlyList<UnitError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    /// <summary>The errors, each in Vietnamese and English.</summary>
    public IReadOnlyList<UnitError> Errors { get; }
}

using System.Diagnostics.CodeAnalysis;

namespace Ktxh.Periods;

/// <summary>
/// The outcome of parsing or converting a period value: either a value or a <see cref="PeriodError"/>. Like
/// NodaTime's <c>ParseResult&lt;T&gt;</c>, it never throws until asked to (<see cref="GetValueOrThrow"/>).
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PeriodResult<T>
{
    private readonly T _value;
    private readonly PeriodError _error;

    private PeriodResult(bool success, T value, PeriodError error)
    {
        Success = success;
        _value = value;
        _error = error;
    }

    /// <summary>Whether a value was produced.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure.</exception>
    public T Value => Success ? _value : throw new InvalidOperationException(_error.Message);

    /// <summary>The error, or <see langword="null"/> on success.</summary>
    public PeriodError? Error => Success ? null : _error;

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static PeriodResult<T> ForValue(T value) => new(true, value, default);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">Why it failed.</param>
    /// <returns>The result.</returns>
    public static PeriodResult<T> ForError(PeriodError error) => new(false, default!, error);

    /// <summary>The value, or throws <see cref="FormatException"/> with the bilingual located message.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The result is a failure.</exception>
    public T GetValueOrThrow() => Success ? _value : throw new FormatException(_error.Message);

    /// <summary>Gets the value if there is one.</summary>
    /// <param name="value">The value, or the default on failure.</param>
    /// <returns>Whether there is a value.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }

    /// <inheritdoc />
    public override string ToString() => Success ? $"Success: {_value}" : $"Failure: {_error.Message}";
}

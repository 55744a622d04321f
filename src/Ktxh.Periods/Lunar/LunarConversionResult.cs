namespace Ktxh.Periods;

/// <summary>
/// The outcome of a conversion by <see cref="VietnameseLunarCalendar"/> that does not throw: either a value or the
/// error that explains, in Vietnamese and English, why there is none.
/// </summary>
/// <typeparam name="T">The converted value's type (<see cref="NodaTime.LocalDate"/> or <see cref="LunarDate"/>).</typeparam>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly struct LunarConversionResult<T>
    where T : struct
{
    private readonly T value;

    private LunarConversionResult(T value, LunarDateError? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>True if the conversion succeeded and <see cref="Value"/> holds the result.</summary>
    public bool Success => Error is null;

    /// <summary>Why the conversion failed; null on success.</summary>
    public LunarDateError? Error { get; }

    /// <summary>The converted value.</summary>
    /// <exception cref="InvalidOperationException">The conversion failed (the message is the error's).</exception>
    public T Value => Error is null ? value : throw new InvalidOperationException(Error.Message);

    /// <summary>The converted value, or the exception that <see cref="VietnameseLunarCalendar"/>'s throwing methods throw.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A year, day or gregorian date is out of range.</exception>
    /// <exception cref="ArgumentException">The month number or the leap flag is wrong.</exception>
    public T GetValueOrThrow() => Error is null ? value : throw VietnameseLunarCalendar.ToException(Error);

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    internal static LunarConversionResult<T> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    internal static LunarConversionResult<T> Fail(LunarDateError error) => new(default, error);
}

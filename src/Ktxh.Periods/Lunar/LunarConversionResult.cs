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
    private readonly bool success; // False in default(LunarConversionResult<T>), which holds no result.

    private LunarConversionResult(T value, LunarDateError? error)
    {
        this.value = value;
        Error = error;
        success = error is null;
    }

    /// <summary>True if the conversion succeeded and <see cref="Value"/> holds the result.</summary>
    public bool Success => success;

    /// <summary>Why the conversion failed; null on success.</summary>
    public LunarDateError? Error { get; }

    /// <summary>The converted value.</summary>
    /// <exception cref="InvalidOperationException">The conversion failed (the message is the error's), or this is a
    /// default value that holds no result.</exception>
    public T Value => success ? value : throw new InvalidOperationException(Error?.Message ?? EmptyMessage);

    /// <summary>The converted value, or the exception that <see cref="VietnameseLunarCalendar"/>'s throwing methods throw.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A year, day or gregorian date is out of range.</exception>
    /// <exception cref="ArgumentException">The month number or the leap flag is wrong.</exception>
    /// <exception cref="InvalidOperationException">This is a default value that holds no result.</exception>
    public T GetValueOrThrow() => success
        ? value
        : throw (Error is null ? new InvalidOperationException(EmptyMessage) : VietnameseLunarCalendar.ToException(Error));

    private const string EmptyMessage = "Kết quả rỗng: giá trị mặc định không chứa kết quả chuyển đổi. / Empty result: a default value holds no conversion result.";

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    internal static LunarConversionResult<T> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    internal static LunarConversionResult<T> Fail(LunarDateError error) => new(default, error);
}

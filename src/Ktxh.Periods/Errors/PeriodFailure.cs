namespace Ktxh.Periods;

/// <summary>
/// A failure found while parsing a period value, kept as a struct so that <c>Parse</c> and <c>TryParse</c> allocate
/// nothing (the messages are constants or are built only on failure); turned into a <see cref="KtxhError"/> only
/// when a caller asks for a result or an exception.
/// </summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Position">The 0-based character position in the input, or −1 when it is not about a position.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
internal readonly record struct PeriodFailure(PeriodErrorCode Code, int Position, string MessageVi, string MessageEn)
{
    /// <summary>The error of the result model, located at <see cref="Position"/>.</summary>
    public KtxhError ToError() => KtxhError.Create(
        Code, Position >= 0 ? ErrorLocation.AtPosition(Position) : ErrorLocation.None, MessageVi, MessageEn);

    /// <summary>A failed result carrying this error.</summary>
    public KtxhResult<T> ToResult<T>() => KtxhResult<T>.ForError(ToError());

    /// <summary>The exception that <c>Parse</c> methods throw.</summary>
    public KtxhException ToException() => new(ToError());
}

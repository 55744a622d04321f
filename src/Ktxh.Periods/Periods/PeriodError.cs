namespace Ktxh.Periods;

/// <summary>
/// Why a period identifier, interval or cut-off could not be produced: a Vietnamese and an English message and the
/// 0-based character position in the input where the problem was found (−1 when it is not about a position).
/// </summary>
/// <param name="Position">The 0-based character position in the input, or −1.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public readonly record struct PeriodError(int Position, string MessageVi, string MessageEn)
{
    /// <summary>Both messages with the position, as shown to a user and used in exceptions.</summary>
    public string Message => Position >= 0
        ? $"{MessageVi} (vị trí {Position}) / {MessageEn} (at position {Position})"
        : $"{MessageVi} / {MessageEn}";

    /// <inheritdoc />
    public override string ToString() => Message;
}

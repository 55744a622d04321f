namespace Ktxh.Indicators;

/// <summary>What is wrong with a formula's text.</summary>
public enum FormulaErrorCode
{
    /// <summary>The formula is empty.</summary>
    Empty = 1,

    /// <summary>A character that is not part of the language.</summary>
    UnexpectedCharacter = 2,

    /// <summary>A token where another was expected (an operator where an operand should be, a missing closing parenthesis…).</summary>
    UnexpectedToken = 3,

    /// <summary>A malformed number.</summary>
    InvalidNumber = 4,

    /// <summary>A bracketed code <c>[…]</c> that is empty or not closed.</summary>
    InvalidCode = 5,

    /// <summary>A name followed by <c>(</c> that is not a built-in function.</summary>
    UnknownFunction = 6,

    /// <summary>A function called with the wrong number of arguments.</summary>
    WrongArgumentCount = 7,

    /// <summary>Text left after a complete expression.</summary>
    TrailingText = 8,
}

/// <summary>A located, bilingual error in a formula's text.</summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Position">The 0-based character position where the problem is.</param>
/// <param name="MessageVi">The message in Vietnamese, with the position.</param>
/// <param name="MessageEn">The message in English, with the position.</param>
public sealed record FormulaError(FormulaErrorCode Code, int Position, string MessageVi, string MessageEn)
{
    /// <inheritdoc/>
    public override string ToString() => $"{MessageVi} / {MessageEn}";
}

/// <summary>The outcome of parsing a formula: the formula, or the error that stopped the parse.</summary>
public sealed class FormulaParseResult
{
    private FormulaParseResult(Formula? value, FormulaError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the text parsed.</summary>
    public bool Success => Value is not null;

    /// <summary>Gets the parsed formula, or <see langword="null"/> when the parse failed.</summary>
    public Formula? Value { get; }

    /// <summary>Gets the error, or <see langword="null"/> when the parse succeeded.</summary>
    public FormulaError? Error { get; }

    /// <summary>Returns the formula or throws.</summary>
    /// <returns>The parsed formula.</returns>
    /// <exception cref="FormatException">The text did not parse; the message is bilingual and gives the position.</exception>
    public Formula GetValueOrThrow() => Value ?? throw new FormatException(Error!.ToString());

    internal static FormulaParseResult Ok(Formula formula) => new(formula, null);

    internal static FormulaParseResult Fail(FormulaError error) => new(null, error);
}

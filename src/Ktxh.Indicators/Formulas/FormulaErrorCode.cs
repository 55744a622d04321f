namespace Ktxh.Indicators.Formulas;

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

namespace Ktxh.Indicators.Formulas;

/// <summary>A node of a parsed <see cref="Formula"/>'s syntax tree. Immutable and thread-safe.</summary>
/// <param name="Position">The 0-based character position in the formula text where the node starts.</param>
public abstract record FormulaNode(int Position);

/// <summary>A decimal literal such as <c>100</c> or <c>0.5</c>.</summary>
/// <param name="Value">The literal's exact value.</param>
/// <param name="Position">The 0-based position of the literal.</param>
public sealed record FormulaNumber(decimal Value, int Position) : FormulaNode(Position);

/// <summary>A reference to another indicator by its code (<c>GRDP</c> or <c>[CTK-DS-01]</c>).</summary>
/// <param name="Code">The referenced indicator code (NFC).</param>
/// <param name="Position">The 0-based position of the reference.</param>
public sealed record FormulaReference(string Code, int Position) : FormulaNode(Position);

/// <summary>Unary minus: <c>-x</c>.</summary>
/// <param name="Operand">The negated expression.</param>
/// <param name="Position">The 0-based position of the minus sign.</param>
public sealed record FormulaNegation(FormulaNode Operand, int Position) : FormulaNode(Position);

/// <summary>A binary arithmetic operation.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Position">The 0-based position of the operator.</param>
public sealed record FormulaBinary(FormulaOperator Operator, FormulaNode Left, FormulaNode Right, int Position) : FormulaNode(Position);

/// <summary>A call of a built-in function.</summary>
/// <param name="Function">The function.</param>
/// <param name="Arguments">The arguments, in order.</param>
/// <param name="Position">The 0-based position of the function name.</param>
public sealed record FormulaCall(FormulaFunction Function, IReadOnlyList<FormulaNode> Arguments, int Position) : FormulaNode(Position);

/// <summary>The binary operators of the formula language.</summary>
public enum FormulaOperator
{
    /// <summary>Addition, <c>+</c>.</summary>
    Add = 1,

    /// <summary>Subtraction, <c>-</c> (or U+2212 <c>−</c>).</summary>
    Subtract = 2,

    /// <summary>Multiplication, <c>*</c>.</summary>
    Multiply = 3,

    /// <summary>Division, <c>/</c>; a zero divisor gives a missing result flagged <see cref="FormulaStatus.DivisionByZero"/>.</summary>
    Divide = 4,
}

/// <summary>The built-in functions of the formula language (names are case-insensitive).</summary>
public enum FormulaFunction
{
    /// <summary><c>min(a, b, …)</c>: the smallest argument (one or more).</summary>
    Min = 1,

    /// <summary><c>max(a, b, …)</c>: the largest argument (one or more).</summary>
    Max = 2,

    /// <summary><c>abs(x)</c>: the absolute value.</summary>
    Abs = 3,

    /// <summary><c>round(x, n)</c>: x rounded to n decimals (0–28), half away from zero as in Vietnamese statistical tables.</summary>
    Round = 4,

    /// <summary><c>coalesce(a, b, …)</c>: the first argument that is not missing (a missing input does not make the result missing).</summary>
    Coalesce = 5,
}

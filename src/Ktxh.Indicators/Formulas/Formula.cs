namespace Ktxh.Indicators.Formulas;

/// <summary>
/// A derived-indicator formula, parsed once into a syntax tree and evaluated exactly in <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// <para>The language (documented in <c>docs/catalogue-json.md</c>):</para>
/// <list type="bullet">
/// <item>numbers with <c>.</c> as the decimal separator (<c>100</c>, <c>0.25</c>); no thousands separators, no exponent;</item>
/// <item>indicator codes, either bare (a letter or <c>_</c>, then letters, digits, <c>_</c> or <c>.</c>: <c>GRDP</c>,
/// <c>DS.01</c>) or in brackets for any other code (<c>[CTK-DS-01]</c>, <c>[001]</c>): everything up to the closing
/// <c>]</c>, trimmed;</item>
/// <item><c>+ - * /</c> (the minus may also be U+2212 <c>−</c>), unary minus and plus, parentheses; <c>*</c> and
/// <c>/</c> bind tighter than <c>+</c> and <c>-</c>, and operators of equal precedence associate to the left;</item>
/// <item>functions (case-insensitive names): <c>min(…)</c>, <c>max(…)</c>, <c>abs(x)</c>, <c>round(x, n)</c>,
/// <c>coalesce(…)</c>.</item>
/// </list>
/// <para>Evaluation never throws: a missing input, a division by zero, an overflow or a bad <c>round</c> precision gives
/// a missing result with its <see cref="FormulaStatus"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class Formula : IEquatable<Formula>
{
    internal Formula(string text, FormulaNode root, IReadOnlyList<string> referencedCodes)
    {
        Text = text;
        Root = root;
        ReferencedCodes = referencedCodes;
    }

    /// <summary>Gets the formula's text (NFC, trimmed).</summary>
    public string Text { get; }

    /// <summary>Gets the root of the syntax tree.</summary>
    public FormulaNode Root { get; }

    /// <summary>Gets the distinct indicator codes the formula references, in order of first appearance.</summary>
    public IReadOnlyList<string> ReferencedCodes { get; }

    /// <summary>Parses a formula without throwing.</summary>
    /// <param name="text">The formula text.</param>
    /// <returns>The formula, or the located bilingual error.</returns>
    public static KtxhResult<Formula> ParseResult(string? text) => FormulaParser.Parse(text);

    /// <summary>Parses a formula.</summary>
    /// <param name="text">The formula text.</param>
    /// <returns>The formula.</returns>
    /// <exception cref="KtxhException">The text is not a valid formula; the error gives the position.</exception>
    public static Formula Parse(string text) => ParseResult(text).GetValueOrThrow();

    /// <summary>Tries to parse a formula.</summary>
    /// <param name="text">The formula text.</param>
    /// <param name="formula">The formula, when the text parses.</param>
    /// <returns><see langword="true"/> when the text parses.</returns>
    public static bool TryParse(string? text, out Formula formula)
    {
        return ParseResult(text).TryGetValue(out formula!);
    }

    /// <summary>Evaluates the formula exactly.</summary>
    /// <param name="values">Gives the value of an indicator code, or <see langword="null"/> when it has none.</param>
    /// <returns>The value, or a missing result with the reason (never an exception for bad data).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public FormulaResult Evaluate(Func<string, decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var missing = new List<string>();
        FormulaResult result = FormulaEvaluator.Evaluate(Root, values, missing);
        if (result.Status == FormulaStatus.MissingInput)
        {
            return FormulaResult.Missing(FormulaStatus.MissingInput, missing.Distinct(StringComparer.Ordinal).ToArray());
        }

        return result;
    }

    /// <summary>Evaluates the formula with values from a dictionary.</summary>
    /// <param name="values">The indicator values by code.</param>
    /// <returns>The value, or a missing result with the reason.</returns>
    public FormulaResult Evaluate(IReadOnlyDictionary<string, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Evaluate(code => values.TryGetValue(code, out decimal v) ? v : null);
    }

    /// <inheritdoc/>
    public bool Equals(Formula? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Formula);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc/>
    public override string ToString() => Text;
}

using Ktxh.Indicators;
using Ktxh.Indicators.Formulas;

namespace Ktxh.Aggregation;

/// <summary>How serious a validation finding is.</summary>
public enum ValidationSeverity
{
    /// <summary>Worth a look (low importance).</summary>
    Info = 0,

    /// <summary>Probably wrong; the sender should confirm or explain (medium importance).</summary>
    Warning = 1,

    /// <summary>Wrong; the submission should not be sent as it is (high importance).</summary>
    Error = 2,
}

/// <summary>The comparison of a declared rule (DHIS2-style validation rules).</summary>
public enum RuleOperator
{
    /// <summary>left = right.</summary>
    Equal = 0,

    /// <summary>left ≠ right.</summary>
    NotEqual = 1,

    /// <summary>left &lt; right.</summary>
    Less = 2,

    /// <summary>left ≤ right.</summary>
    LessOrEqual = 3,

    /// <summary>left &gt; right.</summary>
    Greater = 4,

    /// <summary>left ≥ right.</summary>
    GreaterOrEqual = 5,

    /// <summary>Both sides present or both absent (compulsory pair).</summary>
    CompulsoryPair = 6,

    /// <summary>Never both sides present (exclusive pair).</summary>
    ExclusivePair = 7,
}

/// <summary>What a declared rule does when values its expressions need are missing (DHIS2's strategies).</summary>
public enum MissingValueStrategy
{
    /// <summary>Skip the rule when any value of either side is missing (the default).</summary>
    SkipIfAnyValueMissing = 0,

    /// <summary>Skip the rule only when every value is missing; missing values count as 0 otherwise.</summary>
    SkipIfAllValuesMissing = 1,

    /// <summary>Never skip; missing values count as 0.</summary>
    NeverSkip = 2,
}

/// <summary>
/// A declared validation rule: a left expression, an operator and a right expression over indicator codes of the same
/// unit and period (the catalogue's formula language, evaluated exactly), with its severity, its missing-value
/// strategy and a message in Vietnamese and English.
/// </summary>
/// <param name="Code">The rule's code, shown in findings.</param>
/// <param name="Left">The left expression, e.g. <c>[A01] + [A02]</c>.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Right">The right expression.</param>
/// <param name="Severity">The severity of a violation.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
/// <param name="MissingValues">What to do with missing values.</param>
/// <param name="Tolerance">For <see cref="RuleOperator.Equal"/> and <see cref="RuleOperator.NotEqual"/>: the absolute
/// difference still taken as equal (default 0).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ValidationRule(
    string Code,
    Formula Left,
    RuleOperator Operator,
    Formula Right,
    ValidationSeverity Severity,
    string MessageVi,
    string MessageEn,
    MissingValueStrategy MissingValues = MissingValueStrategy.SkipIfAnyValueMissing,
    decimal Tolerance = 0m)
{
    /// <summary>Creates a rule from expression texts.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="left">The left expression.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="right">The right expression.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="messageVi">The Vietnamese message.</param>
    /// <param name="messageEn">The English message.</param>
    /// <param name="missingValues">The missing-value strategy.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="FormatException">An expression is not valid (the message gives the position).</exception>
    public static ValidationRule Create(string code, string left, RuleOperator op, string right, ValidationSeverity severity, string messageVi, string messageEn, MissingValueStrategy missingValues = MissingValueStrategy.SkipIfAnyValueMissing) =>
        new(code, Formula.Parse(left), op, Formula.Parse(right), severity, messageVi, messageEn, missingValues);
}

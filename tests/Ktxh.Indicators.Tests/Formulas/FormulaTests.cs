using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

public class FormulaTests
{
    private static readonly Dictionary<string, decimal> Values = new()
    {
        ["A"] = 10m,
        ["B"] = 4m,
        ["ZERO"] = 0m,
        ["CTK-DS-01"] = 3m,
        ["DS.01"] = 0.1m,
        ["Đ1"] = 2m,
    };

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("100 / 4 / 5", "5")]
    [InlineData("-A + 3", "-7")]
    [InlineData("--A", "10")]
    [InlineData("A − B", "6")]
    [InlineData("+A", "10")]
    [InlineData("A / B * 100", "250")]
    [InlineData("[CTK-DS-01] * 2", "6")]
    [InlineData("DS.01 + 0.2", "0.3")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1 / 3 * 3", "0.9999999999999999999999999999")]
    [InlineData("min(A, B, 7)", "4")]
    [InlineData("MAX(A, B)", "10")]
    [InlineData("abs(B - A)", "6")]
    [InlineData("round(A / 3, 2)", "3.33")]
    [InlineData("round(2.5, 0)", "3")]
    [InlineData("round(-2.5, 0)", "-3")]
    [InlineData("round(0.125, 2)", "0.13")]
    [InlineData("coalesce(MISSING, B)", "4")]
    [InlineData("coalesce(A, MISSING)", "10")]
    [InlineData("Đ1 * [ DS.01 ]", "0.2")]
    public void Evaluates_exactly_in_decimal(string text, string expected)
    {
        FormulaResult result = Formula.Parse(text).Evaluate(Values);
        Assert.Equal(FormulaStatus.Ok, result.Status);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("A / ZERO", FormulaStatus.DivisionByZero)]
    [InlineData("A / (B - 4)", FormulaStatus.DivisionByZero)]
    [InlineData("A + MISSING", FormulaStatus.MissingInput)]
    [InlineData("coalesce(MISSING, OTHER)", FormulaStatus.MissingInput)]
    [InlineData("79228162514264337593543950335 * 2", FormulaStatus.Overflow)]
    [InlineData("round(A, 29)", FormulaStatus.InvalidArgument)]
    [InlineData("round(A, 1.5)", FormulaStatus.InvalidArgument)]
    public void Bad_data_gives_a_missing_result_with_a_flag_not_an_exception(string text, FormulaStatus status)
    {
        FormulaResult result = Formula.Parse(text).Evaluate(Values);
        Assert.Null(result.Value);
        Assert.False(result.HasValue);
        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void Every_missing_input_is_listed()
    {
        FormulaResult result = Formula.Parse("X + A * Y - X").Evaluate(Values);
        Assert.Equal(FormulaStatus.MissingInput, result.Status);
        Assert.Equal(["X", "Y"], result.MissingCodes);
    }

    [Theory]
    [InlineData("", FormulaErrorCode.Empty, 0)]
    [InlineData("   ", FormulaErrorCode.Empty, 0)]
    [InlineData("A +", FormulaErrorCode.UnexpectedToken, 3)]
    [InlineData("A + * B", FormulaErrorCode.UnexpectedCharacter, 4)]
    [InlineData("(A + B", FormulaErrorCode.UnexpectedToken, 6)]
    [InlineData("A + B)", FormulaErrorCode.TrailingText, 5)]
    [InlineData("A B", FormulaErrorCode.TrailingText, 2)]
    [InlineData("1.2.3 + A", FormulaErrorCode.InvalidNumber, 0)]
    [InlineData("A + 3.", FormulaErrorCode.InvalidNumber, 4)]
    [InlineData("A + [CTK-01", FormulaErrorCode.InvalidCode, 4)]
    [InlineData("[] * 2", FormulaErrorCode.InvalidCode, 0)]
    [InlineData("sqrt(A)", FormulaErrorCode.UnknownFunction, 0)]
    [InlineData("abs(A, B)", FormulaErrorCode.WrongArgumentCount, 0)]
    [InlineData("round(A)", FormulaErrorCode.WrongArgumentCount, 0)]
    [InlineData("min()", FormulaErrorCode.WrongArgumentCount, 0)]
    [InlineData("A # 2", FormulaErrorCode.TrailingText, 2)]
    [InlineData("# 2", FormulaErrorCode.UnexpectedCharacter, 0)]
    [InlineData("1,5 * A", FormulaErrorCode.TrailingText, 1)]
    public void Parse_errors_are_located_and_bilingual(string text, FormulaErrorCode code, int position)
    {
        KtxhResult<Formula> result = Formula.ParseResult(text);
        Assert.False(result.Success);
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(code));
        Assert.Equal(position, error.Location.Position);
        Assert.Contains($"vị trí {position + 1}", error.MessageVi);
        Assert.Contains($"position {position + 1}", error.MessageEn);
        Assert.False(Formula.TryParse(text, out _));
        KtxhException thrown = Assert.Throws<KtxhException>(() => Formula.Parse(text));
        Assert.Equal(error, Assert.Single(thrown.Errors));
    }

    [Fact]
    public void Referenced_codes_are_distinct_in_order_of_appearance()
    {
        Formula f = Formula.Parse("B + [CTK-DS-01] * B / min(A, [B])");
        Assert.Equal(["B", "CTK-DS-01", "A"], f.ReferencedCodes);
    }

    [Fact]
    public void The_tree_reflects_precedence_and_left_associativity()
    {
        Formula f = Formula.Parse("A - B - 1 * 2");
        var root = Assert.IsType<FormulaBinary>(f.Root);
        Assert.Equal(FormulaOperator.Subtract, root.Operator);
        var left = Assert.IsType<FormulaBinary>(root.Left);
        Assert.Equal(FormulaOperator.Subtract, left.Operator);
        var right = Assert.IsType<FormulaBinary>(root.Right);
        Assert.Equal(FormulaOperator.Multiply, right.Operator);
    }

    [Fact]
    public void Formulas_with_the_same_text_are_equal()
    {
        Assert.Equal(Formula.Parse("A+B"), Formula.Parse(" A+B "));
        Assert.NotEqual(Formula.Parse("A+B"), Formula.Parse("B+A"));
    }
}

using System.Globalization;

namespace Ktxh.Indicators.Formulas;

/// <summary>Recursive-descent parser of the formula language (see <see cref="Formula"/>).</summary>
internal sealed class FormulaParser
{
    private readonly string _text;
    private readonly List<string> _codes = [];
    private int _pos;

    private FormulaParser(string text) => _text = text;

    public static KtxhResult<Formula> Parse(string? rawText)
    {
        string text = VietnameseText.Normalize(rawText) ?? string.Empty;
        if (text.Length == 0)
        {
            return KtxhResult<Formula>.ForError(Error(FormulaErrorCode.Empty, 0, "Công thức rỗng", "The formula is empty"));
        }

        var parser = new FormulaParser(text);
        try
        {
            FormulaNode root = parser.ParseExpression();
            parser.SkipSpace();
            if (parser._pos < text.Length)
            {
                return KtxhResult<Formula>.ForError(Error(FormulaErrorCode.TrailingText, parser._pos,
                    $"Còn thừa '{parser.Rest()}' sau biểu thức", $"Unexpected '{parser.Rest()}' after the expression"));
            }

            return KtxhResult<Formula>.ForValue(new Formula(text, root, parser._codes.Distinct(StringComparer.Ordinal).ToArray()));
        }
        catch (FormulaSyntaxException e)
        {
            return KtxhResult<Formula>.ForError(e.Error);
        }
    }

    private static KtxhError Error(FormulaErrorCode code, int position, string vi, string en) =>
        KtxhError.Create(code, ErrorLocation.AtPosition(position), $"{vi} (vị trí {position + 1})", $"{en} (at position {position + 1})");

    private string Rest() => _text.Length - _pos > 12 ? _text.Substring(_pos, 12) + "…" : _text[_pos..];

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek()
    {
        SkipSpace();
        return _pos < _text.Length ? _text[_pos] : '\0';
    }

    private static bool IsMinus(char c) => c is '-' or '\u2212';

    private FormulaNode ParseExpression()
    {
        FormulaNode left = ParseTerm();
        while (true)
        {
            char c = Peek();
            if (c == '+' || IsMinus(c))
            {
                int at = _pos++;
                FormulaNode right = ParseTerm();
                left = new FormulaBinary(c == '+' ? FormulaOperator.Add : FormulaOperator.Subtract, left, right, at);
            }
            else
            {
                return left;
            }
        }
    }

    private FormulaNode ParseTerm()
    {
        FormulaNode left = ParseUnary();
        while (true)
        {
            char c = Peek();
            if (c is '*' or '/')
            {
                int at = _pos++;
                FormulaNode right = ParseUnary();
                left = new FormulaBinary(c == '*' ? FormulaOperator.Multiply : FormulaOperator.Divide, left, right, at);
            }
            else
            {
                return left;
            }
        }
    }

    private FormulaNode ParseUnary()
    {
        char c = Peek();
        if (IsMinus(c))
        {
            int at = _pos++;
            return new FormulaNegation(ParseUnary(), at);
        }

        if (c == '+')
        {
            _pos++;
            return ParseUnary();
        }

        return ParsePrimary();
    }

    private FormulaNode ParsePrimary()
    {
        char c = Peek();
        int start = _pos;
        if (c == '\0')
        {
            throw Fail(FormulaErrorCode.UnexpectedToken, start, "Thiếu toán hạng ở cuối công thức", "An operand is missing at the end of the formula");
        }

        if (c == '(')
        {
            _pos++;
            FormulaNode inner = ParseExpression();
            Expect(')');
            return inner;
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            return ParseNumber(start);
        }

        if (c == '[')
        {
            int close = _text.IndexOf(']', _pos + 1);
            if (close < 0)
            {
                throw Fail(FormulaErrorCode.InvalidCode, start, "Mã chỉ tiêu trong ngoặc vuông chưa được đóng bằng ']'", "A bracketed indicator code is not closed with ']'");
            }

            string code = _text[(_pos + 1)..close].Trim();
            if (code.Length == 0)
            {
                throw Fail(FormulaErrorCode.InvalidCode, start, "Mã chỉ tiêu trong ngoặc vuông rỗng", "A bracketed indicator code is empty");
            }

            _pos = close + 1;
            _codes.Add(code);
            return new FormulaReference(code, start);
        }

        if (char.IsLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
            {
                _pos++;
            }

            string name = _text[start.._pos];
            if (Peek() == '(')
            {
                return ParseCall(name, start);
            }

            _codes.Add(name);
            return new FormulaReference(name, start);
        }

        throw Fail(FormulaErrorCode.UnexpectedCharacter, start, $"Ký tự không hợp lệ '{c}'", $"Unexpected character '{c}'");
    }

    private FormulaNode ParseNumber(int start)
    {
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        string literal = _text[start.._pos];
        if (literal.Count(ch => ch == '.') > 1 || literal.StartsWith('.') || literal.EndsWith('.')
            || !decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            throw Fail(FormulaErrorCode.InvalidNumber, start, $"Số không hợp lệ '{literal}'", $"Invalid number '{literal}'");
        }

        return new FormulaNumber(value, start);
    }

    private FormulaNode ParseCall(string name, int start)
    {
        FormulaFunction? function = name.ToLowerInvariant() switch
        {
            "min" => FormulaFunction.Min,
            "max" => FormulaFunction.Max,
            "abs" => FormulaFunction.Abs,
            "round" => FormulaFunction.Round,
            "coalesce" => FormulaFunction.Coalesce,
            _ => null,
        };
        if (function is null)
        {
            throw Fail(FormulaErrorCode.UnknownFunction, start,
                $"Hàm '{name}' không tồn tại (có: min, max, abs, round, coalesce)", $"Unknown function '{name}' (known: min, max, abs, round, coalesce)");
        }

        Expect('(');
        var args = new List<FormulaNode>();
        if (Peek() != ')')
        {
            args.Add(ParseExpression());
            while (Peek() == ',')
            {
                _pos++;
                args.Add(ParseExpression());
            }
        }

        Expect(')');
        (int min, int max) = function switch
        {
            FormulaFunction.Abs => (1, 1),
            FormulaFunction.Round => (2, 2),
            _ => (1, int.MaxValue),
        };
        if (args.Count < min || args.Count > max)
        {
            string expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"≥ {min}";
            throw Fail(FormulaErrorCode.WrongArgumentCount, start,
                $"Hàm '{name}' cần {expected} đối số, có {args.Count}", $"Function '{name}' takes {expected} argument(s), got {args.Count}");
        }

        return new FormulaCall(function.Value, args, start);
    }

    private void Expect(char expected)
    {
        char c = Peek();
        if (c != expected)
        {
            string found = c == '\0' ? "hết công thức" : $"'{c}'";
            string foundEn = c == '\0' ? "the end of the formula" : $"'{c}'";
            throw Fail(FormulaErrorCode.UnexpectedToken, _pos, $"Cần '{expected}' nhưng gặp {found}", $"Expected '{expected}' but found {foundEn}");
        }

        _pos++;
    }

    private static FormulaSyntaxException Fail(FormulaErrorCode code, int position, string vi, string en) =>
        new(Error(code, position, vi, en));

    /// <summary>Unwinds the recursive descent to the entry point; never escapes <see cref="Parse"/>.</summary>
    private sealed class FormulaSyntaxException(KtxhError error) : Exception(error.MessageEn)
    {
        public KtxhError Error { get; } = error;
    }
}

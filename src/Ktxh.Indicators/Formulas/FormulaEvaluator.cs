namespace Ktxh.Indicators.Formulas;

/// <summary>Exact decimal evaluation of a formula's syntax tree; never throws on data.</summary>
internal static class FormulaEvaluator
{
    public static FormulaResult Evaluate(FormulaNode node, Func<string, decimal?> values, List<string> missing)
    {
        switch (node)
        {
            case FormulaNumber n:
                return FormulaResult.Of(n.Value);
            case FormulaReference r:
                decimal? v = values(r.Code);
                if (v is null)
                {
                    missing.Add(r.Code);
                    return FormulaResult.Missing(FormulaStatus.MissingInput);
                }

                return FormulaResult.Of(v.Value);
            case FormulaNegation neg:
                FormulaResult inner = Evaluate(neg.Operand, values, missing);
                return inner.HasValue ? FormulaResult.Of(-inner.Value!.Value) : inner;
            case FormulaBinary b:
                return Binary(b, values, missing);
            case FormulaCall call:
                return Call(call, values, missing);
            default:
                throw new InvalidOperationException("Unknown formula node " + node.GetType().Name);
        }
    }

    private static FormulaResult Binary(FormulaBinary b, Func<string, decimal?> values, List<string> missing)
    {
        // Both sides are evaluated so that every missing input is reported, not just the first.
        FormulaResult left = Evaluate(b.Left, values, missing);
        FormulaResult right = Evaluate(b.Right, values, missing);
        if (!left.HasValue)
        {
            return left;
        }

        if (!right.HasValue)
        {
            return right;
        }

        decimal l = left.Value!.Value;
        decimal r = right.Value!.Value;
        try
        {
            return b.Operator switch
            {
                FormulaOperator.Add => FormulaResult.Of(l + r),
                FormulaOperator.Subtract => FormulaResult.Of(l - r),
                FormulaOperator.Multiply => FormulaResult.Of(l * r),
                FormulaOperator.Divide => r == 0m ? FormulaResult.Missing(FormulaStatus.DivisionByZero) : FormulaResult.Of(l / r),
                _ => throw new InvalidOperationException("Unknown operator " + b.Operator),
            };
        }
        catch (OverflowException)
        {
            return FormulaResult.Missing(FormulaStatus.Overflow);
        }
    }

    private static FormulaResult Call(FormulaCall call, Func<string, decimal?> values, List<string> missing)
    {
        if (call.Function == FormulaFunction.Coalesce)
        {
            // Missing inputs before the first present one are not an error for coalesce.
            var local = new List<string>();
            foreach (FormulaNode arg in call.Arguments)
            {
                FormulaResult r = Evaluate(arg, values, local);
                if (r.HasValue || r.Status != FormulaStatus.MissingInput)
                {
                    return r;
                }
            }

            missing.AddRange(local);
            return FormulaResult.Missing(FormulaStatus.MissingInput);
        }

        var results = call.Arguments.Select(a => Evaluate(a, values, missing)).ToArray();
        FormulaResult? failed = results.Where(r => !r.HasValue).Select(r => (FormulaResult?)r).FirstOrDefault();
        if (failed is not null)
        {
            return failed.Value;
        }

        decimal[] args = results.Select(r => r.Value!.Value).ToArray();
        switch (call.Function)
        {
            case FormulaFunction.Min:
                return FormulaResult.Of(args.Min());
            case FormulaFunction.Max:
                return FormulaResult.Of(args.Max());
            case FormulaFunction.Abs:
                return FormulaResult.Of(Math.Abs(args[0]));
            case FormulaFunction.Round:
                decimal digits = args[1];
                if (digits != decimal.Truncate(digits) || digits < 0 || digits > 28)
                {
                    return FormulaResult.Missing(FormulaStatus.InvalidArgument);
                }

                return FormulaResult.Of(Math.Round(args[0], (int)digits, MidpointRounding.AwayFromZero));
            default:
                throw new InvalidOperationException("Unknown function " + call.Function);
        }
    }
}

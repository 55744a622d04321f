using System.CommandLine;
using System.Globalization;
using Ktxh.Indicators;
using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh uom</c>: list the built-in units of measure, resolve unit texts as printed on forms, and convert values
/// exactly between units (<c>ktxh uom convert 1234.5 "Triệu đồng" "Tỷ đồng"</c>).
/// </summary>
internal sealed class UnitOfMeasureCommand(CliContext cli)
{
    public Command Create()
    {
        var command = new Command("uom", "Units of measure (đơn vị tính): list, resolve unit texts, convert values exactly.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Resolve());
        command.Subcommands.Add(Convert());
        return command;
    }

    private Command List()
    {
        var list = new Command("list", "List every built-in unit: code, Vietnamese name, dimension, scale.");
        list.SetAction(_ =>
        {
            foreach (MeasureUnit u in cli.Get<MeasureUnitRegistry>().Units)
            {
                cli.Out.WriteLine(string.Join('\t', u.Code, u.NameVi, u.NameEn, u.Dimension.ToString(), CliText.Number(u.Scale), u.IsAdditive ? "additive" : "not additive"));
            }

            return 0;
        });
        return list;
    }

    private Command Resolve()
    {
        var texts = new Argument<string[]>("text") { Description = "Unit texts as printed, e.g. \"Tỷ đồng\" \"1000 tấn\"", Arity = ArgumentArity.OneOrMore };
        var resolve = new Command("resolve", "Resolve unit texts to units (reports unknown texts, never guesses).");
        resolve.Arguments.Add(texts);
        resolve.SetAction(parse =>
        {
            int exit = 0;
            foreach (string text in parse.GetValue(texts) ?? Array.Empty<string>())
            {
                KtxhResult<MeasureUnit> r = cli.Get<MeasureUnitRegistry>().Resolve(text);
                if (r.Success)
                {
                    cli.Out.WriteLine(text + "\t" + r.Value.Code + "\t" + r.Value.NameVi + "\t" + r.Value.Dimension.NameVi + " / " + r.Value.Dimension.NameEn);
                }
                else
                {
                    cli.Error.WriteLine(r.Errors[0].Message);
                    exit = 1;
                }
            }

            return exit;
        });
        return resolve;
    }

    private Command Convert()
    {
        var value = new Argument<string>("value") { Description = "The value: 1234.5 (decimal point, no thousands separator), or with --notation vi: 1.234,5" };
        var from = new Argument<string>("from") { Description = "The unit of the value, e.g. \"Triệu đồng\"" };
        var to = new Argument<string>("to") { Description = "The target unit, e.g. \"Tỷ đồng\"" };
        var notation = new Option<string>("--notation")
        {
            Description = "How the value is written and the result printed: invariant (1234.5, default) or vi (1.234,5: '.' between thousands, ',' before the fraction).",
            DefaultValueFactory = _ => "invariant",
        };
        notation.Validators.Add(result =>
        {
            string? given = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (given is not null && NumberNotation.Parse(given) is null)
            {
                string shown = CliText.Shorten(given);
                result.AddError($"--notation '{shown}' không hợp lệ; dùng invariant hoặc vi / --notation '{shown}' is not valid; use invariant or vi");
            }
        });
        var convert = new Command("convert", "Convert a value exactly between two units of the same dimension.");
        convert.Arguments.Add(value);
        convert.Arguments.Add(from);
        convert.Arguments.Add(to);
        convert.Options.Add(notation);
        convert.SetAction(parse =>
        {
            bool vi = NumberNotation.Parse(parse.GetValue(notation)) == true;
            string text = parse.GetValue(value) ?? string.Empty;

            // Never guessed: "1,5" is 1.5 only when the user says the notation is Vietnamese (issue 8 §2).
            if (!NumberNotation.TryRead(text, vi, out decimal v, out string? vie, out string? en))
            {
                cli.Error.WriteLine($"{vie} / {en}");
                return KtxhCli.InvalidInput;
            }

            KtxhResult<decimal> r = MeasureUnitConverter.Convert(v, parse.GetValue(from) ?? string.Empty, parse.GetValue(to) ?? string.Empty);
            if (!r.Success)
            {
                foreach (KtxhError e in r.Errors)
                {
                    cli.Error.WriteLine(e.Message);
                }

                return KtxhCli.InvalidInput;
            }

            // No exponent, no trailing zeros (1.000 reads as one thousand to a Vietnamese reader), the notation asked for.
            cli.Out.WriteLine(vi ? CliText.NumberVi(r.Value) : CliText.Number(r.Value));
            return 0;
        });
        return convert;
    }
}

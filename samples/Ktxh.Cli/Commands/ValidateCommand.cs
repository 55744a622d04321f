using System.CommandLine;
using Ktxh;
using Ktxh.Aggregation;
using Ktxh.Cli.Files;
using Ktxh.Indicators.ReportingUnits;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh validate</c>: check values (one submission or a whole province) against the built-in rules and for outliers,
/// and, first, that each line refers to what exists (indicator, reporting unit, disaggregation, period type): what
/// <c>ktxh aggregate</c> would drop is an error here, at its line.
/// </summary>
internal sealed class ValidateCommand(CliContext cli)
{
    public Command Create()
    {
        var values = new Option<FileInfo>("--values") { Description = "Values CSV (same format as ktxh aggregate's input).", Required = true };
        var history = new Option<FileInfo?>("--history") { Description = "Earlier values of the same units, for outliers (same format)." };
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "Catalogue JSON (default: the built-in catalogue)." };
        var command = new Command("validate", "Validate indicator values (kiểm tra số liệu): references, of-which rows, components, signs, bounds, outliers.") { values, history, catalogue };
        command.SetAction(parse =>
        {
            if (!new AggregateCommand(cli).TryLoad(parse.GetValue(values)!, parse.GetValue(catalogue), null, out AggregateCommand.Loaded? loaded))
            {
                return KtxhCli.InvalidInput;
            }

            IReadOnlyList<AggregationInput>? past = null;
            if (parse.GetValue(history) is { } h)
            {
                if (!InputFile.TryReadText(cli, "--history", h, reader => AggregationCsv.ReadInputs(reader, h.Name), out KtxhResult<AggregationInputs>? read))
                {
                    return KtxhCli.InvalidInput;
                }

                if (!read!.Success)
                {
                    foreach (KtxhError e in read.Errors)
                    {
                        cli.Error.WriteLine(e);
                    }

                    return KtxhCli.InvalidInput;
                }

                past = read.Value;
            }

            // The registered validator, unless --catalogue names another catalogue.
            Validator validator = parse.GetValue(catalogue) is null ? cli.Get<Validator>() : new Validator(loaded!.Catalogue);
            // Units as aggregate reads them: each line against the units in force in its own period (a file may span 1 July 2025).
            IReadOnlyList<ValidationFinding> references = validator.CheckReferences(loaded!.Inputs, cli.Get<ReportingUnitDirectory>());
            var unusable = references.Select(f => f.Location?.Line).ToHashSet();

            // The rules see only the lines aggregation would use (a value of an unknown unit is no history of it).
            var usable = Enumerable.Range(0, loaded.Inputs.Count).Where(i => !unusable.Contains(loaded.Inputs.Lines[i])).Select(i => loaded.Inputs[i]).ToArray();
            IReadOnlyList<ValidationFinding> findings = [.. references, .. validator.Validate(usable, past)];
            foreach (ValidationFinding f in findings)
            {
                cli.Out.WriteLine(f);
            }

            int errors = findings.Count(f => f.Severity == ValidationSeverity.Error);
            int warnings = findings.Count(f => f.Severity == ValidationSeverity.Warning);
            cli.Out.WriteLine($"{loaded.Inputs.Count} giá trị / values: {errors} lỗi / errors, {warnings} cảnh báo / warnings, {findings.Count - errors - warnings} lưu ý / notes");

            // 1: the values were read but fail an error-level rule; 2 is kept for input that cannot be read.
            return errors > 0 ? KtxhCli.Negative : 0;
        });
        return command;
    }
}

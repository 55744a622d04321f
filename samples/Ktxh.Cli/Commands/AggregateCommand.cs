using System.CommandLine;
using System.Globalization;
using Ktxh.Cli.Files;
using Ktxh;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh aggregate</c>: roll values up the hierarchy and across time; see docs/aggregation-csv.md.</summary>
internal sealed class AggregateCommand(CliContext cli)
{
    public Command Create()
    {
        var values = new Option<FileInfo>("--values") { Description = "Input CSV: indicator,unit,period,value[,disaggregation,maturity,unit_of_measure].", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Output CSV: indicator,unit,period,value,reported_units,expected_units,maturity,flags.", Required = true };
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "Catalogue JSON (default: the built-in catalogue)." };
        var asOf = new Option<string?>("--as-of") { Description = "Date of today's units for --on-current-units, yyyy-MM-dd (default: the last day of the latest input period); each period is otherwise aggregated on the units in force in it." };
        var periods = new Option<string?>("--periods") { Description = "Only write these periods, comma separated (e.g. 2026-Q1,2026-YTD-M03)." };
        var onCurrentUnits = new Option<bool>("--on-current-units") { Description = "Remap lines of older units (before 1/7/2025) onto the units in force on --as-of first, instead of aggregating each period on the units in force in it." };
        var command = new Command("aggregate", "Aggregate indicator values across units and time (tổng hợp số liệu).") { values, output, catalogue, asOf, periods, onCurrentUnits };
        command.SetAction(parse =>
        {
            FileInfo target = parse.GetValue(output)!;
            FileInfo valuesFile = parse.GetValue(values)!;
            FileInfo? catalogueFile = parse.GetValue(catalogue);

            // Before anything is read: the output must be writable and must not be one of the inputs.
            if (!OutputFile.Check(cli, "--out", target, ("--values", valuesFile), ("--catalogue", catalogueFile)))
            {
                return KtxhCli.InvalidInput;
            }

            HashSet<ReportingPeriod>? filter = null;
            if (parse.GetValue(periods) is { } list)
            {
                filter = [];
                foreach (string id in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!ReportingPeriod.TryParse(id, out ReportingPeriod p))
                    {
                        string shown = CliText.Shorten(id);
                        cli.Error.WriteLine($"--periods: kỳ '{shown}' không hợp lệ (ví dụ 2026-Q1) / period '{shown}' is not valid (e.g. 2026-Q1)");
                        return KtxhCli.InvalidInput;
                    }

                    filter.Add(p);
                }
            }

            if (!TryLoad(valuesFile, catalogueFile, parse.GetValue(asOf), out Loaded? loaded))
            {
                return KtxhCli.InvalidInput;
            }

            // The lines validate reports as reference errors (a disaggregation or period type the indicator does not
            // have, an unknown indicator or a unit not in force in the line's period) are dropped here, reported at their
            // line and counted; a file may span 1 July 2025, so each line's unit is looked up in its own period.
            ReportingUnitDirectory directory = cli.Get<ReportingUnitDirectory>();
            var references = new Validator(loaded!.Catalogue).CheckReferences(loaded.Inputs, directory);
            var dropped = new HashSet<int>();
            foreach (ValidationFinding finding in references)
            {
                cli.Error.WriteLine($"{finding.Location}: {finding.Values[0].Key} {finding.UnitCode} {(finding.Period.IsDefault ? string.Empty : finding.Period.Id)}: {finding.MessageVi} / {finding.MessageEn}");
                if (finding.Location?.Line is int line && IndexOfLine(loaded.Inputs, line) is int index)
                {
                    dropped.Add(index);
                }
            }

            // The inputs kept stay in columns (the engine's fast path: a list of inputs would cost a national file up to 4
            // times the time and twice the memory for one bad line); the file's inputs as read are not needed after.
            int count = loaded.Inputs.Count;
            AggregationInputs inputs = loaded.Inputs.Without(dropped);
            loaded = loaded with { Inputs = inputs };

            // Each period on the units in force in it (docs/aggregation-csv.md, "Across the 2025 reform").
            AggregationEngine engine = AggregationEngine.Create(loaded.Catalogue, directory, loaded.AsOf,
                new AggregationOptions { OnCurrentUnits = parse.GetValue(onCurrentUnits) }, cli.Get<IMeasureConverter>());
            AggregationResult result = engine.Aggregate(inputs);
            foreach (AggregationIssue issue in result.Rejected)
            {
                cli.Error.WriteLine(Describe(issue, inputs));
            }

            foreach (AggregationIssue issue in result.Omitted)
            {
                cli.Error.WriteLine($"{issue.IndicatorCode}: {issue.MessageVi} / {issue.MessageEn}");
            }

            int rejected = dropped.Count + result.Rejected.Select(r => r.InputIndex).Distinct().Count();
            if (count == 0 || rejected >= count)
            {
                // Nothing could be used: not a result, and the output file is not written (exit 2, documented).
                cli.Error.WriteLine($"{valuesFile.Name}: không có giá trị nào dùng được ({count} giá trị, {rejected} bị loại); không ghi tệp ra / "
                    + $"no value could be used ({count} values, {rejected} dropped); the output file is not written");
                return KtxhCli.InvalidInput;
            }

            long rows = 0;
            if (!OutputFile.TryWrite(cli, "--out", target, stream => rows = AggregationCsv.WriteAggregates(stream, result, filter)))
            {
                return KtxhCli.InvalidInput;
            }

            cli.Out.WriteLine($"{count} giá trị vào / values in, {rejected} bị loại / rejected, {rows} dòng tổng hợp / aggregate rows → {target.Name}");
            return 0;
        });
        return command;
    }

    /// <summary>A rejected value with the file line it came from.</summary>
    /// <param name="issue">The engine's issue.</param>
    /// <param name="inputs">The values given to the engine (the file's, without the lines dropped before).</param>
    internal static string Describe(AggregationIssue issue, AggregationInputs inputs) =>
        issue.InputIndex >= 0 && issue.InputIndex < inputs.Count
            ? $"{inputs.LocationOf(issue.InputIndex)}: {issue.IndicatorCode} {issue.UnitCode} {issue.PeriodId}: {issue.MessageVi} / {issue.MessageEn}"
            : $"{issue.IndicatorCode}: {issue.MessageVi} / {issue.MessageEn}";

    /// <summary>The index of the input that started on <paramref name="line"/>, or null when none did.</summary>
    /// <remarks>The inputs are in file order, so their lines ascend: a binary search, not a pass over millions of lines.</remarks>
    internal static int? IndexOfLine(AggregationInputs inputs, int line)
    {
        IReadOnlyList<int> lines = inputs.Lines;
        int lo = 0;
        int hi = lines.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int at = lines[mid];
            if (at == line)
            {
                return mid;
            }

            if (at < line)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    internal sealed record Loaded(IndicatorCatalogue Catalogue, AdministrativeHierarchy Hierarchy, LocalDate AsOf, AggregationInputs Inputs);

    /// <summary>Reads the catalogue, the values and the hierarchy; prints every error (located, bilingual) and returns false on any.</summary>
    internal bool TryLoad(FileInfo values, FileInfo? catalogueFile, string? asOfText, out Loaded? loaded)
    {
        loaded = null;
        IndicatorCatalogue catalogue;
        if (catalogueFile is null)
        {
            // The built-in catalogue is built only when it is the one used (a start-up cost otherwise wasted).
            catalogue = cli.Get<IndicatorCatalogue>();
        }
        else
        {
            if (!InputFile.TryRead(cli, "--catalogue", catalogueFile, stream => IndicatorCatalogueJson.Read(stream), out KtxhResult<IndicatorCatalogue>? read))
            {
                return false;
            }

            if (!read!.Success)
            {
                foreach (KtxhError e in read.Errors)
                {
                    cli.Error.WriteLine(e.WithSource(catalogueFile.Name));
                }

                return false;
            }

            catalogue = read.Value!;
        }

        if (!InputFile.TryRead(cli, "--values", values, stream => AggregationCsv.ReadInputs(stream, values.Name), out KtxhResult<AggregationInputs>? csv))
        {
            return false;
        }

        if (!csv!.Success)
        {
            foreach (KtxhError e in csv.Errors)
            {
                cli.Error.WriteLine(e);
            }

            return false;
        }

        LocalDate asOf;
        if (asOfText is not null)
        {
            // A blank date is not "today", and year 0 (1 BC to NodaTime) is no date of any hierarchy.
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success || parsed.Value.Year < 1)
            {
                string shown = CliText.Shorten(asOfText);
                cli.Error.WriteLine($"--as-of: ngày '{shown}' không hợp lệ (cần yyyy-MM-dd, năm 0001–9999) / --as-of: date '{shown}' is not valid (expected yyyy-MM-dd, year 0001–9999)");
                return false;
            }

            asOf = parsed.Value;
        }
        else
        {
            // The latest period of the lines that can be used: an unknown indicator never moves the date (issue 9 §1).
            asOf = csv.Value.LatestPeriodEnd(code => catalogue.TryGet(code, out _)) ?? ReportingUnitDirectory.TwoLevelReformDate;
        }

        AdministrativeHierarchy hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(asOf);
        loaded = new Loaded(catalogue, hierarchy, asOf, csv.Value);
        return true;
    }
}

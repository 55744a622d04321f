using System.CommandLine;
using System.Globalization;
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
            if (!TryLoad(parse.GetValue(values)!, parse.GetValue(catalogue), parse.GetValue(asOf), out Loaded? loaded))
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
                        cli.Error.WriteLine($"--periods: kỳ '{id}' không hợp lệ / period '{id}' is not valid");
                        return KtxhCli.InvalidInput;
                    }

                    filter.Add(p);
                }
            }

            // Each period on the units in force in it (docs/aggregation-csv.md, "Across the 2025 reform").
            AggregationEngine engine = AggregationEngine.Create(loaded!.Catalogue, cli.Get<ReportingUnitDirectory>(), loaded.AsOf,
                new AggregationOptions { OnCurrentUnits = parse.GetValue(onCurrentUnits) }, cli.Get<IMeasureConverter>());
            AggregationResult result = engine.Aggregate(loaded.Inputs);
            foreach (AggregationIssue issue in result.Rejected)
            {
                cli.Error.WriteLine(Describe(issue, loaded.Inputs));
            }

            foreach (AggregationIssue issue in result.Omitted)
            {
                cli.Error.WriteLine($"{issue.IndicatorCode}: {issue.MessageVi} / {issue.MessageEn}");
            }

            // Write to a temporary file first: the output appears whole or not at all.
            FileInfo target = parse.GetValue(output)!;
            string temp = target.FullName + ".tmp";
            long rows;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                rows = AggregationCsv.WriteAggregates(stream, result, filter);
            }

            File.Move(temp, target.FullName, overwrite: true);
            cli.Out.WriteLine($"{loaded.Inputs.Count} giá trị vào / values in, {result.Rejected.Count} bị loại / rejected, {rows} dòng tổng hợp / aggregate rows → {target.Name}");
            return 0;
        });
        return command;
    }

    /// <summary>A rejected value with the file line it came from.</summary>
    internal static string Describe(AggregationIssue issue, AggregationInputs inputs) =>
        issue.InputIndex >= 0 && issue.InputIndex < inputs.Count
            ? $"{inputs.LocationOf(issue.InputIndex)}: {issue.IndicatorCode} {issue.UnitCode} {issue.PeriodId}: {issue.MessageVi} / {issue.MessageEn}"
            : $"{issue.IndicatorCode}: {issue.MessageVi} / {issue.MessageEn}";

    internal sealed record Loaded(IndicatorCatalogue Catalogue, AdministrativeHierarchy Hierarchy, LocalDate AsOf, AggregationInputs Inputs);

    /// <summary>Reads the catalogue, the values and the hierarchy; prints every error (located, bilingual) and returns false on any.</summary>
    internal bool TryLoad(FileInfo values, FileInfo? catalogueFile, string? asOfText, out Loaded? loaded)
    {
        loaded = null;
        IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
        if (catalogueFile is not null)
        {
            KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.ReadFile(catalogueFile.FullName);
            if (!read.Success)
            {
                foreach (KtxhError e in read.Errors)
                {
                    cli.Error.WriteLine(e.WithSource(catalogueFile.Name));
                }

                return false;
            }

            catalogue = read.Value!;
        }

        if (!values.Exists)
        {
            cli.Error.WriteLine($"Không tìm thấy tệp '{values.FullName}' / File '{values.FullName}' not found");
            return false;
        }

        KtxhResult<AggregationInputs> csv;
        using (var stream = new FileStream(values.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            csv = AggregationCsv.ReadInputs(stream, values.Name);
        }

        if (!csv.Success)
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
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                cli.Error.WriteLine($"--as-of: ngày '{asOfText}' không hợp lệ (yyyy-MM-dd) / date '{asOfText}' is not valid (yyyy-MM-dd)");
                return false;
            }

            asOf = parsed.Value;
        }
        else
        {
            // The latest period of the lines that can be used: an unknown indicator never moves the date (issue 9 §1).
            LocalDate[] ends = csv.Value.Where(i => i.IndicatorCode is not null && catalogue.TryGet(i.IndicatorCode, out _)).Select(i => i.Period.End).ToArray();
            asOf = ends.Length == 0 ? ReportingUnitDirectory.TwoLevelReformDate : ends.Max();
        }

        AdministrativeHierarchy hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(asOf);
        loaded = new Loaded(catalogue, hierarchy, asOf, csv.Value);
        return true;
    }
}

using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ktxh.Cli.Files;
using Ktxh.Indicators;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh catalogue</c>: show, validate and export the indicator catalogue.</summary>
internal sealed class CatalogueCommand(CliContext cli)
{
    public Command Create()
    {
        var command = new Command("catalogue", "Show, validate and export the indicator catalogue (danh mục chỉ tiêu).");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Export());
        return command;
    }

    private Command Show()
    {
        var agency = new Option<string?>("--agency") { Description = "Only the indicators of this agency code (e.g. CTK, KBNN)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var show = new Command("show", "List the built-in catalogue's indicators.") { agency, json };
        show.SetAction(parse =>
        {
            IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
            string? agencyCode = parse.GetValue(agency);
            if (agencyCode is not null)
            {
                // Case-insensitive, as --type is: "kbnn" is KBNN.
                Agency? known = catalogue.Agencies.FirstOrDefault(a => string.Equals(a.Code, agencyCode.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    string shown = CliText.Shorten(agencyCode);
                    string list = string.Join(", ", catalogue.Agencies.Select(a => a.Code));
                    cli.Error.WriteLine($"--agency: không có cơ quan '{shown}'; có: {list} / --agency: no agency '{shown}'; known: {list}");
                    return KtxhCli.InvalidInput;
                }

                agencyCode = known.Code;
            }

            IReadOnlyList<Indicator> indicators = agencyCode is null ? catalogue.Indicators : catalogue.ByAgency(agencyCode);
            if (parse.GetValue(json))
            {
                if (agencyCode is null)
                {
                    cli.Out.WriteLine(IndicatorCatalogueJson.Write(catalogue));
                }
                else
                {
                    WriteJsonList(indicators);
                }

                return 0;
            }

            foreach (Indicator i in indicators)
            {
                string indent = new(' ', Depth(catalogue, i) * 2);
                string marker = i.Relation?.Kind == IndicatorRelationKind.OfWhich ? "Trong đó: " : string.Empty;
                cli.Out.WriteLine($"{i.Code,-16} {indent}{marker}{i.NameVi} [{i.MeasureUnitCode ?? "-"}; {string.Join(",", i.Periods)}; {i.ValueKind}]");
            }

            cli.Out.WriteLine($"{indicators.Count} chỉ tiêu / indicators (catalogue {catalogue.Version})");
            return 0;
        });
        return show;
    }

    private int Depth(IndicatorCatalogue catalogue, Indicator indicator)
    {
        int depth = 0;
        for (Indicator? p = catalogue.ParentOf(indicator.Code); p is not null && depth < 20; p = catalogue.ParentOf(p.Code))
        {
            depth++;
        }

        return depth;
    }

    private void WriteJsonList(IReadOnlyList<Indicator> indicators)
    {
        using var stdout = new MemoryStream(); // written through the CLI's writer
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (Indicator i in indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("code", i.Code);
            writer.WriteString("nameVi", i.NameVi);
            if (i.NameEn is not null)
            {
                writer.WriteString("nameEn", i.NameEn);
            }

            if (i.MeasureUnitCode is not null)
            {
                writer.WriteString("unit", i.MeasureUnitCode);
            }

            writer.WriteStartArray("periods");
            foreach (var p in i.Periods)
            {
                writer.WriteStringValue(p.ToString());
            }

            writer.WriteEndArray();
            writer.WriteString("valueKind", i.ValueKind.ToString());
            writer.WriteString("agency", i.AgencyCode);
            if (i.Relation is { } rel)
            {
                writer.WriteString("parent", rel.ParentCode);
                writer.WriteString("relation", rel.Kind.ToString());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        stdout.WriteByte((byte)'\n');
        cli.Out.Write(Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private Command Validate()
    {
        var file = new Argument<FileInfo>("file.json") { Description = "The catalogue JSON file (schema version 1)." };
        var validate = new Command("validate", "Validate a catalogue JSON file; print every error; exit 0 when valid, 1 otherwise.") { file };
        validate.SetAction(parse =>
        {
            FileInfo path = parse.GetValue(file)!;

            // A file that cannot be read is invalid input (exit 2, stderr); a catalogue with errors is the answer (exit 1).
            if (!InputFile.TryRead(cli, "file.json", path, stream => IndicatorCatalogueJson.Read(stream), out KtxhResult<IndicatorCatalogue>? result))
            {
                return KtxhCli.InvalidInput;
            }

            if (result!.Success)
            {
                cli.Out.WriteLine($"Hợp lệ / Valid: {result.Value!.Count} chỉ tiêu / indicators, {result.Value.Forms.Count} biểu / forms");
                return 0;
            }

            foreach (KtxhError error in result.Errors)
            {
                cli.Out.WriteLine(error.WithSource(path.Name));
            }

            cli.Out.WriteLine($"{result.Errors.Count} lỗi / errors");
            return KtxhCli.Negative;
        });
        return validate;
    }

    private Command Export()
    {
        var file = new Argument<FileInfo>("file.json") { Description = "Where to write the built-in catalogue as JSON." };
        var export = new Command("export", "Export the built-in catalogue as JSON (schema version 1).") { file };
        export.SetAction(parse =>
        {
            FileInfo path = parse.GetValue(file)!;
            IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
            if (!OutputFile.TryWrite(cli, "file.json", path, stream => IndicatorCatalogueJson.Write(catalogue, stream)))
            {
                return KtxhCli.InvalidInput;
            }

            cli.Out.WriteLine($"Đã ghi / Wrote {catalogue.Count} chỉ tiêu / indicators → {CliText.Shorten(path.Name)}");
            return 0;
        });
        return export;
    }
}

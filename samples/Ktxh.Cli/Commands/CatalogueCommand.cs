using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ktxh.Indicators;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh catalogue</c>: show, validate and export the indicator catalogue.</summary>
internal static class CatalogueCommand
{
    public static Command Create()
    {
        var command = new Command("catalogue", "Show, validate and export the indicator catalogue (danh mục chỉ tiêu).");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Show()
    {
        var agency = new Option<string?>("--agency") { Description = "Only the indicators of this agency code (e.g. CTK, KBNN)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var show = new Command("show", "List the built-in catalogue's indicators.") { agency, json };
        show.SetAction(parse =>
        {
            IndicatorCatalogue catalogue = IndicatorCatalogue.BuiltIn;
            string? agencyCode = parse.GetValue(agency);
            if (agencyCode is not null && !catalogue.TryGetAgency(agencyCode, out _))
            {
                Console.Error.WriteLine($"Không có cơ quan '{agencyCode}' / No agency '{agencyCode}'. Có / Known: {string.Join(", ", catalogue.Agencies.Select(a => a.Code))}");
                return 1;
            }

            IReadOnlyList<Indicator> indicators = agencyCode is null ? catalogue.Indicators : catalogue.ByAgency(agencyCode);
            if (parse.GetValue(json))
            {
                if (agencyCode is null)
                {
                    Console.WriteLine(IndicatorCatalogueJson.Write(catalogue));
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
                Console.WriteLine($"{i.Code,-16} {indent}{marker}{i.NameVi} [{i.MeasureUnitCode ?? "-"}; {string.Join(",", i.Periods)}; {i.ValueKind}]");
            }

            Console.WriteLine($"{indicators.Count} chỉ tiêu / indicators (catalogue {catalogue.Version})");
            return 0;
        });
        return show;
    }

    private static int Depth(IndicatorCatalogue catalogue, Indicator indicator)
    {
        int depth = 0;
        for (Indicator? p = catalogue.ParentOf(indicator.Code); p is not null && depth < 20; p = catalogue.ParentOf(p.Code))
        {
            depth++;
        }

        return depth;
    }

    private static void WriteJsonList(IReadOnlyList<Indicator> indicators)
    {
        using var stdout = new MemoryStream(); // written through Console.Out, so a host can redirect it
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
        Console.Out.Write(Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file.json") { Description = "The catalogue JSON file (schema version 1)." };
        var validate = new Command("validate", "Validate a catalogue JSON file; print every error; exit 0 when valid, 1 otherwise.") { file };
        validate.SetAction(parse =>
        {
            FileInfo path = parse.GetValue(file)!;
            KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.ReadFile(path.FullName);
            if (result.Success)
            {
                Console.WriteLine($"Hợp lệ / Valid: {result.Value!.Count} chỉ tiêu / indicators, {result.Value.Forms.Count} biểu / forms");
                return 0;
            }

            foreach (KtxhError error in result.Errors)
            {
                Console.WriteLine(error.WithSource(path.Name));
            }

            Console.WriteLine($"{result.Errors.Count} lỗi / errors");
            return 1;
        });
        return validate;
    }

    private static Command Export()
    {
        var file = new Argument<FileInfo>("file.json") { Description = "Where to write the built-in catalogue as JSON." };
        var export = new Command("export", "Export the built-in catalogue as JSON (schema version 1).") { file };
        export.SetAction(parse =>
        {
            FileInfo path = parse.GetValue(file)!;
            using (FileStream stream = File.Create(path.FullName))
            {
                IndicatorCatalogueJson.Write(IndicatorCatalogue.BuiltIn, stream);
            }

            Console.WriteLine($"Đã ghi / Wrote {IndicatorCatalogue.BuiltIn.Count} chỉ tiêu / indicators to {path.FullName}");
            return 0;
        });
        return export;
    }
}

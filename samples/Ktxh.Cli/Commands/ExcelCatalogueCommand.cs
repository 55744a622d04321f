using System.CommandLine;
using Ktxh.Cli.Files;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh excel catalogue export|import</c>: the indicator catalogue as a workbook an administrator maintains in Excel,
/// and back to the catalogue JSON (validated by the catalogue's own rules; every problem printed by sheet and cell;
/// nothing written on any error).
/// </summary>
internal sealed class ExcelCatalogueCommand(CliContext cli)
{
    public Command Create()
    {
        var command = new Command("catalogue", "The indicator catalogue as a workbook (danh mục chỉ tiêu Excel): export, and import back to JSON.");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private Command Export()
    {
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "Catalogue JSON to export (default: the built-in catalogue)." };
        var output = new Option<FileInfo>("--out") { Description = "The workbook to write (.xlsx).", Required = true };
        var command = new Command("export", "Write the catalogue to a workbook: one sheet per part (indicators, agencies, disaggregations, forms, form rows and columns, form sets).") { catalogue, output };
        command.SetAction(parse =>
        {
            IndicatorCatalogue source = cli.Get<IndicatorCatalogue>();
            if (!OutputFile.Check(cli, "--out", parse.GetValue(output)!, ("--catalogue", parse.GetValue(catalogue))))
            {
                return KtxhCli.InvalidInput;
            }

            if (parse.GetValue(catalogue) is { } file)
            {
                KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.ReadFile(file.FullName);
                if (!read.TryGetValue(out IndicatorCatalogue? loaded))
                {
                    foreach (KtxhError e in read.Errors)
                    {
                        cli.Error.WriteLine(e.WithSource(file.Name));
                    }

                    return KtxhCli.InvalidInput;
                }

                source = loaded;
            }

            byte[] bytes;
            try
            {
                bytes = new CatalogueWorkbookWriter(cli.Get<MeasureUnitRegistry>()).Write(source);
            }
            catch (ArgumentException)
            {
                // A list item with ';' or a line break cannot be written in a cell's list; our words, not the exception's.
                cli.Error.WriteLine("Danh mục có một mục (mã, thẻ, phân tổ…) chứa dấu ';' hoặc xuống dòng, không ghi được vào danh sách của một ô / "
                    + "The catalogue has an item (a code, tag, disaggregation…) containing ';' or a line break, which cannot be written in a cell's list");
                return KtxhCli.InvalidInput;
            }

            FileInfo target = parse.GetValue(output)!;
            if (!OutputFile.TryWrite(cli, "--out", target, bytes))
            {
                return KtxhCli.InvalidInput;
            }

            cli.Out.WriteLine($"{source.Count} chỉ tiêu, {source.Forms.Count} biểu, {source.Agencies.Count} cơ quan / indicators, forms, agencies → {target.FullName}");
            return 0;
        });
        return command;
    }

    private Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "The catalogue workbook (.xlsx).", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "The catalogue JSON to write (schema version 1); without it the workbook is only checked." };
        var command = new Command("import", "Read a catalogue workbook back: every problem by sheet and cell; the catalogue JSON written only when there is none.") { file, output };
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            if (parse.GetValue(output) is { } target && !OutputFile.Check(cli, "--out", target, ("--file", input)))
            {
                return KtxhCli.InvalidInput;
            }

            if (!InputFile.TryRead(cli, "--file", input, stream => new CatalogueWorkbookImporter(cli.Get<MeasureUnitRegistry>()).Import(stream).WithSource(input.Name), out KtxhResult<IndicatorCatalogue>? result))
            {
                return KtxhCli.InvalidInput;
            }

            if (!result!.TryGetValue(out IndicatorCatalogue? catalogue))
            {
                foreach (KtxhError error in result.Errors)
                {
                    cli.Error.WriteLine(error);
                }

                cli.Error.WriteLine($"{input.Name}: {result.Errors.Count} lỗi, không ghi gì / {result.Errors.Count} errors, nothing written");
                return KtxhCli.InvalidInput;
            }

            string written = string.Empty;
            if (parse.GetValue(output) is { } json)
            {
                if (!OutputFile.TryWrite(cli, "--out", json, stream => IndicatorCatalogueJson.Write(catalogue, stream)))
                {
                    return KtxhCli.InvalidInput;
                }

                written = $" → {json.Name}";
            }

            cli.Out.WriteLine($"Hợp lệ / Valid: {catalogue.Count} chỉ tiêu / indicators, {catalogue.Forms.Count} biểu / forms, phiên bản / version {catalogue.Version}{written}");
            return 0;
        });
        return command;
    }
}

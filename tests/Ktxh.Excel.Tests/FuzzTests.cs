using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;

namespace Ktxh.Excel.Tests;

/// <summary>How a workbook is damaged.</summary>
public enum Mutation
{
    FlipBytes,
    RemovePart,
    RetypeCell,
    RevalueCell,
    RenameSheet,
    HugeSharedString,
    SharedStringIndexOutOfRange,
    GarbleXml,
    Truncate,
    DuplicateCell,
}

/// <summary>A mutation and the seed that drives its random choices.</summary>
public readonly record struct MutationCase(Mutation Kind, int Seed, int Strength);

/// <summary>Generators of the fuzz tests.</summary>
public static partial class Arbitraries
{
    /// <summary>Every kind of damage, with a seed and a strength (how many bytes, which cell…).</summary>
    public static Arbitrary<MutationCase> MutationCases() =>
        (from kind in Gen.Elements(Enum.GetValues<Mutation>())
         from seed in Gen.Choose(0, int.MaxValue - 1)
         from strength in Gen.Choose(1, 40)
         select new MutationCase(kind, seed, strength)).ToArbitrary();
}

/// <summary>
/// Mutated workbooks each give errors or values, never an exception and never partial values: a failed import has no
/// value, a successful one has no error and only values of the form's rows, unit and period.
/// </summary>
public class FuzzTests
{
    internal static readonly byte[] ValidWorkbook = WorkbookFiller.Fill(new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request), WorkbookFiller.Valid);
    private static readonly byte[] Valid = ValidWorkbook;
    private static readonly FormWorkbookImporter Importer = new(TestCatalogue.Catalogue);
    private static readonly string[] CellTypes = ["n", "s", "b", "e", "str", "inlineStr", "d", "zz", ""];
    private static readonly string[] CellValues = ["-1", "abc", "1e400", "NaN", "1.234,5", "99999999999999999999999999999999", "", "0", "#REF!", "2147483648", "-0", "1E-30", "   "];

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public Property A_mutated_workbook_gives_errors_or_whole_values_never_an_exception(MutationCase mutation)
    {
        byte[] file = Mutate(Valid, mutation);
        KtxhResult<FormImport> result;
        try
        {
            result = Importer.Import(file, TestCatalogue.Expected);
        }
        catch (Exception e)
        {
            return false.Label($"{mutation}: threw {e}");
        }

        bool consistent = result.Success
            ? result.Errors.Count == 0 && WholeValues(result.Value)
            : result.Errors.Count > 0 && !result.TryGetValue(out _) && result.Errors.All(e => e.CodeValue is ExcelErrorCode && e.MessageVi.Length > 0 && e.MessageEn.Length > 0);
        return consistent
            .Label($"{mutation}: {(result.Success ? $"{result.Value.Values.Count} values" : string.Join(" | ", result.Errors))}")
            .Classify(result.Success, "values")
            .Classify(!result.Success, "errors")
            .Collect(mutation.Kind);
    }

    private static bool WholeValues(FormImport import)
    {
        var codes = TestCatalogue.Form.Rows.Select(r => r.IndicatorCode).ToHashSet(StringComparer.Ordinal);
        return import.Values.All(v => codes.Contains(v.IndicatorCode) && v.ReportingUnitCode == TestCatalogue.Unit && v.Period == TestCatalogue.March && (v.Value is not null || v.Text is not null))
            && import.Values.Count <= TestCatalogue.Form.Rows.Count * 3
            && TestCatalogue.Form.Rows.Where(r => r.Required).All(r => import.Values.Any(v => v.IndicatorCode == r.IndicatorCode && v.Column == FormColumnKind.ThisPeriod));
    }

    internal static byte[] Mutate(byte[] valid, MutationCase m)
    {
        var random = new Random(m.Seed);
        switch (m.Kind)
        {
            case Mutation.FlipBytes:
            {
                byte[] copy = (byte[])valid.Clone();
                for (int i = 0; i < m.Strength; i++)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            }

            case Mutation.RemovePart:
            {
                var parts = Xlsx.Parts(valid);
                string victim = parts.Keys.OrderBy(k => k, StringComparer.Ordinal).ElementAt(random.Next(parts.Count));
                parts.Remove(victim);
                return Xlsx.Pack(parts);
            }

            case Mutation.RetypeCell:
                return Xlsx.EditPart(valid, Xlsx.FormSheetPart, x => EditRandomCell(x, random, c =>
                    Regex.Replace(c, "^<x:c r=\"([A-Z]+[0-9]+)\"[^>]*?(/?)>", mm => $"<x:c r=\"{mm.Groups[1].Value}\" t=\"{CellTypes[random.Next(CellTypes.Length)]}\"{mm.Groups[2].Value}>")));

            case Mutation.RevalueCell:
                return Xlsx.EditPart(valid, Xlsx.FormSheetPart, x => EditRandomCell(x, random, c =>
                {
                    string reference = Regex.Match(c, "r=\"([A-Z]+[0-9]+)\"").Groups[1].Value;
                    string value = System.Security.SecurityElement.Escape(CellValues[random.Next(CellValues.Length)]);
                    return random.Next(3) switch
                    {
                        0 => $"<x:c r=\"{reference}\"><x:v>{value}</x:v></x:c>",
                        1 => $"<x:c r=\"{reference}\" t=\"inlineStr\"><x:is><x:t>{value}</x:t></x:is></x:c>",
                        _ => $"<x:c r=\"{reference}\"><x:f>SUM(A1:A2)</x:f><x:v>{value}</x:v></x:c>",
                    };
                }));

            case Mutation.RenameSheet:
                return Xlsx.EditPart(valid, Xlsx.WorkbookPart, x =>
                {
                    string[] names = ["Biểu 02", "Sheet1", "_KTXH", "Biểu 01 ", "bieu 01", "Biểu 01"];
                    string target = random.Next(2) == 0 ? "Biểu 01" : "_ktxh";
                    return x.Replace($"name=\"{target}\"", $"name=\"{names[random.Next(names.Length)]}\"", StringComparison.Ordinal);
                });

            case Mutation.HugeSharedString:
                return Xlsx.EditPart(valid, Xlsx.SharedStringsPart, x =>
                {
                    // Repetitive (compresses like a bomb) or random (passes the ratio check), before or after the others.
                    string huge = random.Next(2) == 0
                        ? new string((char)('a' + random.Next(26)), 100_000 * m.Strength)
                        : string.Create(50_000 * m.Strength, random, (span, r) => { for (int i = 0; i < span.Length; i++) { span[i] = (char)('a' + r.Next(26)); } });
                    int at = random.Next(2) == 0 ? x.IndexOf("<x:si>", StringComparison.Ordinal) : x.LastIndexOf("</x:sst>", StringComparison.Ordinal);
                    return at < 0 ? x : x[..at] + $"<x:si><x:t>{huge}</x:t></x:si>" + x[at..];
                });

            case Mutation.SharedStringIndexOutOfRange:
                return Xlsx.EditPart(valid, Xlsx.FormSheetPart, x => EditRandomCell(x, random, c =>
                {
                    string reference = Regex.Match(c, "r=\"([A-Z]+[0-9]+)\"").Groups[1].Value;
                    string[] indices = ["999999", "-1", "abc", "2147483648", "0"];
                    return $"<x:c r=\"{reference}\" t=\"s\"><x:v>{indices[random.Next(indices.Length)]}</x:v></x:c>";
                }));

            case Mutation.GarbleXml:
            {
                var parts = Xlsx.Parts(valid);
                string[] xmlParts = parts.Keys.Where(k => k.EndsWith(".xml", StringComparison.Ordinal) || k.EndsWith(".rels", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
                string part = xmlParts[random.Next(xmlParts.Length)];
                char[] text = Encoding.UTF8.GetString(parts[part]).ToCharArray();
                for (int i = 0; i < m.Strength; i++)
                {
                    text[random.Next(text.Length)] = "<>\"&=/ax0 é"[random.Next(11)];
                }

                parts[part] = Encoding.UTF8.GetBytes(text);
                return Xlsx.Pack(parts);
            }

            case Mutation.Truncate:
                return valid[..random.Next(valid.Length)];

            default:
                return Xlsx.EditPart(valid, Xlsx.FormSheetPart, x =>
                {
                    // The same cell twice, or a cell reference far out of the sheet.
                    string[] extras = ["<x:c r=\"E9\"><x:v>5</x:v></x:c>", "<x:c r=\"XFD1048576\"><x:v>1</x:v></x:c>", "<x:c r=\"ZZZZ0\"><x:v>1</x:v></x:c>", "<x:c><x:v>1</x:v></x:c>"];
                    int at = x.IndexOf("<x:row r=\"9\"", StringComparison.Ordinal);
                    int close = x.IndexOf('>', at) + 1;
                    return x[..close] + extras[random.Next(extras.Length)] + x[close..];
                });
        }
    }

    private static string EditRandomCell(string sheetXml, Random random, Func<string, string> edit)
    {
        MatchCollection cells = Regex.Matches(sheetXml, "<x:c r=\"[A-Z]+[0-9]+\"[^>]*?/>|<x:c r=\"[A-Z]+[0-9]+\"[^>]*?>.*?</x:c>");
        Match cell = cells[random.Next(cells.Count)];
        return sheetXml[..cell.Index] + edit(cell.Value) + sheetXml[(cell.Index + cell.Length)..];
    }
}

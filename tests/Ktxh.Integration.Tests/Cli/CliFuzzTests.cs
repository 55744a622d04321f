using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Integration.Tests
{
/// <summary>
/// One generated command line for <see cref="CliFuzzTests"/>: the words, with file placeholders (<c>{values}</c>,
/// <c>{folder}</c>, …) that each run resolves inside a fresh folder of hostile files.
/// </summary>
/// <param name="Command">The command's words (e.g. "excel catalogue export"), for the distribution.</param>
/// <param name="Args">The whole command line, placeholders unresolved.</param>
public sealed record CliFuzzCase(string Command, string[] Args)
{
    /// <summary>For FsCheck's counter-example.</summary>
    public override string ToString() => string.Join(' ', Args.Select(a => a.Length > 40 ? a[..20] + "…(" + a.Length + ")" : a));
}

/// <summary>FsCheck generators for the CLI fuzz test.</summary>
public static partial class Arbitraries
{
    /// <summary>Files each run creates (see <see cref="CliFuzzTests"/>), as placeholders.</summary>
    internal static readonly string[] FuzzFiles =
    [
        "{values}", "{history}", "{missing}", "{folder}", "{empty}", "{garbage}", "{readonly}", "{catalogue}", "{badjson}",
        "{xlsx}", "{out}", "{missingdir}/out.csv", "{link}", "{db}",
    ];

    private static readonly string[] Hostile =
    [
        "", " ", "abc", "-1", "0", "1", "2026", "1900", "2199", "2200", "99999999999999999999999", "1,5", "1.234,5", "1e3", "1e400",
        "NaN", "2026-13-01", "0000-01-01", "2026-02-29", "2026-M10", "2026-Q4", "2199-M12", "2026-W05", "2026-YTD-M03",
        "Tỷ đồng", "Triệu đồng", "--", "-x", new string('x', 3000), "a\tb", "'\"", "../..", "\u202e", "KBNN", "kbnn", "decree09",
        "DECREE09", "month", "Quarter", "37", "01", "00004", "99999", "vi", "HNM.CTK.07.001", "CTK.09", "units", "true",
    ];

    /// <summary>One option or argument of a command and the values it is tried with (besides any hostile value).</summary>
    private sealed record Slot(string? Name, string[] Values);

    private static Slot O(string name, params string[] values) => new(name, values);

    private static Slot A(params string[] values) => new(null, values);

    private static Slot Flag(string name) => new(name, []);

    private static readonly string[] Dates = ["2026-02-17", "2026-10-31", "1900-01-01", "2199-12-31", "2025-06-30"];
    private static readonly string[] Periods = ["2026-M01", "2026-M10", "2026-Q1", "2026", "2026-YTD-M03", "2199-M12"];
    private static readonly string[] Types = ["Month", "quarter", "half-month", "Year", "week"];
    private static readonly string[] Rules = ["day-of-month-after:12", "working-days-after-cutoff:3", "fixed-date:02-30", "date:2026-03-31", "days-after-period:20", "bogus:1"];

    // Every command with its options; demo and the demo-backed excel progress are slow and sampled rarely below.
    private static readonly (string Command, int Weight, Slot[] Slots)[] Commands =
    [
        ("calendar", 3, [A("2026", "1900", "2199", "1899")]),
        ("calendar is-working", 3, [A(Dates)]),
        ("lunar", 3, [A(Dates), Flag("--json")]),
        ("lunar --to-gregorian", 2, [A("2026"), A("1", "12", "13"), A("1", "30", "31"), Flag("--leap"), Flag("--json")]),
        ("periods", 3, [A("2026", "9999", "0"), O("--type", Types), O("--cutoff", "calendar", "Decree09"), Flag("--json")]),
        ("deadline", 4, [O("--rule", Rules), O("--period", Periods), O("--year", "2026", "2199"), O("--type", Types), O("--cutoff", "calendar", "decree09"), Flag("--json")]),
        ("uom list", 1, []),
        ("uom resolve", 2, [A("Tỷ đồng", "1000 tấn", "?")]),
        ("uom convert", 5, [A("1234.5", "1,5", "1.234,5", "1e3", "0.1234567890123456789012345678901"), A("Triệu đồng", "Tỷ đồng", "Tấn"), A("Tỷ đồng", "Triệu đồng"), O("--notation", "vi", "invariant")]),
        ("units list", 2, [O("--province", "01", "37", "99"), O("--as-of", Dates), Flag("--json")]),
        ("units show", 2, [A("01", "00004", "99999"), O("--as-of", Dates), Flag("--json")]),
        ("units map", 2, [O("--from", "00001", "35"), O("--as-of", Dates), Flag("--json")]),
        ("units search", 2, [A("ba dinh", "Hà"), O("--as-of", Dates), Flag("--json")]),
        ("catalogue show", 2, [O("--agency", "CTK", "kbnn", "XYZ"), Flag("--json")]),
        ("catalogue validate", 3, [A("{catalogue}", "{badjson}", "{missing}", "{folder}", "{garbage}")]),
        ("catalogue export", 4, [A("{out}", "{readonly}", "{folder}", "{missingdir}/out.csv", "{link}", "{values}")]),
        ("aggregate", 8, [O("--values", "{values}", "{garbage}", "{empty}", "{missing}"), O("--out", "{out}", "{values}", "{link}", "{readonly}", "{folder}", "{missingdir}/out.csv"),
            O("--catalogue", "{catalogue}", "{badjson}"), O("--as-of", Dates), O("--periods", "2026-Q1", "x,2026-M01")]),
        ("validate", 6, [O("--values", "{values}", "{garbage}", "{empty}", "{missing}"), O("--history", "{history}", "{missing}", "{folder}", "{garbage}"), O("--catalogue", "{catalogue}", "{badjson}")]),
        ("excel template", 3, [O("--form", "CTK.09", "X"), O("--unit", "00004"), O("--period", Periods), O("--to", Periods), O("--deadline", Dates), O("--out", "{out}", "{readonly}", "{folder}", "{values}"), O("--catalogue", "{catalogue}", "{badjson}")]),
        ("excel import", 3, [O("--file", "{xlsx}", "{garbage}", "{empty}", "{missing}"), O("--form", "CTK.09"), O("--unit", "00004"), O("--period", Periods), O("--out", "{out}", "{xlsx}", "{readonly}"), Flag("--history"), O("--engine", "streaming", "closedxml", "x")]),
        ("excel report", 3, [O("--aggregates", "{values}", "{garbage}", "{missing}"), O("--across", "units", "periods", "x"), O("--period", Periods), O("--out", "{out}", "{values}", "{readonly}"), O("--plan-db", "{db}", "{garbage}", "{missing}")]),
        ("excel catalogue export", 3, [O("--catalogue", "{catalogue}", "{badjson}", "{missing}"), O("--out", "{out}", "{catalogue}", "{readonly}", "{folder}")]),
        ("excel catalogue import", 3, [O("--file", "{xlsx}", "{garbage}", "{missing}"), O("--out", "{out}", "{xlsx}", "{readonly}")]),
        ("workflow progress", 2, [O("--db", "{db}", "{garbage}", "{missing}", "{folder}", "{empty}"), O("--form", "CTK.09"), O("--period", Periods), Flag("--json")]),
        ("workflow export", 2, [O("--db", "{db}", "{garbage}", "{missing}"), O("--out", "{out}", "{db}", "{readonly}"), Flag("--accepted")]),
        ("workflow audit verify", 1, [O("--db", "{db}", "{garbage}", "{missing}")]),
        ("workflow init", 1, [O("--province", "37", "99"), O("--year", "2026", "0"), O("--db", "{garbage}", "{folder}", "{missingdir}/w.db", "{values}")]),
        ("workflow diagram", 1, []),
    ];

    /// <summary>A command line of a random command with random (often hostile) options and arguments.</summary>
    public static Arbitrary<CliFuzzCase> CliFuzzCase()
    {
        Gen<string> hostile = Gen.OneOf(Gen.Elements(Hostile), Gen.Elements(FuzzFiles));
        Gen<string[]> Slots(Slot[] slots) =>
            Gen.CollectToArray(slots.Select(slot =>
            {
                Gen<string> value = slot.Values.Length == 0 ? hostile : Gen.Frequency((3, Gen.Elements(slot.Values)), (1, hostile));
                Gen<string[]> present = slot.Name is null
                    ? value.Select(v => new[] { v })
                    : slot.Values.Length == 0 ? Gen.Constant(new[] { slot.Name }) : value.Select(v => new[] { slot.Name, v });
                return Gen.Frequency((3, present), (1, Gen.Constant(Array.Empty<string>())));
            })).Select(parts => parts.SelectMany(p => p).ToArray());

        Gen<CliFuzzCase> ordinary = Gen.Frequency(Commands.Select(c =>
            (c.Weight, from slots in Slots(c.Slots)
                       from extra in Gen.Frequency((6, Gen.Constant(Array.Empty<string>())), (1, hostile.Select(h => new[] { h })))
                       select new CliFuzzCase(c.Command, [.. c.Command.Split(' '), .. slots, .. extra]))));

        // The demo runs a whole cycle (seconds): mostly with options it refuses, very rarely for real.
        Gen<CliFuzzCase> demo = Gen.Frequency(
            (40, Gen.Elements<string[]>(["--period", "2026-Q4"], ["--period", "2199-M12"], ["--province", "99"], ["--seed", "x"], ["--dir", "{values}"], ["--excel-dir", "{values}"], ["--period", ""]).Select(a => new CliFuzzCase("demo", ["demo", .. a, "--dir", "{out}.d"]))),
            (1, Gen.Constant(new CliFuzzCase("demo", ["demo", "--dir", "{out}.d"]))));
        Gen<CliFuzzCase> parser = Gen.Elements(Hostile).Two().Select(t => new CliFuzzCase("(parser)", [t.Item1, t.Item2]));
        return Gen.Frequency((200, ordinary), (2, demo), (8, parser)).ToArbitrary();
    }
}

}

namespace Ktxh.Integration.Tests.Cli
{
/// <summary>
/// Issue 8 §4: every command, run with generated hostile arguments and files, keeps the CLI's rules: exit code 0, 1 or
/// 2; no exception text or .NET type name in its output; nothing on stdout and a bilingual message on stderr on exit 2;
/// and no file created, changed or removed when it does not succeed.
/// </summary>
[Collection("Console")]
public sealed class CliFuzzTests
{
    private static readonly string[] DotNetText =
    [
        "Exception", "   at ", "System.", "Microsoft.", "Stack trace", "(Parameter '", "Actual value was", "Unhandled", "Cannot parse argument",
        "Required argument missing", "Unrecognized command", "is required.", "Could not find",
    ];

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 3000)]
    public Property Every_command_keeps_the_rules_on_hostile_input(CliFuzzCase fuzz)
    {
        using var files = new FuzzFiles();
        string[] args = fuzz.Args.Select(files.Resolve).ToArray();
        Dictionary<string, string> before = files.Snapshot();

        CliResult result = CliRunner.Run(args);

        Assert.True(result.ExitCode is 0 or 1 or 2, $"exit code {result.ExitCode}: {result}");
        foreach (string text in DotNetText)
        {
            Assert.False(result.Stdout.Contains(text, StringComparison.Ordinal) || result.Stderr.Contains(text, StringComparison.Ordinal), $"'{text}' shown: {result}");
        }

        if (result.ExitCode == 2)
        {
            Assert.True(result.Stdout.Length == 0, $"stdout on error: {result}");
            // "vi / en" on a line, lunar's "Lỗi: …" and "Error: …" lines, or the JSON error of --json with messageVi and messageEn.
            Assert.True(
                result.Stderr.Contains(" / ", StringComparison.Ordinal)
                || (result.Stderr.Contains("Lỗi: ", StringComparison.Ordinal) && result.Stderr.Contains("Error: ", StringComparison.Ordinal))
                || result.Stderr.Contains("\"messageEn\"", StringComparison.Ordinal),
                $"no bilingual message: {result}");
        }

        if (result.ExitCode != 0)
        {
            Dictionary<string, string> after = files.Snapshot();
            Assert.True(before.Count == after.Count && before.All(kv => after.TryGetValue(kv.Key, out string? h) && h == kv.Value),
                $"files changed by a failed run: {string.Join(", ", after.Keys.Except(before.Keys).Concat(before.Keys.Where(k => !after.TryGetValue(k, out string? h) || h != before[k])))}: {result}");
        }

        return true.ToProperty()
            .Classify(result.ExitCode == 0, "exit 0")
            .Classify(result.ExitCode == 1, "exit 1")
            .Classify(result.ExitCode == 2, "exit 2")
            .Collect(fuzz.Command);
    }

    /// <summary>A fresh folder of hostile files for one run.</summary>
    private sealed class FuzzFiles : IDisposable
    {
        private static readonly byte[] Workbook = CreateWorkbook();
        private static readonly string CatalogueJson = Ktxh.Indicators.IndicatorCatalogueJson.Write(Ktxh.Indicators.IndicatorCatalogue.BuiltIn);
        private readonly TempDirectory dir = new();

        public FuzzFiles()
        {
            dir.Write("values.csv", "indicator,unit,period,value", "HNM.CTK.07.001,00004,2026-M01,100.5", "HNM.CTK.07.001,00008,2026-M01,200.25", "NOPE,00004,2026-M01,1");
            dir.Write("history.csv", "indicator,unit,period,value", "HNM.CTK.07.001,00004,2025-M01,90", "HNM.CTK.07.001,00004,2025-M02,91");
            Directory.CreateDirectory(dir.File("folder"));
            File.WriteAllBytes(dir.File("empty"), []);
            File.WriteAllBytes(dir.File("garbage"), [0xFF, 0xFE, 0x00, 0x50, 0x4B, 0x03, 0x04, 0x7B, 0x22, 0x0A, 0x2C]);
            string readOnly = dir.Write("readonly.csv", "do not touch");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(readOnly, UnixFileMode.UserRead);
            }

            File.WriteAllText(dir.File("catalogue.json"), CatalogueJson);
            dir.Write("bad.json", "{\"schemaVersion\": 1, \"indicators\": [ {\"code\": 5} ] ");
            File.WriteAllBytes(dir.File("filled.xlsx"), Workbook);
            File.CreateSymbolicLink(dir.File("link.csv"), dir.File("values.csv"));
            File.WriteAllText(dir.File("cycle.db"), "SQLite format 3\0 but not really");
        }

        public string Resolve(string arg) => arg
            .Replace("{values}", dir.File("values.csv"), StringComparison.Ordinal)
            .Replace("{history}", dir.File("history.csv"), StringComparison.Ordinal)
            .Replace("{missingdir}", dir.File("no-such-folder"), StringComparison.Ordinal)
            .Replace("{missing}", dir.File("missing.csv"), StringComparison.Ordinal)
            .Replace("{folder}", dir.File("folder"), StringComparison.Ordinal)
            .Replace("{empty}", dir.File("empty"), StringComparison.Ordinal)
            .Replace("{garbage}", dir.File("garbage"), StringComparison.Ordinal)
            .Replace("{readonly}", dir.File("readonly.csv"), StringComparison.Ordinal)
            .Replace("{catalogue}", dir.File("catalogue.json"), StringComparison.Ordinal)
            .Replace("{badjson}", dir.File("bad.json"), StringComparison.Ordinal)
            .Replace("{xlsx}", dir.File("filled.xlsx"), StringComparison.Ordinal)
            .Replace("{out}", dir.File("out.csv"), StringComparison.Ordinal)
            .Replace("{link}", dir.File("link.csv"), StringComparison.Ordinal)
            .Replace("{db}", dir.File("cycle.db"), StringComparison.Ordinal);

        /// <summary>Every file under the folder with a hash of its content and its mode.</summary>
        public Dictionary<string, string> Snapshot() =>
            Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories)
                .ToDictionary(p => p, p => File.Exists(p) && new FileInfo(p).LinkTarget is null
                    ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) + (OperatingSystem.IsWindows() ? string.Empty : File.GetUnixFileMode(p).ToString())
                    : "dir-or-link");

        public void Dispose() => dir.Dispose();

        private static byte[] CreateWorkbook()
        {
            var file = new FileInfo(Path.Combine(Path.GetTempPath(), "ktxh-fuzz-" + Guid.NewGuid().ToString("N") + ".xlsx"));
            try
            {
                CliRunner.Run("excel", "template", "--form", "CTK.09", "--unit", "00004", "--period", "2026-M10", "--out", file.FullName);
                return file.Exists ? File.ReadAllBytes(file.FullName) : [0x50, 0x4B];
            }
            finally
            {
                file.Delete();
            }
        }
    }
}
}

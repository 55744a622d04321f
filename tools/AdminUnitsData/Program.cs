// Regenerates the compact built-in administrative-unit data of Ktxh.Indicators from the two official tables.
//
// Usage (from the repository root):
//   dotnet run --project tools/AdminUnitsData
// which is the same as
//   dotnet run --project tools/AdminUnitsData -- tools/AdminUnitsData/Sources src/Ktxh.Indicators/Data/admin-units-vn.tsv docs/admin-units-anomalies.md
//
// Inputs (kept in the repository, tools/AdminUnitsData/Sources, with their source and date in its README):
// communes-before-2025-07-01.csv (code table in force 2025-01-04) and conversion-2025-07-01.csv (conversion table of
// the 1 July 2025 reform, Resolution 202/2025/QH15). The output format is described in the header of the TSV it
// writes and in docs/admin-units.md. Relative paths are relative to the current directory.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

if (args.Length == 0)
{
    // The defaults: the repository's own copies of the tables and its data files.
    args =
    [
        Path.Combine("tools", "AdminUnitsData", "Sources"),
        Path.Combine("src", "Ktxh.Indicators", "Data", "admin-units-vn.tsv"),
        Path.Combine("docs", "admin-units-anomalies.md"),
    ];
    if (!Directory.Exists(args[0]))
    {
        Console.Error.WriteLine($"Không thấy {args[0]}: hãy chạy từ thư mục gốc của kho / {args[0]} not found: run from the repository root.");
        return 2;
    }
}

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: AdminUnitsData [<input folder> <output tsv> <output anomalies md>]");
    Console.Error.WriteLine("       (no arguments: tools/AdminUnitsData/Sources src/Ktxh.Indicators/Data/admin-units-vn.tsv docs/admin-units-anomalies.md)");
    return 2;
}

string inputDir = args[0];
var anomalies = new List<(string Section, string Text)>();
void Note(string section, string text) => anomalies.Add((section, text));

// ---------------------------------------------------------------- the code table in force on 2025-01-04
List<string[]> oldRows = Csv.Read(Path.Combine(inputDir, "communes-before-2025-07-01.csv"));
var provinces = new SortedDictionary<string, string>(StringComparer.Ordinal);
var districts = new SortedDictionary<string, (string Name, string Province)>(StringComparer.Ordinal);
var communes = new SortedDictionary<string, (string Name, string District, string? NameEn)>(StringComparer.Ordinal);
for (int i = 1; i < oldRows.Count; i++)
{
    string[] r = oldRows[i];
    int line = i + 1;
    string pName = Text.Clean(r[0], out _), pCode = r[1].Trim(), dName = Text.Clean(r[2], out _), dCode = r[3].Trim();
    string cName = Text.Clean(r[4], out bool cChanged), cCode = r[5].Trim(), level = Text.Clean(r[6], out _);
    string? en = string.IsNullOrWhiteSpace(r[7]) ? null : Text.Clean(r[7], out _);
    if (provinces.TryGetValue(pCode, out string? knownP) && knownP != pName)
    {
        Note("old", $"line {line}: province {pCode} named '{pName}' and '{knownP}'");
    }

    provinces[pCode] = pName;
    if (districts.TryGetValue(dCode, out var knownD) && (knownD.Name != dName || knownD.Province != pCode))
    {
        Note("old", $"line {line}: district {dCode} appears as '{dName}' ({pCode}) and '{knownD.Name}' ({knownD.Province})");
    }

    districts[dCode] = (dName, pCode);
    if (cCode.Length == 0)
    {
        Note("old", $"line {line}: district {dCode} '{dName}' has no commune (level '{level}'): an island district without communes");
        continue;
    }

    if (cChanged)
    {
        Note("old-names", $"line {line}: commune {cCode} name '{r[4]}' had stray or repeated spaces");
    }

    if (communes.ContainsKey(cCode))
    {
        Note("old", $"line {line}: commune code {cCode} duplicated");
        continue;
    }

    string prefixType = Text.CommuneTypeLetter(cName);
    string levelType = Text.CommuneTypeLetter(level + " x");
    if (prefixType != levelType)
    {
        Note("old", $"line {line}: commune {cCode} '{cName}' has level '{level}' but its name says otherwise; the name's prefix is kept");
    }

    if (cName.StartsWith("Thị Trấn ", StringComparison.Ordinal))
    {
        Note("old-names", $"line {line}: commune {cCode} '{cName}': 'Thị Trấn' capitalised (kept as written)");
    }

    communes[cCode] = (cName, dCode, en);
}

// ---------------------------------------------------------------- the conversion table of 2025-07-01
List<string[]> convRows = Csv.Read(Path.Combine(inputDir, "conversion-2025-07-01.csv"));
var codeInName = new Regex(@"^(.*?)\s*\((\d{2,3})\)\s*$");
var rows = new List<ConvRow>();
string? lastSeparator = null;
var reportedSpacing = new HashSet<string>(StringComparer.Ordinal);
for (int i = 2; i < convRows.Count; i++)
{
    string[] r = convRows[i];
    int line = Csv.LineOf(convRows, i);
    if (r.Length < 8)
    {
        Note("conversion", $"line {line}: {r.Length} columns");
        continue;
    }

    if (r[2].Trim().Length == 0)
    {
        string sep = Text.Clean(r[0], out _);
        if (codeInName.IsMatch(sep))
        {
            Note("conversion", $"line {line}: separator line '{sep}' is written like a data cell (it stands where the heading PHÚ THỌ is expected; no 'PHÚ THỌ' heading exists)");
        }

        lastSeparator = sep;
        continue;
    }

    _ = lastSeparator;
    Match pm = codeInName.Match(Text.Clean(r[0], out _));
    Match dm = codeInName.Match(Text.Clean(r[6], out _));
    Match om = codeInName.Match(Text.Clean(r[7], out _));
    if (!pm.Success || !dm.Success)
    {
        Note("conversion", $"line {line}: new province '{r[0]}' or old district '{r[6]}' has no code in brackets");
        continue;
    }

    string newName = Text.Clean(r[1], out bool newChanged);
    if (newChanged && reportedSpacing.Add(r[2].Trim()))
    {
        Note("conversion-names", $"line {line}: new commune {r[2].Trim()} name '{r[1].Replace("\n", "\\n")}' had stray spaces or a line break");
    }

    if (newName.StartsWith("Xa ", StringComparison.Ordinal))
    {
        Note("conversion-names", $"line {line}: new commune {r[2].Trim()} '{newName}': 'Xa' for 'Xã' (corrected)");
        newName = "Xã " + newName[3..];
    }

    string oldName = Text.Clean(r[3], out _);
    rows.Add(new ConvRow(line, pm.Groups[2].Value, pm.Groups[1].Value, r[2].Trim(), newName, r[4].Trim(), oldName,
        Text.Clean(r[5], out _), dm.Groups[2].Value, om.Success ? om.Groups[2].Value : "", Text.Clean(r[7], out _)));
}

// Which codes of the code table the conversion table names (by the code as printed).
var referenced = new HashSet<string>(rows.Where(x => x.OldCode.Length > 0).Select(x => x.OldCode), StringComparer.Ordinal);

// ---------------------------------------------------------------- reconcile each predecessor with the code table
var newCommunes = new SortedDictionary<string, NewCommune>(StringComparer.Ordinal);
var conversionOnly = new SortedDictionary<string, (string Name, string District)>(StringComparer.Ordinal);
var claimedByCorrection = new HashSet<string>(StringComparer.Ordinal);
int nameMismatchTone = 0, nameMismatchOther = 0;
foreach (ConvRow x in rows)
{
    if (!newCommunes.TryGetValue(x.NewCode, out NewCommune? nc))
    {
        nc = new NewCommune(x.NewCode, x.NewName, x.NewProvince, x.NewProvinceName);
        newCommunes.Add(x.NewCode, nc);
    }
    else if (nc.Name != x.NewName || nc.Province != x.NewProvince)
    {
        Note("conversion-names", $"line {x.Line}: new commune {x.NewCode} written '{x.NewName}' ({x.NewProvince}), earlier '{nc.Name}' ({nc.Province}); the first spelling is kept");
    }

    (char kind, char scope, bool standard) = Text.Classify(x.Note);
    string fromCode = x.OldCode;
    string? sourceCode = null;
    string? detail = standard ? null : x.Note;
    if (fromCode.Length == 0)
    {
        // A whole island district becomes a special zone (đặc khu), or an area outside any commune is merged.
        fromCode = x.OldDistrict;
        if (Text.Fold(x.Note).Contains("sap xep toan bo huyen", StringComparison.Ordinal))
        {
            kind = 'W';
        }
        else
        {
            kind = 'P';
            scope = ' ';
            detail = $"{x.OldName} ({x.Note})";
            Note("conversion", $"line {x.Line}: new commune {x.NewCode} takes '{x.OldName}', which has no commune code; recorded as a part transfer from district {x.OldDistrict}");
        }
    }
    else
    {
        bool known = communes.TryGetValue(fromCode, out var oc);
        bool sameName = known && Text.Fold(oc.Name) == Text.Fold(x.OldName);
        if (!sameName)
        {
            // A commune of the same district with the same name that the table never lists under its own code: the code is misprinted.
            // (A commune of the same district with that name, listed elsewhere under its own code, also counts: codes swapped.)
            var candidates = communes.Where(c => c.Key != x.OldCode && c.Value.District == x.OldDistrict && Text.Fold(c.Value.Name) == Text.Fold(x.OldName))
                .Select(c => c.Key).ToList();
            // When the printed code is a real code, correct only if its own commune is listed elsewhere under it (a provable
            // misprint); otherwise the unit may have been reorganised after 2025-01-04 under that code, so keep it and report.
            bool printedIsOwnedElsewhere = !known || rows.Any(o => o.OldCode == x.OldCode && Text.Fold(o.OldName) == Text.Fold(oc.Name));
            if (candidates.Count == 1 && printedIsOwnedElsewhere)
            {
                sourceCode = fromCode;
                fromCode = candidates[0];
                claimedByCorrection.Add(fromCode);
                Note("codes", $"line {x.Line}: old commune '{x.OldName}' printed with code {sourceCode}{(known ? $" (the code of '{oc.Name}')" : " (not in the code table)")}; the code table has it as {fromCode} in the same district{(referenced.Contains(fromCode) ? " (also listed under its own code elsewhere)" : ", which the conversion table never lists")}: corrected to {fromCode}");
            }
            else if (known)
            {
                Note("names", $"line {x.Line}: old commune {fromCode} is '{x.OldName}' in the conversion table and '{oc.Name}' in the code table");
                nameMismatchOther++;
            }
            else
            {
                if (!conversionOnly.ContainsKey(fromCode))
                {
                    conversionOnly.Add(fromCode, (x.OldName, x.OldDistrict));
                }

                Note("codes", $"line {x.Line}: old commune {fromCode} '{x.OldName}' (district {x.OldDistrict}) is not in the code table of 2025-01-04: kept as a predecessor known only from the conversion table");
            }
        }
        else if (oc.Name != x.OldName)
        {
            nameMismatchTone++;
        }

        if (known && sameName && oc.District != x.OldDistrict)
        {
            Note("codes", $"line {x.Line}: old commune {fromCode} is in district {oc.District} in the code table, {x.OldDistrict} in the conversion table");
        }

        if (x.OldProvince.Length > 0 && communes.TryGetValue(fromCode, out var oc2) && districts[oc2.District].Province != x.OldProvince)
        {
            Note("codes", $"line {x.Line}: old commune {fromCode} '{oc2.Name}' is in province {districts[oc2.District].Province} in the code table; the conversion table's old-province cell says '{x.OldProvinceCell}'");
        }
    }

    if (nc.Predecessors.Any(p => p.Code == fromCode))
    {
        Note("conversion", $"line {x.Line}: new commune {x.NewCode} lists predecessor {fromCode} twice (the second line is dropped)");
        continue;
    }

    nc.Predecessors.Add(new Pred(fromCode, kind, scope, sourceCode, detail, x.Line));
}

// ---------------------------------------------------------------- coverage and consistency checks
var forward = newCommunes.Values.SelectMany(n => n.Predecessors.Select(p => (p.Code, New: n.Code, p.Kind))).GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
foreach (var c in communes)
{
    if (!forward.ContainsKey(c.Key))
    {
        Note("missing", $"old commune {c.Key} '{c.Value.Name}' ({districts[c.Value.District].Name}, {provinces[districts[c.Value.District].Province]}) is not in the conversion table");
    }
}

foreach (var f in forward)
{
    int whole = f.Value.Count(t => t.Kind != 'P');
    if (f.Value.Count > 1 && whole > 0)
    {
        Note("consistency", $"old unit {f.Key} goes to {f.Value.Count} new communes ({string.Join(", ", f.Value.Select(t => t.New + ":" + t.Kind))}) yet {whole} of them say whole");
    }

    if (f.Value.Count == 1 && f.Value[0].Kind == 'P')
    {
        Note("consistency", $"old unit {f.Key} is a part transfer to {f.Value[0].New} only; the table does not say where the rest went");
    }
}

foreach (var nc in newCommunes.Values)
{
    if (Text.NewTypeLetter(nc.Name) == '?')
    {
        Note("conversion-names", $"new commune {nc.Code} '{nc.Name}' has no Xã/Phường/Đặc khu prefix");
    }
}

string ProvinceOfOld(string code) => code.Length == 3 ? districts[code].Province
    : communes.TryGetValue(code, out var c) ? districts[c.District].Province : districts[conversionOnly[code].District].Province;

var provinceMap = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
var newProvinceNames = new SortedDictionary<string, string>(StringComparer.Ordinal);
foreach (var nc in newCommunes.Values)
{
    newProvinceNames.TryAdd(nc.Province, nc.ProvinceName);
    foreach (Pred p in nc.Predecessors)
    {
        string op = ProvinceOfOld(p.Code);
        if (!provinceMap.TryGetValue(op, out var set))
        {
            provinceMap[op] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(nc.Province);
    }
}

foreach (var pm in provinceMap.Where(p => p.Value.Count > 1))
{
    Note("consistency", $"old province {pm.Key} goes to several new provinces: {string.Join(", ", pm.Value)}");
}

foreach (string p in provinces.Keys.Where(p => !provinceMap.ContainsKey(p)))
{
    Note("missing", $"old province {p} has no commune in the conversion table");
}

// ---------------------------------------------------------------- write the compact TSV
var sb = new StringBuilder();
sb.Append("# Ktxh.Indicators built-in administrative units of Viet Nam (generated by tools/AdminUnitsData; do not edit).\n");
sb.Append("# Sources: code table of administrative units in force on 2025-01-04 (statistics office) and the conversion table of the\n");
sb.Append("# reform effective 2025-07-01 (Resolution 202/2025/QH15; codes per Decision 19/2025/QD-TTg).\n");
sb.Append("# Lines: O <date> = units valid until <date> (exclusive) follow; N <date> = units valid from <date> follow;\n");
sb.Append("# P code name [old province codes]; D code name; C code name [english name | predecessors]; X code name district = old commune known only from the conversion table.\n");
sb.Append("# Predecessor token: code + kind (W whole merge, P part, U unchanged, R rename, T type change) + scope (a part of area, n part of population, q part of area and all population)\n");
sb.Append("#   + optional '=code as printed in the source' + optional '!index of a detail line'. K index text = detail (the source's note, verbatim).\n");
var details = new List<string>();
sb.Append("O\t2025-07-01\n");
foreach (var p in provinces)
{
    sb.Append("P\t").Append(p.Key).Append('\t').Append(p.Value).Append('\n');
    foreach (var d in districts.Where(d => d.Value.Province == p.Key))
    {
        sb.Append("D\t").Append(d.Key).Append('\t').Append(d.Value.Name).Append('\n');
        foreach (var c in communes.Where(c => c.Value.District == d.Key))
        {
            sb.Append("C\t").Append(c.Key).Append('\t').Append(c.Value.Name);
            if (c.Value.NameEn is not null)
            {
                sb.Append('\t').Append(c.Value.NameEn);
            }

            sb.Append('\n');
        }
    }
}

foreach (var x in conversionOnly)
{
    sb.Append("X\t").Append(x.Key).Append('\t').Append(x.Value.Name).Append('\t').Append(x.Value.District).Append('\n');
}

sb.Append("N\t2025-07-01\n");
foreach (var p in newProvinceNames)
{
    var olds = provinceMap.Where(m => m.Value.Contains(p.Key)).Select(m => m.Key);
    sb.Append("P\t").Append(p.Key).Append('\t').Append(p.Value).Append('\t').Append(string.Join(' ', olds)).Append('\n');
    foreach (var nc in newCommunes.Values.Where(n => n.Province == p.Key))
    {
        sb.Append("C\t").Append(nc.Code).Append('\t').Append(nc.Name).Append('\t');
        bool first = true;
        foreach (Pred pr in nc.Predecessors)
        {
            if (!first)
            {
                sb.Append(' ');
            }

            first = false;
            sb.Append(pr.Code).Append(pr.Kind);
            if (pr.Scope != ' ')
            {
                sb.Append(pr.Scope);
            }

            if (pr.SourceCode is not null)
            {
                sb.Append('=').Append(pr.SourceCode);
            }

            if (pr.Detail is not null)
            {
                sb.Append('!').Append(details.Count.ToString(CultureInfo.InvariantCulture));
                details.Add(pr.Detail);
            }
        }

        sb.Append('\n');
    }
}

for (int i = 0; i < details.Count; i++)
{
    sb.Append("K\t").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(details[i]).Append('\n');
}

File.WriteAllText(args[1], sb.ToString(), new UTF8Encoding(false));

// ---------------------------------------------------------------- the anomaly report
var md = new StringBuilder();
md.Append("# Anomalies found in the official administrative-unit tables\n\n");
md.Append("Generated by `tools/AdminUnitsData` (do not edit by hand). See `docs/admin-units.md` for how the built-in data is derived.\n\n");
md.Append("## Counts\n\n");
md.Append($"- Code table of 2025-01-04: {provinces.Count} provinces, {districts.Count} districts ({districts.Count(d => !communes.Values.Any(c => c.District == d.Key))} of them island districts without communes), {communes.Count} communes ");
md.Append($"({communes.Values.Count(c => Text.CommuneTypeLetter(c.Name) == "X")} xã, {communes.Values.Count(c => Text.CommuneTypeLetter(c.Name) == "P")} phường, {communes.Values.Count(c => Text.CommuneTypeLetter(c.Name) == "T")} thị trấn), {communes.Values.Count(c => c.NameEn is not null)} with an English name.\n");
md.Append($"- Conversion table of 2025-07-01: {rows.Count} data lines, {newProvinceNames.Count} new provinces, {newCommunes.Count} new communes ");
md.Append($"({newCommunes.Values.Count(c => Text.NewTypeLetter(c.Name) == 'X')} xã, {newCommunes.Values.Count(c => Text.NewTypeLetter(c.Name) == 'P')} phường, {newCommunes.Values.Count(c => Text.NewTypeLetter(c.Name) == 'D')} đặc khu), ");
md.Append($"{newCommunes.Values.Sum(n => n.Predecessors.Count)} successions.\n");
int nonNfcOld = oldRows.Sum(r => r.Count(c => !c.IsNormalized(NormalizationForm.FormC)));
int nonNfcConv = convRows.Sum(r => r.Count(c => !c.IsNormalized(NormalizationForm.FormC)));
md.Append($"- Cells not in Unicode NFC (normalised on the way in): code table {nonNfcOld}, conversion table {nonNfcConv}.\n");
md.Append($"- Old names that differ from the code table only in tone-mark placement or case (e.g. Hoà/Hòa): {nameMismatchTone}; otherwise: {nameMismatchOther} (listed below).\n");
foreach (var g in anomalies.GroupBy(a => a.Section))
{
    md.Append("\n## ").Append(g.Key switch
    {
        "old" => "Code table (2025-01-04)",
        "old-names" => "Code table: spelling",
        "conversion" => "Conversion table: structure",
        "conversion-names" => "Conversion table: new-unit spelling",
        "codes" => "Codes that disagree between the tables",
        "names" => "Old names that differ between the tables (same code)",
        "missing" => "Old units missing from the conversion table",
        "consistency" => "Consistency of the successions",
        _ => g.Key,
    }).Append($" ({g.Count()})\n\n");
    foreach (var a in g)
    {
        md.Append("- ").Append(a.Text).Append('\n');
    }
}

File.WriteAllText(args[2], md.ToString(), new UTF8Encoding(false));
Console.WriteLine($"old: {provinces.Count} provinces, {districts.Count} districts, {communes.Count} communes; new: {newProvinceNames.Count} provinces, {newCommunes.Count} communes; {anomalies.Count} anomalies; {new FileInfo(args[1]).Length} bytes");
return 0;

internal sealed record ConvRow(int Line, string NewProvince, string NewProvinceName, string NewCode, string NewName, string OldCode,
    string OldName, string Note, string OldDistrict, string OldProvince, string OldProvinceCell);

internal sealed record Pred(string Code, char Kind, char Scope, string? SourceCode, string? Detail, int Line);

internal sealed class NewCommune(string code, string name, string province, string provinceName)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public string Province { get; } = province;
    public string ProvinceName { get; } = provinceName;
    public List<Pred> Predecessors { get; } = new();
}

internal static class Text
{
    private static readonly Regex Spaces = new(@"\s+");

    /// <summary>NFC, white space collapsed and trimmed; says whether anything but NFC changed.</summary>
    public static string Clean(string s, out bool changed)
    {
        string nfc = s.Normalize(NormalizationForm.FormC);
        string clean = Spaces.Replace(nfc, " ").Trim();
        changed = clean != nfc;
        return clean;
    }

    public static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) });
        }

        return Spaces.Replace(sb.ToString(), " ").Trim();
    }

    public static string CommuneTypeLetter(string name) => Fold(name) switch
    {
        var f when f.StartsWith("xa ", StringComparison.Ordinal) => "X",
        var f when f.StartsWith("phuong ", StringComparison.Ordinal) => "P",
        var f when f.StartsWith("thi tran ", StringComparison.Ordinal) => "T",
        _ => "?",
    };

    public static char NewTypeLetter(string name) => name.StartsWith("Xã ", StringComparison.Ordinal) ? 'X'
        : name.StartsWith("Phường ", StringComparison.Ordinal) ? 'P' : name.StartsWith("Đặc khu ", StringComparison.Ordinal) ? 'D' : '?';

    /// <summary>Kind letter, scope letter and whether the note is one of the table's standard phrases.</summary>
    public static (char Kind, char Scope, bool Standard) Classify(string note)
    {
        string f = Fold(note);
        string[] standard = ["Nhập toàn bộ", "Nhập một phần", "Giữ nguyên", "Đổi tên", "Đổi loại hình", "Nhập một phần diện tích",
            "Nhập một phần dân số", "Nhập một phần diện tích, toàn bộ dân số"];
        bool std = standard.Contains(note, StringComparer.Ordinal);
        if (f.Contains("mot phan", StringComparison.Ordinal) || f.Contains("phan con lai", StringComparison.Ordinal))
        {
            char scope = f.Contains("mot phan dien tich, toan bo dan so", StringComparison.Ordinal) ? 'q'
                : f.Contains("mot phan dien tich", StringComparison.Ordinal) ? 'a'
                : f.Contains("mot phan dan so", StringComparison.Ordinal) ? 'n' : ' ';
            return ('P', scope, std);
        }

        if (f.Contains("sap xep toan bo xa ", StringComparison.Ordinal))
        {
            return ('T', ' ', false);
        }

        if (f.Contains("nhap toan bo dien tich", StringComparison.Ordinal))
        {
            // Whole area but not the whole population (the population is split elsewhere): a part transfer for people.
            return ('P', ' ', false);
        }

        if (f.Contains("nhap toan bo", StringComparison.Ordinal) || f.Contains("sap xep toan bo", StringComparison.Ordinal))
        {
            return ('W', ' ', std);
        }

        if (f.StartsWith("giu nguyen", StringComparison.Ordinal))
        {
            return ('U', ' ', std);
        }

        if (f.StartsWith("doi ten", StringComparison.Ordinal))
        {
            return ('R', ' ', std);
        }

        if (f.StartsWith("doi loai hinh", StringComparison.Ordinal))
        {
            return ('T', ' ', std);
        }

        throw new InvalidOperationException($"Unknown note '{note}'");
    }
}

internal static class Csv
{
    private static readonly Dictionary<List<string[]>, List<int>> Lines = new();

    /// <summary>Reads an RFC 4180 CSV file (quoted fields may hold commas and line breaks).</summary>
    public static List<string[]> Read(string path)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        var rows = new List<string[]>();
        var lineStarts = new List<int>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        int line = 1, rowLine = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                rows.Add(fields.ToArray());
                lineStarts.Add(rowLine);
                fields.Clear();
                line++;
                rowLine = line;
            }
            else if (ch != '\uFEFF')
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(fields.ToArray());
            lineStarts.Add(rowLine);
        }

        Lines[rows] = lineStarts;
        return rows;
    }

    /// <summary>The 1-based physical line on which a row starts.</summary>
    public static int LineOf(List<string[]> rows, int index) => Lines[rows][index];
}

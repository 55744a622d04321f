using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh units</c>: administrative units of Viet Nam before and after the 2025-07-01 reform, and the official successions.
/// <c>map --from &lt;old code&gt;</c>, <c>show &lt;code&gt;</c>, <c>list --province &lt;code&gt;</c>, <c>search &lt;text&gt;</c>;
/// <c>--as-of &lt;yyyy-MM-dd&gt;</c> (default: today in Asia/Ho_Chi_Minh) and <c>--json</c> on each.
/// </summary>
internal sealed class UnitsCommand(CliContext cli)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Command Create()
    {
        var command = new Command("units", "Administrative units (before/after 2025-07-01) and their successions / Đơn vị hành chính và kế thừa.");
        command.Subcommands.Add(Map());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Search());
        return command;
    }

    private Option<string?> AsOfOption() => new("--as-of") { Description = "Date yyyy-MM-dd (default: today, Asia/Ho_Chi_Minh)." };

    private Option<bool> JsonOption() => new("--json") { Description = "Write JSON." };

    private Command Map()
    {
        var from = new Option<string>("--from") { Description = "Old unit code (commune, island district or province).", Required = true };
        Option<string?> asOf = AsOfOption();
        Option<bool> json = JsonOption();
        var command = new Command("map", "Where an old unit went, with shares or flags / Đơn vị cũ đã chuyển về đâu.") { from, asOf, json };
        command.SetAction(parse =>
        {
            if (!TryDate(parse.GetValue(asOf), out LocalDate date))
            {
                return 2;
            }

            ReportingUnitDirectory vn = cli.Get<ReportingUnitDirectory>();
            ForwardMapping m = vn.Successions.MapForward(parse.GetValue(from)!, date);
            ReportingUnit? province = vn.Successions.MapForwardToProvince(m.ResolvedCode, date);
            ReportingUnit? old = vn.VersionsOf(m.ResolvedCode).FirstOrDefault();
            if (parse.GetValue(json))
            {
                Write(new
                {
                    code = m.Code,
                    resolvedCode = m.ResolvedCode,
                    name = old?.NameVi ?? m.Targets.FirstOrDefault()?.Path.FirstOrDefault()?.FromName,
                    asOf = Iso(date),
                    status = m.Status.ToString(),
                    complete = m.IsComplete,
                    flag = m.Flag.Length == 0 ? null : m.Flag,
                    province = province is null ? null : new { code = province.Code, name = province.NameVi },
                    targets = m.Targets.Select(t => new
                    {
                        code = t.Code,
                        name = t.NameVi,
                        share = t.Share,
                        shareKnown = t.IsShareKnown,
                        path = t.Path.Select(s => new { from = s.FromCode, to = s.ToCode, kind = s.Kind.ToString(), scope = s.Scope.ToString(), effective = Iso(s.EffectiveDate), detail = s.Detail, printedAs = s.FromCodeAsPrinted }),
                    }),
                });
                return m.Status == ForwardMappingStatus.UnknownCode ? 1 : 0;
            }

            cli.Out.WriteLine($"{m.Code}{(m.ResolvedCode != m.Code ? $" (= {m.ResolvedCode})" : "")} {old?.NameVi} → as of {Iso(date)}: {m.Status}");
            foreach (MappedTarget t in m.Targets)
            {
                string share = t.Share is { } s ? "share " + s.ToString("0.######", CultureInfo.InvariantCulture) : "share unknown";
                string kinds = string.Join(" → ", t.Path.Select(p => p.Kind + (p.Scope is PartTransferScope.NotApplicable or PartTransferScope.Unspecified ? "" : $" ({p.Scope})")));
                cli.Out.WriteLine($"  {t.Code} {t.NameVi}  {share}  {kinds}");
            }

            if (province is not null)
            {
                cli.Out.WriteLine($"  province: {province.Code} {province.NameVi}");
            }

            if (m.Flag.Length > 0)
            {
                cli.Out.WriteLine($"  ! {m.Flag}");
            }

            return m.Status == ForwardMappingStatus.UnknownCode ? 1 : 0;
        });
        return command;
    }

    private Command Show()
    {
        var code = new Argument<string>("code") { Description = "Unit code." };
        Option<string?> asOf = AsOfOption();
        Option<bool> json = JsonOption();
        var command = new Command("show", "A unit as of a date, its parents, children, versions and successions / Thông tin một đơn vị.") { code, asOf, json };
        command.SetAction(parse =>
        {
            if (!TryDate(parse.GetValue(asOf), out LocalDate date))
            {
                return 2;
            }

            ReportingUnitDirectory vn = cli.Get<ReportingUnitDirectory>();
            AdministrativeHierarchy h = vn.AsOf(date);
            string c = parse.GetValue(code)!.Trim();
            ReportingUnit? u = h.Find(c);
            IReadOnlyList<ReportingUnit> versions = vn.VersionsOf(c);
            if (u is null && versions.Count == 0)
            {
                cli.Error.WriteLine($"Không có đơn vị mã '{CliText.Shorten(c)}' / No unit with code '{CliText.Shorten(c)}'.");
                return 1;
            }

            var backward = vn.Successions.MapBackward(c).Where(s => u is null || u.IsValidOn(s.EffectiveDate)).ToArray();
            var forward = vn.Successions.From(c).Where(s => u is null || u.IsValidOn(s.EffectiveDate.PlusDays(-1))).ToArray();
            if (parse.GetValue(json))
            {
                Write(new
                {
                    asOf = Iso(date),
                    unit = u is null ? null : Describe(u),
                    ancestors = u is null ? null : h.AncestorsOf(c).Select(Describe),
                    children = u is null ? 0 : h.ChildrenOf(c).Count,
                    versions = versions.Select(Describe),
                    formedFrom = backward.Select(s => new { code = s.FromCode, name = s.FromName, kind = s.Kind.ToString(), share = s.Share, effective = Iso(s.EffectiveDate) }),
                    wentTo = forward.Select(s => new { code = s.ToCode, kind = s.Kind.ToString(), share = s.Share, effective = Iso(s.EffectiveDate) }),
                });
                return 0;
            }

            cli.Out.WriteLine(u is null ? $"{c}: not in force on {Iso(date)}" : $"{u.Code} {u.NameVi} ({u.Kind}{(u.CommuneType != CommuneType.None ? ", " + u.CommuneType : "")}) as of {Iso(date)}");
            if (u is not null)
            {
                cli.Out.WriteLine("  in: " + string.Join(" < ", h.AncestorsOf(c).Select(a => $"{a.Code} {a.NameVi}")));
                cli.Out.WriteLine($"  children: {h.ChildrenOf(c).Count}");
            }

            foreach (ReportingUnit v in versions)
            {
                cli.Out.WriteLine($"  version {v.Id}: {v.NameVi} [{(v.ValidFrom is { } f ? Iso(f) : "…")}, {(v.ValidTo is { } t ? Iso(t) : "…")})");
            }

            foreach (Succession s in backward)
            {
                cli.Out.WriteLine($"  formed from {s.FromCode} {s.FromName}: {s.Kind}{(s.Share is null ? ", share unknown" : "")}");
            }

            foreach (Succession s in forward)
            {
                cli.Out.WriteLine($"  went to {s.ToCode} on {Iso(s.EffectiveDate)}: {s.Kind}{(s.Share is null ? ", share unknown" : "")}");
            }

            return 0;
        });
        return command;
    }

    private Command List()
    {
        var province = new Option<string>("--province") { Description = "Province code.", Required = true };
        Option<string?> asOf = AsOfOption();
        Option<bool> json = JsonOption();
        var command = new Command("list", "The communes of a province as of a date / Danh sách xã, phường của một tỉnh.") { province, asOf, json };
        command.SetAction(parse =>
        {
            if (!TryDate(parse.GetValue(asOf), out LocalDate date))
            {
                return 2;
            }

            AdministrativeHierarchy h = cli.Get<ReportingUnitDirectory>().AsOf(date);
            ReportingUnit? p = h.Find(parse.GetValue(province));
            if (p is null || p.Kind != ReportingUnitKind.Province)
            {
                // An option naming nothing is invalid input (2), as --agency of catalogue show.
                string shown = CliText.Shorten(parse.GetValue(province));
                cli.Error.WriteLine($"--province: không có tỉnh mã '{shown}' ngày {Iso(date)} / --province: no province with code '{shown}' on {Iso(date)}.");
                return KtxhCli.InvalidInput;
            }

            IReadOnlyList<ReportingUnit> communes = h.CommunesOf(p.Code);
            if (parse.GetValue(json))
            {
                Write(new { asOf = Iso(date), province = Describe(p), count = communes.Count, communes = communes.Select(Describe) });
                return 0;
            }

            cli.Out.WriteLine($"{p.Code} {p.NameVi} as of {Iso(date)}: {communes.Count} communes");
            foreach (ReportingUnit c in communes)
            {
                cli.Out.WriteLine(h.HasDistricts ? $"  {c.Code}  {c.NameVi}  ({h.ParentOf(c.Code)?.NameVi})" : $"  {c.Code}  {c.NameVi}");
            }

            return 0;
        });
        return command;
    }

    private Command Search()
    {
        var text = new Argument<string>("text") { Description = "Name to look for (diacritics and case ignored)." };
        Option<string?> asOf = AsOfOption();
        Option<bool> json = JsonOption();
        var command = new Command("search", "Find units by name / Tìm đơn vị theo tên.") { text, asOf, json };
        command.SetAction(parse =>
        {
            if (!TryDate(parse.GetValue(asOf), out LocalDate date))
            {
                return 2;
            }

            AdministrativeHierarchy h = cli.Get<ReportingUnitDirectory>().AsOf(date);
            IReadOnlyList<ReportingUnit> hits = h.Search(parse.GetValue(text)!);
            if (parse.GetValue(json))
            {
                Write(hits.Select(u => new { unit = Describe(u), province = h.ProvinceOf(u.Code)?.NameVi }));
                return 0;
            }

            foreach (ReportingUnit u in hits)
            {
                cli.Out.WriteLine($"{u.Code}  {u.NameVi}  ({u.Kind}{(h.ProvinceOf(u.Code) is { } p && p != u ? ", " + p.NameVi : "")})");
            }

            return hits.Count == 0 ? 1 : 0;
        });
        return command;
    }

    private object Describe(ReportingUnit u) => new
    {
        id = u.Id.ToString(),
        code = u.Code,
        name = u.NameVi,
        nameEn = u.NameEn,
        kind = u.Kind.ToString(),
        communeType = u.CommuneType == CommuneType.None ? null : u.CommuneType.ToString(),
        parent = u.ParentCode,
        validFrom = u.ValidFrom is { } f ? Iso(f) : null,
        validTo = u.ValidTo is { } t ? Iso(t) : null,
    };

    private bool TryDate(string? text, out LocalDate date)
    {
        if (text is null)
        {
            // Not given: today. The CLI is a host: it may read the system clock (the libraries never do).
            date = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date;
            return true;
        }

        // A blank date is an error, not "today"; year 0 (1 BC to NodaTime) is no date of any hierarchy (issue 8 §4).
        ParseResult<LocalDate> r = LocalDatePattern.Iso.Parse(text.Trim());
        bool ok = r.Success && r.Value.Year >= 1;
        date = ok ? r.Value : default;
        if (!ok)
        {
            string shown = CliText.Shorten(text);
            cli.Error.WriteLine($"--as-of: ngày không hợp lệ '{shown}' (cần yyyy-MM-dd, năm 0001–9999) / --as-of: invalid date '{shown}' (expected yyyy-MM-dd, year 0001–9999).");
        }

        return ok;
    }

    private string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);

    private void Write<T>(T value) => cli.Out.WriteLine(JsonSerializer.Serialize(value, Json));
}

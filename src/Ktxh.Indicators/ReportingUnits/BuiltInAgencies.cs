using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// The reporting agencies of the built-in catalogue (<c>builtin-agencies.tsv</c>, from the appendix of the Hà Nam IOC
/// indicator list, seed document "004-ha-nam-ioc-indicator-list.txt") as units of every province, and the 2025
/// restructuring of the provincial departments (sở) as successions.
/// </summary>
/// <remarks>
/// <para>Code scheme: <c>{province code}.{agency code}</c>, e.g. <c>01.STC</c> (Sở Tài chính of Hà Nội), <c>24.CTK</c>
/// (the statistics office of Bắc Ninh). A province code names a different province before and after 1 July 2025 (new
/// Bắc Ninh is 24, old Bắc Giang's code), so an agency code, like a commune code, identifies a unit only with a date.
/// An agency exists in a province version for as long as both exist: the old provinces' agencies end on 2025-07-01 and
/// pass whole to the same agency of the province that succeeded theirs (as the province did: merge or unchanged).</para>
/// <para>The restructuring (Nghị định 45/2025/NĐ-CP ngày 28/02/2025 quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban
/// nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh, thành
/// phố thuộc thành phố trực thuộc trung ương): the departments organised in every province are Nội vụ, Tư pháp, Tài
/// chính, Công Thương, Nông nghiệp và Môi trường, Xây dựng, Khoa học và Công nghệ, Văn hóa Thể thao và Du lịch, Giáo dục
/// và Đào tạo, Y tế, the provincial inspectorate and the office of the people's committee. So Sở Kế hoạch và Đầu tư
/// merged into Sở Tài chính, Sở Giao thông vận tải into Sở Xây dựng, Sở Nông nghiệp và Phát triển nông thôn and Sở Tài
/// nguyên và Môi trường into the new Sở Nông nghiệp và Môi trường; Sở Lao động - Thương binh và Xã hội and Sở Thông tin
/// và Truyền thông were split (part transfers, no share). Each province set up its departments by its own resolution,
/// most from 1 March 2025; the built-in data use 2025-03-01 for every province (a modelling choice; a host that knows
/// another date builds its own directory).</para>
/// <para>Not modelled: the 2025 reorganisation of the central agencies' provincial offices (statistics, tax, treasury,
/// customs, social insurance) into regional offices; they keep their catalogue names and codes in every province.</para>
/// </remarks>
internal static class BuiltInAgencies
{
    /// <summary>The day the merged departments are taken to begin.</summary>
    public static readonly LocalDate RestructuringDate = new(2025, 3, 1);

    /// <summary>The source recorded on the restructuring successions.</summary>
    public const string RestructuringSource =
        "Nghị định 45/2025/NĐ-CP ngày 28/02/2025 (tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh, cấp huyện) / Decree 45/2025/ND-CP of 28 February 2025 (specialised agencies of provincial and district people's committees)";

    /// <summary>The source recorded on the successions that follow the provinces on 2025-07-01.</summary>
    public const string ProvinceChangeSource =
        "Theo tỉnh kế thừa (Nghị quyết 202/2025/QH15) / Follows the province's succession (Resolution 202/2025/QH15)";

    // Records, not value tuples, throughout: collections and tuples of structs are code the JIT compiles at every start
    // (ReadyToRun cannot hold it), and this runs when the built-in directory loads at the start of the CLI.

    /// <summary>Departments named by the restructuring that are not reporting agencies of the catalogue.</summary>
    private static readonly AgencyName[] Extra =
    [
        new("SNV", "Sở Nội vụ", "Department of Home Affairs"),
        new("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology"),
        new("STT", "Sở Thông tin và Truyền thông", "Department of Information and Communications"),
        new("SNNMT", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment"),
    ];

    /// <summary>Departments that ceased on <see cref="RestructuringDate"/>.</summary>
    private static readonly HashSet<string> Ended = new(StringComparer.Ordinal) { "SKH", "SGT", "SLD", "SNN", "STN", "STT" };

    /// <summary>Departments created on <see cref="RestructuringDate"/>.</summary>
    private static readonly HashSet<string> Created = new(StringComparer.Ordinal) { "SNNMT" };

    /// <summary>The restructuring within each province (old department → department, kind, what moved).</summary>
    internal static readonly Change[] Restructuring =
    [
        new("SKH", "STC", SuccessionKind.Merge, "Hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính"),
        new("SGT", "SXD", SuccessionKind.Merge, "Hợp nhất Sở Giao thông vận tải vào Sở Xây dựng"),
        new("SNN", "SNNMT", SuccessionKind.Merge, "Hợp nhất Sở Nông nghiệp và Phát triển nông thôn và Sở Tài nguyên và Môi trường thành Sở Nông nghiệp và Môi trường"),
        new("STN", "SNNMT", SuccessionKind.Merge, "Hợp nhất Sở Nông nghiệp và Phát triển nông thôn và Sở Tài nguyên và Môi trường thành Sở Nông nghiệp và Môi trường"),
        new("SLD", "SNV", SuccessionKind.PartTransfer, "Sở Nội vụ nhận lao động, việc làm, người có công và các lĩnh vực còn lại của Sở Lao động - Thương binh và Xã hội"),
        new("SLD", "SYT", SuccessionKind.PartTransfer, "Sở Y tế nhận bảo trợ xã hội, trẻ em, phòng chống tệ nạn xã hội"),
        new("SLD", "SGD", SuccessionKind.PartTransfer, "Sở Giáo dục và Đào tạo nhận giáo dục nghề nghiệp"),
        new("SLD", "SNNMT", SuccessionKind.PartTransfer, "Sở Nông nghiệp và Môi trường nhận giảm nghèo"),
        new("STT", "SKHCN", SuccessionKind.PartTransfer, "Hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ, trừ báo chí, xuất bản"),
        new("STT", "SVH", SuccessionKind.PartTransfer, "Sở Văn hóa, Thể thao và Du lịch nhận báo chí, xuất bản"),
    ];

    /// <summary>Every agency: the catalogue's (code, Vietnamese and English names), then the extra departments; each code once, the first kept.</summary>
    internal static IReadOnlyList<AgencyName> All => LazyAll.Value;

    private static readonly Lazy<AgencyName[]> LazyAll = new(() =>
    {
        var all = new List<AgencyName>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Agency a in BuiltInCatalogue.ReadAgencies())
        {
            if (seen.Add(a.Code))
            {
                all.Add(new AgencyName(a.Code, a.NameVi, a.NameEn ?? a.NameVi));
            }
        }

        foreach (AgencyName a in Extra)
        {
            if (seen.Add(a.Code))
            {
                all.Add(a);
            }
        }

        return all.ToArray();
    });

    /// <summary>Adds every agency to every province version, and the successions.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provinces">Every province version.</param>
    /// <param name="successions">The successions already added (the provinces' are followed).</param>
    internal static void AddTo(ReportingUnitDirectoryBuilder builder, IReadOnlyList<ReportingUnit> provinces, IReadOnlyList<Succession> successions)
    {
        var byCode = new Dictionary<string, List<ReportingUnit>>(StringComparer.Ordinal);
        foreach (ReportingUnit p in provinces)
        {
            if (!byCode.TryGetValue(p.Code, out List<ReportingUnit>? versions))
            {
                byCode[p.Code] = versions = [];
            }

            versions.Add(p);
        }

        var live = new Dictionary<string, List<Validity>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (AgencyName a in All)
        {
            names.Add(a.Code, a.NameVi);
        }

        foreach (ReportingUnit p in provinces)
        {
            foreach (AgencyName a in All)
            {
                // The first and last-plus-one day of an agency of that code in any province.
                LocalDate? from = Created.Contains(a.Code) ? RestructuringDate : null;
                LocalDate? to = Ended.Contains(a.Code) ? RestructuringDate : null;
                LocalDate? start = Later(p.ValidFrom, from);
                LocalDate? end = Earlier(p.ValidTo, to);
                if (start is { } s && end is { } e && s >= e)
                {
                    continue;
                }

                string code = Code(p.Code, a.Code);
                builder.Add(code, a.NameVi, ReportingUnitKind.Agency, p.Code, start, end, CommuneType.None, a.NameEn);
                if (!live.TryGetValue(code, out List<Validity>? list))
                {
                    live[code] = list = [];
                }

                list.Add(new Validity(start, end));
            }
        }

        // The restructuring, inside every province in force across it.
        foreach (ReportingUnit p in provinces)
        {
            if (!p.IsValidOn(RestructuringDate.PlusDays(-1)) || !p.IsValidOn(RestructuringDate))
            {
                continue;
            }

            foreach (Change c in Restructuring)
            {
                builder.AddSuccession(new Succession(Code(p.Code, c.From), ReportingUnitKind.Agency, names[c.From], Code(p.Code, c.To), c.Kind,
                    RestructuringDate, c.Kind == SuccessionKind.PartTransfer ? null : 1m,
                    c.Kind == SuccessionKind.PartTransfer ? PartTransferScope.Unspecified : PartTransferScope.NotApplicable,
                    RestructuringSource, c.Detail));
            }
        }

        // Every agency follows its province: old province's agency → the same agency of the province that succeeded it.
        foreach (Succession s in successions)
        {
            if (s.FromKind != ReportingUnitKind.Province || !s.IsWhole)
            {
                continue;
            }

            LocalDate before = s.EffectiveDate.PlusDays(-1);
            if (!AnyValidOn(byCode, s.FromCode, before) || !AnyValidOn(byCode, s.ToCode, s.EffectiveDate))
            {
                continue;
            }

            foreach (AgencyName a in All)
            {
                string fromCode = Code(s.FromCode, a.Code);
                string toCode = Code(s.ToCode, a.Code);
                if (Covers(live, fromCode, before) && Covers(live, toCode, s.EffectiveDate))
                {
                    builder.AddSuccession(new Succession(fromCode, ReportingUnitKind.Agency, a.NameVi, toCode, s.Kind, s.EffectiveDate, 1m,
                        PartTransferScope.NotApplicable, ProvinceChangeSource));
                }
            }
        }
    }

    /// <summary>The reporting-unit code of an agency of a province: <c>{province}.{agency}</c>.</summary>
    internal static string Code(string province, string agency) => province + "." + agency;

    private static bool AnyValidOn(Dictionary<string, List<ReportingUnit>> byCode, string code, LocalDate day)
    {
        if (byCode.TryGetValue(code, out List<ReportingUnit>? versions))
        {
            foreach (ReportingUnit v in versions)
            {
                if (v.IsValidOn(day))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Covers(Dictionary<string, List<Validity>> live, string code, LocalDate day)
    {
        if (live.TryGetValue(code, out List<Validity>? list))
        {
            foreach (Validity v in list)
            {
                if ((v.From is not { } f || f <= day) && (v.To is not { } t || day < t))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static LocalDate? Earlier(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>An agency's code and names (the English name is the Vietnamese one where the source has none).</summary>
    internal sealed record AgencyName(string Code, string NameVi, string NameEn);

    /// <summary>One change of the restructuring: old department → department, kind, what moved.</summary>
    internal sealed record Change(string From, string To, SuccessionKind Kind, string Detail);

    private sealed record Validity(LocalDate? From, LocalDate? To);
}

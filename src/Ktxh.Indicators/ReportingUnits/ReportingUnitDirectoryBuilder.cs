using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// Builds a <see cref="ReportingUnitDirectory"/>: add units, agencies and successions, then <see cref="Build"/>, which
/// checks everything and returns every problem found (nothing is built unless all of it is valid).
/// </summary>
/// <remarks>
/// Not thread-safe: use one builder from one thread. The directory it builds is immutable and thread-safe.
/// Rules checked by <see cref="Build"/>: codes and names present; ValidFrom &lt; ValidTo; no two versions of one code
/// overlap in time; every unit's parent exists throughout the unit's validity and sits one level up (province under
/// the nation; district and agency under a province; commune under a district or a province); one nation at a time;
/// every succession joins an old unit valid the day before its effective date (or one known only by name) to a new
/// unit valid on that date, with a share in (0, 1] (exactly 1 for whole changes).
/// </remarks>
public sealed class ReportingUnitDirectoryBuilder
{
    private readonly List<ReportingUnit> _units = new();
    // A class, not a value tuple: a list of a struct from another assembly is code the JIT compiles at every start
    // (ReadyToRun cannot hold it), and the built-in directory is loaded at the start of the CLI.
    private readonly List<PendingUnit> _pending = new();
    private readonly List<Succession> _successions = new();

    internal ReportingUnitDirectoryBuilder()
    {
    }

    /// <summary>Adds a unit version.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public ReportingUnitDirectoryBuilder Add(ReportingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        _units.Add(unit);
        return this;
    }

    /// <summary>Adds a unit version from its parts; invalid parts are reported by <see cref="Build"/>, not thrown.</summary>
    /// <param name="code">The code.</param>
    /// <param name="nameVi">The Vietnamese name.</param>
    /// <param name="kind">The level.</param>
    /// <param name="parentCode">The parent's code (<see langword="null"/> for the nation).</param>
    /// <param name="validFrom">First day of validity, or <see langword="null"/>.</param>
    /// <param name="validTo">First day no longer valid (exclusive), or <see langword="null"/>.</param>
    /// <param name="communeType">The commune sub-type for communes.</param>
    /// <param name="nameEn">An English name.</param>
    /// <returns>This builder.</returns>
    public ReportingUnitDirectoryBuilder Add(string code, string nameVi, ReportingUnitKind kind, string? parentCode,
        LocalDate? validFrom = null, LocalDate? validTo = null, CommuneType communeType = CommuneType.None, string? nameEn = null)
    {
        _pending.Add(new PendingUnit(code, nameVi, kind, parentCode, validFrom, validTo, communeType, nameEn));
        return this;
    }

    /// <summary>
    /// Registers an agency (a sở, ban, ngành, or a central agency's office in the province) that reports at province
    /// level, so that roll-ups can run communes → province → nation and agencies → province.
    /// </summary>
    /// <param name="code">The agency's code (free form, unique among the units valid at the same time, e.g. "01.STC").</param>
    /// <param name="nameVi">The Vietnamese name, e.g. "Sở Tài chính".</param>
    /// <param name="provinceCode">The province it reports to.</param>
    /// <param name="validFrom">First day of validity. Give it when registering under a province created on
    /// 2025-07-01: province codes were reused (new Bắc Ninh is 24, the old Bắc Giang's code).</param>
    /// <param name="validTo">First day no longer valid (exclusive), or <see langword="null"/>.</param>
    /// <param name="nameEn">An English name.</param>
    /// <returns>This builder.</returns>
    public ReportingUnitDirectoryBuilder AddAgency(string code, string nameVi, string provinceCode, LocalDate? validFrom = null,
        LocalDate? validTo = null, string? nameEn = null) =>
        Add(code, nameVi, ReportingUnitKind.Agency, provinceCode, validFrom, validTo, CommuneType.None, nameEn);

    /// <summary>
    /// Adds the reporting agencies of the built-in catalogue (statistics office, departments, tax, treasury, customs…)
    /// to every province version added so far, coded <c>{province}.{agency}</c> (e.g. <c>01.STC</c>), with the 2025
    /// restructuring of the provincial departments (Nghị định 45/2025/NĐ-CP: Kế hoạch và Đầu tư into Tài chính, Giao
    /// thông vận tải into Xây dựng, Nông nghiệp và PTNT with Tài nguyên và Môi trường into Nông nghiệp và Môi trường,
    /// Lao động - Thương binh và Xã hội and Thông tin và Truyền thông split) as successions on 2025-03-01, and, where a
    /// province was succeeded, a succession from each of its agencies to the same agency of the successor. Call it after
    /// the provinces and their successions. <see cref="ReportingUnitDirectory.Vietnam"/> already holds them.
    /// See docs/admin-units.md, "Agencies".
    /// </summary>
    /// <returns>This builder.</returns>
    public ReportingUnitDirectoryBuilder AddBuiltInAgencies()
    {
        var provinces = _units.Where(u => u.Kind == ReportingUnitKind.Province).ToList();
        foreach (PendingUnit p in _pending)
        {
            if (p.Kind == ReportingUnitKind.Province && ReportingUnit.Validate(p.Code, p.Name, p.Kind, p.Parent, p.From, p.To, p.Type) is null)
            {
                provinces.Add(new ReportingUnit(p.Code, p.Name, p.Kind, p.Parent, p.From, p.To, p.Type, p.NameEn));
            }
        }

        BuiltInAgencies.AddTo(this, provinces, _successions.ToArray());
        return this;
    }

    /// <summary>Adds a succession.</summary>
    /// <param name="succession">The succession.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="succession"/> is null.</exception>
    public ReportingUnitDirectoryBuilder AddSuccession(Succession succession)
    {
        ArgumentNullException.ThrowIfNull(succession);
        _successions.Add(succession);
        return this;
    }

    /// <summary>Checks everything added and builds the directory.</summary>
    /// <returns>The directory.</returns>
    /// <exception cref="KtxhException">Something added is invalid; the exception carries every problem found.</exception>
    public ReportingUnitDirectory Build() => BuildResult().Value;

    /// <summary>Checks everything added and builds the directory, without throwing on bad data.</summary>
    /// <returns>The directory, or every problem found.</returns>
    public KtxhResult<ReportingUnitDirectory> BuildResult()
    {
        var errors = new List<KtxhError>();
        var units = new List<ReportingUnit>(_units.Count + _pending.Count);
        units.AddRange(_units);
        int added = 0;
        foreach (PendingUnit p in _pending)
        {
            added++;
            string? problem = ReportingUnit.Validate(p.Code, p.Name, p.Kind, p.Parent, p.From, p.To, p.Type);
            if (problem is null)
            {
                units.Add(new ReportingUnit(p.Code!, p.Name!, p.Kind, p.Parent, p.From, p.To, p.Type, p.NameEn));
            }
            else
            {
                // A blank code cannot locate the problem: say which Add call it was (its index) instead.
                errors.Add(ReportingUnitsErrors.Split(ReportingUnitsErrorCode.InvalidUnit,
                    string.IsNullOrWhiteSpace(p.Code) ? ErrorLocation.AtIndex(added - 1) : ErrorLocation.AtField(p.Code), problem));
            }
        }

        var byCode = new Dictionary<string, List<ReportingUnit>>(StringComparer.Ordinal);
        foreach (ReportingUnit u in units)
        {
            if (!byCode.TryGetValue(u.Code, out List<ReportingUnit>? list))
            {
                byCode[u.Code] = list = new List<ReportingUnit>(1);
            }

            foreach (ReportingUnit other in list)
            {
                if (other.Overlaps(u.ValidFrom, u.ValidTo))
                {
                    errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.OverlappingValidity, u.Id.ToString(),
                        $"hiệu lực trùng với phiên bản {other.Id} của cùng mã ({other.NameVi})",
                        $"validity overlaps version {other.Id} of the same code ({other.NameVi})"));
                }
            }

            list.Add(u);
        }

        LocalDate[] boundaries = ReportingUnitDirectory.EraBoundaries(units);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (int era = 0; era <= boundaries.Length; era++)
        {
            LocalDate day = ReportingUnitDirectory.RepresentativeDay(boundaries, era);
            var live = new Dictionary<string, ReportingUnit>(StringComparer.Ordinal);
            int nations = 0;
            foreach (ReportingUnit u in units)
            {
                if (u.IsValidOn(day))
                {
                    live.TryAdd(u.Code, u);
                    nations += u.Kind == ReportingUnitKind.Nation ? 1 : 0;
                }
            }

            if (nations > 1)
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.MoreThanOneNation, day.ToString("yyyy-MM-dd", null), "có hơn một đơn vị cấp quốc gia", "more than one nation is in force"));
            }

            foreach (ReportingUnit u in live.Values)
            {
                if (u.ParentCode is not { } pc)
                {
                    continue;
                }

                string? problemVi = null, problemEn = null;
                if (!live.TryGetValue(pc, out ReportingUnit? parent))
                {
                    problemVi = $"đơn vị cấp trên '{pc}' không có hiệu lực ngày {day:yyyy-MM-dd}";
                    problemEn = $"parent '{pc}' is not in force on {day:yyyy-MM-dd}";
                }
                else if (!FitsUnder(u.Kind, parent.Kind))
                {
                    problemVi = $"đơn vị loại {u.Kind} không thể trực thuộc '{pc}' loại {parent.Kind}";
                    problemEn = $"a {u.Kind} cannot sit under '{pc}', a {parent.Kind}";
                }

                if (problemVi is not null && reported.Add(u.Id.ToString()))
                {
                    errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.InvalidParent, u.Id.ToString(), problemVi, problemEn!));
                }
            }
        }

        var seen = new HashSet<(string, string, LocalDate)>();
        foreach (Succession s in _successions)
        {
            string where = $"{s.FromCode} → {s.ToCode} ({s.EffectiveDate:yyyy-MM-dd})";
            if (!seen.Add((s.FromCode, s.ToCode, s.EffectiveDate)))
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.DuplicateSuccession, where, "kế thừa bị lặp", "duplicated succession"));
            }

            if (!AnyValidOn(byCode, s.ToCode, s.EffectiveDate))
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.SuccessionTargetNotInForce, where, $"đơn vị mới '{s.ToCode}' không có hiệu lực vào ngày hiệu lực", $"new unit '{s.ToCode}' is not in force on the effective date"));
            }

            bool fromKnown = AnyValidOn(byCode, s.FromCode, s.EffectiveDate.PlusDays(-1));
            if (!fromKnown && string.IsNullOrWhiteSpace(s.FromName))
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.SuccessionSourceUnknown, where, $"đơn vị cũ '{s.FromCode}' không có hiệu lực trước ngày hiệu lực và không có tên", $"old unit '{s.FromCode}' is not in force the day before and has no name"));
            }

            if (s.Share is { } share && (share <= 0m || share > 1m))
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.InvalidShare, where, $"tỷ lệ {share} ngoài khoảng (0, 1]", $"share {share} outside (0, 1]"));
            }

            if (s.IsWhole && s.Share != 1m)
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.InvalidShare, where, "thay đổi toàn bộ phải có tỷ lệ 1", "a whole change must have share 1"));
            }
        }

        return KtxhResult.FromErrorsOr(errors, () => new ReportingUnitDirectory(units, _successions));
    }

    /// <summary>
    /// Builds the directory without the checks of <see cref="BuildResult"/>, for the built-in data only: its units and
    /// successions are generated, and the tests build the same data through <see cref="BuildResult"/> and compare
    /// (BuiltInDirectoryTests), so the checks run at test time instead of at every start of a process.
    /// </summary>
    internal ReportingUnitDirectory BuildTrusted()
    {
        var units = new ReportingUnit[_units.Count + _pending.Count];
        _units.CopyTo(units);
        int i = _units.Count;
        foreach (PendingUnit p in _pending)
        {
            units[i++] = new ReportingUnit(p.Code, p.Name, p.Kind, p.Parent, p.From, p.To, p.Type, p.NameEn, trusted: true);
        }

        return new ReportingUnitDirectory(units, _successions);
    }

    private static bool AnyValidOn(Dictionary<string, List<ReportingUnit>> byCode, string code, LocalDate day)
    {
        if (byCode.TryGetValue(code, out List<ReportingUnit>? versions))
        {
            foreach (ReportingUnit u in versions)
            {
                if (u.IsValidOn(day))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool FitsUnder(ReportingUnitKind child, ReportingUnitKind parent) => child switch
    {
        ReportingUnitKind.Province => parent == ReportingUnitKind.Nation,
        ReportingUnitKind.District or ReportingUnitKind.Agency => parent == ReportingUnitKind.Province,
        ReportingUnitKind.Commune => parent is ReportingUnitKind.District or ReportingUnitKind.Province,
        _ => false,
    };

    private sealed record PendingUnit(string Code, string Name, ReportingUnitKind Kind, string? Parent, LocalDate? From, LocalDate? To, CommuneType Type, string? NameEn);
}

using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// One version of an administrative or reporting unit: a nation, province, district, commune, or an agency that
/// reports at province level. Immutable.
/// </summary>
/// <remarks>
/// <para>Validity is the half-open interval [<see cref="ValidFrom"/>, <see cref="ValidTo"/>): <see cref="ValidFrom"/>
/// is the first day the version exists, <see cref="ValidTo"/> the first day it no longer exists (exclusive). The old
/// units abolished by the reform of 1 July 2025 have <c>ValidTo = 2025-07-01</c>; the new ones have
/// <c>ValidFrom = 2025-07-01</c>. <see langword="null"/> means open: since before the data's horizon, or still in force.</para>
/// <para>The same code can name different units at different times (a new commune keeps the code of one predecessor):
/// <see cref="Id"/> (code + <see cref="ValidFrom"/>) identifies a version; equality compares every property.</para>
/// <para>Names are stored in Unicode NFC with white space collapsed; the type word stays in the name
/// ("Phường Ba Đình", "Tỉnh Ninh Bình"), as in the official code tables.</para>
/// </remarks>
public sealed record ReportingUnit
{
    /// <summary>Creates a unit version.</summary>
    /// <param name="code">The code (trimmed; 2 digits for a province, 3 for a district, 5 for a commune under QĐ 19/2025/QĐ-TTg; free for nation and agencies).</param>
    /// <param name="nameVi">The Vietnamese name (normalised to NFC, white space collapsed).</param>
    /// <param name="kind">The level.</param>
    /// <param name="parentCode">The parent's code; <see langword="null"/> only for the nation.</param>
    /// <param name="validFrom">First day of validity, or <see langword="null"/> (open).</param>
    /// <param name="validTo">First day no longer valid (exclusive), or <see langword="null"/> (still in force).</param>
    /// <param name="communeType">The commune sub-type; <see cref="CommuneType.None"/> for other kinds.</param>
    /// <param name="nameEn">An English name, if known.</param>
    /// <exception cref="ArgumentException">The code or name is blank, <paramref name="validTo"/> is not after
    /// <paramref name="validFrom"/>, a non-nation has no parent, or the commune type does not fit the kind.</exception>
    public ReportingUnit(string code, string nameVi, ReportingUnitKind kind, string? parentCode, LocalDate? validFrom = null,
        LocalDate? validTo = null, CommuneType communeType = CommuneType.None, string? nameEn = null)
    {
        string? problem = Validate(code, nameVi, kind, parentCode, validFrom, validTo, communeType);
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        Code = code.Trim();
        NameVi = VietnameseText.NormalizeName(nameVi);
        Kind = kind;
        ParentCode = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim();
        ValidFrom = validFrom;
        ValidTo = validTo;
        CommuneType = communeType;
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : VietnameseText.NormalizeName(nameEn);
    }

    /// <summary>
    /// A unit version from parts already checked and normalised: the built-in data, which a test reads through the
    /// validating constructor and compares field by field (the load at start-up then skips a check per unit).
    /// </summary>
    internal ReportingUnit(string code, string nameVi, ReportingUnitKind kind, string? parentCode, LocalDate? validFrom,
        LocalDate? validTo, CommuneType communeType, string? nameEn, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted && Validate(code, nameVi, kind, parentCode, validFrom, validTo, communeType) is null);
        Code = code;
        NameVi = nameVi;
        Kind = kind;
        ParentCode = parentCode;
        ValidFrom = validFrom;
        ValidTo = validTo;
        CommuneType = communeType;
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn;
    }

    /// <summary>The unit's code (unique among the versions valid on any one day).</summary>
    public string Code { get; }

    /// <summary>The Vietnamese name in NFC, e.g. "Phường Ba Đình".</summary>
    public string NameVi { get; }

    /// <summary>The English name, where the source gives one.</summary>
    public string? NameEn { get; }

    /// <summary>The level of the unit.</summary>
    public ReportingUnitKind Kind { get; }

    /// <summary>The commune sub-type (xã, phường, thị trấn, đặc khu); <see cref="CommuneType.None"/> for other kinds.</summary>
    public CommuneType CommuneType { get; }

    /// <summary>The code of the parent unit (valid over this version's validity); <see langword="null"/> for the nation.</summary>
    public string? ParentCode { get; }

    /// <summary>First day of validity (inclusive), or <see langword="null"/> when it lies before the data's horizon.</summary>
    public LocalDate? ValidFrom { get; }

    /// <summary>First day on which the version no longer exists (exclusive), or <see langword="null"/> while in force.</summary>
    public LocalDate? ValidTo { get; }

    /// <summary>The identity of this version: code + <see cref="ValidFrom"/>.</summary>
    public ReportingUnitId Id => new(Code, ValidFrom);

    /// <summary>Whether the version exists on <paramref name="date"/>: <c>ValidFrom ≤ date &lt; ValidTo</c>, open ends included.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when valid on that day.</returns>
    public bool IsValidOn(LocalDate date) => (ValidFrom is not { } f || f <= date) && (ValidTo is not { } t || date < t);

    /// <summary>Whether this version's validity overlaps another interval [from, to).</summary>
    /// <param name="from">Start (inclusive) or <see langword="null"/> (open).</param>
    /// <param name="to">End (exclusive) or <see langword="null"/> (open).</param>
    /// <returns><see langword="true"/> when the intervals share a day.</returns>
    public bool Overlaps(LocalDate? from, LocalDate? to) =>
        (ValidTo is not { } myTo || from is not { } f || f < myTo) && (to is not { } t || ValidFrom is not { } myFrom || myFrom < t);

    /// <summary>Formats as <c>code name [kind, validity]</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        $"{Code} {NameVi} [{Kind}, {(ValidFrom is { } f ? f.ToString("yyyy-MM-dd", null) : "…")} – {(ValidTo is { } t ? t.ToString("yyyy-MM-dd", null) : "…")})";

    /// <summary>Rank of the kind in the tree (the parent of a unit has a smaller rank).</summary>
    internal static int RankOf(ReportingUnitKind kind) => kind switch
    {
        ReportingUnitKind.Nation => 0,
        ReportingUnitKind.Province => 1,
        ReportingUnitKind.District => 2,
        ReportingUnitKind.Agency => 2,
        _ => 3,
    };

    /// <summary>Checks the arguments; returns a bilingual message or <see langword="null"/>.</summary>
    internal static string? Validate(string? code, string? nameVi, ReportingUnitKind kind, string? parentCode, LocalDate? validFrom,
        LocalDate? validTo, CommuneType communeType)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "Mã đơn vị trống / The unit code is empty.";
        }

        if (string.IsNullOrWhiteSpace(nameVi))
        {
            return $"Đơn vị {code}: tên trống / Unit {code}: the name is empty.";
        }

        if (!Enum.IsDefined(kind))
        {
            return $"Đơn vị {code}: cấp không hợp lệ ({(int)kind}) / Unit {code}: invalid kind ({(int)kind}).";
        }

        if (validFrom is { } f && validTo is { } t && t <= f)
        {
            return $"Đơn vị {code}: ngày hết hiệu lực {t:yyyy-MM-dd} không sau ngày bắt đầu {f:yyyy-MM-dd} / Unit {code}: ValidTo {t:yyyy-MM-dd} is not after ValidFrom {f:yyyy-MM-dd}.";
        }

        if (kind != ReportingUnitKind.Nation && string.IsNullOrWhiteSpace(parentCode))
        {
            return $"Đơn vị {code}: thiếu đơn vị cấp trên / Unit {code}: the parent code is missing.";
        }

        if (kind == ReportingUnitKind.Nation && !string.IsNullOrWhiteSpace(parentCode))
        {
            return $"Đơn vị {code}: cấp quốc gia không có cấp trên / Unit {code}: a nation has no parent.";
        }

        if ((kind == ReportingUnitKind.Commune) != (communeType != CommuneType.None) || !Enum.IsDefined(communeType))
        {
            return $"Đơn vị {code}: loại xã/phường chỉ dùng cho cấp xã / Unit {code}: a commune type is required for communes and only for them.";
        }

        return null;
    }
}

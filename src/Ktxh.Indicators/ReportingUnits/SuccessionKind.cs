namespace Ktxh.Indicators.ReportingUnits;

/// <summary>How an old unit passed into a new one, as the official conversion table of the 2025-07-01 reform says (column "Ghi chú").</summary>
public enum SuccessionKind
{
    /// <summary>The whole old unit merged into the new one (Nhập toàn bộ; for provinces: merged whole, Resolution 202/2025/QH15). Share 1.</summary>
    Merge = 0,

    /// <summary>Part of the old unit (area and/or population) went into the new one (Nhập một phần). The table gives no share.</summary>
    PartTransfer = 1,

    /// <summary>The old unit continues unchanged (Giữ nguyên). Share 1.</summary>
    Unchanged = 2,

    /// <summary>The old unit continues, renamed (Đổi tên). Share 1.</summary>
    Rename = 3,

    /// <summary>The old unit continues as another type, e.g. thị trấn → xã, xã → đặc khu (Đổi loại hình). Share 1.</summary>
    TypeChange = 4,
}

/// <summary>What part of an old unit a <see cref="SuccessionKind.PartTransfer"/> moved, where the conversion table says.</summary>
public enum PartTransferScope
{
    /// <summary>Not a part transfer.</summary>
    NotApplicable = 0,

    /// <summary>"Nhập một phần": part of the unit, unspecified.</summary>
    Unspecified = 1,

    /// <summary>"Nhập một phần diện tích": part of the area.</summary>
    PartOfArea = 2,

    /// <summary>"Nhập một phần dân số": part of the population.</summary>
    PartOfPopulation = 3,

    /// <summary>"Nhập một phần diện tích, toàn bộ dân số": part of the area but all of the population (a population series maps whole).</summary>
    PartOfAreaAllOfPopulation = 4,
}

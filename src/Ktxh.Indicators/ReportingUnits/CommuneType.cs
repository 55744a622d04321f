namespace Ktxh.Indicators.ReportingUnits;

/// <summary>The sub-type of a commune-level unit.</summary>
/// <remarks>
/// Before 2025-07-01: xã, phường, thị trấn. From 2025-07-01: xã, phường, đặc khu (special zone; thị trấn no longer exists)
/// (Resolution 202/2025/QH15; Law on Organisation of Local Government 2025).
/// </remarks>
public enum CommuneType
{
    /// <summary>Not a commune (nation, province, district, agency).</summary>
    None = 0,

    /// <summary>Xã (rural commune).</summary>
    Xa = 1,

    /// <summary>Phường (urban ward).</summary>
    Phuong = 2,

    /// <summary>Thị trấn (township; before 2025-07-01 only).</summary>
    ThiTran = 3,

    /// <summary>Đặc khu (special zone, an island commune-level unit; from 2025-07-01).</summary>
    DacKhu = 4,
}

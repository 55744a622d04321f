namespace Ktxh.Indicators.ReportingUnits;

/// <summary>The level of a reporting unit in the administrative hierarchy.</summary>
/// <remarks>
/// Since 2025-07-01 local government has two levels, province and commune; districts were abolished
/// (Resolution 202/2025/QH15). Before, there were three: province, district and commune.
/// </remarks>
public enum ReportingUnitKind
{
    /// <summary>The nation (Việt Nam), the root of every hierarchy.</summary>
    Nation = 0,

    /// <summary>A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương): 2-digit code.</summary>
    Province = 1,

    /// <summary>A district (quận, huyện, thị xã, thành phố thuộc tỉnh): 3-digit code; abolished on 2025-07-01.</summary>
    District = 2,

    /// <summary>A commune (xã, phường, thị trấn, đặc khu): 5-digit code; see <see cref="CommuneType"/>.</summary>
    Commune = 3,

    /// <summary>
    /// An agency that reports at province level: a department (sở, ban, ngành) or a central agency's office in the
    /// province (tax, customs, treasury, social insurance…). Registered by the host under a province.
    /// </summary>
    Agency = 4,
}

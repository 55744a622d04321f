namespace Ktxh.Indicators.Forms;

/// <summary>The period part of a statistical form code (<c>001.T/BCC-XXXX</c>: the letter(s) after the number).</summary>
/// <remarks>
/// TT 20/2024/TT-BKHĐT (statistical reporting regime for ministries and provinces) codes each form as
/// <c>number.period/BCC-suffix</c>, where the period part is <c>N</c> year (năm), <c>2N</c> every two years,
/// <c>5N</c> every five years, <c>Q</c> quarter (quý), <c>T</c> month (tháng), <c>V</c> crop season (vụ) and <c>H</c>
/// mixed (hỗn hợp: several periods in one form).
/// </remarks>
public enum FormPeriodKind
{
    /// <summary><c>N</c>: yearly.</summary>
    Year = 1,

    /// <summary><c>2N</c>: every two years.</summary>
    TwoYears = 2,

    /// <summary><c>5N</c>: every five years.</summary>
    FiveYears = 3,

    /// <summary><c>Q</c>: quarterly.</summary>
    Quarter = 4,

    /// <summary><c>T</c>: monthly.</summary>
    Month = 5,

    /// <summary><c>V</c>: per crop season (vụ).</summary>
    CropSeason = 6,

    /// <summary><c>H</c>: mixed periods in one form.</summary>
    Mixed = 7,
}

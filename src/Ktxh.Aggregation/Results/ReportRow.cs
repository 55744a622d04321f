using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// The columns of a Vietnamese report (biểu báo cáo) for one indicator, unit and period. Percentages are exact
/// (not rounded) and null where the data are missing or the base is zero.
/// </summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="Period">The period.</param>
/// <param name="ThisPeriod">Thực hiện kỳ này: this period's value.</param>
/// <param name="Cumulative">Lũy kế từ đầu năm: from January to the end of the period.</param>
/// <param name="SamePeriodLastYear">Cùng kỳ năm trước.</param>
/// <param name="IndexOverSamePeriodLastYear">So với cùng kỳ (%): this period ÷ same period last year × 100 (e.g. 105.2
/// means growth of 5.2 %).</param>
/// <param name="ChangeOverSamePeriodLastYear">This period − same period last year (for percentages: the change in points).</param>
/// <param name="PreviousPeriod">Kỳ trước: the previous period's value.</param>
/// <param name="IndexOverPreviousPeriod">So với kỳ trước (%): this period ÷ previous period × 100.</param>
/// <param name="ShareOfTotal">Cơ cấu (%): this unit's value ÷ its parent unit's value × 100 (additive kinds only).</param>
/// <param name="YearlyTarget">Kế hoạch năm: the yearly target given.</param>
/// <param name="PercentOfYearlyTarget">% hoàn thành kế hoạch: cumulative (or the year's value) ÷ yearly target × 100.</param>
public sealed record ReportRow(
    string IndicatorCode,
    string UnitCode,
    ReportingPeriod Period,
    decimal? ThisPeriod,
    decimal? Cumulative,
    decimal? SamePeriodLastYear,
    decimal? IndexOverSamePeriodLastYear,
    decimal? ChangeOverSamePeriodLastYear,
    decimal? PreviousPeriod,
    decimal? IndexOverPreviousPeriod,
    decimal? ShareOfTotal,
    decimal? YearlyTarget,
    decimal? PercentOfYearlyTarget);

namespace Ktxh.Indicators.Forms;

/// <summary>What a form column holds, as in Vietnamese report tables (this period, cumulative, same period last year, growth, target…).</summary>
public enum FormColumnKind
{
    /// <summary>Thực hiện kỳ báo cáo: the value for the reporting period.</summary>
    ThisPeriod = 1,

    /// <summary>Lũy kế từ đầu năm: cumulative since the start of the year.</summary>
    CumulativeYearToDate = 2,

    /// <summary>Cùng kỳ năm trước: the same period of the previous year.</summary>
    SamePeriodLastYear = 3,

    /// <summary>Lũy kế cùng kỳ năm trước: the cumulative value to the same point of the previous year.</summary>
    CumulativeSamePeriodLastYear = 4,

    /// <summary>Tăng/giảm so với cùng kỳ (%): this period as a percentage of the same period last year.</summary>
    GrowthPercent = 5,

    /// <summary>Lũy kế so với cùng kỳ (%): the cumulative value as a percentage of the same cumulative value last year.</summary>
    CumulativeGrowthPercent = 6,

    /// <summary>Kế hoạch năm: the yearly target (chỉ tiêu giao).</summary>
    YearlyTarget = 7,

    /// <summary>% so với kế hoạch: the cumulative value as a percentage of the yearly target.</summary>
    PercentOfTarget = 8,

    /// <summary>Ước thực hiện kỳ tới: the estimate for the next period.</summary>
    NextPeriodEstimate = 9,

    /// <summary>Kỳ trước: the previous period's value.</summary>
    PreviousPeriod = 10,

    /// <summary>Kế hoạch giai đoạn: the target of the multi-year plan (5-year plan).</summary>
    PlanPeriodTarget = 11,

    /// <summary>Ghi chú: a free-text note.</summary>
    Note = 12,
}

/// <summary>Whether a column is typed in or computed from other columns.</summary>
public enum FormColumnMode
{
    /// <summary>Nhập: entered by the reporting unit.</summary>
    Entered = 1,

    /// <summary>Tính: computed (growth, percentage of target, cumulative from monthly values).</summary>
    Computed = 2,
}

/// <summary>A column of a <see cref="ReportForm"/>.</summary>
/// <param name="Kind">What the column holds.</param>
/// <param name="Mode">Entered or computed.</param>
/// <param name="HeaderVi">The Vietnamese header, if it differs from the default for <paramref name="Kind"/>.</param>
/// <param name="HeaderEn">The English header, if any.</param>
public sealed record FormColumn(FormColumnKind Kind, FormColumnMode Mode, string? HeaderVi = null, string? HeaderEn = null)
{
    /// <summary>Gets the usual columns of a monthly economic report: this period and cumulative entered, same period last year entered, growth computed.</summary>
    public static IReadOnlyList<FormColumn> StandardPeriodic { get; } =
    [
        new(FormColumnKind.ThisPeriod, FormColumnMode.Entered),
        new(FormColumnKind.CumulativeYearToDate, FormColumnMode.Computed),
        new(FormColumnKind.SamePeriodLastYear, FormColumnMode.Entered),
        new(FormColumnKind.GrowthPercent, FormColumnMode.Computed),
    ];
}

/// <summary>A row of a <see cref="ReportForm"/>: an indicator, its indentation, and whether it must be filled.</summary>
/// <param name="IndicatorCode">The indicator code.</param>
/// <param name="Level">The indentation level (0 for a top row).</param>
/// <param name="IsOfWhich">Whether the row is printed as "Trong đó" (of which) under the row above it.</param>
/// <param name="Required">Whether a value is required for the row.</param>
/// <param name="LabelVi">A label replacing the indicator's name on this form, if any.</param>
public sealed record FormRow(string IndicatorCode, int Level = 0, bool IsOfWhich = false, bool Required = true, string? LabelVi = null);

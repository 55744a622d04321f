using Ktxh.Indicators.Forms;

namespace Ktxh.Excel;

/// <summary>The usual Vietnamese headers of report columns (as printed on forms of Decree 09/2019/NĐ-CP and TT 20/2024/TT-BKHĐT).</summary>
public static class FormColumnHeaders
{
    /// <summary>Gets the Vietnamese header of a column: its own when set, else the usual one for its kind.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The header.</returns>
    public static string Vietnamese(FormColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.HeaderVi ?? Vietnamese(column.Kind);
    }

    /// <summary>Gets the usual Vietnamese header of a kind of column.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The header.</returns>
    public static string Vietnamese(FormColumnKind kind) => kind switch
    {
        FormColumnKind.ThisPeriod => "Thực hiện kỳ báo cáo",
        FormColumnKind.CumulativeYearToDate => "Lũy kế từ đầu năm",
        FormColumnKind.SamePeriodLastYear => "Cùng kỳ năm trước",
        FormColumnKind.CumulativeSamePeriodLastYear => "Lũy kế cùng kỳ năm trước",
        FormColumnKind.GrowthPercent => "So với cùng kỳ (%)",
        FormColumnKind.CumulativeGrowthPercent => "Lũy kế so với cùng kỳ (%)",
        FormColumnKind.YearlyTarget => "Kế hoạch năm",
        FormColumnKind.PercentOfTarget => "% so với kế hoạch",
        FormColumnKind.NextPeriodEstimate => "Ước thực hiện kỳ tới",
        FormColumnKind.PreviousPeriod => "Kỳ trước",
        FormColumnKind.PlanPeriodTarget => "Kế hoạch giai đoạn",
        FormColumnKind.Note => "Ghi chú",
        _ => kind.ToString(),
    };
}

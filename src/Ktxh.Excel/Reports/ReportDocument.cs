using Ktxh.Indicators.Forms;

namespace Ktxh.Excel;

/// <summary>A group of report columns across the sheet: a reporting unit or a period.</summary>
/// <param name="Code">The unit code or period id (kept as text: leading zeros stay).</param>
/// <param name="Label">The header shown (such as "Phường Ba Đình" or "Tháng 3/2026").</param>
public sealed record ReportColumnGroup(string Code, string Label);

/// <summary>
/// A row of an aggregated report: an indicator with its label, indentation, unit and precision, and one value per
/// column group and report column (group-major: every column of the first group, then of the second…). Plain inputs:
/// a host maps its aggregation results onto these (Ktxh.Excel does not reference Ktxh.Aggregation). Immutable.
/// </summary>
public sealed record ReportRow
{
    /// <summary>Gets the indicator code (written as text).</summary>
    public required string IndicatorCode { get; init; }

    /// <summary>Gets the label (the indicator's name).</summary>
    public required string Label { get; init; }

    /// <summary>Gets the indentation level (0 for a top row).</summary>
    public int Level { get; init; }

    /// <summary>Gets a value indicating whether the row is printed as "Trong đó" (of which).</summary>
    public bool IsOfWhich { get; init; }

    /// <summary>Gets the unit of measure's name, if any.</summary>
    public string? UnitName { get; init; }

    /// <summary>Gets the number of decimals shown (0–10) for the indicator's own columns; percentage columns show one.</summary>
    public int Precision { get; init; }

    /// <summary>Gets the values, group-major (<c>Groups.Count × Columns.Count</c>); <see langword="null"/> for none.</summary>
    public required IReadOnlyList<decimal?> Values { get; init; }

    /// <summary>Gets the texts of text columns (notes), keyed by the index into <see cref="Values"/>, if any.</summary>
    public IReadOnlyDictionary<int, string>? Texts { get; init; }
}

/// <summary>
/// An aggregated report to export: indicators down, units or periods across, the report columns under each (this
/// period, cumulative, same period last year, growth, % of plan…). Immutable.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>Gets the title (first row).</summary>
    public required string Title { get; init; }

    /// <summary>Gets the subtitle (second row: the aggregating unit, the period, the maturity), if any.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Gets the sheet name (default <c>Báo cáo</c>).</summary>
    public string SheetName { get; init; } = "Báo cáo";

    /// <summary>Gets the column groups across (units or periods).</summary>
    public required IReadOnlyList<ReportColumnGroup> Groups { get; init; }

    /// <summary>Gets the report columns under each group.</summary>
    public required IReadOnlyList<FormColumn> Columns { get; init; }

    /// <summary>Gets the rows.</summary>
    public required IReadOnlyList<ReportRow> Rows { get; init; }

    /// <summary>The first row of indicators (rows above it are the title, subtitle and the two header rows).</summary>
    internal const int FirstDataRow = 5;

    /// <summary>The columns before the values: ordinal, code, indicator, unit.</summary>
    internal const int FixedColumns = 4;

    internal int ValueCount => Groups.Count * Columns.Count;

    internal static bool IsPercentColumn(FormColumnKind kind) =>
        kind is FormColumnKind.GrowthPercent or FormColumnKind.CumulativeGrowthPercent or FormColumnKind.PercentOfTarget;

    /// <summary>Checks the shape (programmer errors): every row has one value per group and column, the sheet name is allowed.</summary>
    internal void Validate()
    {
        SheetNames.ThrowIfInvalid(SheetName, nameof(SheetName));
        if (Groups.Count == 0 || Columns.Count == 0)
        {
            throw new ArgumentException("Báo cáo cần ít nhất một nhóm cột và một cột / A report needs at least one column group and one column");
        }

        if (FixedColumns + ValueCount > CellAddress.MaxColumn)
        {
            throw new ArgumentException("Quá nhiều cột cho một trang tính / Too many columns for one sheet");
        }

        for (int i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Values.Count != ValueCount)
            {
                throw new ArgumentException($"Dòng {i} có {Rows[i].Values.Count} giá trị, cần {ValueCount} / Row {i} has {Rows[i].Values.Count} values, {ValueCount} expected");
            }
        }
    }

    internal int PrecisionOf(ReportRow row, int valueIndex) =>
        IsPercentColumn(Columns[valueIndex % Columns.Count].Kind) ? 1 : Math.Clamp(row.Precision, 0, 10);

    internal static string LabelOf(ReportRow row) => row.IsOfWhich ? "Trong đó: " + row.Label : row.Label;
}

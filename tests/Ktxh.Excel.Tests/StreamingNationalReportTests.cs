using System.Globalization;
using Ktxh.Indicators;

namespace Ktxh.Excel.Tests;

/// <summary>The streaming writer covers the national report: 3,321 communes across × the four standard columns × 100 indicators.</summary>
public class StreamingNationalReportTests
{
    [Fact]
    public void The_national_report_is_written_whole_and_reads_back_cell_for_cell()
    {
        const int communes = 3_321, indicators = 100;
        int columns = FormColumn.StandardPeriodic.Count;
        var report = new ReportDocument
        {
            Title = "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2025",
            Groups = [.. Enumerable.Range(1, communes).Select(i => new ReportColumnGroup($"{i * 3:D5}", $"Xã số {i}"))],
            Columns = FormColumn.StandardPeriodic,
            Rows = [.. Enumerable.Range(0, indicators).Select(r => new ReportRow
            {
                IndicatorCode = $"CT{r + 1:D3}", Label = $"Chỉ tiêu {r + 1}", Precision = 2,
                Values = [.. Enumerable.Range(0, communes * columns).Select(v => (decimal?)(((r * 7) + v) % 1000) / 4m)],
            })],
        };

        using var output = new MemoryStream();
        new StreamingReportWriter().Write(report, output);
        using StreamingCellSource source = StreamingCellSource.Open(output.ToArray());
        int lastColumn = ReportDocument.FixedColumns + (communes * columns);
        int numbers = 0, wrong = 0;
        source.ReadCells(report.SheetName, ReportDocument.FirstDataRow + indicators, lastColumn, (row, column, cell) =>
        {
            if (row >= ReportDocument.FirstDataRow && column > ReportDocument.FixedColumns)
            {
                numbers++;
                int r = row - ReportDocument.FirstDataRow, v = column - ReportDocument.FixedColumns - 1;
                decimal expected = (((r * 7) + v) % 1000) / 4m;
                if (cell.Type != "n" || decimal.Parse(cell.Raw!, CultureInfo.InvariantCulture) != expected)
                {
                    wrong++;
                }
            }
        });

        Assert.Equal(indicators * communes * columns, numbers);
        Assert.Equal(0, wrong);
        Assert.True(lastColumn <= CellAddress.MaxColumn);
    }
}

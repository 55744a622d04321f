using ClosedXML.Excel;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ktxh.Excel.Tests;

/// <summary>The aggregator's progress and timeliness sheet: rows, statuses, totals, layout.</summary>
public class ProgressSheetWriterTests
{
    private static readonly LocalDate Due = new(2026, 11, 12);

    internal static ProgressSheet Sample { get; } = new()
    {
        FormCode = "CTK.09",
        FormName = "Bán lẻ hàng hóa",
        Period = ReportingPeriod.Month(2026, 10),
        ReceivingUnit = "37 – Tỉnh Ninh Bình",
        AsOf = new LocalDate(2026, 11, 19),
        Rows =
        [
            new() { UnitCode = "00004", UnitName = "Phường Ba Đình", State = "Đã tiếp nhận", SentAt = new LocalDateTime(2026, 11, 9, 9, 0), Deadline = Due, Status = ProgressStatus.OnTime },
            new() { UnitCode = "00008", UnitName = "=Xã có dấu bằng", State = "Đã tiếp nhận", SentAt = new LocalDateTime(2026, 11, 16, 9, 0), Deadline = Due, WorkingDaysLate = 2, Status = ProgressStatus.Late },
            new() { UnitCode = "00012", UnitName = "Xã Hòa Bình", State = "Chưa bắt đầu", Deadline = Due, WorkingDaysLate = 5, Status = ProgressStatus.Missing, Note = "Đã nhắc ngày 13/11" },
            new() { UnitCode = "00016", State = "Đang nhập", Deadline = new LocalDate(2026, 12, 12), Status = ProgressStatus.NotYetDue },
            new() { UnitCode = "00020", State = "Đã hủy", Status = ProgressStatus.NotApplicable },
        ],
    };

    public static TheoryData<ProgressStatus, string> Words => new()
    {
        { ProgressStatus.OnTime, "Đúng hạn" },
        { ProgressStatus.Late, "Trễ hạn" },
        { ProgressStatus.Missing, "Chưa gửi (quá hạn)" },
        { ProgressStatus.NotYetDue, "Chưa đến hạn" },
        { ProgressStatus.NotApplicable, "Không tính" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Each_status_has_its_vietnamese_words(ProgressStatus status, string words) => Assert.Equal(words, ProgressSheet.Vietnamese(status));

    [Fact]
    public void Totals_count_every_status_and_the_rate_counts_only_what_is_due()
    {
        Assert.Equal(1, Sample.CountByStatus[ProgressStatus.OnTime]);
        Assert.Equal(1, Sample.CountByStatus[ProgressStatus.Late]);
        Assert.Equal(1, Sample.CountByStatus[ProgressStatus.Missing]);
        Assert.Equal(1, Sample.CountByStatus[ProgressStatus.NotYetDue]);
        Assert.Equal(1, Sample.CountByStatus[ProgressStatus.NotApplicable]);
        Assert.Equal(0.3333m, Sample.OnTimeRate);
        Assert.Null((Sample with { Rows = [Sample.Rows[3]] }).OnTimeRate);
    }

    [Fact]
    public void The_sheet_has_one_row_per_unit_with_vietnamese_headers_coloured_statuses_and_totals()
    {
        using var book = new XLWorkbook(new MemoryStream(new ProgressSheetWriter().Write(Sample)));
        IXLWorksheet ws = book.Worksheet("Tiến độ");

        Assert.Equal("Mã đơn vị", ws.Cell("B5").GetString());
        Assert.Equal("Số ngày làm việc trễ", ws.Cell("G5").GetString());
        Assert.Equal(XLDataType.Text, ws.Cell("B6").DataType);
        Assert.Equal("00004", ws.Cell("B6").GetString());
        Assert.False(ws.Cell("C7").HasFormula);
        Assert.Equal("=Xã có dấu bằng", ws.Cell("C7").GetString());
        Assert.Equal("Trễ hạn", ws.Cell("H7").GetString());
        Assert.Equal(2, ws.Cell("G7").GetValue<int>());
        Assert.Equal(new DateTime(2026, 11, 16, 9, 0, 0), ws.Cell("E7").GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 12), ws.Cell("F8").GetDateTime());
        Assert.True(ws.Cell("G9").IsEmpty()); // not yet due: no lateness
        Assert.NotEqual(ws.Cell("H6").Style.Fill.BackgroundColor, ws.Cell("H8").Style.Fill.BackgroundColor);
        Assert.Equal((5, 2), (ws.SheetView.SplitRow, ws.SheetView.SplitColumn));
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);

        // Totals under the table: 5 units, one of each status, 7 working days late, one third on time.
        IXLCell total = ws.CellsUsed().Single(c => c.GetString() == "Tổng số đơn vị");
        Assert.Equal(5, total.CellRight(2).GetValue<int>());
        IXLCell days = ws.CellsUsed().Single(c => c.GetString() == "Tổng số ngày làm việc trễ");
        Assert.Equal(7, days.CellRight(2).GetValue<int>());
        IXLCell rate = ws.CellsUsed().Single(c => c.GetString().StartsWith("Tỷ lệ gửi đúng hạn", StringComparison.Ordinal));
        Assert.Equal(0.3333, rate.CellRight(2).GetValue<double>(), 4);
    }

    [Fact]
    public void An_empty_sheet_is_still_a_valid_workbook()
    {
        byte[] bytes = new ProgressSheetWriter().Write(Sample with { Rows = [] });
        using var book = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("STT", book.Worksheet(1).Cell("A5").GetString());
    }

    [Fact]
    public void A_bad_sheet_name_is_a_programmer_error() =>
        Assert.Throws<ArgumentException>(() => new ProgressSheetWriter().Write(Sample with { SheetName = "a/b" }));

    [Fact]
    public void Dependency_injection_registers_the_new_writers_and_importer()
    {
        using ServiceProvider provider = new ServiceCollection().AddKtxhExcel()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.NotNull(provider.GetRequiredService<ProgressSheetWriter>());
        byte[] catalogue = provider.GetRequiredService<CatalogueWorkbookWriter>().Write(CatalogueWorkbookTests.Small);
        Assert.True(provider.GetRequiredService<CatalogueWorkbookImporter>().Import(catalogue).Success);
    }
}

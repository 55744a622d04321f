using System.Globalization;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Data.Sqlite;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh excel progress --db</c>: the progress sheet of a workflow SQLite file driven by <c>ktxh workflow</c>
/// matches <c>ktxh workflow progress --json</c> on the same file at the same time (units, states, sent times, due
/// dates, lateness), and each refusal is exit 2, bilingual, nothing on stdout and no workbook. Three communes of
/// 37 Ninh Bình report CTK.09 for October 2026 (due Thursday 12/11/2026): A on time, B late, C missing.
/// </summary>
[Collection("Console")]
public sealed class ExcelProgressDatabaseCommandTests : IDisposable
{
    private const string A = "13285";
    private const string B = "13291";
    private const string C = "13318";
    private const string At = "2026-11-20";
    private const int HeaderRow = 5;

    // The sheet's words for the engine's states and timeliness (samples/Ktxh.Cli/Excel/WorkflowProgressSheet.cs,
    // Ktxh.Excel ProgressSheet.Vietnamese).
    private static readonly Dictionary<string, string> StateWords = new(StringComparer.Ordinal)
    {
        ["NotStarted"] = "Chưa nhập",
        ["Draft"] = "Đang nhập",
        ["AwaitingApproval"] = "Chờ phê duyệt",
        ["Approved"] = "Đã phê duyệt, chờ gửi",
        ["Sent"] = "Đã gửi",
        ["Accepted"] = "Đã tiếp nhận",
    };

    private static readonly Dictionary<string, string> TimelinessWords = new(StringComparer.Ordinal)
    {
        ["OnTime"] = "Đúng hạn",
        ["Late"] = "Trễ hạn",
        ["Missing"] = "Chưa gửi (quá hạn)",
        ["NotYetDue"] = "Chưa đến hạn",
    };

    private readonly TempDirectory temp = new();
    private readonly string db;
    private readonly string xlsx;

    public ExcelProgressDatabaseCommandTests()
    {
        db = temp.File("cycle.db");
        xlsx = temp.File("tien-do.xlsx");
    }

    public void Dispose() => temp.Dispose();

    private void Wf(params string[] args) => CliAssert.Succeeded(CliRunner.Run(["workflow", .. args, "--db", db]));

    private CliResult Excel(params string[] args) => CliRunner.Run(["excel", "progress", "--db", db, "--out", xlsx, .. args]);

    private void DriveCycle()
    {
        Wf("init", "--province", "37", "--year", "2026", "--forms", "CTK.09", "--units", $"{A},{B},{C}", "--at", "2026-10-01");
        Wf("assign", "--as", "tonghop_37", "--periods", "2026-M10", "--at", "2026-10-31");
        Send(A, "2026-11-05");
        Wf("accept", "--period", "2026-M10", "--unit", A, "--as", "tonghop_37", "--at", "2026-11-06");
        Send(B, "2026-11-17");
    }

    private void Send(string unit, string day)
    {
        string values = temp.Write($"v{unit}.csv", "indicator,unit,period,value", $"HNM.CTK.09.001,{unit},2026-M10,100", $"HNM.CTK.09.002,{unit},2026-M10,50");
        Wf("submit", "--values", values, "--as", $"nhaplieu_{unit}", "--at", day);
        Wf("approve", "--period", "2026-M10", "--as", $"lanhdao_{unit}", "--at", day);
        Wf("send", "--period", "2026-M10", "--as", $"vanthu_{unit}", "--at", day);
    }

    [Fact]
    public void The_sheet_of_a_workflow_file_matches_workflow_progress_json()
    {
        DriveCycle();
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("workflow", "progress", "--db", db, "--json", "--at", At));
        JsonElement report = json.GetProperty("reports").EnumerateArray().Single();
        JsonElement[] expected = [.. report.GetProperty("units").EnumerateArray()];

        string stdout = CliAssert.Succeeded(Excel("--form", "CTK.09", "--period", "2026-M10", "--at", At));
        Assert.Contains("CTK.09 2026-M10: 3 đơn vị / units; đúng hạn / on time 1, trễ / late 1, chưa gửi / missing 1", stdout, StringComparison.Ordinal);

        using var book = new XLWorkbook(xlsx);
        IXLWorksheet sheet = book.Worksheet("Tiến độ");
        Assert.Contains("37", sheet.Cell(3, 1).GetString(), StringComparison.Ordinal); // the receiving unit from the file's setup
        var rows = Enumerable.Range(HeaderRow + 1, expected.Length).Select(r => sheet.Row(r)).ToArray();
        Assert.Equal(expected.Select(u => u.GetProperty("unit").GetString()), rows.Select(r => r.Cell(2).GetString()));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((JsonElement unit, IXLRow row) in expected.Zip(rows))
        {
            string timeliness = unit.GetProperty("timeliness").GetString()!;
            seen.Add(timeliness);
            Assert.Equal(StateWords[unit.GetProperty("state").GetString()!], row.Cell(4).GetString());
            Assert.Equal(TimelinessWords[timeliness], row.Cell(8).GetString());
            Assert.Equal(DateTime.Parse(unit.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture), row.Cell(6).GetDateTime());
            if (unit.GetProperty("sentAt").GetString() is { } sentAt)
            {
                // Shown in Vietnam time (UTC+7).
                DateTime utc = DateTime.Parse(sentAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Assert.Equal(utc.AddHours(7), row.Cell(5).GetDateTime());
            }
            else
            {
                Assert.True(row.Cell(5).IsEmpty(), $"unit {unit.GetProperty("unit")} was never sent");
            }

            int late = unit.GetProperty("workingDaysLate").GetInt32();
            if (timeliness is "Late" or "Missing")
            {
                Assert.Equal(late, row.Cell(7).GetValue<int>());
            }
            else
            {
                Assert.True(row.Cell(7).IsEmpty(), $"unit {unit.GetProperty("unit")} is not late");
            }
        }

        Assert.Equal(["Late", "Missing", "OnTime"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_form_and_period_default_to_the_cycles_only_ones()
    {
        DriveCycle();
        string stdout = CliAssert.Succeeded(Excel("--at", At));
        Assert.Contains("CTK.09 2026-M10: 3 đơn vị / units", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(xlsx));
    }

    public static TheoryData<string, string, string, string[]> Refusals => new()
    {
        { "unknown form", "biểu 'XYZ.99' không thuộc chu trình này", "form 'XYZ.99' is not in this cycle", ["--form", "XYZ.99", "--period", "2026-M10"] },
        { "period not assigned", "chưa được giao cho kỳ 2026-M09", "is not assigned for period 2026-M09", ["--form", "CTK.09", "--period", "2026-M09"] },
        { "period not valid", "kỳ '2026-M13' không hợp lệ", "period '2026-M13' is not valid", ["--period", "2026-M13"] },
        { "bad time", "không hợp lệ", "is not valid", ["--at", "yesterday"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_options_on_a_cycle_file_are_refused_bilingually_and_write_nothing(string why, string vi, string en, string[] args)
    {
        DriveCycle();
        CliAssert.RejectedBilingually(Excel(args), 2, vi, en);
        Assert.False(File.Exists(xlsx), why);
    }

    [Fact]
    public void A_missing_database_is_refused_and_not_created()
    {
        CliAssert.RejectedBilingually(Excel(), 2, "hãy chạy 'ktxh workflow init' trước", "run 'ktxh workflow init' first");
        Assert.False(File.Exists(db));
        Assert.False(File.Exists(xlsx));
    }

    [Fact]
    public void A_corrupt_database_is_refused_and_left_as_it_was()
    {
        byte[] garbage = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a database ", 400)));
        File.WriteAllBytes(db, garbage);
        CliAssert.RejectedBilingually(Excel(), 2, "Không mở được kho quy trình SQLite", "cannot be opened");
        Assert.Equal(garbage, File.ReadAllBytes(db));
        Assert.False(File.Exists(xlsx));
    }

    [Fact]
    public void A_store_file_without_a_cycle_set_up_is_refused()
    {
        Ktxh.Workflow.Sqlite.SqliteWorkflowStore.Open(db).Value.GetHashCode();
        SqliteConnection.ClearAllPools();
        CliAssert.RejectedBilingually(Excel(), 2, "không có thiết lập chu trình", "holds no cycle set-up");
        Assert.False(File.Exists(xlsx));
    }

    [Fact]
    public void Workflow_options_without_db_are_refused_in_the_demo_mode()
    {
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "progress", "--out", xlsx, "--form", "CTK.09"), 2, "chỉ dùng cùng --db", "only used with --db");
        Assert.False(File.Exists(xlsx));
    }
}

using ClosedXML.Excel;
using Ktxh.Periods;
using Ktxh.Workflow;
using Ktxh.Workflow.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh workflow plan assign|submit</c> and the steps with <c>--plan</c>: commune 13285 of 37 Ninh Bình registers its
/// 2026 plan (a yearly target of 200 and a 2026–2030 target of 1000 for HNM.CTK.09.001) through the whole lifecycle;
/// the accepted targets feed the "% of plan" column; every refusal leaves the file unchanged.
/// </summary>
[Collection("Console")]
public sealed class WorkflowPlanCommandTests : IDisposable
{
    private const string A = "13285";
    private const string B = "13291";
    private const string Indicator = "HNM.CTK.09.001";
    private readonly TempDirectory temp = new();
    private readonly string db;

    public WorkflowPlanCommandTests() => db = temp.File("plan.db");

    public void Dispose() => temp.Dispose();

    private CliResult Wf(params string[] args) => CliRunner.Run(["workflow", .. args, "--db", db]);

    private string Ok(params string[] args) => CliAssert.Succeeded(Wf(args));

    private string Plan(string name, params string[] rows) => temp.Write(name, ["indicator,unit,period,value", .. rows]);

    private void InitAndRequestPlans()
    {
        Ok("init", "--province", "37", "--year", "2026", "--forms", "CTK.09", "--units", $"{A},{B}", "--at", "2026-01-02");
        // 17/01/2026 is a Saturday: the deadline moves to Monday 19/01.
        Assert.Contains("19/01/2026", Ok("plan", "assign", "--year", "2026", "--due", "2026-01-17", "--as", "tonghop_37", "--at", "2026-01-02"));
    }

    private IReadOnlyList<PlanTarget> AcceptedTargets()
    {
        try
        {
            var engine = new WorkflowEngine(SqliteWorkflowStore.Open(db).Value, new FakeClock(Instant.FromUtc(2026, 6, 1, 0, 0)));
            return new WorkflowReports(engine).PlanTargetsAsync(ReportingPeriod.Year(2026), "37").GetAwaiter().GetResult();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public void A_plan_goes_through_the_lifecycle_and_its_accepted_targets_feed_the_percent_of_plan()
    {
        InitAndRequestPlans();
        string plan = Plan("plan.csv", $"{Indicator},{A},2026,200", $"{Indicator},{A},2026-2030,1000");

        // The leader rejects the first registration with a reason; the unit corrects it in a new revision.
        Ok("plan", "submit", "--year", "2026", "--values", Plan("wrong.csv", $"{Indicator},{A},2026,20"), "--as", $"nhaplieu_{A}", "--at", "2026-01-05");
        Ok("reject", "--plan", "--period", "2026", "--reason", "Thiếu chỉ tiêu 5 năm", "--as", $"lanhdao_{A}", "--at", "2026-01-06");
        Assert.Contains("AwaitingApproval, bản / revision 2", Ok("plan", "submit", "--year", "2026", "--values", plan, "--as", $"nhaplieu_{A}", "--at", "2026-01-07"));
        Ok("approve", "--plan", "--period", "2026", "--as", $"lanhdao_{A}", "--at", "2026-01-08");
        Ok("send", "--plan", "--period", "2026", "--as", $"vanthu_{A}", "--at", "2026-01-08");
        Assert.Empty(AcceptedTargets());
        Assert.Contains("Accepted", Ok("accept", "--plan", "--period", "2026", "--unit", A, "--as", "tonghop_37", "--at", "2026-01-09"));

        IReadOnlyList<PlanTarget> targets = AcceptedTargets();
        Assert.Equal(
            [(Indicator, A, PlanTargetKind.Yearly, "2026", 200m), (Indicator, A, PlanTargetKind.PlanPeriod, "2026-2030", 1000m)],
            targets.Select(t => (t.IndicatorCode, t.UnitCode, t.Kind, t.Period.Id, t.Value)));
        Assert.All(targets, t => Assert.Equal(SubmissionKind.PlanTarget, t.Source.Kind));
        CliAssert.Succeeded(Wf("audit", "verify"));

        // The periodic reports are untouched by plans: nothing accepted to export.
        Assert.DoesNotContain(Indicator, Ok("export", "--accepted"));

        // The report workbook's % of plan: A's 2026 value 50 of the yearly target 200.
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value", $"{Indicator},{A},2026,50");
        string xlsx = temp.File("bao-cao.xlsx");
        CliAssert.Succeeded(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--plan-db", db, "--out", xlsx));
        using var book = new XLWorkbook(xlsx);
        Assert.Equal(25m, book.Worksheet("Báo cáo").Cell(5, 6).GetValue<decimal>());
    }

    [Fact]
    public void Plan_draft_only_saves_the_targets()
    {
        InitAndRequestPlans();
        string output = Ok("plan", "submit", "--year", "2026", "--draft", "--values", Plan("p.csv", $"{Indicator},{B},2026,7"), "--as", $"nhaplieu_{B}", "--at", "2026-01-05");
        Assert.Contains($"KH · {B} · 2026 · PlanTarget: ", output);
        Assert.Contains("/ Draft, bản / revision 1", output);
    }

    public static TheoryData<string, int, string, string, string[]> Refusals => new()
    {
        { "a month is not a plan period", 2, "không phải năm 2026", "is neither the year 2026", ["plan", "submit", "--year", "2026", "--values", "month.csv", "--as", $"nhaplieu_{A}"] },
        { "a plan period not containing the year", 2, "giai đoạn kế hoạch chứa năm 2026", "plan period containing 2026", ["plan", "submit", "--year", "2026", "--values", "old.csv", "--as", $"nhaplieu_{A}"] },
        { "unknown indicator", 2, "Danh mục không có chỉ tiêu 'XYZ'", "The catalogue has no indicator 'XYZ'", ["plan", "submit", "--year", "2026", "--values", "unknown.csv", "--as", $"nhaplieu_{A}"] },
        { "unit not in the cycle", 2, "Đơn vị '99999' không thuộc chu trình", "Unit '99999' is not in the cycle", ["plan", "submit", "--year", "2026", "--values", "stranger.csv", "--as", $"nhaplieu_{A}"] },
        { "a year never requested", 1, "chưa được giao", "never assigned", ["plan", "submit", "--year", "2027", "--values", "y2027.csv", "--as", $"nhaplieu_{A}"] },
        { "entered by the leader", 1, "tài khoản phải có quyền nhập liệu", "the account needs the data entry role", ["plan", "submit", "--year", "2026", "--values", "good.csv", "--as", $"lanhdao_{A}"] },
        { "another unit's plan", 1, "chỉ đơn vị báo cáo", "only the reporting unit", ["plan", "submit", "--year", "2026", "--values", "good.csv", "--as", $"nhaplieu_{B}"] },
        { "accept a plan not sent", 1, "không được phép ở trạng thái", "not permitted in state", ["accept", "--plan", "--period", "2026", "--unit", A, "--as", "tonghop_37"] },
        { "a plan step on a month", 2, "không phải một năm", "is not a year", ["approve", "--plan", "--period", "2026-M10", "--as", $"lanhdao_{A}"] },
        { "a plan step naming a form", 2, "không dùng cùng --plan", "not with --plan", ["approve", "--plan", "--form", "CTK.09", "--period", "2026", "--as", $"lanhdao_{A}"] },
        { "request again", 1, "đã được giao", "already assigned", ["plan", "assign", "--year", "2026", "--due", "2026-01-17", "--as", "tonghop_37"] },
        { "request by a commune", 1, "không thể giao biểu", "cannot assign", ["plan", "assign", "--year", "2027", "--due", "2027-01-15", "--as", $"lanhdao_{A}"] },
        { "a malformed deadline", 2, "ngày '15/01/2027' không hợp lệ", "date '15/01/2027' is not valid", ["plan", "assign", "--year", "2027", "--due", "15/01/2027", "--as", "tonghop_37"] },
        { "a year out of range", 2, "ngoài khoảng 2000–2100", "outside 2000–2100", ["plan", "assign", "--year", "1999", "--due", "1999-01-15", "--as", "tonghop_37"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_plan_command_says_why_in_both_languages_and_changes_nothing(string why, int exitCode, string vi, string en, string[] args)
    {
        InitAndRequestPlans();
        temp.Write("month.csv", "indicator,unit,period,value", $"{Indicator},{A},2026-M10,5");
        temp.Write("old.csv", "indicator,unit,period,value", $"{Indicator},{A},2021-2025,5");
        temp.Write("unknown.csv", "indicator,unit,period,value", $"XYZ,{A},2026,5");
        temp.Write("stranger.csv", "indicator,unit,period,value", $"{Indicator},99999,2026,5");
        temp.Write("y2027.csv", "indicator,unit,period,value", $"{Indicator},{A},2027,5");
        temp.Write("good.csv", "indicator,unit,period,value", $"{Indicator},{A},2026,5");
        string[] resolved = [.. args.Select(a => a.EndsWith(".csv", StringComparison.Ordinal) ? temp.File(a) : a)];
        string before = Snapshot(db);

        CliResult result = Wf([.. resolved, "--at", "2026-01-05"]);

        CliAssert.RejectedBilingually(result, exitCode, vi, en);
        Assert.True(before == Snapshot(db), why);
    }

    // The whole cycle file, as the cycle command tests read it.
    private static string Snapshot(string path) => WorkflowCycleCommandTests.Snapshot(path);
}

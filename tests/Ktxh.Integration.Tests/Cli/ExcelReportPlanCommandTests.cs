using ClosedXML.Excel;
using Ktxh.Periods;
using Ktxh.Workflow;
using Ktxh.Workflow.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh excel report --plan-db</c>: the % of plan column filled from the yearly plan targets a <c>ktxh workflow</c>
/// file's province accepted. Commune 13285 of 37 Ninh Bình registers a 2026 target of 200 for HNM.CTK.09.001 (a plan
/// submission driven through the engine on the file, as the CLI has no plan command); its 2026 value is 50 → 25,0 %.
/// A month is compared through its year-to-date row (<c>2026-YTD-M10</c>) in the same file.
/// </summary>
[Collection("Console")]
public sealed class ExcelReportPlanCommandTests : IDisposable
{
    private const string A = "13285";
    private const string B = "13291";
    private const string Indicator = "HNM.CTK.09.001";
    private readonly TempDirectory temp = new();
    private readonly string db;
    private readonly string xlsx;

    public ExcelReportPlanCommandTests()
    {
        db = temp.File("cycle.db");
        xlsx = temp.File("bao-cao.xlsx");
    }

    public void Dispose() => temp.Dispose();

    private void InitWithPlan()
    {
        CliAssert.Succeeded(CliRunner.Run("workflow", "init", "--db", db, "--province", "37", "--year", "2026", "--forms", "CTK.09", "--units", $"{A},{B}", "--at", "2026-01-02"));
        var engine = new WorkflowEngine(SqliteWorkflowStore.Open(db).Value, new FakeClock(Instant.FromUtc(2026, 1, 5, 2, 0)));
        var year = ReportingPeriod.Year(2026);
        var plan = new SubmissionId("KH-2026", A, year, SubmissionKind.PlanTarget);
        var aggregator = new Actor("tonghop_37", "37", WorkflowRole.Aggregator);
        Assert.True(engine.AssignAsync(aggregator, new Assignment(plan, "37", new LocalDate(2026, 2, 12)), Guid.NewGuid()).GetAwaiter().GetResult().Success);
        var content = new SubmissionContent([DataValue.Number(Indicator, A, year, 200m) with { Column = FormColumnKind.YearlyTarget }]);
        Step(engine, plan, new Actor($"nhaplieu_{A}", A, WorkflowRole.DataEntry), WorkflowTrigger.EnterValues, content);
        Step(engine, plan, new Actor($"nhaplieu_{A}", A, WorkflowRole.DataEntry), WorkflowTrigger.SubmitForApproval);
        Step(engine, plan, new Actor($"lanhdao_{A}", A, WorkflowRole.Approver), WorkflowTrigger.Approve);
        Step(engine, plan, new Actor($"vanthu_{A}", A, WorkflowRole.Sender), WorkflowTrigger.Send);
        Step(engine, plan, aggregator, WorkflowTrigger.Accept);
        SqliteConnection.ClearAllPools();
    }

    private static void Step(WorkflowEngine engine, SubmissionId id, Actor actor, WorkflowTrigger trigger, SubmissionContent? content = null)
    {
        var result = engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), id, actor, trigger) { Content = content }).GetAwaiter().GetResult();
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void The_percent_of_plan_column_comes_from_the_accepted_yearly_target()
    {
        InitWithPlan();
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value", $"{Indicator},{A},2026,50", $"{Indicator},{B},2026,70");

        CliAssert.Succeeded(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--plan-db", db, "--out", xlsx));

        using var book = new XLWorkbook(xlsx);
        IXLWorksheet sheet = book.Worksheet("Báo cáo");
        Assert.Equal(Indicator, sheet.Cell(5, 2).GetString());
        Assert.Equal(50m, sheet.Cell(5, 5).GetValue<decimal>()); // A: this period
        Assert.Equal(25m, sheet.Cell(5, 6).GetValue<decimal>()); // A: 50 of 200
        Assert.Equal(70m, sheet.Cell(5, 7).GetValue<decimal>()); // B: this period
        Assert.True(sheet.Cell(5, 8).IsEmpty(), "B has no plan target");
    }

    [Fact]
    public void A_month_gets_no_percent_of_a_yearly_plan_from_its_own_value()
    {
        InitWithPlan();
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value", $"{Indicator},{A},2026-M10,50");

        CliAssert.Succeeded(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--plan-db", db, "--out", xlsx));

        using var book = new XLWorkbook(xlsx);
        IXLWorksheet sheet = book.Worksheet("Báo cáo");
        Assert.Equal(50m, sheet.Cell(5, 5).GetValue<decimal>());
        Assert.True(sheet.Cell(5, 6).IsEmpty(), "a month's own value is not compared with a yearly target");
    }

    [Fact]
    public void A_month_is_compared_through_its_year_to_date_row_of_the_same_file()
    {
        InitWithPlan();
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value",
            $"{Indicator},{A},2026-M10,50", $"{Indicator},{A},2026-YTD-M10,150", $"{Indicator},{A},2026-YTD-M09,100", $"{Indicator},{A},2026-Q4,50");

        CliAssert.Succeeded(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--period", "2026-M10", "--plan-db", db, "--out", xlsx));

        using var book = new XLWorkbook(xlsx);
        IXLWorksheet sheet = book.Worksheet("Báo cáo");
        Assert.Equal(50m, sheet.Cell(5, 5).GetValue<decimal>());  // October's own value is shown
        Assert.Equal(75m, sheet.Cell(5, 6).GetValue<decimal>());  // January–October: 150 of 200
        Assert.True(sheet.Cell(5, 7).IsEmpty(), "only October is shown");
    }

    [Fact]
    public void Periods_across_each_get_the_percent_of_their_own_year_to_date()
    {
        InitWithPlan();
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value,disaggregation",
            $"{Indicator},{A},2026-M09,40,", $"{Indicator},{A},2026-M10,50,", $"{Indicator},{A},2026-YTD-M09,100,", $"{Indicator},{A},2026-YTD-M10,150,",
            $"{Indicator},{A},2026-YTD-M10,999,GT=NU");

        CliAssert.Succeeded(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--across", "periods", "--plan-db", db, "--out", xlsx));

        using var book = new XLWorkbook(xlsx);
        IXLWorksheet sheet = book.Worksheet("Báo cáo");
        // Periods by start: 2026-YTD-M09, 2026-YTD-M10, 2026-M09, 2026-M10; each with its value and % of plan (the
        // disaggregated line is not a total and is left out).
        Assert.Equal([100m, 50m, 150m, 75m, 40m, 50m, 50m, 75m], Enumerable.Range(5, 8).Select(c => sheet.Cell(5, c).GetValue<decimal>()));
    }

    [Fact]
    public void A_missing_plan_database_is_refused_and_writes_nothing()
    {
        string aggregates = temp.Write("agg.csv", "indicator,unit,period,value", $"{Indicator},{A},2026,50");
        CliAssert.RejectedBilingually(CliRunner.Run("excel", "report", "--aggregates", aggregates, "--plan-db", db, "--out", xlsx), 2,
            "hãy chạy 'ktxh workflow init' trước", "run 'ktxh workflow init' first");
        Assert.False(File.Exists(db));
        Assert.False(File.Exists(xlsx));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh workflow init|assign|submit|approve|reject|send|accept|return|reopen|progress|audit verify|export</c> driving a
/// cycle on a temporary SQLite file, and each refusal: exit code, a message in Vietnamese and English on stderr,
/// nothing on stdout, and the file unchanged. Three communes of 37 Ninh Bình (13285, 13291, 13318) report form CTK.09
/// for October 2026; the deadline is the 12th of the next month (Thursday 12/11/2026).
/// </summary>
[Collection("Console")]
public sealed class WorkflowCycleCommandTests : IDisposable
{
    private const string A = "13285";
    private const string B = "13291";
    private const string C = "13318";
    private const string Total = "HNM.CTK.09.001";
    private const string Part = "HNM.CTK.09.002";
    private readonly TempDirectory temp = new();
    private readonly string db;

    public WorkflowCycleCommandTests() => db = temp.File("cycle.db");

    public void Dispose() => temp.Dispose();

    private CliResult Wf(params string[] args) => CliRunner.Run(["workflow", .. args, "--db", db]);

    private void Ok(params string[] args) => CliAssert.Succeeded(Wf(args));

    private void InitAndAssign()
    {
        Ok("init", "--province", "37", "--year", "2026", "--forms", "CTK.09", "--units", $"{A},{B},{C}", "--at", "2026-10-01");
        Ok("assign", "--as", "tonghop_37", "--periods", "2026-M10", "--at", "2026-10-31");
    }

    private string Values(string name, params (string Indicator, string Unit, decimal Value)[] rows) =>
        temp.Write(name, ["indicator,unit,period,value", .. rows.Select(r => $"{r.Indicator},{r.Unit},2026-M10,{r.Value.ToString(CultureInfo.InvariantCulture)}")]);

    /// <summary>Enter, submit, approve and send unit <paramref name="unit"/>'s values on <paramref name="day"/>.</summary>
    private void SendAll(string unit, decimal total, string day)
    {
        Ok("submit", "--values", Values($"v{unit}-{day}.csv", (Total, unit, total), (Part, unit, total / 2)), "--as", $"nhaplieu_{unit}", "--at", day);
        Ok("approve", "--period", "2026-M10", "--as", $"lanhdao_{unit}", "--at", day);
        Ok("send", "--period", "2026-M10", "--as", $"vanthu_{unit}", "--at", day);
    }

    [Fact]
    public void A_whole_cycle_runs_through_the_commands_and_its_accepted_values_aggregate()
    {
        InitAndAssign();

        // A sends on time and is accepted.
        SendAll(A, 1000m, "2026-11-05");
        Ok("accept", "--period", "2026-M10", "--unit", A, "--as", "tonghop_37", "--at", "2026-11-06");

        // B's leader rejects its first entry with a reason; B corrects it and sends; the province returns it with a
        // reason; B sends again after the deadline and is accepted.
        Ok("submit", "--values", Values("b1.csv", (Total, B, 90m), (Part, B, 45m)), "--as", $"nhaplieu_{B}", "--at", "2026-11-09");
        Ok("reject", "--period", "2026-M10", "--reason", "Tổng sai", "--as", $"lanhdao_{B}", "--at", "2026-11-09");
        SendAll(B, 500m, "2026-11-10");
        Ok("return", "--period", "2026-M10", "--unit", B, "--reason", "Thiếu thuyết minh", "--as", "tonghop_37", "--at", "2026-11-11");
        SendAll(B, 600m, "2026-11-16");
        Ok("accept", "--period", "2026-M10", "--unit", B, "--as", "tonghop_37", "--at", "2026-11-16");

        // Progress a week after the deadline: A on time, B sent first on time (first-send policy), C missing.
        JsonElement json = CliAssert.SucceededWithJson(Wf("progress", "--json", "--at", "2026-11-20"));
        JsonElement report = json.GetProperty("reports").EnumerateArray().Single();
        Assert.Equal("CTK.09", report.GetProperty("form").GetString());
        Assert.Equal("2026-M10", report.GetProperty("period").GetString());
        var units = report.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.Equal("Accepted", units[A].GetProperty("state").GetString());
        Assert.Equal("OnTime", units[A].GetProperty("timeliness").GetString());
        Assert.Equal("2026-11-05T02:00:00Z", units[A].GetProperty("sentAt").GetString());
        Assert.Equal("Accepted", units[B].GetProperty("state").GetString());
        Assert.Equal(3, units[B].GetProperty("revision").GetInt32()); // rejected (1), returned (2), accepted (3): every revision kept
        Assert.Equal("NotStarted", units[C].GetProperty("state").GetString());
        Assert.Equal("Missing", units[C].GetProperty("timeliness").GetString());
        Assert.Equal("2026-11-12", units[C].GetProperty("dueDate").GetString());
        Assert.Equal(3, report.GetProperty("totals").GetProperty("units").GetInt32());
        Assert.Equal(2, report.GetProperty("totals").GetProperty("byState").GetProperty("Accepted").GetInt32());

        string table = CliAssert.Succeeded(Wf("progress", "--at", "2026-11-20"));
        Assert.Contains("CTK.09 2026-M10", table);
        Assert.Contains("Tổng / totals: 3 đơn vị / units; NotStarted 1, Accepted 2", table);

        string verified = CliAssert.Succeeded(Wf("audit", "verify"));
        Assert.Matches(@"audit chain verified: \d+ sự kiện / events, 3 luồng / streams, đầu chuỗi / head \d+:[0-9a-f]{64}", verified);

        // The accepted values feed `ktxh aggregate`: the province's total is A's and B's accepted totals.
        string exported = temp.File("accepted.csv");
        Assert.Contains("4 giá trị đã tiếp nhận", CliAssert.Succeeded(Wf("export", "--accepted", "--out", exported)));
        string[] lines = File.ReadAllLines(exported);
        Assert.Equal("indicator,unit,period,value,disaggregation,maturity,unit_of_measure", lines[0]);
        Assert.Contains($"{Total},{B},2026-M10,600,,official,", lines);
        string aggregated = temp.File("agg.csv");
        CliAssert.Succeeded(CliRunner.Run("aggregate", "--values", exported, "--out", aggregated));
        Assert.Contains(File.ReadAllLines(aggregated), l => l.StartsWith($"{Total},37,2026-M10,1600,2,", StringComparison.Ordinal));

        // A asks to reopen with a reason, the province grants: A is back in draft in a new revision, no longer exported.
        Ok("reopen", "--period", "2026-M10", "--reason", "Sửa số liệu", "--as", $"lanhdao_{A}", "--at", "2026-11-23");
        string granted = CliAssert.Succeeded(Wf("reopen", "--period", "2026-M10", "--unit", A, "--grant", "--as", "tonghop_37", "--at", "2026-11-23"));
        Assert.Contains("Draft, bản / revision 2", granted);
        string stdoutCsv = CliAssert.Succeeded(Wf("export", "--accepted"));
        Assert.DoesNotContain($",{A},", stdoutCsv);
        Assert.Contains($",{B},", stdoutCsv);
        CliAssert.Succeeded(Wf("audit", "verify"));
    }

    [Fact]
    public void The_same_script_at_the_same_times_writes_the_same_chain()
    {
        string Run(string file)
        {
            CliAssert.Succeeded(CliRunner.Run("workflow", "init", "--db", file, "--province", "37", "--year", "2026", "--forms", "CTK.09", "--units", A, "--at", "2026-10-01"));
            CliAssert.Succeeded(CliRunner.Run("workflow", "assign", "--db", file, "--as", "tonghop_37", "--periods", "2026-M10", "--at", "2026-10-31"));
            CliAssert.Succeeded(CliRunner.Run("workflow", "submit", "--db", file, "--values", Values("r.csv", (Total, A, 10m)), "--as", $"nhaplieu_{A}", "--at", "2026-11-02"));
            return CliAssert.Succeeded(CliRunner.Run("workflow", "audit", "verify", "--db", file));
        }

        Assert.Equal(Run(temp.File("one.db")).Replace("one.db", ""), Run(temp.File("two.db")).Replace("two.db", ""));
    }

    public static TheoryData<string, int, string, string, string[]> Refusals => new()
    {
        // Wrong actor: data entry cannot approve (role), and may not approve its own entry (segregation of duties).
        { "wrong actor", 1, "tài khoản phải có quyền phê duyệt", "the account needs the approver role", ["approve", "--period", "2026-M10", "--as", $"nhaplieu_{A}"] },
        { "other unit's actor", 1, "chỉ đơn vị báo cáo", "only the reporting unit", ["approve", "--period", "2026-M10", "--unit", A, "--as", $"lanhdao_{B}"] },
        { "wrong state", 1, "không được phép ở trạng thái", "not permitted in state", ["send", "--period", "2026-M10", "--as", $"vanthu_{A}"] },
        { "accept before sent", 1, "không được phép ở trạng thái", "not permitted in state", ["accept", "--period", "2026-M10", "--unit", A, "--as", "tonghop_37"] },
        { "missing reason", 2, "Dòng lệnh không hợp lệ", "the required option --reason of 'ktxh workflow reject' is missing", ["reject", "--period", "2026-M10", "--as", $"lanhdao_{A}"] },
        { "blank reason", 1, "lý do", "reason", ["reject", "--period", "2026-M10", "--reason", " ", "--as", $"lanhdao_{A}"] },
        { "reopen without reason", 2, "phải nêu lý do", "needs a reason", ["reopen", "--period", "2026-M10", "--as", $"lanhdao_{A}"] },
        { "unknown unit", 2, "đơn vị không thuộc chu trình: 99999", "units not in the cycle: 99999", ["accept", "--period", "2026-M10", "--unit", "99999", "--as", "tonghop_37"] },
        { "unknown form", 2, "biểu 'XYZ.01' không thuộc chu trình", "form 'XYZ.01' is not in this cycle", ["approve", "--form", "XYZ.01", "--period", "2026-M10", "--as", $"lanhdao_{A}"] },
        { "unknown period", 2, "kỳ '2026-M13' không hợp lệ", "period '2026-M13' is not valid", ["approve", "--period", "2026-M13", "--as", $"lanhdao_{A}"] },
        { "never assigned", 1, "chưa được giao", "never assigned", ["approve", "--period", "2026-M11", "--as", $"lanhdao_{A}"] },
        { "unknown account", 2, "không có tài khoản 'nobody'", "there is no account 'nobody'", ["approve", "--period", "2026-M10", "--as", "nobody"] },
        { "bad time", 2, "thời điểm 'yesterday' không hợp lệ", "time 'yesterday' is not valid", ["progress", "--at", "yesterday"] },
        { "assign again", 1, "đã được giao", "already assigned", ["assign", "--periods", "2026-M10", "--as", "tonghop_37"] },
        { "assign by a commune", 1, "không thể giao biểu", "cannot assign", ["assign", "--periods", "2026-M11", "--as", $"lanhdao_{A}"] },
        { "assign a quarter to a monthly form", 2, "không phải kỳ Month", "is not a Month period", ["assign", "--periods", "2026-Q4", "--as", "tonghop_37"] },
        { "init twice", 1, "đã được khởi tạo", "already holds a cycle", ["init", "--province", "37", "--year", "2026"] },
        { "init with an unknown province", 2, "không có tỉnh mã '99'", "no province with code '99'", ["init", "--province", "99", "--year", "2026"] },
        { "export without --accepted", 2, "hãy nêu --accepted", "name --accepted", ["export"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_command_says_why_in_both_languages_and_changes_nothing(string why, int exitCode, string vi, string en, string[] args)
    {
        InitAndAssign();
        Ok("submit", "--values", Values("a.csv", (Total, A, 10m), (Part, A, 4m)), "--as", $"nhaplieu_{A}", "--at", "2026-11-02");
        string before = Snapshot(db);

        CliResult result = Wf([.. args, .. args.Contains("--at") ? Array.Empty<string>() : ["--at", "2026-11-03"]]);

        CliAssert.RejectedBilingually(result, exitCode, vi, en);
        Assert.True(before == Snapshot(db), why);
    }

    [Fact]
    public void A_step_on_several_submissions_writes_nothing_when_one_is_refused()
    {
        InitAndAssign();
        SendAll(A, 10m, "2026-11-02");
        string before = Snapshot(db);

        // A was sent, C was not: accepting both is refused as a whole, A stays sent.
        CliResult result = Wf("accept", "--period", "2026-M10", "--unit", $"{A},{C}", "--as", "tonghop_37", "--at", "2026-11-03");

        CliAssert.RejectedBilingually(result, 1, C, "not permitted in state");
        Assert.DoesNotContain(A + " · 2026-M10", result.Stderr);
        Assert.Equal(before, Snapshot(db));
    }

    [Theory]
    [InlineData("unit out of scope", "HNM.CTK.09.001,99999,2026-M10,5", "Đơn vị '99999' không thuộc chu trình", "line 2")]
    [InlineData("indicator on no form of the cycle", "HNM.STC.01.001,13285,2026-M10,5", "không có trong biểu nào", "is on no form of the cycle")]
    [InlineData("malformed value", "HNM.CTK.09.001,13285,2026-M10,abc", "dòng 2", "InvalidValue")]
    public void Values_that_cannot_be_entered_are_invalid_input_located_at_their_line(string why, string row, string vi, string en)
    {
        InitAndAssign();
        string before = Snapshot(db);

        CliResult result = Wf("submit", "--values", temp.Write("bad.csv", "indicator,unit,period,value", row), "--as", $"nhaplieu_{A}", "--at", "2026-11-02");

        CliAssert.RejectedBilingually(result, 2, vi, en);
        Assert.True(before == Snapshot(db), why);
    }

    [Fact]
    public void A_missing_database_is_invalid_input_and_is_not_created()
    {
        CliResult result = Wf("progress");

        CliAssert.RejectedBilingually(result, 2, "hãy chạy 'ktxh workflow init' trước", "run 'ktxh workflow init' first");
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_corrupt_database_file_is_invalid_input_and_is_left_as_it_was()
    {
        byte[] garbage = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a database ", 400)));
        File.WriteAllBytes(db, garbage);

        CliResult result = Wf("approve", "--period", "2026-M10", "--as", $"lanhdao_{A}");

        CliAssert.RejectedBilingually(result, 2, "Không mở được kho quy trình SQLite", "cannot be opened");
        Assert.Equal(garbage, File.ReadAllBytes(db));
    }

    [Fact]
    public void A_store_file_without_a_cycle_set_up_is_invalid_input()
    {
        Ktxh.Workflow.Sqlite.SqliteWorkflowStore.Open(db).Value.GetHashCode();
        SqliteConnection.ClearAllPools();

        CliAssert.RejectedBilingually(Wf("progress"), 2, "không có thiết lập chu trình", "holds no cycle set-up");
    }

    [Fact]
    public void A_tampered_database_fails_audit_verify_with_the_located_finding()
    {
        InitAndAssign();
        SendAll(A, 10m, "2026-11-02");
        CliAssert.Succeeded(Wf("audit", "verify"));

        // Someone edits a sent value behind the store's back: the body no longer matches its hash.
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE events SET body = CAST(REPLACE(CAST(body AS TEXT), '\"2026-11-02', '\"2026-11-01') AS BLOB) WHERE position = 5;";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        CliResult result = Wf("audit", "verify");

        CliAssert.RejectedBilingually(result, 1, "Chuỗi nhật ký KHÔNG hợp lệ", "does NOT verify");
        Assert.Contains("EventHashMismatch", result.Stderr);
    }

    [Fact]
    public void The_demo_leaves_its_cycle_in_a_file_the_workflow_commands_read()
    {
        string dir = temp.File("demo");
        string stdout = CliAssert.Succeeded(CliRunner.Run("demo", "--dir", dir));
        string file = Path.Combine(dir, "workflow.db");
        Assert.Contains($"ktxh workflow progress --db \"{file}\"", stdout);

        // The demo's own story, read back from the file: late and missing communes, the chain verified.
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("workflow", "progress", "--db", file, "--json", "--at", "2026-11-19"));
        JsonElement report = json.GetProperty("reports").EnumerateArray().Single();
        Assert.Equal("CTK.09", report.GetProperty("form").GetString());
        JsonElement byTimeliness = report.GetProperty("totals").GetProperty("byTimeliness");
        Assert.Equal(3, byTimeliness.GetProperty("Late").GetInt32());
        Assert.Equal(1, byTimeliness.GetProperty("Missing").GetInt32());
        Assert.Equal(report.GetProperty("units").GetArrayLength(), report.GetProperty("totals").GetProperty("units").GetInt32());
        Assert.Contains("audit chain verified", CliAssert.Succeeded(CliRunner.Run("workflow", "audit", "verify", "--db", file)));

        // Run again: the file is replaced, not appended to (the same seed gives the same chain).
        string head = CliAssert.Succeeded(CliRunner.Run("workflow", "audit", "verify", "--db", file));
        CliAssert.Succeeded(CliRunner.Run("demo", "--dir", dir));
        Assert.Equal(head, CliAssert.Succeeded(CliRunner.Run("workflow", "audit", "verify", "--db", file)));
    }

    /// <summary>Everything the cycle's file holds (events with their hashes, the index, the CLI's tables), read without
    /// the store, to show a refused command changed nothing.</summary>
    internal static string Snapshot(string path)
    {
        var sb = new StringBuilder();
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        foreach (string sql in new[]
        {
            "SELECT position, stream_id, version, command_id, hex(body), hash FROM events ORDER BY position",
            "SELECT * FROM submissions ORDER BY stream_id",
            "SELECT * FROM cli_setup ORDER BY key",
            "SELECT * FROM cli_accounts ORDER BY user_name",
        })
        {
            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using SqliteDataReader r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (int i = 0; i < r.FieldCount; i++)
                {
                    sb.Append(r.GetValue(i)).Append('|');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}

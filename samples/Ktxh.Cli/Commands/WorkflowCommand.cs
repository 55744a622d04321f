using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Ktxh.Aggregation;
using Ktxh.Cli.Cycle;
using Ktxh.Cli.Files;
using Ktxh.Periods;
using Ktxh.Workflow;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh workflow</c>: the lifecycle diagram (<c>diagram</c>) and the commands that drive a reporting cycle on a
/// SQLite file (<c>init</c>, <c>assign</c>, <c>submit</c>, <c>approve</c>, <c>reject</c>, <c>send</c>, <c>accept</c>,
/// <c>return</c>, <c>reopen</c>, <c>plan assign|submit</c>, <c>progress</c>, <c>audit verify</c>, <c>export</c>); README
/// "ktxh workflow".
/// </summary>
/// <remarks>
/// Exit codes: 0 done; 1 a negative answer on valid input (the workflow refused the command by one of its rules, the
/// file already holds a cycle, or the audit chain does not verify); 2 invalid input (options, files, unknown account,
/// unit, form or period, a database that cannot be opened). On 1 and 2 a message in Vietnamese and English goes to
/// stderr and nothing to stdout. A command on several submissions checks every one first and writes nothing if any
/// is refused; each write is one transaction of the store.
/// </remarks>
internal sealed partial class WorkflowCommand(CliContext cli)
{
    private const int Refused = 1;
    private const int InvalidInput = KtxhCli.InvalidInput;

    public Command Create()
    {
        var merge = new Option<bool>("--merge-approve-send") { Description = "Policy: small units, the approver also sends (MergeApproveAndSend)." };
        var twoStep = new Option<bool>("--two-step-accept") { Description = "Policy: two-step acceptance, receive then accept (TwoStepAccept)." };
        var guards = new Option<bool>("--guards") { Description = "Print each transition's guards on its arrow." };
        var diagram = new Command("diagram", "Print the Mermaid diagram of the submission lifecycle (generated from the lifecycle table).")
        {
            merge,
            twoStep,
            guards,
        };
        diagram.TreatUnmatchedTokensAsErrors = false; // Reported below, bilingually, with exit code 2.
        diagram.SetAction(parseResult =>
        {
            if (parseResult.UnmatchedTokens.Count > 0)
            {
                string tokens = string.Join(" ", parseResult.UnmatchedTokens);
                cli.Error.WriteLine($"Tham số không hiểu được: {tokens}. / Unrecognised arguments: {tokens}.");
                return InvalidInput;
            }

            var policy = new WorkflowPolicy
            {
                Name = "cli",
                MergeApproveAndSend = parseResult.GetValue(merge),
                TwoStepAccept = parseResult.GetValue(twoStep),
            };
            cli.Out.Write(WorkflowDiagram.Mermaid(policy, parseResult.GetValue(guards)));
            return 0;
        });

        var workflow = new Command("workflow", "The reporting workflow (giao biểu, nhập, duyệt, gửi, tiếp nhận) on a SQLite file, and its lifecycle diagram.")
        {
            diagram,
            InitCommand(),
            AssignCommand(),
            SubmitCommand(),
            TransitionCommand("approve", "The unit's leader approves (phê duyệt).", WorkflowTrigger.Approve, reasonRequired: false),
            TransitionCommand("reject", "The unit's leader rejects, with a reason (từ chối): back to draft in a new revision.", WorkflowTrigger.Reject, reasonRequired: true),
            TransitionCommand("send", "The unit's sender sends the approved report to the province (gửi).", WorkflowTrigger.Send, reasonRequired: false),
            TransitionCommand("accept", "The province's aggregator accepts (tiếp nhận, chấp nhận).", WorkflowTrigger.Accept, reasonRequired: false),
            TransitionCommand("return", "The province's aggregator returns the report, with a reason (trả lại): back to draft.", WorkflowTrigger.Return, reasonRequired: true),
            ReopenCommand(),
            PlanCommand(),
            ProgressCommand(),
            AuditCommand(),
            ExportCommand(),
        };
        return workflow;
    }

    /// <summary>The options every cycle command takes.</summary>
    private sealed class Common
    {
        public Option<string> Db { get; } = new("--db")
        {
            Description = $"The SQLite file of the cycle (default {CycleFile.DefaultPath} in the current folder).",
            DefaultValueFactory = _ => CycleFile.DefaultPath,
            // A blank path is no file (found by the CLI fuzz test: `--db ""` reached the file system, exit 70); the
            // words are those of the parser's own error for a file option (CommandLineMessages).
            Validators =
            {
                result =>
                {
                    if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
                    {
                        string given = CliText.Shorten(result.GetValueOrDefault<string>() ?? string.Empty);
                        result.AddError($"'{given}' không phải đường dẫn tệp hợp lệ cho --db / '{given}' is not a valid file path for --db");
                    }
                },
            },
        };

        public Option<string?> At { get; } = new("--at")
        {
            Description = $"The time of the command instead of the real clock (2026-11-10, 2026-11-10T09:00 Vietnam time, or an instant ending in Z); also env {CycleClock.EnvironmentVariable}.",
        };

        public Option<string?> As { get; } = new("--as") { Description = "The account that acts (e.g. nhaplieu_<unit>, lanhdao_<unit>, vanthu_<unit>, tonghop_<province>)." };

        public void AddTo(Command command, bool? actorRequired)
        {
            command.Options.Add(Db);
            if (actorRequired is { } required)
            {
                As.Required = required;
                command.Options.Add(As);
            }

            command.Options.Add(At);
        }
    }

    /// <summary>An open cycle: the file, the engine on it, the clock and the acting account (when one was named).</summary>
    private sealed record Session(CycleFile File, WorkflowEngine Engine, IClock Clock, Actor? Actor)
    {
        public Actor Acting => Actor ?? throw new InvalidOperationException("--as");

        public CycleSetup Setup => File.Setup;
    }

    /// <summary>Opens the file named by <c>--db</c>, resolves <c>--at</c> and <c>--as</c>, and runs <paramref name="body"/>;
    /// a database or file fault becomes a message and exit code 2, never a stack trace.</summary>
    private int WithSession(ParseResult parse, Common common, Func<Session, int> body) => Guarded(() =>
    {
        KtxhResult<IClock> clock = CycleClock.Resolve(parse.GetValue(common.At));
        if (!clock.Success)
        {
            return Fail(InvalidInput, clock.Errors);
        }

        KtxhResult<CycleFile> file = CycleFile.Open(parse.GetValue(common.Db)!);
        if (!file.Success)
        {
            return Fail(InvalidInput, file.Errors);
        }

        Actor? actor = null;
        if (parse.GetValue(common.As) is { } userName)
        {
            if (!file.Value.Accounts.TryGetValue(userName, out actor))
            {
                return Fail(InvalidInput, $"--as: không có tài khoản '{userName}' trong chu trình này (tài khoản có sẵn: tonghop_{file.Value.Setup.Province}, nhaplieu_/lanhdao_/vanthu_<mã xã>).",
                    $"--as: there is no account '{userName}' in this cycle (built-in accounts: tonghop_{file.Value.Setup.Province}, nhaplieu_/lanhdao_/vanthu_<commune code>).");
            }
        }

        var engine = new WorkflowEngine(file.Value.Store, clock.Value, new WorkflowEngineOptions { Calendar = cli.Get<WorkingCalendar>() });
        return body(new Session(file.Value, engine, clock.Value, actor));
    });

    private int Guarded(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (SqliteException ex)
        {
            // The error code, never the exception's English text.
            return Fail(InvalidInput, $"--db: tệp không phải cơ sở dữ liệu chu trình dùng được (mã lỗi SQLite {ex.SqliteErrorCode})", $"--db: the file is not a usable cycle database (SQLite error code {ex.SqliteErrorCode})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(InvalidInput, "--db: không đọc ghi được tệp (không có quyền, tệp đang bị khóa hoặc là một thư mục)", "--db: the file cannot be read or written (no permission, locked, or a folder)");
        }
        finally
        {
            // The store pools its connections; a CLI command leaves no handle on the file behind it.
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Reads a values CSV (docs/aggregation-csv.md) through the CLI's one file reader; prints every located error
    /// (a missing or unreadable file, a malformed line) and returns false on any.</summary>
    private bool TryReadValues(FileInfo file, out AggregationInputs? inputs)
    {
        inputs = null;
        if (!InputFile.TryRead(cli, "--values", file, stream => AggregationCsv.ReadInputs(stream, file.Name), out KtxhResult<AggregationInputs>? csv))
        {
            return false;
        }

        if (!csv!.Success)
        {
            Fail(InvalidInput, csv.Errors);
            return false;
        }

        inputs = csv.Value;
        return true;
    }

    private int Fail(int exitCode, IEnumerable<KtxhError> errors)
    {
        foreach (KtxhError e in errors)
        {
            cli.Error.WriteLine(e);
        }

        return exitCode;
    }

    private int Fail(int exitCode, string vi, string en)
    {
        cli.Error.WriteLine($"{vi} / {en}");
        return exitCode;
    }

    /// <summary>
    /// The command id of a step: derived from the submission, the version it acts on, the trigger and the account, so
    /// that a replayed script (same <c>--at</c>) writes the same events and the same chain, and the same step repeated
    /// on the same version is recognised as the same command.
    /// </summary>
    private static Guid CommandId(SubmissionId id, long version, WorkflowTrigger trigger, string userName)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id.StreamId}|{version}|{trigger}|{userName}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

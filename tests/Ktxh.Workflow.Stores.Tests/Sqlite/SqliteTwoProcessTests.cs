using System.Diagnostics;
using static Ktxh.Workflow.Stores.Tests.WorkflowStoreContract;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>A fact that needs python3 (its sqlite3 module plays the second process on the file).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class Python3FactAttribute : FactAttribute
{
    public Python3FactAttribute()
    {
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        if (!path.Any(p => File.Exists(Path.Combine(p, "python3"))))
        {
            Skip = "python3 is not on PATH: it plays the second process on the SQLite file.";
        }
    }
}

/// <summary>Another process on the same file: its write lock makes the store wait, and it sees what the store committed.</summary>
public sealed class SqliteTwoProcessTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static Process Python(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    [Python3Fact]
    public async Task A_writer_in_another_process_makes_the_store_wait_and_each_sees_the_others_commits()
    {
        IWorkflowStore store = _db.Open();
        string stream = Id().StreamId;
        Assert.True((await store.AppendAsync(stream, 0, [Pending(stream)], null)).Success);

        // The other process takes the write lock (BEGIN IMMEDIATE), says so, holds it a moment, and commits a row
        // of its own into a table the store does not know.
        using Process holder = Python("""
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("CREATE TABLE IF NOT EXISTS other_process (n INTEGER)")
            c.execute("INSERT INTO other_process VALUES (1)")
            print("locked", flush=True)
            time.sleep(1.5)
            c.execute("COMMIT")
            """, _db.Path);
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());
        KtxhResult<IReadOnlyList<StoredEvent>> appended = await store.AppendAsync(stream, 1, [Pending(stream)], null);
        await holder.WaitForExitAsync();
        Assert.True(holder.ExitCode == 0, await holder.StandardError.ReadToEndAsync());
        Assert.Equal([2L], appended.Value.Select(e => e.StreamVersion));

        using Process reader = Python("""
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], timeout=30)
            print(c.execute("SELECT COUNT(*), MAX(version) FROM events").fetchone()[0], c.execute("PRAGMA journal_mode").fetchone()[0])
            """, _db.Path);
        string? seen = await reader.StandardOutput.ReadLineAsync();
        await reader.WaitForExitAsync();
        Assert.Equal("2 wal", seen);
        Assert.True((await VerifyAsync(store, await store.GetHeadAsync())).Success);
    }
}

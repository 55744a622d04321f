namespace Ktxh.Workflow.Sqlite;

/// <summary>Where and how the SQLite workflow store opens its file (bound through <c>IOptions</c>).</summary>
public sealed class KtxhWorkflowSqliteOptions
{
    /// <summary>The database file; created and migrated on first use.</summary>
    public string Path { get; set; } = "ktxh-workflow.db";

    /// <summary>How long a writer waits for another writer's lock (another thread or process).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether every commit is flushed to the disk before an append returns (default true; false trades the
    /// last commits on a power loss for speed: see <see cref="SqliteWorkflowStore.Open"/>).</summary>
    public bool FlushEachCommit { get; set; } = true;
}

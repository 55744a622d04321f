using Ktxh.Workflow.Sqlite;
using Microsoft.Data.Sqlite;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>A database file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("ktxh-sqlite-").FullName;
        Path = System.IO.Path.Combine(Folder, "workflow.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public SqliteWorkflowStore Open() => SqliteWorkflowStore.Open(Path).Value;

    /// <summary>A raw connection, for changing the file behind the store's back.</summary>
    public SqliteConnection Raw()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteConnection c = Raw();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection of another test: the temporary folder is left for the OS.
        }
    }
}

using Ktxh.Workflow.PostgreSql;
using Npgsql;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>A fresh PostgreSQL schema on the test server, dropped afterwards: tests share the database, never tables.</summary>
public sealed class PostgresTestSchema : IDisposable
{
    private readonly List<PostgreSqlWorkflowStore> _opened = [];

    public PostgresTestSchema()
    {
        ConnectionString = PostgresEnvironment.RequireConnectionString();
        Schema = "t_" + Guid.NewGuid().ToString("N")[..16];
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    public PostgreSqlWorkflowStore Open()
    {
        KtxhResult<PostgreSqlWorkflowStore> r = PostgreSqlWorkflowStore.Open(ConnectionString, Schema);
        Assert.True(r.Success, string.Join("\n", r.Errors));
        _opened.Add(r.Value);
        return r.Value;
    }

    public void Execute(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal), c);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (PostgreSqlWorkflowStore s in _opened)
        {
            s.Dispose();
        }

        Execute("DROP SCHEMA IF EXISTS {s} CASCADE;");
    }
}

namespace Ktxh.Workflow.PostgreSql;

/// <summary>Where the PostgreSQL workflow store keeps its tables (bound through <c>IOptions</c>).</summary>
public sealed class KtxhWorkflowPostgreSqlOptions
{
    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema for the tables (lower-case letters, digits, underscores).</summary>
    public string Schema { get; set; } = "ktxh";
}

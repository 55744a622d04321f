namespace Ktxh.Workflow.Stores.Tests;

/// <summary>Where the PostgreSQL tests find their server: <c>KTXH_TEST_POSTGRES</c> (tools/ci/postgres.sh start prints it).</summary>
public static class PostgresEnvironment
{
    public const string Variable = "KTXH_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run. In CI they always run (and fail without a server).</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"No PostgreSQL server: set {Variable} to a connection string (tools/ci/postgres.sh start prints one)."
        : null;

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set, and CI=true: the PostgreSQL store tests must run in CI (.ci/run starts a server with tools/ci/postgres.sh).");
}

/// <summary>Marks a test class whose tests need the PostgreSQL server.</summary>
public interface IRequiresPostgreSql;

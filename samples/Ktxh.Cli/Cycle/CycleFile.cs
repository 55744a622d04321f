using System.Globalization;
using Ktxh.Workflow;
using Ktxh.Workflow.Sqlite;
using Microsoft.Data.Sqlite;

namespace Ktxh.Cli.Cycle;

/// <summary>
/// A reporting cycle in one SQLite file: the workflow store's own tables (Ktxh.Workflow.Sqlite, docs/workflow-stores.md)
/// and two tables of the CLI beside them, <c>cli_setup</c> (key, value: the <see cref="CycleSetup"/>) and
/// <c>cli_accounts</c> (user_name, unit_code, roles, forms: who may act). The CLI's tables are not part of the audit
/// chain; they say who the accounts are, as a host's account database would.
/// </summary>
internal sealed class CycleFile
{
    /// <summary>The file used when <c>--db</c> is not given (in the current folder).</summary>
    public const string DefaultPath = "ktxh-workflow.db";

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS cli_setup (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cli_accounts (user_name TEXT PRIMARY KEY, unit_code TEXT NOT NULL, roles TEXT NOT NULL, forms TEXT NOT NULL);
        """;

    private CycleFile(string path, SqliteWorkflowStore store, CycleSetup setup, IReadOnlyDictionary<string, Actor> accounts)
    {
        Path = path;
        Store = store;
        Setup = setup;
        Accounts = accounts;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The workflow store on the file.</summary>
    public SqliteWorkflowStore Store { get; }

    /// <summary>The cycle's set-up.</summary>
    public CycleSetup Setup { get; }

    /// <summary>The accounts by user name.</summary>
    public IReadOnlyDictionary<string, Actor> Accounts { get; }

    /// <summary>
    /// Creates the file (or migrates an existing store file) and records the set-up and the accounts in one
    /// transaction. Refuses (<c>AlreadyInitialised</c>) a file that already holds a set-up.
    /// </summary>
    public static KtxhResult<CycleFile> Create(string path, CycleSetup setup, IReadOnlyList<Actor> accounts, string createdAt, bool flushEachCommit = true)
    {
        KtxhResult<SqliteWorkflowStore> opened = SqliteWorkflowStore.Open(path, flushEachCommit: flushEachCommit);
        if (!opened.TryGetValue(out SqliteWorkflowStore? store))
        {
            return opened.ConvertError<CycleFile>();
        }

        using SqliteConnection c = Connect(path);
        using SqliteTransaction tx = c.BeginTransaction(deferred: false);
        Execute(c, tx, CreateTables);
        if (Scalar(c, tx, "SELECT COUNT(*) FROM cli_setup;") > 0)
        {
            return KtxhResult<CycleFile>.ForError(new KtxhError("AlreadyInitialised", ErrorLocation.None.WithSource(path),
                $"Tệp {path} đã được khởi tạo cho một chu trình; dùng tệp khác (--db) hoặc xóa tệp này.",
                $"The file {path} already holds a cycle; use another file (--db) or delete this one."));
        }

        (string Key, string Value)[] rows =
        [
            ("province", setup.Province),
            ("year", setup.Year.ToString(CultureInfo.InvariantCulture)),
            ("forms", string.Join(",", setup.Forms)),
            ("units", string.Join(",", setup.Units)),
            ("created_at", createdAt),
        ];
        foreach ((string key, string value) in rows)
        {
            Execute(c, tx, "INSERT INTO cli_setup (key, value) VALUES ($k, $v);", ("$k", key), ("$v", value));
        }

        foreach (Actor a in accounts)
        {
            Execute(c, tx, "INSERT INTO cli_accounts (user_name, unit_code, roles, forms) VALUES ($u, $n, $r, $f);",
                ("$u", a.UserName), ("$n", a.UnitCode), ("$r", a.Roles.ToString()), ("$f", string.Join(",", a.Forms)));
        }

        tx.Commit();
        return KtxhResult.ForValue(new CycleFile(path, store, setup, accounts.ToDictionary(a => a.UserName, StringComparer.Ordinal)));
    }

    /// <summary>Opens a file made by <c>ktxh workflow init</c> (or by the demo); never creates one.</summary>
    public static KtxhResult<CycleFile> Open(string path)
    {
        ErrorLocation at = ErrorLocation.None.WithSource(path);
        if (!File.Exists(path))
        {
            return KtxhResult<CycleFile>.ForError(new KtxhError("NoDatabase", at,
                $"Không có tệp {path}; hãy chạy 'ktxh workflow init' trước (hoặc chỉ đúng tệp bằng --db).",
                $"There is no file {path}; run 'ktxh workflow init' first (or name the right file with --db)."));
        }

        // Looked at read-only first: opening the store would create its tables in any SQLite file (an empty file is
        // one), and a file that is not a cycle must be left exactly as it was (issue 8 §1).
        bool initialised = true; // a file SQLite cannot read is left to the store's own message below
        try
        {
            using var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            probe.Open();
            initialised = Scalar(probe, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cli_setup', 'cli_accounts');") == 2;
        }
        catch (SqliteException)
        {
            // Not readable as SQLite: the store refuses it below, with its own message, and changes nothing.
        }

        if (!initialised)
        {
            return KtxhResult<CycleFile>.ForError(new KtxhError("NotInitialised", at,
                $"Tệp {path} không phải tệp chu trình (không có thiết lập chu trình); hãy chạy 'ktxh workflow init --db {path}'.",
                $"The file {path} is not a cycle file (it holds no cycle set-up); run 'ktxh workflow init --db {path}'."));
        }

        KtxhResult<SqliteWorkflowStore> opened = SqliteWorkflowStore.Open(path);
        if (!opened.TryGetValue(out SqliteWorkflowStore? store))
        {
            return opened.ConvertError<CycleFile>();
        }

        using SqliteConnection c = Connect(path);
        if (Scalar(c, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cli_setup', 'cli_accounts');") != 2)
        {
            return KtxhResult<CycleFile>.ForError(new KtxhError("NotInitialised", at,
                $"Tệp {path} không phải tệp chu trình (không có thiết lập chu trình); hãy chạy 'ktxh workflow init --db {path}'.",
                $"The file {path} is not a cycle file (it holds no cycle set-up); run 'ktxh workflow init --db {path}'."));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (SqliteCommand read = Command(c, null, "SELECT key, value FROM cli_setup;"))
        using (SqliteDataReader r = read.ExecuteReader())
        {
            while (r.Read())
            {
                values[r.GetString(0)] = r.GetString(1);
            }
        }

        var accounts = new Dictionary<string, Actor>(StringComparer.Ordinal);
        using (SqliteCommand read = Command(c, null, "SELECT user_name, unit_code, roles, forms FROM cli_accounts;"))
        using (SqliteDataReader r = read.ExecuteReader())
        {
            while (r.Read())
            {
                if (!Enum.TryParse(r.GetString(2), out WorkflowRole roles))
                {
                    return Damaged(path, "cli_accounts");
                }

                accounts[r.GetString(0)] = new Actor(r.GetString(0), r.GetString(1), roles,
                    r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        if (!values.TryGetValue("province", out string? province) || !values.TryGetValue("year", out string? yearText)
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !values.TryGetValue("forms", out string? forms) || !values.TryGetValue("units", out string? units))
        {
            return Damaged(path, "cli_setup");
        }

        var setup = new CycleSetup(province, year, forms.Split(',', StringSplitOptions.RemoveEmptyEntries),
            units.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return KtxhResult.ForValue(new CycleFile(path, store, setup, accounts));
    }

    private static KtxhResult<CycleFile> Damaged(string path, string table) =>
        KtxhResult<CycleFile>.ForError(new KtxhError("SetupDamaged", ErrorLocation.AtField(table).WithSource(path),
            $"Bảng {table} của tệp {path} bị hỏng.", $"The table {table} of {path} is damaged."));

    // The CLI's own connection, not pooled: it is closed with the command and leaves no handle on the file.
    private static SqliteConnection Connect(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        c.Open();
        return c;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        SqliteCommand cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Execute(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand cmd = Command(c, tx, sql);
        foreach ((string name, object value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using SqliteCommand cmd = Command(c, tx, sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

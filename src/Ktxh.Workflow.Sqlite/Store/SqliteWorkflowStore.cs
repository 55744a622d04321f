using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using Ktxh.Workflow.Store;
using NodaTime.Text;

namespace Ktxh.Workflow.Sqlite;

/// <summary>
/// An <see cref="IWorkflowStore"/> in one SQLite file: the embedded default for a single host. The file is created
/// and migrated on <see cref="Open"/>; it runs in WAL mode (readers never block the writer) with a busy timeout, so
/// several threads and several processes may use the same file.
/// </summary>
/// <remarks>
/// <para>Each append is one transaction started with <c>BEGIN IMMEDIATE</c>: it takes SQLite's single write lock
/// before reading the stream's version and the chain's head, so positions and chain links are assigned under the
/// lock, and nothing of a failed or interrupted append is ever visible (a killed process leaves the transaction to
/// be rolled back from the WAL). The unique constraints on (stream, version) and on the command id guard the same
/// rules a second time in the database itself.</para>
/// <para>Thread safety: every operation opens its own pooled connection; instances are safe to share.</para>
/// </remarks>
public sealed class SqliteWorkflowStore : IWorkflowStore
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private readonly string _connectionString;
    private readonly string _synchronous;

    private SqliteWorkflowStore(string path, string connectionString, bool flushEachCommit)
    {
        Path = path;
        _connectionString = connectionString;
        FlushesEachCommit = flushEachCommit;
        _synchronous = flushEachCommit ? " PRAGMA synchronous = FULL;" : " PRAGMA synchronous = NORMAL;";
    }

    /// <summary>Whether each commit is flushed to the disk before the append returns (see <see cref="Open"/>).</summary>
    public bool FlushesEachCommit { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version this package creates and reads.</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <summary>
    /// Opens a store, creating the file and migrating its schema forward when needed (safe when several processes
    /// open the same file at once: the migration runs under the write lock and re-reads the version).
    /// </summary>
    /// <param name="path">The database file (created when missing; its folder must exist).</param>
    /// <param name="busyTimeout">How long to wait for another writer's lock; null for 30 seconds.</param>
    /// <param name="flushEachCommit">True (the default, for a store that keeps a cycle): every commit is flushed to
    /// the disk before the append returns (<c>PRAGMA synchronous = FULL</c>), so an append that succeeded survives a
    /// power loss. False (demos, tests, benchmarks, bulk loads): <c>synchronous = NORMAL</c>, which in WAL mode is
    /// still safe from corruption and from a killed process, but may lose the last commits on a power loss or an
    /// operating-system crash; about twice as fast on a slow disk.</param>
    /// <returns>The store, or <see cref="SqliteStoreErrorCode.SchemaTooNew"/> when the file was written by a newer
    /// version of this package, or <see cref="SqliteStoreErrorCode.CannotOpen"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static KtxhResult<SqliteWorkflowStore> Open(string path, TimeSpan? busyTimeout = null, bool flushEachCommit = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int seconds = (int)Math.Clamp((busyTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds, 1, int.MaxValue);
        string cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = seconds,
        }.ToString();
        var store = new SqliteWorkflowStore(path, cs, flushEachCommit);
        try
        {
            return store.Migrate();
        }
        catch (SqliteException ex)
        {
            return KtxhResult<SqliteWorkflowStore>.ForError(KtxhError.Create(SqliteStoreErrorCode.CannotOpen, ErrorLocation.None.WithSource(path),
                $"Không mở được kho quy trình SQLite: {CannotOpenVi(ex.SqliteErrorCode)} (mã SQLite {ex.SqliteErrorCode})",
                $"The SQLite workflow store cannot be opened: {CannotOpenEn(ex.SqliteErrorCode)} (SQLite code {ex.SqliteErrorCode})"));
        }
    }

    private KtxhResult<SqliteWorkflowStore> Migrate()
    {
        using SqliteConnection c = Connect();
        // WAL cannot be switched inside a transaction; it is persistent in the file once set.
        Execute(c, null, "PRAGMA journal_mode = WAL;");
        using SqliteTransaction tx = c.BeginTransaction(deferred: false);
        Execute(c, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);");
        long current = Scalar<long>(c, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        if (current > SqliteSchema.CurrentVersion)
        {
            return KtxhResult<SqliteWorkflowStore>.ForError(KtxhError.Create(SqliteStoreErrorCode.SchemaTooNew, ErrorLocation.None.WithSource(Path),
                $"Tệp {Path} được tạo bởi phiên bản mới hơn của Ktxh (lược đồ {current}, phiên bản này chỉ biết tới {SqliteSchema.CurrentVersion}); hãy nâng cấp Ktxh, không mở bằng bản cũ.",
                $"The file {Path} was written by a newer Ktxh (schema {current}, this version knows up to {SqliteSchema.CurrentVersion}); upgrade Ktxh rather than open it with an older one."));
        }

        for (long v = current + 1; v <= SqliteSchema.CurrentVersion; v++)
        {
            Execute(c, tx, SqliteSchema.Migrations[(int)v - 1]);
            using SqliteCommand mark = Command(c, tx, "INSERT INTO schema_version (version, applied_at) VALUES ($v, $t);");
            mark.Parameters.AddWithValue("$v", v);
            mark.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            mark.ExecuteNonQuery();
        }

        tx.Commit();
        return KtxhResult.ForValue(this);
    }

    /// <inheritdoc/>
    public async ValueTask<KtxhResult<IReadOnlyList<StoredEvent>>> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEvent> events,
        SubmissionIndexEntry? index, CancellationToken cancellationToken = default)
    {
        StoreAppendRules.CheckArguments(streamId, events);
        cancellationToken.ThrowIfCancellationRequested();
        if (StoreAppendRules.RepeatedCommand(events) is { } repeated)
        {
            return StoreAppendRules.Duplicate(streamId, repeated);
        }

        await using SqliteConnection c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: the write lock is taken before anything is read, so no other writer can move the head.
        await using SqliteTransaction tx = c.BeginTransaction(deferred: false);
        long actual = Scalar<long>(c, tx, "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = $s;", ("$s", streamId));
        if (actual != expectedVersion)
        {
            return StoreAppendRules.Conflict(streamId, actual, expectedVersion);
        }

        foreach (PendingEvent p in events)
        {
            if (Scalar<long>(c, tx, "SELECT COUNT(*) FROM events WHERE command_id = $c;", ("$c", p.CommandId.ToString("D"))) > 0)
            {
                return StoreAppendRules.Duplicate(streamId, p.CommandId);
            }
        }

        (long position, string headHash) = Head(c, tx);
        string previousInStream = actual == 0
            ? AuditChain.Genesis
            : Scalar<string>(c, tx, "SELECT hash FROM events WHERE stream_id = $s AND version = $v;", ("$s", streamId), ("$v", actual));
        var stored = new List<StoredEvent>(events.Count);
        try
        {
            using SqliteCommand insert = Command(c, tx,
                "INSERT INTO events (position, stream_id, version, command_id, body, hash) VALUES ($p, $s, $v, $c, $b, $h);");
            foreach (PendingEvent p in events)
            {
                StoredEvent e = AuditChain.Seal(p, position + 1, actual + 1, previousInStream, headHash);
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$p", e.Position);
                insert.Parameters.AddWithValue("$s", e.StreamId);
                insert.Parameters.AddWithValue("$v", e.StreamVersion);
                insert.Parameters.AddWithValue("$c", e.CommandId.ToString("D"));
                insert.Parameters.AddWithValue("$b", e.Body.ToArray());
                insert.Parameters.AddWithValue("$h", e.Hash);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                stored.Add(e);
                position = e.Position;
                actual = e.StreamVersion;
                previousInStream = headHash = e.Hash;
            }

            if (index is not null)
            {
                await UpsertAsync(c, tx, index, cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is 2067 or 1555 /* SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY */)
        {
            // Only reachable if the checks above were bypassed (another program writing the file): the database
            // itself refuses the second (stream, version) or command id, and the transaction rolls back whole.
            return ex.Message.Contains("command_id", StringComparison.Ordinal)
                ? StoreAppendRules.Duplicate(streamId, events[0].CommandId)
                : StoreAppendRules.Conflict(streamId, actual, expectedVersion);
        }

        return KtxhResult.ForValue<IReadOnlyList<StoredEvent>>(stored);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        return await ReadEventsAsync("WHERE stream_id = $a ORDER BY version", streamId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAfterAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        // The unique index on (stream_id, version) answers this with a range scan; usually it finds nothing.
        return await ReadEventsAsync("WHERE stream_id = $a AND version > $b ORDER BY version", streamId, cancellationToken, afterVersion).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default) =>
        (await ReadEventsAsync("WHERE command_id = $a", commandId.ToString("D"), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default) =>
        await ReadEventsAsync("WHERE position >= $a ORDER BY position", fromPosition, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await using SqliteConnection c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        (long position, string hash) = Head(c, null);
        return new AuditAnchor(position, hash);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using SqliteConnection c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand cmd = c.CreateCommand();
        var where = new List<string>();
        void Filter(string column, object? value)
        {
            if (value is not null)
            {
                string name = "$f" + where.Count.ToString(CultureInfo.InvariantCulture);
                where.Add($"{column} = {name}");
                cmd.Parameters.AddWithValue(name, value);
            }
        }

        Filter("form_code", query.FormCode);
        Filter("unit_code", query.UnitCode);
        Filter("receiving_unit_code", query.ReceivingUnitCode);
        Filter("period_id", query.Period?.Id);
        Filter("period_year", query.Year);
        Filter("kind", query.Kind?.ToString());
        if (query.States is { Count: > 0 } states)
        {
            where.Add("state IN (" + string.Join(", ", states.Select((s, i) =>
            {
                string name = "$s" + i.ToString(CultureInfo.InvariantCulture);
                cmd.Parameters.AddWithValue(name, s.ToString());
                return name;
            })) + ")");
        }

        cmd.CommandText = "SELECT stream_id, receiving_unit_code, state, version, due_date, last_changed_ticks FROM submissions"
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY stream_id;";
        var result = new List<SubmissionIndexEntry>();
        await using SqliteDataReader r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (SubmissionId.TryParseStreamId(r.GetString(0), out SubmissionId id) && Enum.TryParse(r.GetString(2), out SubmissionState state)
                && DatePattern.Parse(r.GetString(4)).TryGetValue(default, out LocalDate due))
            {
                var entry = new SubmissionIndexEntry(id, r.GetString(1), state, r.GetInt64(3), due, Instant.FromUnixTimeTicks(r.GetInt64(5)));
                // SubmissionQuery.Matches is the reference meaning; the SQL above only narrows the rows read.
                if (query.Matches(entry))
                {
                    result.Add(entry);
                }
            }
        }

        // Ordinal order, as the contract says (SQLite's BINARY collation is byte order, which matches for UTF-8).
        result.Sort((a, b) => string.CompareOrdinal(a.StreamId, b.StreamId));
        return result;
    }

    private static async Task UpsertAsync(SqliteConnection c, SqliteTransaction tx, SubmissionIndexEntry index, CancellationToken cancellationToken)
    {
        using SqliteCommand cmd = Command(c, tx, """
            INSERT INTO submissions (stream_id, form_code, unit_code, receiving_unit_code, period_id, period_year, kind, state, version, due_date, last_changed_ticks)
            VALUES ($s, $f, $u, $r, $p, $y, $k, $st, $v, $d, $t)
            ON CONFLICT (stream_id) DO UPDATE SET receiving_unit_code = excluded.receiving_unit_code, state = excluded.state,
                version = excluded.version, due_date = excluded.due_date, last_changed_ticks = excluded.last_changed_ticks;
            """);
        SubmissionId s = index.Submission;
        cmd.Parameters.AddWithValue("$s", index.StreamId);
        cmd.Parameters.AddWithValue("$f", s.FormCode);
        cmd.Parameters.AddWithValue("$u", s.UnitCode);
        cmd.Parameters.AddWithValue("$r", index.ReceivingUnitCode);
        cmd.Parameters.AddWithValue("$p", s.Period.Id);
        cmd.Parameters.AddWithValue("$y", s.Period.Year);
        cmd.Parameters.AddWithValue("$k", s.Kind.ToString());
        cmd.Parameters.AddWithValue("$st", index.State.ToString());
        cmd.Parameters.AddWithValue("$v", index.Version);
        cmd.Parameters.AddWithValue("$d", DatePattern.Format(index.DueDate));
        cmd.Parameters.AddWithValue("$t", index.LastChanged.ToUnixTimeTicks());
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string filter, object argument, CancellationToken cancellationToken, object? second = null)
    {
        await using SqliteConnection c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand cmd = Command(c, null, "SELECT position, stream_id, version, command_id, body, hash FROM events " + filter + ";");
        cmd.Parameters.AddWithValue("$a", argument);
        if (second is not null)
        {
            cmd.Parameters.AddWithValue("$b", second);
        }

        var result = new List<StoredEvent>();
        await using SqliteDataReader r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A command id that is not a GUID can only come from an edit behind the store's back: it is read as
            // the empty GUID so that verifying the chain reports it (the body still names the real command).
            Guid command = Guid.TryParseExact(r.GetString(3), "D", out Guid g) ? g : Guid.Empty;
            result.Add(new StoredEvent(r.GetInt64(0), r.GetString(1), r.GetInt64(2), command, (byte[])r.GetValue(4), r.GetString(5)));
        }

        return result;
    }

    private static (long Position, string Hash) Head(SqliteConnection c, SqliteTransaction? tx)
    {
        using SqliteCommand cmd = Command(c, tx, "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1;");
        using SqliteDataReader r = cmd.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetString(1)) : (0, AuditChain.Genesis);
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, null, "PRAGMA busy_timeout = " + (c.DefaultTimeout * 1000).ToString(CultureInfo.InvariantCulture) + "; PRAGMA foreign_keys = ON;" + _synchronous);
        return c;
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(c, null, "PRAGMA busy_timeout = " + (c.DefaultTimeout * 1000).ToString(CultureInfo.InvariantCulture) + "; PRAGMA foreign_keys = ON;" + _synchronous);
        return c;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        SqliteCommand cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Execute(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using SqliteCommand cmd = Command(c, tx, sql);
        cmd.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand cmd = Command(c, tx, sql);
        foreach ((string name, object value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    // Our own words for SQLite's primary result codes (its documented numbering), never the exception's text.
    private static string CannotOpenVi(int code) => (code & 0xFF) switch
    {
        5 or 6 => "tệp đang bị tiến trình khác khóa",
        8 => "tệp hoặc thư mục chỉ cho đọc",
        10 => "lỗi đọc ghi đĩa",
        11 or 26 => "tệp không phải cơ sở dữ liệu SQLite hoặc đã hỏng",
        13 => "đĩa đầy",
        14 => "không mở được tệp (thư mục không có hoặc không có quyền)",
        _ => "SQLite báo lỗi",
    };

    private static string CannotOpenEn(int code) => (code & 0xFF) switch
    {
        5 or 6 => "the file is locked by another process",
        8 => "the file or its folder is read-only",
        10 => "a disk I/O error",
        11 or 26 => "the file is not a SQLite database or is damaged",
        13 => "the disk is full",
        14 => "the file cannot be opened (missing folder or no permission)",
        _ => "SQLite reported an error",
    };
}

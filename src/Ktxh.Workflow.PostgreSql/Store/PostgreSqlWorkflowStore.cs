using System.Globalization;
using System.Text.RegularExpressions;
using Ktxh.Workflow.Store;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Ktxh.Workflow.PostgreSql;

/// <summary>
/// An <see cref="IWorkflowStore"/> on PostgreSQL, for many application instances on one database: plain ADO.NET
/// over a documented schema (docs/workflow-stores.md), a schema version table and forward migrations run by
/// <see cref="Open"/>.
/// </summary>
/// <remarks>
/// <para>Concurrency: no lock is held across a caller's round trip. A command reads a version, and its append
/// succeeds only if the stream is still at that version: the append checks it, and the unique (stream, version)
/// constraint enforces it in the database whatever the client does. The store-wide chain position is serialised by
/// the single row of the <c>head</c> table, locked (<c>SELECT … FOR UPDATE</c>) and updated inside the append's
/// own short transaction, so positions have no gaps and every event links to the one before it; the lock is
/// released at commit, a few statements later.</para>
/// <para>Each append is one transaction: a connection lost or a process killed mid-batch leaves nothing written.</para>
/// <para>Thread safety: operations take pooled connections from one <see cref="NpgsqlDataSource"/>; instances are
/// safe to share. Dispose the store to close the pool.</para>
/// </remarks>
public sealed partial class PostgreSqlWorkflowStore : IWorkflowStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _s;

    private PostgreSqlWorkflowStore(NpgsqlDataSource dataSource, string schema)
    {
        _dataSource = dataSource;
        Schema = schema;
        _s = "\"" + schema + "\"";
    }

    /// <summary>The PostgreSQL schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>The schema version this package creates and reads.</summary>
    public static int SchemaVersion => PostgreSqlSchema.CurrentVersion;

    /// <summary>
    /// Connects and migrates the schema forward when needed (safe when several instances start at once: the
    /// migration runs in one transaction under an advisory lock and re-reads the version).
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema for the tables (lower-case letters, digits, underscores);
    /// created when missing.</param>
    /// <returns>The store, or <see cref="PostgreSqlStoreErrorCode.SchemaTooNew"/> when the database was migrated by
    /// a newer version of this package, or <see cref="PostgreSqlStoreErrorCode.CannotOpen"/>.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or the schema name is not a plain
    /// lower-case identifier.</exception>
    public static KtxhResult<PostgreSqlWorkflowStore> Open(string connectionString, string schema = "ktxh")
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(schema);
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException("Tên lược đồ chỉ gồm chữ thường, số, gạch dưới. / The schema name must be lower-case letters, digits and underscores.", nameof(schema));
        }

        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        var store = new PostgreSqlWorkflowStore(dataSource, schema);
        try
        {
            KtxhResult<PostgreSqlWorkflowStore> result = store.Migrate();
            if (!result.Success)
            {
                dataSource.Dispose();
            }

            return result;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            dataSource.Dispose();
            return KtxhResult<PostgreSqlWorkflowStore>.ForError(KtxhError.Create(PostgreSqlStoreErrorCode.CannotOpen, ErrorLocation.AtField(schema),
                ex is PostgresException pg
                    ? $"Không mở được kho quy trình PostgreSQL: máy chủ từ chối (SQLSTATE {pg.SqlState})"
                    : "Không mở được kho quy trình PostgreSQL: không kết nối được máy chủ (địa chỉ, cổng, tài khoản hoặc hết thời gian chờ)",
                ex is PostgresException pg2
                    ? $"The PostgreSQL workflow store cannot be opened: the server refused (SQLSTATE {pg2.SqlState})"
                    : "The PostgreSQL workflow store cannot be opened: the server cannot be reached (address, port, account or time-out)"));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    private KtxhResult<PostgreSqlWorkflowStore> Migrate()
    {
        using NpgsqlConnection c = _dataSource.OpenConnection();
        using NpgsqlTransaction tx = c.BeginTransaction();
        Execute(c, tx, "SELECT pg_advisory_xact_lock(hashtext('ktxh-workflow-migrate:' || @s));", ("s", Schema));
        Execute(c, tx, $"""
            CREATE SCHEMA IF NOT EXISTS {_s};
            CREATE TABLE IF NOT EXISTS {_s}.schema_version (
                version     integer     NOT NULL PRIMARY KEY,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                description text        NOT NULL
            );
            """);
        using (NpgsqlCommand read = Command(c, tx, $"SELECT COALESCE(MAX(version), 0) FROM {_s}.schema_version;"))
        {
            int current = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current > PostgreSqlSchema.CurrentVersion)
            {
                return KtxhResult<PostgreSqlWorkflowStore>.ForError(KtxhError.Create(PostgreSqlStoreErrorCode.SchemaTooNew, ErrorLocation.AtField(Schema),
                    $"Lược đồ {Schema} đã được nâng cấp bởi phiên bản mới hơn của Ktxh (lược đồ {current}, phiên bản này chỉ biết tới {PostgreSqlSchema.CurrentVersion}); hãy nâng cấp ứng dụng, không chạy bản cũ trên cơ sở dữ liệu này.",
                    $"The schema {Schema} was migrated by a newer Ktxh (schema {current}, this version knows up to {PostgreSqlSchema.CurrentVersion}); upgrade the application rather than run an older one on this database."));
            }

            for (int v = current + 1; v <= PostgreSqlSchema.CurrentVersion; v++)
            {
                Execute(c, tx, PostgreSqlSchema.Migrations[v - 1].Replace("{0}", _s, StringComparison.Ordinal));
                Execute(c, tx, $"INSERT INTO {_s}.schema_version (version, description) VALUES (@v, @d);", ("v", v), ("d", $"Ktxh.Workflow.PostgreSql migration {v}"));
            }
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

        Guid[] commands = events.Select(e => e.CommandId).ToArray();

        await using NpgsqlConnection c = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long position;
        string headHash;
        long actual = 0;
        string previousInStream = AuditChain.Genesis;
        Guid? duplicate = null;
        // One round trip: lock the chain's head row (held until commit), read the stream's last event and any
        // command already recorded.
        await using (var batch = new NpgsqlBatch(c, tx))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT position, hash FROM {_s}.head WHERE id = 1 FOR UPDATE;"));
            var last = new NpgsqlBatchCommand($"SELECT version, hash FROM {_s}.events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1;");
            last.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(last);
            var known = new NpgsqlBatchCommand($"SELECT command_id FROM {_s}.events WHERE command_id = ANY($1) LIMIT 1;");
            known.Parameters.Add(new NpgsqlParameter { Value = commands, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            batch.BatchCommands.Add(known);
            await using NpgsqlDataReader r = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            (position, headHash) = (r.GetInt64(0), r.GetString(1));
            await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (actual, previousInStream) = (r.GetInt64(0), r.GetString(1));
            }

            await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                duplicate = r.GetGuid(0);
            }
        }

        if (actual != expectedVersion)
        {
            return StoreAppendRules.Conflict(streamId, actual, expectedVersion);
        }

        if (duplicate is { } d)
        {
            return StoreAppendRules.Duplicate(streamId, d);
        }

        var stored = new List<StoredEvent>(events.Count);
        try
        {
            await using var write = new NpgsqlBatch(c, tx);
            foreach (PendingEvent p in events)
            {
                StoredEvent e = AuditChain.Seal(p, position + 1, actual + 1, previousInStream, headHash);
                var insert = new NpgsqlBatchCommand($"INSERT INTO {_s}.events (position, stream_id, version, command_id, body, hash) VALUES ($1, $2, $3, $4, $5, $6);");
                insert.Parameters.Add(new NpgsqlParameter { Value = e.Position });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.StreamVersion });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.CommandId });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.Body.ToArray() });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.Hash, NpgsqlDbType = NpgsqlDbType.Char });
                write.BatchCommands.Add(insert);
                stored.Add(e);
                position = e.Position;
                actual = e.StreamVersion;
                previousInStream = headHash = e.Hash;
            }

            var head = new NpgsqlBatchCommand($"UPDATE {_s}.head SET position = $1, hash = $2 WHERE id = 1;");
            head.Parameters.Add(new NpgsqlParameter { Value = position });
            head.Parameters.Add(new NpgsqlParameter { Value = headHash, NpgsqlDbType = NpgsqlDbType.Char });
            write.BatchCommands.Add(head);
            if (index is not null)
            {
                write.BatchCommands.Add(Upsert(index));
            }

            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only reachable when something bypassed the head lock (another program writing the tables): the
            // database refuses the second (stream, version) or command id, and the transaction rolls back whole.
            return ex.ConstraintName == "events_command"
                ? StoreAppendRules.Duplicate(streamId, commands[0])
                : StoreAppendRules.Conflict(streamId, actual, expectedVersion);
        }

        return KtxhResult.ForValue<IReadOnlyList<StoredEvent>>(stored);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        return await ReadEventsAsync("WHERE stream_id = $1 ORDER BY version", new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAfterAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        // The unique constraint on (stream_id, version) answers this with an index range scan; usually it finds nothing.
        return await ReadEventsAsync("WHERE stream_id = $1 AND version > $2 ORDER BY version",
            [new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text }, new NpgsqlParameter { Value = afterVersion }],
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default) =>
        (await ReadEventsAsync("WHERE command_id = $1", new NpgsqlParameter { Value = commandId }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default) =>
        await ReadEventsAsync("WHERE position >= $1 ORDER BY position", new NpgsqlParameter { Value = fromPosition }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection c = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // The last event itself (not the head row), so that a head row changed behind the store's back is not believed.
        await using NpgsqlCommand cmd = Command(c, null, $"SELECT position, hash FROM {_s}.events ORDER BY position DESC LIMIT 1;");
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? new AuditAnchor(r.GetInt64(0), r.GetString(1)) : new AuditAnchor(0, AuditChain.Genesis);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using NpgsqlConnection c = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand cmd = Command(c, null, "");
        var where = new List<string>();
        void Filter(string column, object? value, NpgsqlDbType type)
        {
            if (value is not null)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
                where.Add($"{column} = ${cmd.Parameters.Count}");
            }
        }

        Filter("form_code", query.FormCode, NpgsqlDbType.Text);
        Filter("unit_code", query.UnitCode, NpgsqlDbType.Text);
        Filter("receiving_unit_code", query.ReceivingUnitCode, NpgsqlDbType.Text);
        Filter("period_id", query.Period?.Id, NpgsqlDbType.Text);
        Filter("period_year", query.Year, NpgsqlDbType.Integer);
        Filter("kind", query.Kind?.ToString(), NpgsqlDbType.Text);
        if (query.States is { Count: > 0 } states)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = states.Select(s => s.ToString()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            where.Add($"state = ANY(${cmd.Parameters.Count})");
        }

        cmd.CommandText = $"SELECT stream_id, receiving_unit_code, state, version, due_date, last_changed FROM {_s}.submissions"
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY stream_id COLLATE \"C\";";
        var result = new List<SubmissionIndexEntry>();
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (SubmissionId.TryParseStreamId(r.GetString(0), out SubmissionId id) && Enum.TryParse(r.GetString(2), out SubmissionState state))
            {
                var entry = new SubmissionIndexEntry(id, r.GetString(1), state, r.GetInt64(3), LocalDate.FromDateOnly(r.GetFieldValue<DateOnly>(4)),
                    Instant.FromDateTimeUtc(r.GetFieldValue<DateTime>(5)));
                // SubmissionQuery.Matches is the reference meaning; the SQL above only narrows the rows read.
                if (query.Matches(entry))
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private NpgsqlBatchCommand Upsert(SubmissionIndexEntry index)
    {
        var cmd = new NpgsqlBatchCommand($"""
            INSERT INTO {_s}.submissions (stream_id, form_code, unit_code, receiving_unit_code, period_id, period_year, kind, state, version, due_date, last_changed)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (stream_id) DO UPDATE SET receiving_unit_code = excluded.receiving_unit_code, state = excluded.state,
                version = excluded.version, due_date = excluded.due_date, last_changed = excluded.last_changed;
            """);
        SubmissionId s = index.Submission;
        object[] values = [index.StreamId, s.FormCode, s.UnitCode, index.ReceivingUnitCode, s.Period.Id, s.Period.Year, s.Kind.ToString(),
            index.State.ToString(), index.Version, index.DueDate.ToDateOnly(), index.LastChanged.ToDateTimeUtc()];
        foreach (object v in values)
        {
            cmd.Parameters.Add(v is string text ? new NpgsqlParameter { Value = text, NpgsqlDbType = NpgsqlDbType.Text } : new NpgsqlParameter { Value = v });
        }

        return cmd;
    }

    private Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string filter, NpgsqlParameter argument, CancellationToken cancellationToken) =>
        ReadEventsAsync(filter, [argument], cancellationToken);

    private async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string filter, NpgsqlParameter[] arguments, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection c = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand cmd = Command(c, null, $"SELECT position, stream_id, version, command_id, body, hash FROM {_s}.events {filter};");
        foreach (NpgsqlParameter argument in arguments)
        {
            cmd.Parameters.Add(argument);
        }

        var result = new List<StoredEvent>();
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredEvent(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetGuid(3), r.GetFieldValue<byte[]>(4), r.GetString(5)));
        }

        return result;
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql) => new(sql, c, tx);

    private static void Execute(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using NpgsqlCommand cmd = Command(c, tx, sql);
        foreach ((string name, object value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }
}

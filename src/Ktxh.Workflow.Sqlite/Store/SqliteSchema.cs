namespace Ktxh.Workflow.Sqlite;

/// <summary>The schema of a SQLite workflow store and its forward migrations (version n is migrations[0..n-1]).</summary>
internal static class SqliteSchema
{
    /// <summary>The migrations, in order; a migration is never edited once released, only followed by another.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: events (the sealed audit chain) and the submission index.
        """
        CREATE TABLE events (
            position    INTEGER PRIMARY KEY,
            stream_id   TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            command_id  TEXT    NOT NULL,
            body        BLOB    NOT NULL,
            hash        TEXT    NOT NULL,
            CONSTRAINT events_stream_version UNIQUE (stream_id, version),
            CONSTRAINT events_command UNIQUE (command_id)
        );
        CREATE TABLE submissions (
            stream_id           TEXT    PRIMARY KEY,
            form_code           TEXT    NOT NULL,
            unit_code           TEXT    NOT NULL,
            receiving_unit_code TEXT    NOT NULL,
            period_id           TEXT    NOT NULL,
            period_year         INTEGER NOT NULL,
            kind                TEXT    NOT NULL,
            state               TEXT    NOT NULL,
            version             INTEGER NOT NULL,
            due_date            TEXT    NOT NULL,
            last_changed_ticks  INTEGER NOT NULL
        );
        CREATE INDEX submissions_form_period ON submissions (form_code, period_id);
        CREATE INDEX submissions_receiving ON submissions (receiving_unit_code, state);
        CREATE INDEX submissions_unit ON submissions (unit_code);
        """,
    ];

    /// <summary>The schema version this package writes.</summary>
    public static int CurrentVersion => Migrations.Count;
}

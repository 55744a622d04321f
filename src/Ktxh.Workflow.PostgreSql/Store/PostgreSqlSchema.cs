namespace Ktxh.Workflow.PostgreSql;

/// <summary>The schema of a PostgreSQL workflow store and its forward migrations ({0} is the schema name);
/// docs/workflow-stores.md describes it for a DBA.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>The migrations, in order; a migration is never edited once released, only followed by another.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: events (the sealed audit chain), the chain's head (one row) and the submission index.
        """
        CREATE TABLE {0}.events (
            position    bigint      NOT NULL,
            stream_id   text        NOT NULL,
            version     bigint      NOT NULL,
            command_id  uuid        NOT NULL,
            body        bytea       NOT NULL,
            hash        char(64)    NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT events_pkey PRIMARY KEY (position),
            CONSTRAINT events_stream_version UNIQUE (stream_id, version),
            CONSTRAINT events_command UNIQUE (command_id)
        );
        CREATE TABLE {0}.head (
            id       smallint NOT NULL DEFAULT 1,
            position bigint   NOT NULL,
            hash     char(64) NOT NULL,
            CONSTRAINT head_pkey PRIMARY KEY (id),
            CONSTRAINT head_single_row CHECK (id = 1)
        );
        INSERT INTO {0}.head (id, position, hash) VALUES (1, 0, repeat('0', 64));
        CREATE TABLE {0}.submissions (
            stream_id           text        NOT NULL,
            form_code           text        NOT NULL,
            unit_code           text        NOT NULL,
            receiving_unit_code text        NOT NULL,
            period_id           text        NOT NULL,
            period_year         integer     NOT NULL,
            kind                text        NOT NULL,
            state               text        NOT NULL,
            version             bigint      NOT NULL,
            due_date            date        NOT NULL,
            last_changed        timestamptz NOT NULL,
            CONSTRAINT submissions_pkey PRIMARY KEY (stream_id)
        );
        CREATE INDEX submissions_form_period ON {0}.submissions (form_code, period_id);
        CREATE INDEX submissions_receiving ON {0}.submissions (receiving_unit_code, state);
        CREATE INDEX submissions_unit ON {0}.submissions (unit_code);
        """,
    ];

    /// <summary>The schema version this package writes.</summary>
    public static int CurrentVersion => Migrations.Count;
}

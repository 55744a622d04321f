namespace Ktxh.Workflow.PostgreSql;

/// <summary>Why a PostgreSQL workflow store cannot be opened.</summary>
public enum PostgreSqlStoreErrorCode
{
    /// <summary>The database was migrated by a newer version of the package (its schema version is higher than this one knows).</summary>
    SchemaTooNew = 1,

    /// <summary>The server cannot be reached or refused the connection or the migration.</summary>
    CannotOpen = 2,
}

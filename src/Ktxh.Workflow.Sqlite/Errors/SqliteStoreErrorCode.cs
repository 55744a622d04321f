namespace Ktxh.Workflow.Sqlite;

/// <summary>Why a SQLite workflow store cannot be opened.</summary>
public enum SqliteStoreErrorCode
{
    /// <summary>The file was written by a newer version of the package (its schema version is higher than this one knows).</summary>
    SchemaTooNew = 1,

    /// <summary>The file cannot be opened or is not a SQLite database.</summary>
    CannotOpen = 2,
}

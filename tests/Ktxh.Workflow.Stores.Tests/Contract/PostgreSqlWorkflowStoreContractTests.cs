namespace Ktxh.Workflow.Stores.Tests;

/// <summary>The contract on PostgreSQL (a fresh schema per test); skipped with the reason when no server is configured outside CI.</summary>
public sealed class PostgreSqlWorkflowStoreContractTests : WorkflowStoreContract, IRequiresPostgreSql
{
    private PostgresTestSchema? _schema;

    private PostgresTestSchema Schema => _schema ??= new PostgresTestSchema();

    protected override IWorkflowStore CreateStore() => Schema.Open();

    protected override IWorkflowStore OpenAgain() => Schema.Open();

    protected override void DisposeStore(IWorkflowStore store)
    {
        if (ReferenceEquals(store, Store))
        {
            _schema?.Dispose();
        }
    }
}

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>The contract on a SQLite file.</summary>
public sealed class SqliteWorkflowStoreContractTests : WorkflowStoreContract
{
    private readonly SqliteTestDatabase _db = new();

    protected override IWorkflowStore CreateStore() => _db.Open();

    protected override IWorkflowStore OpenAgain() => _db.Open();

    protected override void DisposeStore(IWorkflowStore store)
    {
        if (ReferenceEquals(store, Store))
        {
            _db.Dispose();
        }
    }
}

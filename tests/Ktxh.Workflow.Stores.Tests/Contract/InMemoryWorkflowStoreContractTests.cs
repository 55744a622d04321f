namespace Ktxh.Workflow.Stores.Tests;

/// <summary>The contract on the in-memory store (the reference the durable stores are held to).</summary>
public sealed class InMemoryWorkflowStoreContractTests : WorkflowStoreContract
{
    private readonly InMemoryWorkflowStore _store = new();

    protected override IWorkflowStore CreateStore() => _store;

    protected override IWorkflowStore OpenAgain() => _store;
}

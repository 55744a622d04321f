using Ktxh.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Ktxh.Workflow.Sqlite;

/// <summary>Makes a durable store the <see cref="IWorkflowStore"/>.</summary>
internal static class StoreRegistration
{
    /// <summary>Replaces the in-memory default (registered by <c>AddKtxhWorkflow</c>) and adds the store where no
    /// store is registered; a store the host registered itself is kept.</summary>
    public static void UseStore<TStore>(IServiceCollection services)
        where TStore : class, IWorkflowStore
    {
        ServiceDescriptor? existing = services.LastOrDefault(d => d.ServiceType == typeof(IWorkflowStore));
        if (existing is { ImplementationType: { } t } && t == typeof(InMemoryWorkflowStore))
        {
            services.Remove(existing);
            existing = null;
        }

        if (existing is null)
        {
            services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<TStore>());
        }
    }
}

using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>Registers the Ktxh.Workflow services in a host's service collection.</summary>
public static class KtxhWorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons and only where nothing is registered yet (<c>TryAdd</c>): an
    /// <see cref="InMemoryWorkflowStore"/> as the <see cref="IWorkflowStore"/> (register a durable store first to use
    /// it), <see cref="TimeProvider.System"/> and an <see cref="IClock"/> over the <see cref="TimeProvider"/>, the
    /// Vietnamese civil-service <see cref="WorkingCalendar"/>, the <see cref="WorkflowEngine"/>, the
    /// <see cref="WorkflowReports"/> and the <see cref="AssignmentPlanner"/>. <paramref name="configure"/> goes
    /// through <c>IOptions</c>, so repeated calls compose.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null leaves them as they are.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKtxhWorkflow(this IServiceCollection services, Action<KtxhWorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KtxhWorkflowOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IWorkflowStore, InMemoryWorkflowStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(WorkingCalendar.VietnamCivilService);
        services.TryAddSingleton(sp =>
        {
            KtxhWorkflowOptions o = sp.GetRequiredService<IOptions<KtxhWorkflowOptions>>().Value;
            var engineOptions = new WorkflowEngineOptions
            {
                DefaultPolicy = o.DefaultPolicy,
                Calendar = sp.GetRequiredService<WorkingCalendar>(),
                TimeZone = DateTimeZoneProviders.Tzdb[o.TimeZoneId],
                StreamCacheCapacity = o.StreamCacheCapacity,
                SignatureTrust = o.SignatureTrust,
            };
            foreach (var (regime, policy) in o.Policies)
            {
                engineOptions.Policies[regime] = policy;
            }

            return new WorkflowEngine(sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<IClock>(), engineOptions);
        });
        services.TryAddSingleton(sp => new WorkflowReports(sp.GetRequiredService<WorkflowEngine>(),
            sp.GetRequiredService<IOptions<KtxhWorkflowOptions>>().Value.SentPolicy));
        services.TryAddSingleton(sp => new AssignmentPlanner(sp.GetRequiredService<WorkingCalendar>()));
        return services;
    }
    /// <summary>
    /// Makes <typeparamref name="TStore"/> (registered by the caller) the <see cref="IWorkflowStore"/>: it replaces
    /// the <see cref="InMemoryWorkflowStore"/> default of <see cref="AddKtxhWorkflow"/> and fills an empty slot, but
    /// keeps a store the host registered itself. The one rule every durable store package (SQLite, PostgreSQL) follows.
    /// </summary>
    /// <typeparam name="TStore">The durable store type, already registered as a service.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection UseKtxhWorkflowStore<TStore>(this IServiceCollection services)
        where TStore : class, IWorkflowStore
    {
        ArgumentNullException.ThrowIfNull(services);
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

        return services;
    }
}

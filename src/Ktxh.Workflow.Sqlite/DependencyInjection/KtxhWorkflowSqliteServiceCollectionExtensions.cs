using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Workflow.Sqlite;

/// <summary>Registers the SQLite workflow store.</summary>
public static class KtxhWorkflowSqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SqliteWorkflowStore"/> on <paramref name="path"/> as the <see cref="Ktxh.Workflow.IWorkflowStore"/>
    /// (replacing the in-memory default of <c>AddKtxhWorkflow</c>, keeping any other store registered before) and
    /// the rest of Ktxh.Workflow. The file is opened on first resolution; a file from a newer schema throws a
    /// <see cref="Ktxh.KtxhException"/> with the bilingual reason.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="path">The database file.</param>
    /// <param name="configure">Further options; null for none.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static IServiceCollection AddKtxhWorkflowSqlite(this IServiceCollection services, string path, Action<KtxhWorkflowSqliteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(path);
        services.Configure<KtxhWorkflowSqliteOptions>(o => o.Path = path);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(sp =>
        {
            KtxhWorkflowSqliteOptions o = sp.GetRequiredService<IOptions<KtxhWorkflowSqliteOptions>>().Value;
            return SqliteWorkflowStore.Open(o.Path, o.BusyTimeout, o.FlushEachCommit).Value;
        });
        services.UseKtxhWorkflowStore<SqliteWorkflowStore>();
        return services.AddKtxhWorkflow();
    }
}

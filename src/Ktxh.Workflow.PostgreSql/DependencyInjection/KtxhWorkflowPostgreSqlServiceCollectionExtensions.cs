using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Workflow.PostgreSql;

/// <summary>Registers the PostgreSQL workflow store.</summary>
public static class KtxhWorkflowPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="PostgreSqlWorkflowStore"/> on the database as the <see cref="Ktxh.Workflow.IWorkflowStore"/>
    /// (replacing the in-memory default of <c>AddKtxhWorkflow</c>, keeping any other store registered before) and
    /// the rest of Ktxh.Workflow. The database is migrated on first resolution; a database from a newer schema throws a
    /// <see cref="Ktxh.KtxhException"/> with the bilingual reason.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Further options; null for none.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public static IServiceCollection AddKtxhWorkflowPostgreSql(this IServiceCollection services, string connectionString, Action<KtxhWorkflowPostgreSqlOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        services.Configure<KtxhWorkflowPostgreSqlOptions>(o => o.ConnectionString = connectionString);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(sp =>
        {
            KtxhWorkflowPostgreSqlOptions o = sp.GetRequiredService<IOptions<KtxhWorkflowPostgreSqlOptions>>().Value;
            return PostgreSqlWorkflowStore.Open(o.ConnectionString, o.Schema).Value;
        });
        services.UseKtxhWorkflowStore<PostgreSqlWorkflowStore>();
        return services.AddKtxhWorkflow();
    }
}

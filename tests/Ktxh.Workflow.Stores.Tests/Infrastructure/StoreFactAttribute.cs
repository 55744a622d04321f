using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>
/// A fact of the store contract. The contract's facts are declared once, on the abstract base class, so the skip
/// cannot be decided by the attribute's constructor (it does not know the class): the discoverer decides it per
/// test class, skipping (with the reason) the facts of a class marked <see cref="IRequiresPostgreSql"/> when no
/// server is configured outside CI.
/// </summary>
[XunitTestCaseDiscoverer("Ktxh.Workflow.Stores.Tests.StoreFactDiscoverer", "Ktxh.Workflow.Stores.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        Type? type = testMethod.TestClass.Class.ToRuntimeType();
        if (type is not null && typeof(IRequiresPostgreSql).IsAssignableFrom(type) && PostgresEnvironment.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped with the reason when none is configured outside CI.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

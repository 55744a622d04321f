using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ktxh.Workflow.Tests.DependencyInjection;

public class AddKtxhWorkflowTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public async Task It_works_alone_and_repeated_calls_compose_their_options()
    {
        var services = new ServiceCollection();
        services.AddKtxhWorkflow(o => o.DefaultPolicy = new WorkflowPolicy { TwoStepAccept = true });
        services.AddKtxhWorkflow(o => o.SentPolicy = SentPolicy.LastSend);
        services.AddKtxhWorkflow();
        using ServiceProvider sp = services.BuildServiceProvider(Strict);
        var engine = sp.GetRequiredService<WorkflowEngine>();
        Assert.Same(engine, sp.GetRequiredService<WorkflowEngine>());
        Assert.True(engine.PolicyFor("any").TwoStepAccept);
        Assert.Equal(SentPolicy.LastSend, sp.GetRequiredService<WorkflowReports>().SentPolicy);
        Assert.IsType<InMemoryWorkflowStore>(sp.GetRequiredService<IWorkflowStore>());
        Assert.Single(services, d => d.ServiceType == typeof(WorkflowEngine));
        Assert.True((await engine.AssignAsync(WorkflowFixture.Agg1, WorkflowFixture.AssignmentOf(), Guid.NewGuid())).Success);
    }

    [Fact]
    public void Registrations_made_before_win()
    {
        var store = new InMemoryWorkflowStore();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IWorkflowStore>(store);
        services.AddSingleton<IClock>(clock);
        services.AddKtxhWorkflow();
        using ServiceProvider sp = services.BuildServiceProvider(Strict);
        Assert.Same(store, sp.GetRequiredService<WorkflowEngine>().Store);
        Assert.Equal(new LocalDate(2026, 3, 1), sp.GetRequiredService<WorkflowEngine>().Today);
        Assert.Same(WorkingCalendar.VietnamCivilService, sp.GetRequiredService<AssignmentPlanner>().Calendar);
    }
}

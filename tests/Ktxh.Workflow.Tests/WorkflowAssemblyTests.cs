namespace Ktxh.Workflow.Tests;

public class WorkflowAssemblyTests
{
    [Fact]
    public void The_package_name_matches_the_assembly()
        => Assert.Equal(WorkflowAssembly.Name, typeof(WorkflowAssembly).Assembly.GetName().Name);
}

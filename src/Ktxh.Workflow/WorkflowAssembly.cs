namespace Ktxh.Workflow;

/// <summary>Identifies the Ktxh.Workflow assembly (for hosts that scan assemblies).</summary>
public static class WorkflowAssembly
{
    /// <summary>The package's name.</summary>
    public const string Name = "Ktxh.Workflow";
}
